import path from 'node:path';
import { buildCms } from './cmsBuild';
import { startCms } from './cmsServer';
import { repoRoot } from './env';
import { type EnvVars, freePort, run } from './processes';
import { describeStack, paths } from './stack';

/**
 * A CMS of its own, as `pnpm start` runs it, for the tests and the benchmark: an install at
 * `dataDir` with its migrations applied and its first admin made (no demo content), the
 * production build, and the server on a free port.
 */
export type SeededCms = {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  port: number;
  /** The CMS's environment, for scripts run against the same install (`pnpm import`). */
  env: EnvVars;
  /** The server's last lines of output, for a failure to show. */
  output: string[];
  stop: () => Promise<void>;
};

export async function startSeededCms(options: {
  dataDir: string;
  /** A PostgreSQL database; SQLite in the data folder when not given. */
  databaseUri?: string | undefined;
  /** The photos, when not the install's own media/ folder. */
  mediaDir?: string | undefined;
  /** After the migrations, before the CMS starts (a copied database goes in here). */
  beforeStart?: () => Promise<void>;
  /**
   * The public site's address, for the builds the CMS starts (default: the site server's
   * local address): a benchmark builds with its own, and every build of one site needs the same.
   */
  siteUrl?: string;
}): Promise<SeededCms> {
  const { dataDir } = options;
  const port = await freePort();
  const stack = describeStack({
    dataDir,
    cmsPort: port,
    sitePort: await freePort(),
    databaseUri: options.databaseUri,
    mediaDir: options.mediaDir ?? path.join(dataDir, 'media'),
    s3: undefined,
    seedDemo: false,
    demoPhotoSize: undefined,
    verbose: false,
  });
  const cmsEnv = { ...stack.cmsEnv, ...(options.siteUrl ? { SITE_URL: options.siteUrl } : {}) };
  // The seed script applies the migrations and makes the admin; nothing else.
  await Promise.all([
    run(paths.tsxBin, [paths.seedScript], {
      cwd: repoRoot,
      env: { ...cmsEnv, OYU_SEED_DEMO: 'false' },
    }),
    buildCms(cmsEnv),
  ]);
  await options.beforeStart?.();
  const server = await startCms(cmsEnv, port);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    env: cmsEnv,
    output: server.output,
    stop: server.stop,
  };
}

/** Signs in to the CMS at `url` and returns the session's token. */
export async function signIn(url: string, credentials: { email: string; password: string }): Promise<string> {
  const answer = await fetch(`${url}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  return ((await answer.json()) as { token: string }).token;
}
