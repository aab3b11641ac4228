/**
 * `pnpm start`, the main job: database, demo content, CMS, site, served — one command.
 *
 *   1. check the ports, make data/ and its secret on first run
 *   2. migrate and seed (first run) while the CMS production build runs (skipped when unchanged)
 *   3. start the CMS, build the site from its public API, serve the site and draft previews
 *   4. print the addresses; Ctrl-C stops everything this started
 *
 * The CMS and the site server are child processes under a supervisor (lib/supervise.ts): one
 * that stops is restarted, and the others keep running. The site server is a child too, not a
 * server in this process, so that nothing it serves can stop this process and the CMS with it.
 */
import fs from 'node:fs';
import { buildCms } from './lib/cmsBuild';
import { cmsServerSpec } from './lib/cmsServer';
import { exportEnv, readScriptEnv, repoRoot } from './lib/env';
import { formatDuration, info, step } from './lib/log';
import { buildPreviewApp, previewAppDir } from './lib/previewApp';
import { isPortFree, run, stopAll } from './lib/processes';
import { rebuildWithHistory } from './lib/rebuild';
import { credentialsFile } from './lib/secrets';
import { siteFolders } from './lib/siteBuild';
import { siteServerSpec } from './lib/siteProcess';
import { describeStack, paths } from './lib/stack';
import { type Supervisor, supervise } from './lib/supervise';

const started = performance.now();
const servers: Supervisor[] = [];
/** Supervisors first, so that the servers' exits are not taken for crashes and restarted. */
const stopEverything = async () => {
  await Promise.all(servers.map((server) => server.stop()));
  await stopAll();
};
let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  info(`\n${signal}: stopping the CMS and the site…`);
  await stopEverything();
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
  servers.push(
    await step(`Start the CMS on ${stack.cmsUrl}`, () =>
      supervise(cmsServerSpec(stack.cmsEnv, stack.cmsPort, { echo: env.verbose })),
    ),
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
  servers.push(
    await step(`Serve the site on ${stack.siteUrl}, and draft previews under /preview/`, () =>
      supervise(
        siteServerSpec({
          root: siteFolders(stack.dataDir).live,
          port: stack.sitePort,
          previewDir: previewAppDir,
          env: { CMS_URL: stack.cmsEnv.CMS_URL },
          echo: env.verbose,
        }),
      ),
    ),
  );

  info(`
Oyu is running (ready in ${formatDuration(performance.now() - started)}, ${site.pages ?? 0} pages).
  Gallery  ${stack.siteUrl}/
  Admin    ${stack.cmsUrl}/admin   (sign-in details: ${credentialsFile(stack.dataDir)})
Press Ctrl-C to stop.`);
  await new Promise(() => {});
} catch (error) {
  info(`\n${(error as Error).message}`);
  await stopEverything();
  process.exitCode = 1;
}
