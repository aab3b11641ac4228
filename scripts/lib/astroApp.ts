import fs from 'node:fs/promises';
import path from 'node:path';
import { siteDir } from './env';
import { type EnvVars, run } from './processes';

const stampFile = 'oyu-code-hash';

/**
 * Builds an Astro server app of the site (the draft preview, the publisher's render app) into
 * `dir`, unless the one there was built from the same `stamp` (a hash of its code and
 * settings). It is built aside and moved into place, so a failed build leaves the previous one
 * in use.
 */
export async function buildAstroApp(options: {
  config: string;
  dir: string;
  stamp: string;
  /** The env variable naming the app's output folder in its config. */
  outDirVar: string;
  env?: EnvVars;
  onLine?: ((line: string) => void) | undefined;
}): Promise<{ dir: string; built: boolean }> {
  const { dir, stamp } = options;
  const previous = await fs.readFile(path.join(dir, stampFile), 'utf8').catch(() => '');
  if (previous === stamp) return { dir, built: false };
  const partial = `${dir}.partial-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  await fs.rm(partial, { recursive: true, force: true });
  try {
    await run(path.join(siteDir, 'node_modules', '.bin', 'astro'), ['build', '--config', options.config], {
      cwd: siteDir,
      // Built for production whoever asks (a test runner sets NODE_ENV=test): the same browser
      // code as the site's own build.
      env: {
        ...options.env,
        [options.outDirVar]: partial,
        ASTRO_TELEMETRY_DISABLED: '1',
        NODE_ENV: 'production',
      },
      ...(options.onLine ? { onLine: options.onLine } : {}),
    });
    await fs.writeFile(path.join(partial, stampFile), stamp);
    await fs.rm(dir, { recursive: true, force: true });
    await fs.rename(partial, dir);
  } finally {
    await fs.rm(partial, { recursive: true, force: true });
  }
  return { dir, built: true };
}
