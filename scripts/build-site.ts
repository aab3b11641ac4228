/**
 * One build of the public site, for whoever runs builds in a process of their own (the CMS's
 * build job, cms/src/site/runBuild.ts). Says everything as build events (`BuildEvent`,
 * shared-types), one JSON object a line on stdout: its log, its progress and its outcome.
 *
 *   {"type":"log","line":"12:00:01 [build] 398 page(s) built in 20.1s"}
 *   {"type":"progress","phase":"pages","done":120,"total":398}
 *   {"type":"done","result":{…}}        exit code 0
 *   {"type":"failed","message":"…"}     exit code 1 (2 when another build is running)
 *
 * Usage: tsx scripts/build-site.ts --data-dir <folder> --cms-url <url> --site-url <url>
 *        [--media-dir <folder>] [--keep <n>] [--max-drop <share>] [--deploy <shell command>]
 *
 * `--media-dir` is the CMS's photo folder, when the build runs on its machine: photos are
 * copied from there rather than downloaded.
 *
 * With `--publish <release id>` it builds nothing: it puts a kept earlier build back live
 * (a rollback), under the same lock as builds.
 */
import { parseArgs } from 'node:util';
import { type BuildEvent, buildEventLine } from '@oyu/shared-types';
import { acquireBuildLock, BuildBusy } from './lib/buildLock';
import { BuildFailure } from './lib/buildRelease';
import { publishRelease, releaseStore } from './lib/releases';
import { buildSite, siteFolders } from './lib/siteBuild';

const emit = (event: BuildEvent) => process.stdout.write(buildEventLine(event));

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    'cms-url': { type: 'string' },
    'site-url': { type: 'string' },
    'media-dir': { type: 'string' },
    keep: { type: 'string' },
    'max-drop': { type: 'string' },
    deploy: { type: 'string' },
    publish: { type: 'string' },
  },
});
const dataDir = values['data-dir'];
const cmsUrl = values['cms-url'];
const siteUrl = values['site-url'];
if (dataDir && values.publish) {
  const store = releaseStore(siteFolders(dataDir).root);
  try {
    const lock = await acquireBuildLock(store.root);
    try {
      await publishRelease(store, values.publish);
    } finally {
      await lock.release();
    }
    emit({ type: 'published', id: values.publish });
  } catch (error) {
    emit({ type: 'failed', message: (error as Error).message });
    process.exitCode = error instanceof BuildBusy ? 2 : 1;
  }
  process.exit();
}
if (!dataDir || !cmsUrl || !siteUrl) {
  emit({ type: 'failed', message: 'build-site needs --data-dir, --cms-url and --site-url' });
  process.exit(1);
}

try {
  const result = await buildSite({
    dataDir,
    cmsUrl,
    siteUrl,
    ...(values['media-dir'] ? { cmsMediaDir: values['media-dir'] } : {}),
    ...(values.keep ? { keep: Number(values.keep) } : {}),
    ...(values['max-drop'] ? { maxDrop: Number(values['max-drop']) } : {}),
    ...(values.deploy ? { deployCommand: values.deploy } : {}),
    onLog: (line) => emit({ type: 'log', line }),
    onProgress: (progress) => emit({ type: 'progress', ...progress }),
  });
  emit({ type: 'done', result });
} catch (error) {
  emit({ type: 'failed', message: (error as Error).message });
  process.exitCode = error instanceof BuildBusy ? 2 : 1;
  if (!(error instanceof BuildFailure) && !(error instanceof BuildBusy)) console.error(error);
}
