import fs from 'node:fs';
import path from 'node:path';
import { type BuildPhase, prepareForBuilds } from '../buildRelease';
import { exportEnv, inheritedEnv } from '../env';
import { releaseStore } from '../releases';
import { buildSite, siteFolders } from '../siteBuild';
import { benchSiteUrl } from './install';
import {
  editLive,
  type LiveStack,
  liveBuildId,
  publishLive,
  removePublished,
  setAutoRebuild,
  signedInOrganiser,
  startSiteServer,
} from './live';
import { probed } from './probeRun';
import type { BuildFigures, BuildsFigures } from './result';
import type { RestClient } from './seedRest';

/**
 * The site builds a run measures: cold, with nothing changed, and with one work edited, each
 * built by the benchmark itself; then one work edited and many works published, as a visitor
 * sees them on the running stack (live.ts).
 */
export async function measureBuilds(
  dataDir: string,
  cmsUrl: string,
  client: RestClient,
  first: { id: number; title: string },
  onStep: (step: string) => void,
): Promise<BuildsFigures> {
  const siteUrl = benchSiteUrl;
  onStep('site build: cold');
  const cold = await measuredBuild(dataDir, cmsUrl, siteUrl, true);
  // Builds after the cold one run as the CMS runs them: in a process kept between builds and
  // made ready once (render app loaded, snapshot read) when the CMS starts.
  onStep('site build: nothing changed (the build process made ready first, as the CMS does)');
  const ready = performance.now();
  await prepareForBuilds({
    siteUrl,
    snapshotDir: siteFolders(dataDir).snapshotDir,
    store: releaseStore(siteFolders(dataDir).root),
    mediaCacheDir: siteFolders(dataDir).mediaCacheDir,
    onLog: () => {},
  });
  const readySeconds = round((performance.now() - ready) / 1000);
  const noChange = { ...(await measuredBuild(dataDir, cmsUrl, siteUrl, false)), readySeconds };
  onStep('site build: one work edited');
  // Marked, or the mark taken off again when a stopped run had put it there.
  const title = first.title.endsWith(editedMark)
    ? first.title.slice(0, -editedMark.length)
    : `${first.title}${editedMark}`;
  await client.call('PATCH', `/api/works/${first.id}?locale=en`, { title });
  const oneWork = await measuredBuild(dataDir, cmsUrl, siteUrl, false);
  return { cold, noChange, oneWork, ...(await measureLive(dataDir, client, first.id, onStep)) };
}

/** Works published at once in the live measurement (issue 26's "a publish of 100 works"). */
const publishedAtOnce = 100;
/** Longest a change may take to go live before the run gives up: a full build at L fits. */
const liveTimeoutMs = 30 * 60_000;
/** How long the live edit waits after the last build for the build process to be idle. */
const settleMs = 8_000;

/**
 * The live figures: the site server started as `pnpm start` starts it, the automatic rebuild
 * switched on with its countdown at 0, then an edit and a publish timed until served. The
 * rebuild is switched off again and the published works taken away with the live build put
 * back, so the steps after this one measure the dataset as seeded.
 */
async function measureLive(
  dataDir: string,
  admin: RestClient,
  workId: number,
  onStep: (step: string) => void,
): Promise<Pick<BuildsFigures, 'editLive' | 'publishLive'>> {
  const server = await startSiteServer(dataDir);
  let stack: LiveStack | undefined;
  let liveBefore: number | undefined;
  try {
    stack = { siteUrl: server.url, admin, organiser: await signedInOrganiser(admin) };
    await removePublished(stack);
    onStep('live: automatic rebuild on, countdown 0');
    await setAutoRebuild(stack, true, 0);
    // The edit comes to an idle stack, as a curator's correction usually does: after a build,
    // the CMS's build process links the next one's starting copy (3-4 s at M, stage.ts), and
    // an edit right then waits for it.
    await new Promise((resolve) => setTimeout(resolve, settleMs));
    onStep('live: one work edited, until the site serves it');
    const edited = await editLive(stack, workId, liveTimeoutMs);
    liveBefore = await liveBuildId(admin);
    onStep(`live: ${publishedAtOnce} works published at once, until the site serves them`);
    const published = await publishLive(stack, publishedAtOnce, liveTimeoutMs);
    return { editLive: edited, publishLive: published };
  } finally {
    if (stack) {
      await setAutoRebuild(stack, false, 60);
      await removePublished(stack, liveBefore);
    }
    await server.stop();
  }
}

const editedMark = ' (edited)';

/**
 * One site build, with its phases timed and the probe's peak memory and encode count read. A
 * full build starts from an empty photo cache, as a first build does; the photos are copied
 * from the install's folder, as `pnpm start` does.
 */
async function measuredBuild(
  dataDir: string,
  cmsUrl: string,
  siteUrl: string,
  full: boolean,
): Promise<BuildFigures> {
  if (full) fs.rmSync(siteFolders(dataDir).mediaCacheDir, { recursive: true, force: true });
  const log = buildLogReader();
  const phases = phaseTimer();
  const started = performance.now();
  const before = inheritedEnv().NODE_OPTIONS;
  const probe = await probed(async (nodeOptions) => {
    // The site build starts astro with this process's environment.
    exportEnv({ NODE_OPTIONS: nodeOptions });
    try {
      return await buildSite({
        dataDir,
        cmsUrl,
        siteUrl,
        full,
        cmsMediaDir: path.join(dataDir, 'media'),
        onLog: log.read,
        onProgress: ({ phase }) => phases.enter(phase),
      });
    } finally {
      exportEnv({ NODE_OPTIONS: before });
    }
  });
  const seconds = (performance.now() - started) / 1000;
  const spent = phases.end();
  const { result } = probe;
  return {
    seconds: round(seconds),
    pages: result.pages,
    rendered: result.rendered,
    mode: result.mode,
    phases: Object.fromEntries(Object.entries(spent).map(([name, value]) => [name, round(value)])),
    renderPagesPerSecond: spent.pages ? round(result.rendered / spent.pages) : 0,
    searchSeconds: log.searchSeconds(),
    peakRssMiB: probe.peakRssMiB,
    peakIn: probe.peakIn,
    encodes: probe.encodes,
    sharpLoaded: probe.sharpLoaded,
    photoFiles: log.photoFiles,
  };
}

const round = (value: number) => Math.round(value * 100) / 100;

/** What the build log says about the photo files and the search index. */
function buildLogReader() {
  const photoFiles = { copied: 0, downloaded: 0, cached: 0 };
  let searchSeconds: number | null = null;
  const read = (line: string) => {
    // One line per collection: "photos 3 downloaded, 120 copied, 4 cached".
    const files = line.match(/photos (\d+) downloaded, (\d+) copied, (\d+) cached/);
    if (files) {
      photoFiles.downloaded += Number(files[1]);
      photoFiles.copied += Number(files[2]);
      photoFiles.cached += Number(files[3]);
    }
    const seconds = line.match(/\[oyu-search\] search index: .*\((\d+(?:\.\d+)?) s/)?.[1];
    if (seconds) searchSeconds = Number(seconds);
  };
  return { read, photoFiles, searchSeconds: () => searchSeconds };
}

/** Seconds spent in each phase, as the build moves from one to the next. */
function phaseTimer() {
  const phases: Partial<Record<BuildPhase, number>> = {};
  let phase: BuildPhase | undefined;
  let phaseStarted = performance.now();
  const close = (now: number) => {
    if (phase) phases[phase] = (phases[phase] ?? 0) + (now - phaseStarted) / 1000;
  };
  const enter = (next: BuildPhase) => {
    if (next === phase) return;
    const now = performance.now();
    close(now);
    phase = next;
    phaseStarted = now;
  };
  const end = () => {
    close(performance.now());
    return phases;
  };
  return { enter, end };
}
