/**
 * Builds of the public site, for whoever runs builds in a process of their own (the CMS's
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
 * (a rollback), under the same lock as builds. With `--prepare` (and `--data-dir`,
 * `--site-url`) it builds nothing either: it gets a kept process ready for its next build.
 *
 * With `--serve` it stays running and takes one request a line on stdin, each the arguments
 * above as a JSON array, one at a time; each request's events end with
 * `{"type":"exit","code":n}`, n being the exit code a single run would have had. It ends when
 * stdin closes (the CMS that started it stopped). A process kept between builds keeps what a
 * build would otherwise pay for again each time: the code loaded and compiled, the render app
 * (site/src/publish/render.ts) and the snapshot as read (site/src/lib/snapshot.ts).
 */
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { type BuildEvent, buildEventLine } from '@oyu/shared-types';
import { acquireBuildLock, BuildBusy } from './lib/buildLock';
import { BuildFailure, prepareForBuilds } from './lib/buildRelease';
import { publishRelease, releaseStore } from './lib/releases';
import { buildSite, siteFolders } from './lib/siteBuild';

const kept = process.argv.includes('--serve');
const emit = (event: BuildEvent) => process.stdout.write(buildEventLine(event));

/** One build or rollback; returns the exit code a run of its own would end with. */
async function runRequest(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      'data-dir': { type: 'string' },
      'cms-url': { type: 'string' },
      'site-url': { type: 'string' },
      'media-dir': { type: 'string' },
      keep: { type: 'string' },
      'max-drop': { type: 'string' },
      deploy: { type: 'string' },
      publish: { type: 'string' },
      prepare: { type: 'boolean' },
      serve: { type: 'boolean' },
    },
  });
  const dataDir = values['data-dir'];
  const cmsUrl = values['cms-url'];
  const siteUrl = values['site-url'];
  if (dataDir && values.publish) return rollBack(dataDir, values.publish);
  if (dataDir && siteUrl && values.prepare) return prepare(dataDir, siteUrl);
  if (!dataDir || !cmsUrl || !siteUrl) {
    emit({ type: 'failed', message: 'build-site needs --data-dir, --cms-url and --site-url' });
    return 1;
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
      // A kept process links the next build's starting copy while it waits for the next request.
      ...(kept ? { readySpare: true } : {}),
      onLog: (line) => emit({ type: 'log', line }),
      onProgress: (progress) => emit({ type: 'progress', ...progress }),
    });
    emit({ type: 'done', result });
    return 0;
  } catch (error) {
    emit({ type: 'failed', message: (error as Error).message });
    if (!(error instanceof BuildFailure) && !(error instanceof BuildBusy)) console.error(error);
    return error instanceof BuildBusy ? 2 : 1;
  }
}

async function rollBack(dataDir: string, id: string): Promise<number> {
  const store = releaseStore(siteFolders(dataDir).root);
  try {
    const lock = await acquireBuildLock(store.root);
    try {
      await publishRelease(store, id);
    } finally {
      await lock.release();
    }
    emit({ type: 'published', id });
    return 0;
  } catch (error) {
    emit({ type: 'failed', message: (error as Error).message });
    return error instanceof BuildBusy ? 2 : 1;
  }
}

async function prepare(dataDir: string, siteUrl: string): Promise<number> {
  try {
    await prepareForBuilds({
      siteUrl,
      snapshotDir: siteFolders(dataDir).snapshotDir,
      store: releaseStore(siteFolders(dataDir).root),
      mediaCacheDir: siteFolders(dataDir).mediaCacheDir,
      onLog: (line) => emit({ type: 'log', line }),
    });
    return 0;
  } catch (error) {
    emit({ type: 'failed', message: (error as Error).message });
    return 1;
  }
}

/** Requests one a line, run one after another. */
async function serve(): Promise<void> {
  for await (const line of readline.createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    let args: unknown;
    try {
      args = JSON.parse(line);
    } catch {
      args = undefined;
    }
    if (!Array.isArray(args) || !args.every((arg) => typeof arg === 'string')) {
      emit({ type: 'failed', message: 'build-site --serve takes one JSON array of arguments a line' });
      emit({ type: 'exit', code: 1 });
      continue;
    }
    emit({ type: 'exit', code: await runRequest(args) });
  }
}

if (kept) await serve();
else process.exitCode = await runRequest(process.argv.slice(2));
