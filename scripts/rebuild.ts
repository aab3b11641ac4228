/**
 * `pnpm run rebuild`: build the public site from the CMS and publish it, as the Site page in the
 * admin does, with a progress bar and a short report. The build is a Payload job and lands in
 * the build history like any other (trigger "cli").
 *
 *   1. make sure the CMS answers on CMS_PORT (start it for the build if it is not running)
 *   2. queue the build and run it here; follow its record for the progress bar
 *   3. report pages, size, time and warnings, or why the build failed (the live site is kept)
 */

import { buildCms } from './lib/cmsBuild';
import { startCms } from './lib/cmsServer';
import { exportEnv, readScriptEnv } from './lib/env';
import { formatDuration, info, step } from './lib/log';
import { isPortFree, stopAll } from './lib/processes';
import { buildKind, phaseFollower, rebuildWithHistory } from './lib/rebuild';
import { describeStack } from './lib/stack';

const started = performance.now();
try {
  const env = readScriptEnv();
  const stack = describeStack(env);
  exportEnv(stack.cmsEnv);
  if (await isPortFree(stack.cmsPort)) {
    await step('CMS production build', () => buildCms(stack.cmsEnv));
    await step(`Start the CMS on ${stack.cmsUrl} for this build`, () =>
      startCms(stack.cmsEnv, stack.cmsPort),
    );
  }
  const follow = phaseFollower();
  let announced = false;
  const record = await rebuildWithHistory('cli', (update, joined) => {
    if (!announced) {
      announced = true;
      info(
        joined
          ? `A build was already waiting (#${update.id}): following it.`
          : `Build #${update.id} started.`,
      );
    }
    if (update.status === 'running') follow(update);
  });
  if (record.status === 'succeeded') {
    const mib = ((record.bytes ?? 0) / 1024 / 1024).toFixed(1);
    info(`
Published build ${record.release}: ${record.pages} pages, ${mib} MiB, in ${formatDuration(record.durationMs ?? 0)}.`);
    const kind = buildKind(record);
    if (kind) info(`  ${kind}`);
    for (const warning of record.warnings ?? []) info(`  warning: ${warning.message}`);
    if (record.deploy) info(`  deploy: ${record.deploy}`);
  } else {
    info(`\nThe site was not rebuilt: ${record.error ?? 'the build did not finish'}`);
    info('The live site has not changed.');
    process.exitCode = 1;
  }
  info(`(${formatDuration(performance.now() - started)} in all)`);
} catch (error) {
  info(`\n${(error as Error).message}`);
  process.exitCode = 1;
}
await stopAll();
process.exit();
