import fs from 'node:fs';
import path from 'node:path';
import { type BuildEvent, type BuildSummary, buildPhases } from '@oyu/shared-types';
import type { Payload } from 'payload';
import { env } from '../env';
import { runInBuildProcess } from './buildWorker';
import { unclaimedLiveRelease } from './publishedRelease';

/**
 * Runs one site build for a `site-builds` record: in the build process (`scripts/build-site.ts`
 * kept running beside the CMS, buildWorker.ts; the build never shares the CMS's memory), follows its events (progress, log,
 * outcome: `BuildEvent`, shared-types), and keeps the record current so the Site page can show
 * it live.
 */
const logLines = 400;
const saveEveryMs = 1000;
/** Exit code of build-site.ts when another build holds the lock. */
const busyExitCode = 2;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function buildArgs() {
  return [
    '--data-dir',
    env.dataDir,
    '--cms-url',
    env.serverUrl,
    '--site-url',
    env.siteUrl,
    // Photos in a folder on this machine are copied from it; from S3 they are downloaded.
    ...(env.s3 ? [] : ['--media-dir', env.mediaDir]),
    '--keep',
    String(env.keepBuilds),
    ...(env.deployCommand ? ['--deploy', env.deployCommand] : []),
  ];
}

/** Runs build-site.ts with `args` in the build process (buildWorker.ts); resolves with its exit code. */
const runScript = runInBuildProcess;

type Update = (data: Record<string, unknown>) => Promise<unknown>;

export async function runBuild(payload: Payload, buildId: number): Promise<void> {
  const update: Update = (data) =>
    payload.update({ collection: 'site-builds', id: buildId, data, overrideAccess: true, depth: 0 });
  await waitForOtherBuilds(payload, buildId);
  const started = Date.now();
  await update({ status: 'running', startedAt: new Date(started).toISOString(), phase: buildPhases[0] });
  const recorder = buildRecorder(update);
  const code = await runWhenNotBusy(recorder.onEvent);
  await recorder.saved();
  await recordOutcome(payload, buildId, {
    started,
    code,
    // Where the build got to, as it last said: saves between two events may have skipped it.
    progress: recorder.progress(),
    log: recorder.log(),
    last: recorder.last(),
  });
}

/** How a build run ended, as `recordOutcome` writes it to the build's record. */
export type BuildOutcome = {
  started: number;
  code: number;
  progress: Record<string, unknown>;
  /** Its log lines, all of them: the record keeps their end (`logTail`). */
  log: string[];
  last: BuildEvent | undefined;
};

/**
 * Writes how a build ended to its record. A record left `running` holds every later build
 * back (`waitForOtherBuilds`), so when the full record cannot be saved, a short one is: the
 * status, the times, and why the rest is missing.
 */
export async function recordOutcome(payload: Payload, buildId: number, outcome: BuildOutcome) {
  const { started, code, last } = outcome;
  const common = {
    finishedAt: new Date().toISOString(),
    durationMs: Date.now() - started,
    ...outcome.progress,
    log: logTail(outcome.log),
  };
  const succeeded = code === 0 && last?.type === 'done';
  const update: Update = (data) =>
    payload.update({ collection: 'site-builds', id: buildId, data, overrideAccess: true, depth: 0 });
  try {
    if (succeeded) await recordSuccess(payload, buildId, common, last.result);
    else {
      const published = await unclaimedLiveRelease(
        payload,
        new Date(started).toISOString(),
        common.finishedAt,
      );
      if (published)
        await recordPublishedAnyway(payload, buildId, common, published, failureMessage(last, code));
      else await update({ ...common, status: 'failed', error: clip(failureMessage(last, code)) });
    }
  } catch (error) {
    const unsaved = `the build's record could not be saved in full: ${(error as Error).message}`;
    payload.logger.error({ err: error }, `site build ${buildId}: ${unsaved}`);
    const short = { finishedAt: common.finishedAt, durationMs: common.durationMs, phase: null };
    if (succeeded) {
      await setLive(payload, buildId, {
        ...short,
        status: 'succeeded',
        release: last.result.id,
        kept: true,
        warnings: [{ message: clip(unsaved) }],
      });
      await markKept(payload);
    } else
      await update({ ...short, status: 'failed', error: clip(`${failureMessage(last, code)}; ${unsaved}`) });
  }
}

/**
 * The longest text a build's record keeps in one field: Payload refuses a text longer than its
 * `defaultMaxTextLength` (40,000), and a refused save would leave the build `running`.
 */
export const recordTextLimit = 38_000;
/** The longest log line kept: one line (a list of every changed document) can be very long. */
const logLineLimit = 2_000;

/** `text` cut to `limit` characters, saying how much was left out. */
export function clip(text: string, limit = recordTextLimit): string {
  if (text.length <= limit) return text;
  const note = ` … (${text.length - limit} more characters left out)`;
  return `${text.slice(0, limit - note.length)}${note}`;
}

/** The end of a log within the record's limit: the last lines, each cut to `logLineLimit`. */
export function logTail(lines: string[], limit = recordTextLimit): string {
  const kept: string[] = [];
  let size = 0;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = clip(lines[i] ?? '', logLineLimit);
    if (size + line.length + 1 > limit) break;
    kept.unshift(line);
    size += line.length + 1;
  }
  return kept.join('\n');
}

/** One build at a time: waits for one that is running to finish. */
async function waitForOtherBuilds(payload: Payload, buildId: number): Promise<void> {
  for (;;) {
    const running = await payload.count({
      collection: 'site-builds',
      where: { and: [{ status: { equals: 'running' } }, { id: { not_equals: buildId } }] },
      overrideAccess: true,
    });
    if (running.totalDocs === 0) return;
    await sleep(1000);
  }
}

/**
 * Takes the build's events: its progress, its outcome, and its log, the last `logLines` of
 * it, saved to the build's record at most every `saveEveryMs`.
 */
function buildRecorder(update: Update) {
  const log: string[] = [];
  let last: BuildEvent | undefined;
  let progress: Record<string, unknown> = {};
  let saving = Promise.resolve();
  let lastSave = 0;
  const save = () => {
    if (Date.now() - lastSave < saveEveryMs) return;
    lastSave = Date.now();
    const data = { ...progress, log: logTail(log) };
    saving = saving.then(() => update(data).then(() => undefined)).catch(() => undefined);
  };
  const onEvent = (event: BuildEvent) => {
    if (event.type === 'log') {
      log.push(event.line);
      if (log.length > logLines) log.shift();
    } else {
      last = event;
      // The page counts stay once the build has moved on: the record keeps how many it wrote.
      if (event.type === 'progress') progress = { ...progress, ...progressOf(event) };
    }
    save();
  };
  return {
    onEvent,
    saved: () => saving,
    progress: () => progress,
    log: () => [...log],
    last: () => last,
  };
}

function progressOf(event: Extract<BuildEvent, { type: 'progress' }>): Record<string, unknown> {
  return {
    phase: event.phase,
    ...(event.done !== undefined ? { pagesDone: event.done } : {}),
    ...(event.total !== undefined ? { pagesTotal: event.total } : {}),
  };
}

/** Runs the build script; while someone else (the CLI, `pnpm start`) is building, waits and tries again. */
async function runWhenNotBusy(onEvent: (event: BuildEvent) => void): Promise<number> {
  let code = await runScript(buildArgs(), onEvent);
  while (code === busyExitCode) {
    await sleep(2000);
    code = await runScript(buildArgs(), onEvent);
  }
  return code;
}

/**
 * A build whose process ended after its release went live (see `unclaimedLiveRelease`): it
 * is recorded as the live build, with a warning saying what may lag behind.
 */
export async function recordPublishedAnyway(
  payload: Payload,
  buildId: number,
  common: Record<string, unknown>,
  published: BuildSummary,
  why: string,
) {
  const warning =
    `the build stopped after its pages went live (${why}): the site shows them, but its ` +
    'search index may lag behind them until the next full build';
  await recordSuccess(payload, buildId, common, { ...published, warnings: [...published.warnings, warning] });
}

async function recordSuccess(
  payload: Payload,
  buildId: number,
  common: Record<string, unknown>,
  result: BuildSummary,
) {
  await setLive(payload, buildId, {
    ...common,
    status: 'succeeded',
    phase: null,
    pages: result.pages,
    bytes: result.bytes,
    mode: result.mode,
    rendered: result.rendered,
    reason: clip(result.reason),
    warnings: result.warnings.map((message) => ({ message: clip(message) })),
    release: result.id,
    kept: true,
    ...(result.deploy ? { deploy: clip(result.deploy.message) } : {}),
  });
  await markKept(payload);
}

function failureMessage(last: BuildEvent | undefined, code: number): string {
  if (last?.type === 'failed') return last.message;
  return code > 128
    ? 'the build was interrupted (the CMS or the machine stopped it); the live site was not changed. Start a new build.'
    : `the build stopped with exit code ${code}; the live site was not changed`;
}

/** Records that a build ended without publishing, and why. */
export async function failBuild(payload: Payload, buildId: number, error: string): Promise<void> {
  await payload.update({
    collection: 'site-builds',
    id: buildId,
    data: { status: 'failed', finishedAt: new Date().toISOString(), error },
    overrideAccess: true,
  });
}

/** Marks one build as the live one, and no other. */
async function setLive(payload: Payload, buildId: number, data: Record<string, unknown> = {}) {
  await payload.update({
    collection: 'site-builds',
    where: { and: [{ live: { equals: true } }, { id: { not_equals: buildId } }] },
    data: { live: false },
    overrideAccess: true,
  });
  await payload.update({
    collection: 'site-builds',
    id: buildId,
    data: { ...data, live: true },
    overrideAccess: true,
  });
}

export class PublishError extends Error {}

/**
 * Puts a kept earlier build back live (a rollback): the `current` link is switched to its
 * folder, under the same lock as builds. Nothing is rebuilt.
 */
export async function publishBuild(payload: Payload, buildId: number): Promise<void> {
  const build = await payload.findByID({
    collection: 'site-builds',
    id: buildId,
    overrideAccess: true,
    depth: 0,
  });
  if (build.status !== 'succeeded' || !build.release) {
    throw new PublishError('only a build that succeeded can be put back live');
  }
  if (!build.kept) throw new PublishError(`build ${build.release} is no longer kept on disk`);
  let message = '';
  const code = await runScript(['--data-dir', env.dataDir, '--publish', build.release], (event) => {
    if (event.type === 'failed') message = event.message;
  });
  if (code !== 0) throw new PublishError(message || `putting build ${build.release} back failed`);
  await setLive(payload, buildId);
}

/** Records which builds are still on disk (older ones are removed after each build). */
export async function markKept(payload: Payload): Promise<void> {
  const releases = path.join(/*turbopackIgnore: true*/ env.dataDir, 'site', 'releases');
  const onDisk = new Set(fs.existsSync(releases) ? fs.readdirSync(releases) : []);
  const kept = await payload.find({
    collection: 'site-builds',
    where: { kept: { equals: true } },
    limit: 0,
    pagination: false,
    overrideAccess: true,
    depth: 0,
  });
  for (const build of kept.docs) {
    if (!build.release || !onDisk.has(build.release)) {
      await payload.update({
        collection: 'site-builds',
        id: build.id,
        data: { kept: false },
        overrideAccess: true,
      });
    }
  }
}
