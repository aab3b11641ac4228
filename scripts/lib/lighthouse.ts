import fs from 'node:fs';
import os from 'node:os';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Flags, type Result } from 'lighthouse';
import { computeMedianRun, filterToValidRuns } from 'lighthouse/core/lib/median-run.js';
import { chromiumPath } from './browser';
import { assertBuiltSite, choosePages, type PageToAudit, type PageType, pageTypes } from './lighthousePages';
import { freePort } from './processes';
import { serveSite } from './siteServer';

/** Debian's Chromium (apt package `chromium`), as in the site's browser tests. */

export const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof categories)[number];

export type FailingAudit = {
  id: string;
  title: string;
  category: Category;
  /** 0–100, or null when the audit could not run. */
  score: number | null;
  displayValue?: string;
};

export type PageResult = {
  type: string;
  /** The address measured, and where the browser ended up when the page redirected. */
  url: string;
  finalUrl: string;
  /** 0–100 each; null when Lighthouse could not score the category. */
  scores: Record<Category, number | null>;
  lcpMs: number | null;
  cls: number | null;
  tbtMs: number | null;
  totalBytes: number | null;
  scriptBytes: number | null;
  /** Bytes transferred on first view, by kind (document is the HTML); null when not measured. */
  bytesByType: Record<ResourceKind, number> | null;
  /** Audits that kept a category below 100, and audits that errored. */
  failing: FailingAudit[];
  /** Lighthouse's runtime error or warnings about the run, if any. */
  error?: string;
  /** The finished runs the figures are the median of (0 when none finished). */
  runs: number;
  /** The performance score of each finished run, lowest first. */
  performanceScores: number[];
  warnings: string[];
  seconds: number;
};

export const resourceKinds = ['document', 'stylesheet', 'script', 'image', 'font', 'other'] as const;
export type ResourceKind = (typeof resourceKinds)[number];

export type Machine = {
  cpu: string;
  cores: number;
  memoryGiB: number;
  chromium: string;
  lighthouse: string;
  node: string;
  date: string;
};

export type LighthouseReport = {
  siteDir: string;
  pages: PageResult[];
  /** Page types with no file in the build. */
  skipped: string[];
  machine: Machine;
};

// The flags that run Debian's Chromium cleanly as root without calls home
// (chrome-launcher adds its own defaults, e.g. --disable-background-networking).
const chromeFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export type RunOptions = {
  /** The built site to serve. */
  siteDir: string;
  types?: PageType[];
  /**
   * Lighthouse runs per page (default 1). With more, a page's figures are those of its median
   * run, as Lighthouse advises for its run-to-run variance (`medianRun`).
   */
  runs?: number;
  chromePath?: string;
  /** Called before and after each page, for progress output. */
  onPage?: (page: PageToAudit, index: number, total: number, result?: PageResult) => void;
};

/**
 * Serves the built site on a free port and runs Lighthouse (default mobile emulation and
 * simulated throttling) on one page of each type, one page at a time, in one Chromium,
 * `runs` times each.
 */
export async function runLighthouse(options: RunOptions): Promise<LighthouseReport> {
  const chromePath = options.chromePath ?? chromiumPath;
  if (!fs.existsSync(chromePath)) {
    throw new Error(
      `Chromium is missing: nothing at ${chromePath}. Install it with \`apt-get install -y chromium\`.`,
    );
  }
  const files = await assertBuiltSite(options.siteDir);
  const { pages, missing } = choosePages(files, options.types ?? pageTypes);
  const runs = Math.max(1, Math.trunc(options.runs ?? 1));

  const server = await serveSite(options.siteDir, await freePort());
  let chrome: chromeLauncher.LaunchedChrome | undefined;
  try {
    chrome = await chromeLauncher.launch({ chromePath, chromeFlags, logLevel: 'silent' });
    const base = `http://127.0.0.1:${server.port}`;
    const results: PageResult[] = [];
    let version = 'unknown';
    for (const [index, page] of pages.entries()) {
      options.onPage?.(page, index, pages.length);
      const url = `${base}${page.path}`;
      const port = chrome.port;
      const result = await measuredTwiceAtMost(async () => {
        const started = performance.now();
        const lhrs: Result[] = [];
        let failure: string | undefined;
        for (let run = 0; run < runs; run++) {
          try {
            lhrs.push(await auditPage(url, page, port));
          } catch (error) {
            // One page that Lighthouse cannot run does not cost the others; the report names it.
            failure = (error as Error).message;
          }
        }
        const seconds = (performance.now() - started) / 1000;
        const last = lhrs.at(-1);
        if (last) version = last.lighthouseVersion;
        const median = medianRun(lhrs);
        if (median) return summarise(median.lhr, page.type, seconds, median.performanceScores);
        return last
          ? summarise(last, page.type, seconds)
          : unmeasured(page.type, url, failure ?? 'no result', seconds);
      });
      results.push(result);
      options.onPage?.(page, index, pages.length, result);
    }
    return {
      siteDir: options.siteDir,
      pages: results,
      skipped: missing,
      machine: await describeMachine(chrome.port, version),
    };
  } finally {
    // chrome-launcher's kill() also removes the temporary profile it made.
    chrome?.kill();
    await server.stop();
  }
}

/**
 * The run whose first contentful paint and time to interactive are nearest the medians over
 * the runs (Lighthouse's own `computeMedianRun`), and every finished run's performance score,
 * lowest first; undefined when no run finished.
 */
export function medianRun(lhrs: Result[]): { lhr: Result; performanceScores: number[] } | undefined {
  const finished = filterToValidRuns(lhrs.filter((lhr) => !lhr.runtimeError));
  if (finished.length === 0) return undefined;
  const performanceScores = finished
    .map((lhr) => lhr.categories.performance?.score)
    .filter((score): score is number => typeof score === 'number')
    .map((score) => Math.round(score * 100))
    .sort((a, b) => a - b);
  return { lhr: computeMedianRun(finished), performanceScores };
}

/**
 * A page's result, measured once more when Lighthouse could not finish the first run: its
 * trace recording fails now and then (NO_NAVSTART, "Please run Lighthouse again"), which is
 * about the run, not the page. A second failure is the result, and the report names it; a
 * second success says in its warnings that it was the second attempt. No upstream issue found
 * (Lighthouse 13.5.0); the warnings of `pnpm lighthouse` runs tell whether a second attempt is
 * still ever needed.
 */
export async function measuredTwiceAtMost(measure: () => Promise<PageResult>): Promise<PageResult> {
  const first = await measure();
  if (!first.error) return first;
  const second = await measure();
  if (second.error) return second;
  return {
    ...second,
    seconds: first.seconds + second.seconds,
    warnings: [...second.warnings, `Measured on a second attempt: the first stopped with ${first.error}`],
  };
}

async function auditPage(url: string, page: PageToAudit, port: number): Promise<Result> {
  const flags: Flags = {
    port,
    // Errors inside single audits land in the result (and the report), not on the terminal.
    logLevel: 'silent',
    output: 'json',
    onlyCategories: [...categories],
    // The 404 page is meant to answer 404; Lighthouse refuses such a page unless told.
    ignoreStatusCode: page.notFound,
  };
  // Lighthouse's trace engine catches a LanternError when a navigation lacks some metric (it
  // then leaves out the insights that need it; the scores are unaffected) but prints it with its
  // stack all the same. Other errors are still printed. No upstream issue found (Lighthouse
  // 13.5.0): remove once a `pnpm lighthouse` run without this filter prints no LanternError.
  const printError = console.error;
  console.error = (...args: unknown[]) => {
    // The class sets no `name`: Node prints its constructor's.
    const error = args[0];
    if (error instanceof Error && [error.name, error.constructor.name].includes('LanternError')) return;
    printError(...args);
  };
  try {
    const runner = await lighthouse(url, flags);
    if (!runner) throw new Error(`Lighthouse returned no result for ${url}`);
    return runner.lhr;
  } finally {
    console.error = printError;
  }
}

const ignoredModes = new Set(['informative', 'manual', 'notApplicable']);

/** The numbers the report shows, taken from one Lighthouse result. */
export function summarise(
  lhr: Result,
  type: string,
  seconds: number,
  performanceScores?: number[],
): PageResult {
  const score = (value: number | null | undefined) =>
    typeof value === 'number' ? Math.round(value * 100) : null;
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? null;
  const scores = Object.fromEntries(
    categories.map((category) => [category, score(lhr.categories[category]?.score)]),
  ) as Record<Category, number | null>;

  const failing: FailingAudit[] = [];
  const seen = new Set<string>();
  for (const category of categories) {
    if (scores[category] === 100) continue;
    for (const ref of lhr.categories[category]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (!audit || seen.has(ref.id) || ignoredModes.has(audit.scoreDisplayMode)) continue;
      const errored = audit.scoreDisplayMode === 'error';
      if (!errored && (audit.score === null || audit.score >= 1)) continue;
      seen.add(ref.id);
      failing.push({
        id: ref.id,
        title: audit.title,
        category,
        score: score(audit.score),
        ...(errored && audit.errorMessage
          ? { displayValue: `error: ${audit.errorMessage}` }
          : audit.displayValue
            ? { displayValue: audit.displayValue }
            : {}),
      });
    }
  }

  return {
    type,
    url: lhr.requestedUrl ?? lhr.finalDisplayedUrl,
    finalUrl: lhr.finalDisplayedUrl,
    scores,
    lcpMs: numeric('largest-contentful-paint'),
    cls: numeric('cumulative-layout-shift'),
    tbtMs: numeric('total-blocking-time'),
    totalBytes: numeric('total-byte-weight'),
    scriptBytes: scriptTransferBytes(lhr),
    bytesByType: transferBytesByKind(lhr),
    failing,
    ...(lhr.runtimeError ? { error: `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` } : {}),
    runs: performanceScores?.length ?? 1,
    performanceScores: performanceScores ?? (scores.performance === null ? [] : [scores.performance]),
    warnings: lhr.runWarnings.map(String),
    seconds,
  };
}

function unmeasured(type: string, url: string, error: string, seconds: number): PageResult {
  return {
    type,
    url,
    finalUrl: url,
    scores: { performance: null, accessibility: null, 'best-practices': null, seo: null },
    lcpMs: null,
    cls: null,
    tbtMs: null,
    totalBytes: null,
    scriptBytes: null,
    bytesByType: null,
    failing: [],
    error,
    runs: 0,
    performanceScores: [],
    warnings: [],
    seconds,
  };
}

/** Transfer size of the page's scripts, from the resource-summary audit's table. */
function scriptTransferBytes(lhr: Result): number | null {
  const details = lhr.audits['resource-summary']?.details;
  if (details?.type !== 'table') return null;
  const row = details.items.find((item) => item.resourceType === 'script');
  return typeof row?.transferSize === 'number' ? row.transferSize : 0;
}

/** Transfer size of each kind of resource on first view, from the resource-summary audit. */
function transferBytesByKind(lhr: Result): Record<ResourceKind, number> | null {
  const details = lhr.audits['resource-summary']?.details;
  if (details?.type !== 'table') return null;
  const bytes = Object.fromEntries(resourceKinds.map((kind) => [kind, 0])) as Record<ResourceKind, number>;
  for (const item of details.items) {
    const kind = (resourceKinds as readonly unknown[]).includes(item.resourceType)
      ? (item.resourceType as ResourceKind)
      : undefined;
    if (kind && typeof item.transferSize === 'number') bytes[kind] = item.transferSize;
  }
  return bytes;
}

async function describeMachine(port: number, lighthouseVersion: string): Promise<Machine> {
  const cpus = os.cpus();
  const version = (await fetch(`http://127.0.0.1:${port}/json/version`)
    .then((response) => response.json())
    .catch(() => ({}))) as { Browser?: string };
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    chromium: version.Browser ?? 'unknown',
    lighthouse: lighthouseVersion,
    node: process.version,
    date: new Date().toISOString(),
  };
}
