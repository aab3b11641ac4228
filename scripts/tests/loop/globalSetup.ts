import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildCms } from '../../lib/cmsBuild';
import { startCms } from '../../lib/cmsServer';
import { repoRoot } from '../../lib/env';
import { freePort, run } from '../../lib/processes';
import { paths } from '../../lib/stack';
import { copyInstall } from './install';
import { cmsEnvFor, type SharedLoop, siteBuilder } from './stack';

/**
 * Once for the loop's test files: a throw-away data folder seeded with the demo, the CMS's
 * production server on a free port, and the first site build. A copy of the folder is taken
 * before any test runs, for files that need an install of their own (stack.ts).
 */
export default async function setup(project: TestProject) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'oyu-loop-'));
  let cms: Awaited<ReturnType<typeof startCms>> | undefined;
  const teardown = async () => {
    await cms?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  try {
    const dataDir = path.join(tmp, 'data');
    const cmsPort = await freePort();
    const cmsEnv = cmsEnvFor(dataDir, { cms: cmsPort, site: await freePort(), preview: await freePort() });
    await seedAndBuildCms(cmsEnv);
    cms = await startCms(cmsEnv, cmsPort);
    const firstBuildLog: string[] = [];
    await siteBuilder(dataDir, cmsPort)({ onLog: (line) => firstBuildLog.push(line) });
    const seededDir = path.join(tmp, 'seeded');
    await copyInstall(dataDir, seededDir);
    const loop: SharedLoop = { tmp, dataDir, seededDir, cmsPort, cmsEnv, firstBuildLog };
    project.provide('loop', loop);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}

/** The demo seeded while the CMS's production build runs (or is found up to date). */
async function seedAndBuildCms(cmsEnv: Record<string, string>) {
  await Promise.all([
    // Small photographs: the tests read pages, not pixels, and small ones encode far faster.
    run(paths.tsxBin, [paths.seedScript], {
      cwd: repoRoot,
      env: { ...cmsEnv, OYU_DEMO_PHOTO_SIZE: '480x360' },
    }),
    buildCms(cmsEnv),
  ]);
}
