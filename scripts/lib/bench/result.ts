import type { BuildPhase } from '../buildRelease';
import type { CopyReport } from '../copyDatabase';
import type { BenchSize, SizeSpec } from './dataset';
import type { encodeFloor } from './floors';
import type { PagesFigures } from './pages';
import type { PeerFigures } from './peer';
import type { LoadResult } from './restLoad';
import type { SeedReport } from './seedRest';
import type { Summary } from './stats';

/** What `pnpm bench` measures: the figures of one run, as JSON and as the report's source. */

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
  /** Peak memory of the astro build process, or of the bench's own when the publisher built in it. */
  peakRssMiB: number;
  peakIn?: 'astro' | 'this process';
  /** Image encodes through sharp in any process of the build. */
  encodes: number;
  sharpLoaded: boolean;
  /** Where the build took the photo files: the CMS's folder, its HTTP API, or its own cache. */
  photoFiles?: { copied: number; downloaded: number; cached: number };
  /**
   * Seconds the build process took to get ready before this build, untimed in `seconds`, as
   * the CMS's kept build process does once at its start (`prepareForBuilds`).
   */
  readySeconds?: number;
};

/**
 * A change made through the REST API and timed as a visitor sees it: from the write's answer
 * until the site server serves each page that shows it, the CMS rebuilding on its own
 * (automatic rebuild, countdown 0).
 */
export type LiveFigures = {
  /** Each page that shows the change, and the seconds until it was served with it. */
  pages: { name: string; path: string; seconds: number }[];
  /** The longest of them: the change is live everywhere it shows. */
  seconds: number;
  /** The REST write itself, request to answer. */
  writeMs: number;
  /** The builds the CMS ran after the write, as its build history records them. */
  builds: { id: number; seconds: number; kind: string }[];
};

/** The site builds a run measures; the live figures are missing from runs kept from before them. */
export type BuildsFigures = {
  cold: BuildFigures;
  noChange: BuildFigures;
  oneWork: BuildFigures;
  /** One published work's Kazakh title edited: its page, its artisan's page, the browse data. */
  editLive?: LiveFigures;
  /** Draft works published in one request: a sample of their pages and the browse data. */
  publishLive?: LiveFigures & { works: number };
};

export type BenchResult = {
  size: BenchSize;
  spec: SizeSpec;
  quick: boolean;
  startedAt: string;
  machine: { cpu: string; cores: number; memoryGiB: number; os: string; node: string };
  seed: SeedReport;
  /** The steps this run left out (`--only`); their figures are missing. */
  skipped?: StepName[];
  builds?: BuildsFigures;
  /** The same dataset built the way starters do it (peer.ts), cold. */
  peer?: PeerFigures;
  /** Empty when the step was left out. */
  rest: LoadResult[];
  /** The cache's verdict and the encoding of the same anonymous list asked twice: MISS, then HIT, gzipped. */
  restCache?: string[];
  /** The commit each step was measured at (a resumed run can span several). */
  commits: Partial<Record<StepName, string>>;
  /** The copy of the install measured on PostgreSQL, when `--postgres` was given. */
  postgresCopy?: CopyReport & { checked: string[] };
  pages?: PagesFigures;
  floors?: {
    html: { pages: number; bytes: number; ms: number };
    sqlList: Summary;
    encode: Awaited<ReturnType<typeof encodeFloor>>;
  };
};

/** A run's steps, each measured whole; a run stopped between them carries on (`--resume`). */
export type Steps = {
  builds: BuildsFigures;
  peer: PeerFigures;
  rest: { rest: LoadResult[]; restCache: string[] };
  pages: PagesFigures;
  floors: BenchResult['floors'];
  postgres: { copy: CopyReport; checked: string[]; rest: LoadResult[] };
};
export type StepName = keyof Steps;
/** Every step, in the order a run measures them. */
export const stepNames: StepName[] = ['builds', 'rest', 'pages', 'floors', 'peer', 'postgres'];
