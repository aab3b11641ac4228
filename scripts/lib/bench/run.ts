import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildPhase } from '../buildRelease';
import { buildCms } from '../cmsBuild';
import { startCms } from '../cmsServer';
import { exportEnv, inheritedEnv, repoRoot } from '../env';
import { freePort, run } from '../processes';
import { credentialsFile } from '../secrets';
import { buildSite, siteFolders } from '../siteBuild';
import { describeStack, paths } from '../stack';
import { type BenchSize, dataset, type SizeSpec } from './dataset';
import { encodeFloor, htmlWriteFloor, sqlListFloor } from './floors';
import { measurePages, type PagesFigures } from './pages';
import { type LoadResult, load, siteRequests } from './restLoad';
import { RestClient, type SeedReport, seedThroughRest } from './seedRest';
import type { Summary } from './stats';

/**
 * `pnpm bench`: a fresh install filled with a deterministic dataset through the REST API, then
 * the site built from it (cold, unchanged, one work edited), the REST API under load, and the
 * physical floors, all in one run on this machine. The result is JSON and a Markdown report.
 */
export type BuildFigures = {
  seconds: number;
  pages: number;
  rendered: number;
  mode: 'full' | 'partial';
  /** Seconds spent in each phase, in order. */
  phases: Partial<Record<BuildPhase, number>>;
  /** Pages rendered per second of the pages phase. */
  renderPagesPerSecond: number;
  /** Peak memory of the astro build process. */
  peakRssMiB: number;
  /** Image encodes through sharp in any process of the build. */
  encodes: number;
  sharpLoaded: boolean;
};

export type BenchResult = {
  size: BenchSize;
  spec: SizeSpec;
  quick: boolean;
  startedAt: string;
  machine: { cpu: string; cores: number; memoryGiB: number; os: string; node: string };
  seed: SeedReport;
  builds: { cold: BuildFigures; noChange: BuildFigures; oneWork: BuildFigures };
  rest: LoadResult[];
  pages: PagesFigures;
  floors: {
    html: { pages: number; bytes: number; ms: number };
    sqlList: Summary;
    encode: Awaited<ReturnType<typeof encodeFloor>>;
  };
};

const probe = fileURLToPath(new URL('./probe.cjs', import.meta.url));

function machine(): BenchResult['machine'] {
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
  };
}

function readCredentials(dataDir: string): { email: string; password: string } {
  const text = fs.readFileSync(credentialsFile(dataDir), 'utf8');
  const value = (key: string) => new RegExp(`^${key}: (.+)$`, 'm').exec(text)?.[1]?.trim() ?? '';
  return { email: value('email'), password: value('password') };
}

/** One site build, with its phases timed and the probe's peak memory and encode count read. */
async function measuredBuild(
  dataDir: string,
  cmsUrl: string,
  siteUrl: string,
  full: boolean,
): Promise<BuildFigures> {
  // The probe writes its findings beside itself: a copy per build keeps builds apart.
  const probeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oyu-bench-probe-'));
  const probeCopy = path.join(probeDir, 'probe.cjs');
  fs.copyFileSync(probe, probeCopy);
  const before = inheritedEnv().NODE_OPTIONS;
  exportEnv({ NODE_OPTIONS: [before, `--require ${probeCopy}`].filter(Boolean).join(' ') });
  const phases: Partial<Record<BuildPhase, number>> = {};
  let phase: BuildPhase | undefined;
  let phaseStarted = performance.now();
  const started = performance.now();
  try {
    const result = await buildSite({
      dataDir,
      cmsUrl,
      siteUrl,
      full,
      onProgress: ({ phase: next }) => {
        if (next === phase) return;
        const now = performance.now();
        if (phase) phases[phase] = (phases[phase] ?? 0) + (now - phaseStarted) / 1000;
        phase = next;
        phaseStarted = now;
      },
    });
    const seconds = (performance.now() - started) / 1000;
    if (phase) phases[phase] = (phases[phase] ?? 0) + (performance.now() - phaseStarted) / 1000;
    const probes = fs
      .readdirSync(probeDir)
      .filter((file) => file.endsWith('.json'))
      .map(
        (file) =>
          JSON.parse(fs.readFileSync(path.join(probeDir, file), 'utf8')) as {
            command: string;
            maxRssKb: number;
            sharpLoaded: boolean;
            encodes: number;
          },
      );
    // The astro process itself (`astro.js build`), not the guard that started it.
    const astro = probes.filter((entry) => entry.command.startsWith('astro'));
    return {
      seconds: round(seconds),
      pages: result.pages,
      rendered: result.rendered,
      mode: result.mode,
      phases: Object.fromEntries(Object.entries(phases).map(([name, value]) => [name, round(value)])),
      renderPagesPerSecond: phases.pages ? round(result.rendered / phases.pages) : 0,
      peakRssMiB: round(Math.max(0, ...astro.map((entry) => entry.maxRssKb)) / 1024),
      encodes: probes.reduce((sum, entry) => sum + entry.encodes, 0),
      sharpLoaded: probes.some((entry) => entry.sharpLoaded),
    };
  } finally {
    exportEnv({ NODE_OPTIONS: before });
    fs.rmSync(probeDir, { recursive: true, force: true });
  }
}

const round = (value: number) => Math.round(value * 100) / 100;

/** Waits until the server answers one request on its own again (its queue has drained). */
async function settle(url: string) {
  await new Promise((resolve) => setTimeout(resolve, 1000));
  for (let attempt = 0; attempt < 3; attempt += 1) await (await fetch(url)).arrayBuffer();
}

export async function runBench(options: {
  size: BenchSize;
  quick: boolean;
  dataDir: string;
  onStep: (step: string) => void;
  onProgress?: (done: number, total: number) => void;
}): Promise<BenchResult> {
  const { size, quick, dataDir, onStep } = options;
  const startedAt = new Date().toISOString();
  const data = dataset(size);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const cmsPort = await freePort();
  const stack = describeStack({
    dataDir,
    cmsPort,
    sitePort: await freePort(),
    databaseUri: undefined,
    mediaDir: path.join(dataDir, 'media'),
    s3: undefined,
    seedDemo: false,
    demoPhotoSize: undefined,
    verbose: false,
  });
  onStep('empty database, CMS build');
  await Promise.all([
    run(paths.tsxBin, [paths.seedScript], {
      cwd: repoRoot,
      env: { ...stack.cmsEnv, OYU_SEED_DEMO: 'false' },
    }),
    buildCms(stack.cmsEnv),
  ]);
  const cms = await startCms(stack.cmsEnv, cmsPort);
  const cmsUrl = `http://127.0.0.1:${cmsPort}`;
  const siteUrl = 'https://oyu.example';
  try {
    const client = new RestClient(cmsUrl);
    const { email, password } = readCredentials(dataDir);
    await client.login(email, password);

    onStep(`seed ${data.works.length} works, ${data.artisans.length} artisans through the REST API`);
    const seed = await seedThroughRest(client, data, { concurrency: 2, onProgress: options.onProgress });

    onStep('site build: cold');
    const cold = await measuredBuild(dataDir, cmsUrl, siteUrl, true);
    onStep('site build: nothing changed');
    const noChange = await measuredBuild(dataDir, cmsUrl, siteUrl, false);
    onStep('site build: one work edited');
    const works = (await client.call('GET', '/api/works?limit=1&depth=0&sort=id')) as {
      docs: { id: number; title: string }[];
    };
    const first = works.docs[0];
    if (!first) throw new Error('The benchmark dataset has no works');
    await client.call('PATCH', `/api/works/${first.id}?locale=en`, { title: `${first.title} (edited)` });
    const oneWork = await measuredBuild(dataDir, cmsUrl, siteUrl, false);

    onStep('REST API under load');
    const rest: LoadResult[] = [];
    for (const request of siteRequests(cmsUrl, first.id)) {
      for (const connections of [1, 10, 50]) {
        // The previous run's last requests may still be queued in the CMS: let them drain.
        await settle(request.url);
        rest.push(await load(request.name, request.url, connections, quick ? 3 : 10));
      }
    }

    onStep(
      quick ? 'pages: Lighthouse on two page types, search' : 'pages: Lighthouse on every page type, search',
    );
    const pages = await measurePages(siteFolders(dataDir).live, quick);

    onStep('floors');
    const floors = {
      html: await htmlWriteFloor(siteFolders(dataDir).live, path.join(dataDir, 'floor-html')),
      sqlList: sqlListFloor(path.join(dataDir, 'oyu.db')),
      encode: await encodeFloor(data.spec.photo),
    };
    return {
      size,
      spec: data.spec,
      quick,
      startedAt,
      machine: machine(),
      seed,
      builds: { cold, noChange, oneWork },
      rest,
      pages,
      floors,
    };
  } finally {
    await cms.stop();
  }
}
