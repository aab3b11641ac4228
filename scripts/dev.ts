/**
 * `pnpm dev`: the CMS in Next's dev mode and the site in Astro's dev server, both reloading on
 * change, on the same data as `pnpm start`.
 *
 *   1. migrate, first admin, demo content (as `pnpm seed`)
 *   2. start `next dev` for the CMS and wait for its API
 *   3. start `astro dev` for the site, reading the CMS; Ctrl-C stops both
 */
import path from 'node:path';
import { cmsDir, readScriptEnv, repoRoot, siteDir } from './lib/env';
import { info, step } from './lib/log';
import { run, startServer, stopAll, waitForHttp } from './lib/processes';
import { describeStack, paths } from './lib/stack';

process.on('SIGINT', () => void stopAll().then(() => process.exit(0)));
process.on('SIGTERM', () => void stopAll().then(() => process.exit(0)));

try {
  const env = readScriptEnv();
  const stack = describeStack(env);
  await step('Database: migrate, first admin, demo content', () =>
    run(paths.tsxBin, [paths.seedScript], { cwd: repoRoot, env: stack.cmsEnv, label: 'seed' }),
  );
  const cms = startServer(
    path.join(cmsDir, 'node_modules', '.bin', 'next'),
    ['dev', '--port', String(stack.cmsPort)],
    {
      cwd: cmsDir,
      env: stack.cmsEnv,
      label: 'cms',
      echo: true,
    },
  );
  await step(`CMS (dev) on ${stack.cmsUrl}`, () =>
    waitForHttp(`http://127.0.0.1:${stack.cmsPort}/api/works?limit=1&depth=0`, {
      child: cms.child,
      output: cms.output,
      timeoutMs: 300_000,
    }),
  );
  startServer(
    path.join(siteDir, 'node_modules', '.bin', 'astro'),
    ['dev', '--port', String(stack.sitePort)],
    {
      cwd: siteDir,
      env: {
        CMS_URL: `http://127.0.0.1:${stack.cmsPort}`,
        SITE_URL: stack.siteUrl,
        ASTRO_TELEMETRY_DISABLED: '1',
      },
      echo: true,
      label: 'site',
    },
  );
  info(`\nDev servers: site ${stack.siteUrl}/ · admin ${stack.cmsUrl}/admin · Ctrl-C stops both.`);
  await new Promise(() => {});
} catch (error) {
  info(`\n${(error as Error).message}`);
  await stopAll();
  process.exitCode = 1;
}
