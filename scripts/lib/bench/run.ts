import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { BuildPhase } from '../buildRelease';
import { buildCms } from '../cmsBuild';
import { startCms } from '../cmsServer';
import { type CopyReport, copySqliteToPostgres } from '../copyDatabase';
import { exportEnv, inheritedEnv, repoRoot } from '../env';
import { freePort, run } from '../processes';
import { credentialsFile } from '../secrets';
import { buildSite, siteFolders } from '../siteBuild';
import { describeStack, paths } from '../stack';
import { type BenchSize, dataset, type SizeSpec } from './dataset';
import { encodeFloor, htmlWriteFloor, sqlListFloor } from './floors';
import { measurePages, type PagesFigures } from './pages';
import { type PeerFigures, peerBuild } from './peer';
import { probed } from './probeRun';
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
  /** Seconds Pagefind took, beside the photos phase (its own report in the build log). */
  searchSeconds: number | null;
  /** Peak memory of the astro build process. */
  peakRssMiB: number;
  /** Image encodes through sharp in any process of the build. */
  encodes: number;
  sharpLoaded: boolean;
  /** Where the build took the photo files: the CMS's folder, its HTTP API, or its own cache. */
  photoFiles?: { copied: number; downloaded: number; cached: number };
};

export type BenchResult = {
  size: BenchSize;
  spec: SizeSpec;
  quick: boolean;
  startedAt: string;
  machine: { cpu: string; cores: number; memoryGiB: number; os: string; node: string };
  seed: SeedReport;
  builds: { cold: BuildFigures; noChange: BuildFigures; oneWork: BuildFigures };
  /** The same dataset built the way starters do it (peer.ts), cold. */
  peer: PeerFigures;
  rest: LoadResult[];
  /** The cache's verdict and the encoding of the same anonymous list asked twice: MISS, then HIT, gzipped. */
  restCache: string[];
  /** The commit each step was measured at (a resumed run can span several). */
  commits: Partial<Record<StepName, string>>;
  /** The copy of the install measured on PostgreSQL, when `--postgres` was given. */
  postgresCopy?: CopyReport & { checked: string[] };
  pages: PagesFigures;
  floors: {
    html: { pages: number; bytes: number; ms: number };
    sqlList: Summary;
    encode: Awaited<ReturnType<typeof encodeFloor>>;
  };
};

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
  const photoFiles = { copied: 0, downloaded: 0, cached: 0 };
  const phases: Partial<Record<BuildPhase, number>> = {};
  let phase: BuildPhase | undefined;
  let phaseStarted = performance.now();
  let searchSeconds: number | null = null;
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
        onLog: (line) => {
          // One line per collection: "photos 3 downloaded, 120 copied, 4 cached".
          const files = line.match(/photos (\d+) downloaded, (\d+) copied, (\d+) cached/);
          if (files) {
            photoFiles.downloaded += Number(files[1]);
            photoFiles.copied += Number(files[2]);
            photoFiles.cached += Number(files[3]);
          }
          const seconds = line.match(/\[oyu-search\] search index: .*\((\d+(?:\.\d+)?) s/)?.[1];
          if (seconds) searchSeconds = Number(seconds);
        },
        onProgress: ({ phase: next }) => {
          if (next === phase) return;
          const now = performance.now();
          if (phase) phases[phase] = (phases[phase] ?? 0) + (now - phaseStarted) / 1000;
          phase = next;
          phaseStarted = now;
        },
      });
    } finally {
      exportEnv({ NODE_OPTIONS: before });
    }
  });
  const seconds = (performance.now() - started) / 1000;
  if (phase) phases[phase] = (phases[phase] ?? 0) + (performance.now() - phaseStarted) / 1000;
  const { result } = probe;
  return {
    seconds: round(seconds),
    pages: result.pages,
    rendered: result.rendered,
    mode: result.mode,
    phases: Object.fromEntries(Object.entries(phases).map(([name, value]) => [name, round(value)])),
    renderPagesPerSecond: phases.pages ? round(result.rendered / phases.pages) : 0,
    searchSeconds,
    peakRssMiB: probe.peakRssMiB,
    encodes: probe.encodes,
    sharpLoaded: probe.sharpLoaded,
    photoFiles,
  };
}

const round = (value: number) => Math.round(value * 100) / 100;

/** Waits until the server answers one request on its own again (its queue has drained). */
async function settle(url: string) {
  await new Promise((resolve) => setTimeout(resolve, 1000));
  for (let attempt = 0; attempt < 3; attempt += 1) await (await fetch(url)).arrayBuffer();
}

/**
 * A fresh install at `dataDir` (SQLite there, or the empty PostgreSQL database given), running;
 * with `resume`, the install already there, to carry on seeding it.
 */
async function freshInstall(
  dataDir: string,
  databaseUri: string | undefined,
  options: {
    resume?: boolean;
    /** The photos, when not the install's own media/ folder. */
    mediaDir?: string;
    /** After the migrations, before the CMS starts (the PostgreSQL copy goes in here). */
    beforeStart?: () => Promise<void>;
    /** Whose admin logs in: the install's own, or the one a copied database came with. */
    credentialsFrom?: string;
  } = {},
) {
  if (!options.resume) fs.rmSync(dataDir, { recursive: true, force: true });
  const cmsPort = await freePort();
  const stack = describeStack({
    dataDir,
    cmsPort,
    sitePort: await freePort(),
    databaseUri,
    mediaDir: options.mediaDir ?? path.join(dataDir, 'media'),
    s3: undefined,
    seedDemo: false,
    demoPhotoSize: undefined,
    verbose: false,
  });
  // The seed script applies the migrations and makes the admin; nothing else.
  await Promise.all([
    run(paths.tsxBin, [paths.seedScript], {
      cwd: repoRoot,
      env: { ...stack.cmsEnv, OYU_SEED_DEMO: 'false' },
    }),
    buildCms(stack.cmsEnv),
  ]);
  await options.beforeStart?.();
  const cms = await startCms(stack.cmsEnv, cmsPort);
  const cmsUrl = `http://127.0.0.1:${cmsPort}`;
  try {
    const client = new RestClient(cmsUrl);
    const { email, password } = readCredentials(options.credentialsFrom ?? dataDir);
    await client.login(email, password);
    return { cms, cmsUrl, client };
  } catch (error) {
    await cms.stop();
    throw error;
  }
}

/** The site's list and one-work requests, cached and uncached, at 1, 10 and 50 connections. */
async function restUnderLoad(
  cmsUrl: string,
  workId: number,
  quick: boolean,
  database: LoadResult['database'],
): Promise<LoadResult[]> {
  const rest: LoadResult[] = [];
  for (const cache of ['cached', 'uncached'] as const) {
    for (const request of siteRequests(cmsUrl, workId)) {
      for (const connections of [1, 10, 50]) {
        // The previous run's last requests may still be queued in the CMS: let them drain.
        await settle(request.url);
        const length = quick ? { requests: connections * 3 } : { seconds: 10 };
        rest.push(await load(request.name, request.url, connections, length, cache, database));
      }
    }
  }
  return rest;
}

/** Refuses a PostgreSQL database that holds anything: the benchmark fills it from nothing. */
async function checkEmptyPostgres(uri: string) {
  const client = new pg.Client({ connectionString: uri });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`--postgres: cannot connect to ${redact(uri)}: ${(error as Error).message}`);
  }
  try {
    const { rows } = await client.query<{ count: string }>(
      "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'",
    );
    const tables = Number(rows[0]?.count ?? 0);
    if (tables > 0) {
      throw new Error(
        `--postgres needs an empty database, and ${redact(uri)} has ${tables} tables: create one for the benchmark (createdb oyu_bench) and pass its URL`,
      );
    }
  } finally {
    await client.end();
  }
}

const redact = (uri: string) => uri.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

/** Where a data folder's seed keeps its upload timings between runs. */
const progressFile = (dataDir: string) => path.join(dataDir, 'seed-progress.json');

/**
 * Only the seed, carried on from where the last one stopped (`pnpm bench --size M --seed-only`):
 * M and L take hours of uploads, which can be spread over several runs; then
 * `pnpm bench --size M --resume` measures.
 */
export async function seedBench(options: {
  size: BenchSize;
  dataDir: string;
  onStep: (step: string) => void;
  onProgress?: (done: number, total: number) => void;
}): Promise<SeedReport> {
  const data = dataset(options.size);
  const resume = fs.existsSync(path.join(options.dataDir, 'oyu.db'));
  options.onStep(resume ? `carry on seeding ${options.dataDir}` : 'empty database, CMS build');
  const { cms, client } = await freshInstall(options.dataDir, undefined, { resume });
  try {
    options.onStep(`seed ${data.works.length} works, ${data.artisans.length} artisans through the REST API`);
    return await seedThroughRest(client, data, {
      concurrency: 2,
      onProgress: options.onProgress,
      progressFile: progressFile(options.dataDir),
    });
  } finally {
    await cms.stop();
  }
}

/** A run's steps, each measured whole; a run stopped between them carries on (`--resume`). */
type Steps = {
  builds: BenchResult['builds'];
  peer: PeerFigures;
  rest: { rest: LoadResult[]; restCache: string[] };
  pages: PagesFigures;
  floors: BenchResult['floors'];
  postgres: { copy: CopyReport; checked: string[]; rest: LoadResult[] };
};
type StepName = keyof Steps;
type Journal = {
  size: BenchSize;
  quick: boolean;
  steps: { [K in StepName]?: { commit: string; value: Steps[K] } };
};

/** Where a data folder keeps the steps measured so far. */
const journalFile = (dataDir: string) => path.join(dataDir, 'bench-steps.json');

function readJournal(dataDir: string, size: BenchSize, quick: boolean): Journal {
  const fresh: Journal = { size, quick, steps: {} };
  if (!fs.existsSync(journalFile(dataDir))) return fresh;
  const journal = JSON.parse(fs.readFileSync(journalFile(dataDir), 'utf8')) as Journal;
  // A quick run's figures are not a full run's.
  return journal.size === size && journal.quick === quick ? journal : fresh;
}

/** The commit measured, marked when the work tree had changes. */
function currentCommit(): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim();
    const changed = git('status', '--porcelain', '--untracked-files=no') !== '';
    return `${git('rev-parse', '--short', 'HEAD')}${changed ? ' (with changes)' : ''}`;
  } catch {
    return 'unknown';
  }
}

export async function runBench(options: {
  size: BenchSize;
  quick: boolean;
  dataDir: string;
  /**
   * Carry on with the install in `dataDir` (left by `seedBench` or a stopped run) instead of a
   * fresh one; the steps a stopped run finished are not measured again.
   */
  resume?: boolean;
  /** An empty PostgreSQL database: a copy of the install goes there, and its REST API is measured. */
  postgresUri?: string | undefined;
  onStep: (step: string) => void;
  onProgress?: (done: number, total: number) => void;
}): Promise<BenchResult> {
  const { size, quick, dataDir, onStep, postgresUri } = options;
  const data = dataset(size);
  const resume = Boolean(options.resume) && fs.existsSync(path.join(dataDir, 'oyu.db'));
  const journal = resume ? readJournal(dataDir, size, quick) : { size, quick, steps: {} };
  if (postgresUri && !journal.steps.postgres) await checkEmptyPostgres(postgresUri);
  const commit = currentCommit();
  /** A step's figures: measured now, or kept from the stopped run this one carries on. */
  const step = async <K extends StepName>(name: K, measure: () => Promise<Steps[K]>): Promise<Steps[K]> => {
    const kept = journal.steps[name];
    if (kept) {
      onStep(`${name}: kept from the run stopped earlier (commit ${kept.commit})`);
      return kept.value as Steps[K];
    }
    const value = await measure();
    journal.steps[name] = { commit, value } as Journal['steps'][K];
    fs.writeFileSync(journalFile(dataDir), `${JSON.stringify(journal, null, 2)}\n`);
    return value;
  };

  const startedAt = new Date().toISOString();
  onStep(resume ? `carry on with ${dataDir}` : 'empty database, CMS build');
  const { cms, cmsUrl, client } = await freshInstall(dataDir, undefined, { resume });
  const siteUrl = 'https://oyu.example';
  let seed: SeedReport;
  let first: { id: number; title: string };
  const answers = new Map<string, unknown>();
  let steps: Omit<Steps, 'postgres'>;
  try {
    onStep(`seed ${data.works.length} works, ${data.artisans.length} artisans through the REST API`);
    seed = await seedThroughRest(client, data, {
      concurrency: 2,
      onProgress: options.onProgress,
      progressFile: progressFile(dataDir),
    });

    first = await firstWork(client);
    const builds = await step('builds', async () => {
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
    });

    const requests = siteRequests(cmsUrl, first.id);
    const rest = await step('rest', async () => {
      onStep('REST API under load (SQLite)');
      // The running CMS answers a repeated anonymous read from its cache: the header says so.
      const [list] = requests;
      const restCache: string[] = [];
      const checkUrl = `${list?.url}&bench-check=${Date.now()}`;
      for (let attempt = 0; attempt < 2 && list; attempt += 1) {
        // fetch asks for gzip and unpacks it: a body gzipped twice would not parse.
        const response = await fetch(checkUrl);
        JSON.parse(await response.text());
        restCache.push(
          `${response.headers.get('x-oyu-cache') ?? 'none'} ${response.headers.get('content-encoding') ?? 'identity'}`,
        );
      }
      return { rest: await restUnderLoad(cmsUrl, first.id, quick, 'sqlite'), restCache };
    });
    // What SQLite answers, to check the PostgreSQL copy against.
    if (postgresUri && !journal.steps.postgres) {
      for (const request of requests) answers.set(request.name, await answer(request.url, cmsUrl));
    }

    const pages = await step('pages', () => {
      onStep(
        quick
          ? 'pages: Lighthouse on two page types, search'
          : 'pages: Lighthouse on every page type, search',
      );
      return measurePages(siteFolders(dataDir).live, quick);
    });

    const floors = await step('floors', async () => {
      onStep('floors');
      return {
        html: await htmlWriteFloor(siteFolders(dataDir).live, path.join(dataDir, 'floor-html')),
        sqlList: sqlListFloor(path.join(dataDir, 'oyu.db')),
        encode: await encodeFloor(data.spec.photo),
      };
    });
    // Last: at M and L it takes the longest, and a run stopped in it keeps the steps before.
    const peer = await step('peer', async () => {
      onStep('peer baseline: a starter-style Astro site over the same CMS');
      // Astro's output is kept beside the result: a build that fails says why in it.
      const log = fs.createWriteStream(path.join(dataDir, 'peer-build.log'));
      try {
        return await peerBuild({
          cmsUrl,
          outDir: path.join(dataDir, 'peer-site'),
          onLine: (line) => log.write(`${line}\n`),
        });
      } finally {
        log.end();
      }
    });

    steps = { builds, peer, rest, pages, floors };
  } finally {
    await cms.stop();
  }

  const postgres = postgresUri
    ? await step('postgres', async () => {
        // A copy of the same install, with the SQLite CMS stopped; the same photos folder.
        onStep('PostgreSQL: a copy of the install');
        let copy: CopyReport | undefined;
        const install = await freshInstall(`${dataDir}-postgres`, postgresUri, {
          mediaDir: path.join(dataDir, 'media'),
          credentialsFrom: dataDir,
          beforeStart: async () => {
            copy = await copySqliteToPostgres(path.join(dataDir, 'oyu.db'), postgresUri);
          },
        });
        try {
          const requests = siteRequests(install.cmsUrl, first.id);
          const checked: string[] = [];
          for (const request of requests) {
            const difference = firstDifference(
              answers.get(request.name),
              await answer(request.url, install.cmsUrl),
            );
            if (difference) {
              throw new Error(
                `The PostgreSQL copy answers ${request.name} unlike SQLite, at ${difference}: the copy is not faithful, so its figures would not be comparable`,
              );
            }
            checked.push(request.name);
          }
          onStep('REST API under load (PostgreSQL)');
          const rest = await restUnderLoad(install.cmsUrl, first.id, quick, 'postgres');
          return { copy: copy as CopyReport, checked, rest };
        } finally {
          await install.cms.stop();
        }
      })
    : undefined;

  const commits = Object.fromEntries(
    Object.entries(journal.steps).map(([name, kept]) => [name, kept.commit]),
  ) as BenchResult['commits'];
  return {
    size,
    spec: data.spec,
    quick,
    startedAt,
    commits,
    machine: machine(),
    seed,
    builds: steps.builds,
    peer: steps.peer,
    rest: [...steps.rest.rest, ...(postgres?.rest ?? [])],
    restCache: steps.rest.restCache,
    ...(postgres ? { postgresCopy: { ...postgres.copy, checked: postgres.checked } } : {}),
    pages: steps.pages,
    floors: steps.floors,
  };
}

const editedMark = ' (edited)';

/** A CMS's answer, with its own address (in every photo's URL) taken out, to compare two CMSes. */
async function answer(url: string, cmsUrl: string): Promise<unknown> {
  const { port } = new URL(cmsUrl);
  const text = await (await fetch(url)).text();
  return JSON.parse(text.replace(new RegExp(`//(?:localhost|127\\.0\\.0\\.1):${port}\\b`, 'g'), '//cms'));
}

/** Where two JSON values first differ, as a path (`docs[3].title`), or undefined when equal. */
export function firstDifference(a: unknown, b: unknown, at = ''): string | undefined {
  if (Object.is(a, b)) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return `${at || 'the top'} (${JSON.stringify(a)?.slice(0, 80)} against ${JSON.stringify(b)?.slice(0, 80)})`;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return `${at || 'the top'} (an array against an object)`;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${at || 'the top'} (${a.length} items against ${b.length})`;
    for (let index = 0; index < a.length; index += 1) {
      const found = firstDifference(a[index], b[index], `${at}[${index}]`);
      if (found) return found;
    }
    return undefined;
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  for (const key of new Set([...Object.keys(left), ...Object.keys(right)])) {
    const found = firstDifference(left[key], right[key], at ? `${at}.${key}` : key);
    if (found) return found;
  }
  return undefined;
}

async function firstWork(client: RestClient) {
  const works = (await client.call('GET', '/api/works?limit=1&depth=0&sort=id')) as {
    docs: { id: number; title: string }[];
  };
  const first = works.docs[0];
  if (!first) throw new Error('The benchmark dataset has no works');
  return first;
}
