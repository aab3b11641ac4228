import fs from 'node:fs';
import path from 'node:path';
import type { BuildPhase } from '../buildRelease';
import { exportEnv, inheritedEnv } from '../env';
import { buildSite, siteFolders } from '../siteBuild';
import { probed } from './probeRun';
import type { BenchResult, BuildFigures } from './result';
import type { RestClient } from './seedRest';

/** The site builds a run measures: cold, with nothing changed, and with one work edited. */
export async function measureBuilds(
  dataDir: string,
  cmsUrl: string,
  client: RestClient,
  first: { id: number; title: string },
  onStep: (step: string) => void,
): Promise<BenchResult['builds']> {
  const siteUrl = 'https://oyu.example';
  onStep('site build: cold');
  const cold = await measuredBuild(dataDir, cmsUrl, siteUrl, true);
  onStep('site build: nothing changed');
  const noChange = await measuredBuild(dataDir, cmsUrl, siteUrl, false);
  onStep('site build: one work edited');
  // Marked, or the mark taken off again when a stopped run had put it there.
  const title = first.title.endsWith(editedMark)
    ? first.title.slice(0, -editedMark.length)
    : `${first.title}${editedMark}`;
  await client.call('PATCH', `/api/works/${first.id}?locale=en`, { title });
  const oneWork = await measuredBuild(dataDir, cmsUrl, siteUrl, false);
  return { cold, noChange, oneWork };
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
