/**
 * `pnpm dev`: the CMS in Next's dev mode and the site in Astro's dev server, both reloading on
 * change, on the same data as `pnpm start`.
 *
 *   1. migrate, first admin, demo content (as `pnpm seed`)
 *   2. start `next dev` for the CMS and wait for its API
 *   3. start `astro dev` for the site, reading the CMS, and for the draft preview on the next
 *      port (the CMS's Preview buttons lead there); Ctrl-C stops them all
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
  const previewPort = stack.sitePort + 1;
  const previewUrl = `http://localhost:${previewPort}/preview`;
  await step('Database: migrate, first admin, demo content', () =>
    run(paths.tsxBin, [paths.seedScript], { cwd: repoRoot, env: stack.cmsEnv, label: 'seed' }),
  );
  const cms = startServer(
    path.join(cmsDir, 'node_modules', '.bin', 'next'),
    ['dev', '--port', String(stack.cmsPort)],
    {
      cwd: cmsDir,
      env: { ...stack.cmsEnv, PREVIEW_URL: previewUrl },
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
  const siteEnv = {
    CMS_URL: `http://127.0.0.1:${stack.cmsPort}`,
    SITE_URL: stack.siteUrl,
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  const astro = path.join(siteDir, 'node_modules', '.bin', 'astro');
  startServer(astro, ['dev', '--port', String(stack.sitePort)], {
    cwd: siteDir,
    env: siteEnv,
    echo: true,
    label: 'site',
  });
  startServer(astro, ['dev', '--config', 'astro.preview.config.ts', '--port', String(previewPort)], {
    cwd: siteDir,
    env: siteEnv,
    echo: true,
    label: 'preview',
  });
  info(
    `\nDev servers: site ${stack.siteUrl}/ · admin ${stack.cmsUrl}/admin · draft previews ${previewUrl}/ · Ctrl-C stops them all.`,
  );
  await new Promise(() => {});
} catch (error) {
  info(`\n${(error as Error).message}`);
  await stopAll();
  process.exitCode = 1;
}
