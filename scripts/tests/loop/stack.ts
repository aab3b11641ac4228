import fs from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { startCms } from '../../lib/cmsServer';
import { freePort } from '../../lib/processes';
import { buildSite, siteFolders } from '../../lib/siteBuild';
import { describeStack } from '../../lib/stack';
import { copyInstall } from './install';
import { siteReader } from './site';

/**
 * The stacks the loop's test files run against. The global setup (globalSetup.ts) seeds one
 * install, starts its CMS and makes its first build once; files that only read share it. A file
 * that edits, rebuilds or stops the CMS takes an install of its own, copied from the seeded one.
 */

/** What the global setup hands every test file. */
export type SharedLoop = {
  /** The run's temporary folder; the global setup removes it at the end. */
  tmp: string;
  dataDir: string;
  /** A copy of `dataDir` taken right after the first build, before any test could change it. */
  seededDir: string;
  cmsPort: number;
  cmsEnv: Record<string, string>;
  /** The first build's log lines. */
  firstBuildLog: string[];
};

declare module 'vitest' {
  interface ProvidedContext {
    loop: SharedLoop;
  }
}

/** The site's public address in every build of the loop. */
export const siteUrl = 'https://oyu.example';

/**
 * The CMS's environment for an install. Builds it starts use the same public address as the
 * builds the tests start; its preview links lead to `previewPort`, where a test may serve them.
 */
export function cmsEnvFor(dataDir: string, ports: { cms: number; site: number; preview: number }) {
  const stack = describeStack({
    dataDir,
    cmsPort: ports.cms,
    sitePort: ports.site,
    databaseUri: undefined,
    mediaDir: path.join(dataDir, 'media'),
    s3: undefined,
    seedDemo: true,
    demoPhotoSize: undefined,
    verbose: false,
  });
  const env = {
    ...stack.cmsEnv,
    SITE_URL: siteUrl,
    PREVIEW_URL: `http://127.0.0.1:${ports.preview}/preview`,
  };
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

export type BuildOptions = { fromSnapshot?: boolean; full?: boolean; onLog?: (line: string) => void };

/** Builds an install's site from a CMS, as the CMS's build job does on its own machine: photos copied from its folder. */
export function siteBuilder(dataDir: string, cmsPort: number) {
  return (options: BuildOptions = {}) =>
    buildSite({
      cmsMediaDir: path.join(dataDir, 'media'),
      ...options,
      cmsUrl: `http://127.0.0.1:${cmsPort}`,
      siteUrl,
      dataDir,
    });
}

/** An install, its CMS and its live site. */
function describeInstall(dataDir: string, cmsPort: number, cmsEnv: Record<string, string>) {
  const outDir = siteFolders(dataDir).live;
  return { dataDir, outDir, cmsPort, cmsUrl: `http://127.0.0.1:${cmsPort}`, cmsEnv, ...siteReader(outDir) };
}

export type Stack = ReturnType<typeof describeInstall>;

/** The shared install and its first build: read them, never change them. */
export function sharedStack() {
  const loop = inject('loop');
  return { ...describeInstall(loop.dataDir, loop.cmsPort, loop.cmsEnv), firstBuildLog: loop.firstBuildLog };
}

/** A folder of the file's own under the run's temporary folder. */
export function scratchDir(name: string): string {
  return fs.mkdtempSync(path.join(inject('loop').tmp, `${name}-`));
}

/** A copy of the seeded install, as it was after the first build, in a folder of its own. */
export async function ownInstall(name: string): Promise<{ root: string; dataDir: string }> {
  const root = scratchDir(name);
  const dataDir = path.join(root, 'data');
  await copyInstall(inject('loop').seededDir, dataDir);
  return { root, dataDir };
}

/**
 * An install of the file's own with its own CMS on a free port, for a file that edits content,
 * rebuilds, or stops the CMS. `stop` ends its CMS and removes the copy.
 */
export async function ownStack(name: string) {
  const { root, dataDir } = await ownInstall(name);
  const ports = { cms: await freePort(), site: await freePort(), preview: await freePort() };
  const cmsEnv = cmsEnvFor(dataDir, ports);
  let cms: Awaited<ReturnType<typeof startCms>> | undefined = await startCms(cmsEnv, ports.cms);
  const stopCms = async () => {
    await cms?.stop();
    cms = undefined;
  };
  return {
    ...describeInstall(dataDir, ports.cms, cmsEnv),
    root,
    previewPort: ports.preview,
    buildFromCms: siteBuilder(dataDir, ports.cms),
    stopCms,
    restartCms: async () => {
      cms = await startCms(cmsEnv, ports.cms);
    },
    stop: async () => {
      await stopCms();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

export type OwnStack = Awaited<ReturnType<typeof ownStack>>;
