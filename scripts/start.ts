/**
 * `pnpm start`, the main job: database, demo content, CMS, site, served — one command.
 *
 *   1. check the ports, make data/ and its secret on first run
 *   2. migrate and seed (first run) while the CMS production build runs (skipped when unchanged)
 *   3. start the CMS, build the site from its public API, serve the site and draft previews
 *   4. print the addresses; Ctrl-C stops everything this started
 */
import fs from 'node:fs';
import { buildCms } from './lib/cmsBuild';
import { startCms } from './lib/cmsServer';
import { exportEnv, readScriptEnv, repoRoot } from './lib/env';
import { formatDuration, info, step } from './lib/log';
import { buildPreviewApp, loadPreviewApp } from './lib/previewApp';
import { isPortFree, run, stopAll } from './lib/processes';
import { rebuildWithHistory } from './lib/rebuild';
import { credentialsFile } from './lib/secrets';
import { siteFolders } from './lib/siteBuild';
import { serveSite } from './lib/siteServer';
import { describeStack, paths } from './lib/stack';

const started = performance.now();
let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  info(`\n${signal}: stopping the CMS and the site…`);
  await stopAll();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('Ctrl-C'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

try {
  const env = readScriptEnv();
  for (const [name, port] of [
    ['CMS_PORT', env.cmsPort],
    ['SITE_PORT', env.sitePort],
  ] as const) {
    if (!(await isPortFree(port))) {
      throw new Error(
        `Port ${port} is already in use. Stop what is using it, or set ${name} to another port.`,
      );
    }
  }
  const stack = describeStack(env);
  // The build runs as a CMS job in this process (Local API), which reads this environment.
  exportEnv(stack.cmsEnv);
  info(`Oyu: data in ${stack.dataDir}`);

  await Promise.all([
    step('Database: migrate, first admin, demo content', () =>
      run(paths.tsxBin, [paths.seedScript], { cwd: repoRoot, env: stack.cmsEnv, label: 'seed' }),
    ),
    step('CMS production build', () => buildCms(stack.cmsEnv)),
    step('Draft preview server build', () => buildPreviewApp()),
  ]);
  await step(`Start the CMS on ${stack.cmsUrl}`, () =>
    startCms(stack.cmsEnv, stack.cmsPort, { echo: env.verbose }),
  );
  const site = await step('Build the site from the CMS API', async () => {
    const record = await rebuildWithHistory('start');
    if (record.status !== 'succeeded') {
      const reason = record.error ?? 'the build did not finish';
      if (!fs.existsSync(siteFolders(stack.dataDir).live))
        throw new Error(`The site could not be built: ${reason}`);
      // The last good site is served, as it was.
      info(`  The site was not rebuilt, the last good one is served: ${reason}`);
    }
    return record;
  });
  await step(`Serve the site on ${stack.siteUrl}, and draft previews under /preview/`, async () =>
    serveSite(siteFolders(stack.dataDir).live, stack.sitePort, { preview: await loadPreviewApp() }),
  );

  info(`
Oyu is running (ready in ${formatDuration(performance.now() - started)}, ${site.pages ?? 0} pages).
  Gallery  ${stack.siteUrl}/
  Admin    ${stack.cmsUrl}/admin   (sign-in details: ${credentialsFile(stack.dataDir)})
Press Ctrl-C to stop.`);
  await new Promise(() => {});
} catch (error) {
  info(`\n${(error as Error).message}`);
  await stopAll();
  process.exitCode = 1;
}
