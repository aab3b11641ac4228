import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { siteFolders } from '../siteBuild';
import { type BenchSize, dataset } from './dataset';
import { encodeFloor, htmlWriteFloor, sqlListFloor } from './floors';
import { type BenchInstall, freshInstall } from './install';
import { commitsOf, currentCommit, readJournal, stepRunner } from './journal';
import { measurePages } from './pages';
import { peerBuild } from './peer';
import { answersOf, checkEmptyPostgres, measurePostgresCopy } from './postgresCopy';
import { cacheVerdicts, restUnderLoad } from './restFigures';
import { siteRequests } from './restLoad';
import { type BenchResult, type StepName, type Steps, stepNames } from './result';
import { type RestClient, type SeedReport, seedThroughRest } from './seedRest';
import { measureBuilds } from './siteBuilds';

/**
 * `pnpm bench`: a fresh install filled with a deterministic dataset through the REST API, then
 * the site built from it (cold, unchanged, one work edited), the REST API under load, and the
 * physical floors, all in one run on this machine. The result is JSON and a Markdown report.
 */

/** Where a data folder's seed keeps its upload timings between runs. */
const progressFile = (dataDir: string) => path.join(dataDir, 'seed-progress.json');

type Dataset = ReturnType<typeof dataset>;

type RunOptions = {
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
  /** Only these steps after the seed (`--only builds`); every step when not given. */
  only?: StepName[] | undefined;
  onStep: (step: string) => void;
  onProgress?: (done: number, total: number) => void;
};

/**
 * Only the seed, carried on from where the last one stopped (`pnpm bench --size M --seed-only`):
 * M and L take hours of uploads, which can be spread over several runs; then
 * `pnpm bench --size M --resume` measures.
 */
export async function seedBench(
  options: Omit<RunOptions, 'quick' | 'resume' | 'postgresUri'>,
): Promise<SeedReport> {
  const data = dataset(options.size);
  const resume = fs.existsSync(path.join(options.dataDir, 'oyu.db'));
  options.onStep(resume ? `carry on seeding ${options.dataDir}` : 'empty database, CMS build');
  const { cms, client } = await freshInstall(options.dataDir, undefined, { resume });
  try {
    return await seed(client, data, options);
  } finally {
    await cms.stop();
  }
}

function seed(
  client: RestClient,
  data: Dataset,
  options: Pick<RunOptions, 'dataDir' | 'onStep' | 'onProgress'>,
) {
  const { spec } = data;
  const cloned = spec.uploadPhotos ? `, ${spec.uploadPhotos} photos uploaded and the others cloned` : '';
  options.onStep(
    `seed ${data.works.length} works, ${data.artisans.length} artisans through the REST API${cloned}`,
  );
  return seedThroughRest(client, data, {
    concurrency: 2,
    onProgress: options.onProgress,
    progressFile: progressFile(options.dataDir),
    install: {
      databaseFile: path.join(options.dataDir, 'oyu.db'),
      mediaDir: path.join(options.dataDir, 'media'),
    },
  });
}

export async function runBench(options: RunOptions): Promise<BenchResult> {
  const { size, quick, dataDir, onStep } = options;
  const data = dataset(size);
  const resume = Boolean(options.resume) && fs.existsSync(path.join(dataDir, 'oyu.db'));
  const journal = resume ? readJournal(dataDir, size, quick) : { size, quick, steps: {} };
  const wanted = (name: StepName) => !options.only || options.only.includes(name);
  const postgresUri = wanted('postgres') ? options.postgresUri : undefined;
  const copyToPostgres = postgresUri && !journal.steps.postgres;
  if (copyToPostgres) await checkEmptyPostgres(postgresUri);
  const runStep = stepRunner(journal, dataDir, currentCommit(), onStep);
  // A step left out (`--only`) is neither measured nor written to the journal.
  const step: OptionalStep = (name, measure) =>
    wanted(name) ? runStep(name, measure) : Promise.resolve(undefined);

  const startedAt = new Date().toISOString();
  onStep(resume ? `carry on with ${dataDir}` : 'empty database, CMS build');
  const install = await freshInstall(dataDir, undefined, { resume });
  let sqlite: Awaited<ReturnType<typeof measureOnSqlite>>;
  try {
    sqlite = await measureOnSqlite(install, data, options, step, Boolean(copyToPostgres));
  } finally {
    await install.cms.stop();
  }
  const { steps, first, answers } = sqlite;
  // A copy of the same install, with the SQLite CMS stopped; the same photos folder.
  const postgres = postgresUri
    ? await step('postgres', () =>
        measurePostgresCopy({ dataDir, postgresUri, workId: first.id, answers, quick, onStep }),
      )
    : undefined;
  const skipped = options.only ? stepNames.filter((name) => !wanted(name)) : [];

  return {
    size,
    spec: data.spec,
    quick,
    startedAt,
    commits: commitsOf(journal),
    machine: machine(),
    seed: sqlite.seed,
    ...(skipped.length ? { skipped } : {}),
    builds: steps.builds,
    peer: steps.peer,
    rest: [...(steps.rest?.rest ?? []), ...(postgres?.rest ?? [])],
    restCache: steps.rest?.restCache,
    ...(postgres ? { postgresCopy: { ...postgres.copy, checked: postgres.checked } } : {}),
    pages: steps.pages,
    floors: steps.floors,
  };
}

/** A step of this run, or undefined when the run leaves it out. */
type OptionalStep = <K extends StepName>(
  name: K,
  measure: () => Promise<Steps[K]>,
) => Promise<Steps[K] | undefined>;

/**
 * Everything measured on the SQLite install: the seed, then each step. With `keepAnswers`,
 * what the CMS answers to the site's requests too, to check the PostgreSQL copy against.
 */
async function measureOnSqlite(
  { cmsUrl, client }: BenchInstall,
  data: Dataset,
  options: RunOptions,
  step: OptionalStep,
  keepAnswers: boolean,
) {
  const { quick, dataDir, onStep } = options;
  const seedReport = await seed(client, data, options);
  const first = await firstWork(client);
  const builds = await step('builds', () => measureBuilds(dataDir, cmsUrl, client, first, onStep));
  const rest = await step('rest', async () => {
    onStep('REST API under load (SQLite)');
    const restCache = await cacheVerdicts(siteRequests(cmsUrl, first.id)[0]?.url);
    return { rest: await restUnderLoad(cmsUrl, first.id, quick, 'sqlite'), restCache };
  });
  const answers = keepAnswers ? await answersOf(cmsUrl, first.id) : new Map<string, unknown>();
  const pages = await step('pages', () => {
    onStep(
      quick ? 'pages: Lighthouse on two page types, search' : 'pages: Lighthouse on every page type, search',
    );
    return measurePages(siteFolders(dataDir).live, quick);
  });
  const floors = await step('floors', () => measureFloors(dataDir, data, onStep));
  // Last: at M and L it takes the longest, and a run stopped in it keeps the steps before.
  const peer = await step('peer', () => measurePeer(dataDir, cmsUrl, onStep));
  const steps = { builds, peer, rest, pages, floors };
  return { seed: seedReport, first, answers, steps };
}

async function measureFloors(dataDir: string, data: Dataset, onStep: (step: string) => void) {
  onStep('floors');
  return {
    html: await htmlWriteFloor(siteFolders(dataDir).live, path.join(dataDir, 'floor-html')),
    sqlList: sqlListFloor(path.join(dataDir, 'oyu.db')),
    encode: await encodeFloor(data.spec.photo),
  };
}

async function measurePeer(dataDir: string, cmsUrl: string, onStep: (step: string) => void) {
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
}

function machine(): BenchResult['machine'] {
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
  };
}

async function firstWork(client: RestClient) {
  const works = (await client.call('GET', '/api/works?limit=1&depth=0&sort=id')) as {
    docs: { id: number; title: string }[];
  };
  const first = works.docs[0];
  if (!first) throw new Error('The benchmark dataset has no works');
  return first;
}
