import fs from 'node:fs/promises';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import {
  type BuildPlan,
  type BuildProgress,
  type BuildSummary,
  parseBuildEvent,
  SiteBuildEventSchema,
} from '@oyu/shared-types';
import { folderRenamed, readySpare, sparesMade, warmBuildState } from '@oyu/site/publish';
import { acquireBuildLock, waitForBuildLock } from './buildLock';
import { measureSite, refusals, type SiteSize } from './checkSite';
import { siteDir } from './env';
import { run } from './processes';
import { type BuildOutcome, publishPartial } from './publisherBuild';
import {
  discardRelease,
  finishRelease,
  liveRelease,
  newReleaseId,
  pruneReleases,
  publishRelease,
  type ReleaseStore,
  releaseDir,
  startRelease,
} from './releases';
import { astroEnv } from './siteBuildEnv';

export type { BuildPhase, BuildProgress } from '@oyu/shared-types';
export { prepareForBuilds } from './publisherBuild';
export { withHeapLimit } from './siteBuildEnv';

/**
 * One site build, from the CMS's public API to the live site:
 *
 *   1. take the build lock (one build at a time, whoever starts it)
 *   2. build a new release folder beside the live one: only the changed pages, by the
 *      publisher, when it can (publishPartial); `astro build` otherwise. When nothing changed
 *      since the live build, it stays live and the build ends here (keptLive).
 *   3. check it: pages exist and not too many were lost (links are checked by the build)
 *   4. publish it by switching the `current` link, then drop old releases (their files are
 *      deleted in the background: see pruneReleases)
 *   5. run the deploy command, if one is configured
 *
 * Any failure before step 4 leaves the live site exactly as it was and says why in plain words.
 */
export type BuildReleaseOptions = {
  store: ReleaseStore;
  cmsUrl: string;
  siteUrl: string;
  mediaCacheDir?: string;
  /**
   * The CMS's photo folder, when it is on this machine and the photos are not in S3: the build
   * copies the published photos from it instead of downloading them one request at a time.
   */
  cmsMediaDir?: string;
  cacheDir?: string;
  snapshotDir?: string;
  fromSnapshot?: boolean;
  /** Largest share of the live site's pages (and published works) a build may lose. */
  maxDrop?: number;
  /** How many releases to keep for rollback, the live one included. */
  keep?: number;
  /** A shell command run in the new release's folder once it is live, e.g. an rsync. */
  deployCommand?: string;
  /** Render every page, even when only some documents changed. */
  full?: boolean;
  /**
   * For a process kept between builds: once the new release is live, link the next build's
   * starting copy of it (site/src/publish/stage.ts) while nothing is being built.
   */
  readySpare?: boolean;
  onLog?: (line: string) => void;
  onProgress?: (progress: BuildProgress) => void;
};

/**
 * What a release records of itself (`oyu-release.json`): its id, when and how long, pages,
 * bytes, warnings, and whether it rendered every page or only the changed ones (and why).
 */
export type ReleaseManifest = Omit<BuildSummary, 'deploy'>;

/** A published build, with the deploy command's outcome when one ran. */
export type BuildResult = BuildSummary;

export class BuildFailure extends Error {
  constructor(
    message: string,
    readonly log: string[],
  ) {
    super(message);
    this.name = 'BuildFailure';
  }
}

const manifestFile = 'oyu-release.json';
const manifestText = (manifest: ReleaseManifest) => `${JSON.stringify(manifest, null, 2)}\n`;

export async function readManifest(store: ReleaseStore, id: string): Promise<ReleaseManifest | undefined> {
  const text = await fs
    .readFile(path.join(releaseDir(store, id), manifestFile), 'utf8')
    .catch(() => undefined);
  return text ? (JSON.parse(text) as ReleaseManifest) : undefined;
}

/**
 * Turns what `astro build` printed into a sentence an organiser can act on, for a failure the
 * site did not report as an event (see site/src/lib/buildEvents.ts): Astro's own, or one
 * before the site's modules were loaded. The site's data layer words its failures for people
 * ("The CMS did not answer at …"); this finds such a sentence among Astro's output.
 */
export function explainFailure(lines: string[]): string {
  const clean = lines.map((line) => stripVTControlCharacters(line).trim()).filter(Boolean);
  const cms = clean.find((line) => line.includes('The CMS '));
  if (cms) return cms.slice(cms.indexOf('The CMS '));
  const error = clean
    .filter((line) => /error/i.test(line) && !/^at\s/.test(line))
    .map((line) => line.replace(/^.*?\[ERROR\]\s*(\[[^\]]+\]\s*)?/, '').replace(/^\d\d:\d\d:\d\d\s*/, ''))
    .find((line) => line.length > 10);
  // Never a stack frame ("at async run (…/p-queue/…)"): the last thing the build said instead.
  const said = clean.filter((line) => !/^(at\s|file:\/\/|node:)/.test(line));
  return error ?? `the site build stopped: ${said.at(-1) ?? 'no output'}`;
}

export async function buildRelease(options: BuildReleaseOptions): Promise<BuildResult> {
  const started = performance.now();
  const log = buildLog(options.onLog);
  const progress = (value: BuildProgress) => options.onProgress?.(value);
  const { store } = options;
  const lock = await acquireBuildLock(store.root);
  const id = newReleaseId();
  let plan: BuildOutcome | undefined;
  try {
    const live = await liveRelease(store);
    const liveManifest = live ? await readManifest(store, live) : undefined;
    const livePages = liveManifest?.pages;
    const outDir = await startRelease(store, id);
    progress({ phase: 'data' });
    const base = live && !options.full && !options.fromSnapshot ? releaseDir(store, live) : undefined;
    plan =
      (base
        ? await publishPartial(await astroEnv(options, outDir, base), outDir, log.say, progress)
        : undefined) ?? (await astroBuild(options, { outDir, base }, log, progress));

    let result: BuildResult;
    if (plan.mode === 'unchanged' && live) {
      await discardRelease(store, id);
      result = await keptLive(store, live, started, log);
    } else {
      progress({ phase: 'check' });
      // The publisher's release is its base and what it wrote: its pages are counted without
      // listing 184,000 files (2 s at M), which is left until it is live.
      const counted =
        plan.mode === 'partial' && plan.pageChange !== undefined && liveManifest
          ? { pages: liveManifest.pages + plan.pageChange, bytes: liveManifest.bytes }
          : undefined;
      const check = await checkRelease(outDir, livePages, options.maxDrop ?? 0.25, log, counted);

      progress({ phase: 'publish' });
      const manifest: ReleaseManifest = {
        id,
        builtAt: new Date().toISOString(),
        durationMs: Math.round(performance.now() - started),
        pages: check.pages,
        bytes: check.bytes,
        warnings: log.warnings,
        mode: plan.mode === 'full' ? 'full' : 'partial',
        rendered: plan.mode === 'partial' ? plan.rendered : check.pages,
        reason: plan.reason,
      };
      // Only now: a spare still being linked meanwhile (the last build's, stage.ts) would
      // hold the build up at its start, and the store's pruning must not delete it half made.
      await sparesMade();
      await publish(store, manifest, outDir, options.keep ?? 5, log, started);
      result = { ...manifest };
      if (plan.mode !== 'unchanged' && plan.afterPublish)
        await recordAfterPublish(plan.afterPublish, releaseDir(store, id), result, log);
      if (counted)
        await measureLive(store, result, log).catch((error: Error) =>
          log.say(
            `the published build could not be measured (its size is the last build's): ${error.message}`,
          ),
        );
    }

    if (options.deployCommand) {
      progress({ phase: 'deploy' });
      result.deploy = await deploy(options.deployCommand, releaseDir(store, id), log.say);
      if (!result.deploy.ok) log.warnings.push(result.deploy.message);
    }
    result.durationMs = Math.round(performance.now() - started);
    // Not waited for: the next build waits if it starts first, or links its copy itself.
    if (options.readySpare) readySpare(releaseDir(store, result.id)).catch(() => undefined);
    // A full build was `astro build`, another process: this one gets ready for the next edit
    // as it does when it starts (the first edit after one took 8.9-10.1 s at M, later ones 6-7 s).
    if (options.readySpare && plan.mode === 'full' && options.snapshotDir)
      warmBuildState({
        snapshotDir: path.resolve(options.snapshotDir),
        liveDir: releaseDir(store, result.id),
        mediaCacheDir: options.mediaCacheDir && path.resolve(options.mediaCacheDir),
      }).catch(() => undefined);
    return result;
  } catch (error) {
    if (plan?.mode !== 'unchanged') await plan?.discard?.();
    await discardRelease(store, id);
    if (error instanceof BuildFailure) throw error;
    throw new BuildFailure((error as Error).message, log.lines);
  } finally {
    await lock.release();
  }
}

/**
 * What the publisher leaves until its release is live (the search index written, the snapshot
 * of what it read recorded). The site is published whatever happens here: a failure is a
 * warning, and the next build reads again what changed since the last snapshot.
 */
async function recordAfterPublish(
  afterPublish: (releaseDir: string) => Promise<void>,
  dir: string,
  result: BuildResult,
  log: BuildLog,
) {
  try {
    await afterPublish(dir);
  } catch (error) {
    const warning = `the site is published, but ${(error as Error).message}`;
    log.say(warning);
    result.warnings = [...result.warnings, warning];
  }
}

/**
 * The size of a release published before it was measured (see `counted` in `buildRelease`),
 * once it is live and complete (its search index in): written to its manifest and the result.
 */
async function measureLive(store: ReleaseStore, result: BuildResult, log: BuildLog) {
  const dir = releaseDir(store, result.id);
  const size = await measureSite(dir);
  if (size.pages !== result.pages)
    log.say(`the release has ${size.pages} pages, not the ${result.pages} counted before it went live`);
  Object.assign(result, size);
  const manifest = await readManifest(store, result.id);
  if (!manifest) return;
  // Replaced in one rename: the CMS may read it meanwhile (a rollback's list).
  const file = path.join(dir, manifestFile);
  await fs.writeFile(`${file}.${process.pid}.partial`, manifestText({ ...manifest, ...size }));
  await fs.rename(`${file}.${process.pid}.partial`, file);
}

/**
 * The outcome of a build that found nothing changed since the live build: that build stays
 * live (no new release, so nothing to roll back to either), and the history says so.
 */
async function keptLive(store: ReleaseStore, live: string, started: number, log: BuildLog) {
  const manifest = await readManifest(store, live);
  const check = manifest ?? (await measureSite(releaseDir(store, live)));
  const reason = `nothing changed since build ${live}, which stays live`;
  log.say(reason);
  return {
    id: live,
    builtAt: new Date().toISOString(),
    durationMs: Math.round(performance.now() - started),
    pages: check.pages,
    bytes: check.bytes,
    warnings: log.warnings,
    mode: 'partial',
    rendered: 0,
    reason,
  } satisfies BuildResult;
}

/** What a build said (its last 2,000 lines, for a failure to show) and the warnings among it. */
type BuildLog = { lines: string[]; warnings: string[]; say: (line: string) => void };

function buildLog(onLog: ((line: string) => void) | undefined): BuildLog {
  const lines: string[] = [];
  const say = (line: string) => {
    lines.push(line);
    if (lines.length > 2000) lines.shift();
    onLog?.(line);
  };
  return { lines, warnings: [], say };
}

/**
 * `astro build` into `outDir`, following its events (site/src/lib/buildEvents.ts) for its
 * phases, pages and plan; its output goes to the log. Returns the plan it followed.
 */
async function astroBuild(
  options: BuildReleaseOptions,
  build: { outDir: string; base: string | undefined },
  log: BuildLog,
  progress: (value: BuildProgress) => void,
): Promise<BuildPlan> {
  const events = siteEvents(progress);
  // One `astro build` at a time on this machine, whichever data folder it builds: with the
  // output outside the site folder, Astro writes its prerender bundle in site/.astro/, the
  // same place for every build (`getOutDirWithinCwd` in astro/dist/core/build/common.js), and
  // two at once delete each other's chunks ("Cannot find module …/.prerender/chunks/…").
  const astroLock = await waitForBuildLock(path.join(siteDir, '.oyu-build-lock'));
  try {
    await run(path.join(siteDir, 'node_modules', '.bin', 'astro'), ['build'], {
      cwd: siteDir,
      env: await astroEnv(options, build.outDir, build.base),
      onLine: (raw) => {
        const line = stripVTControlCharacters(raw);
        if (!line.trim()) return;
        log.say(line);
        if (/\[WARN\]/.test(line)) log.warnings.push(line.replace(/^.*?\[WARN\]\s*/, ''));
      },
      onEvent: events.read,
    });
  } catch {
    throw new BuildFailure(events.failure() ?? explainFailure(log.lines), log.lines);
  } finally {
    await astroLock.release();
  }
  return events.plan();
}

/**
 * Reads the site build's events: passes its progress on, and keeps its plan and the first
 * failure it reported (later ones are its consequences). A line that is not an event is left.
 */
export function siteEvents(progress: (value: BuildProgress) => void) {
  let plan: BuildPlan = { mode: 'full', rendered: 0, reason: '' };
  let failure: string | undefined;
  const read = (line: string) => {
    const event = parseBuildEvent(SiteBuildEventSchema, line);
    if (event?.type === 'progress') {
      const { type: _, ...value } = event;
      progress(value);
    } else if (event?.type === 'plan')
      plan = { mode: event.mode, rendered: event.rendered ?? 0, reason: event.reason };
    else if (event?.type === 'failed') failure ??= event.message;
  };
  return { read, plan: () => plan, failure: () => failure };
}

/**
 * Pages and bytes of the new release (`counted` when known already); refused when it lost too
 * much of the live site.
 */
async function checkRelease(
  outDir: string,
  livePages: number | undefined,
  maxDrop: number,
  log: BuildLog,
  counted?: SiteSize,
) {
  const check = counted ?? (await measureSite(outDir));
  const reasons = refusals(check, livePages, maxDrop);
  if (reasons.length)
    throw new BuildFailure(`the new site was not published: ${reasons.join('; ')}`, log.lines);
  log.say(`${check.pages} pages, ${(check.bytes / 1024 / 1024).toFixed(1)} MiB`);
  return check;
}

/** Writes the manifest, makes the release live, and drops the releases beyond the newest `keep`. */
async function publish(
  store: ReleaseStore,
  manifest: ReleaseManifest,
  outDir: string,
  keep: number,
  log: BuildLog,
  started: number,
) {
  const { id } = manifest;
  // A partial build's output holds the live release's manifest as a hard link (see
  // site/src/publish/stage.ts): a new file replaces it, rather than writing into the live one.
  await fs.rm(path.join(outDir, manifestFile), { force: true });
  await fs.writeFile(path.join(outDir, manifestFile), manifestText(manifest));
  // What this process keeps of the release's files (its indexes) follows it to its new name.
  folderRenamed(outDir, await finishRelease(store, id));
  await publishRelease(store, id);
  const { removed, deleted } = await pruneReleases(store, keep);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const old = removed.length ? `; removed old builds ${removed.join(', ')}` : '';
  log.say(`published build ${id}, live ${seconds} s after the build began${old}`);
  // The new site is live: deleting the old builds' files does not hold up the result.
  deleted.catch((error: unknown) =>
    log.say(
      `old builds' files could not all be deleted (the next build tries again): ${(error as Error).message}`,
    ),
  );
}

/** Runs the deploy command; its output goes to the build log, its failure becomes a warning. */
async function deploy(command: string, dir: string, say: (line: string) => void) {
  say(`deploy: ${command}`);
  try {
    await run('/bin/sh', ['-c', command], {
      cwd: dir,
      env: { OYU_SITE_DIR: dir },
      onLine: (line) => say(`deploy │ ${line}`),
    });
    return { ok: true, message: 'deployed' };
  } catch (error) {
    const last = (error as Error).message.split('\n').filter(Boolean).at(-1) ?? '';
    return { ok: false, message: `the site is built and live here, but the deploy command failed: ${last}` };
  }
}
