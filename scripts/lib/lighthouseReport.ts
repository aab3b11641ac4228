import fs from 'node:fs/promises';
import path from 'node:path';
import type { LighthouseReport, PageResult } from './lighthouse';

const dash = '–';

function kib(bytes: number | null): string {
  if (bytes === null) return dash;
  return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KiB`;
}

function ms(value: number | null, unit: 's' | 'ms'): string {
  if (value === null) return dash;
  return unit === 's' ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;
}

function score(value: number | null): string {
  return value === null ? dash : String(value);
}

/**
 * The performance score of a page's median run, with the lowest and highest over its runs
 * when they differ: `99 (98–100)`.
 */
export function performanceCell(page: PageResult): string {
  const value = score(page.scores.performance);
  // Results kept from before the runs were counted have no list.
  const runs = page.performanceScores ?? [];
  const low = runs[0];
  const high = runs.at(-1);
  return runs.length > 1 && low !== high ? `${value} (${low}–${high})` : value;
}

/** How many runs each page's figures are the median of, as a sentence; empty for one run. */
export function runsSentence(pages: PageResult[]): string {
  const runs = Math.max(0, ...pages.map((page) => page.runs ?? 1));
  return runs > 1
    ? `Each page was measured ${runs} times; its figures are those of the median run (Lighthouse's \`computeMedianRun\`: nearest the median first paint and time to interactive), and the brackets give the lowest and highest performance score when they differ.`
    : '';
}

/** An address without the throw-away server's origin. */
function pathOnly(address: string): string {
  try {
    const url = new URL(address);
    return `${url.pathname}${url.search}`;
  } catch {
    return address;
  }
}

/** The page's path, and where it redirected to if it did. */
function pathOf(page: PageResult): string {
  const from = pathOnly(page.url);
  const to = pathOnly(page.finalUrl);
  return from === to ? from : `${from} → ${to}`;
}

/** The scores table on its own, as printed to the terminal and written to the document. */
export function scoresTable(pages: PageResult[]): string {
  const header = [
    'page type',
    'URL',
    'perf.',
    'a11y',
    'best pr.',
    'SEO',
    'LCP',
    'CLS',
    'TBT',
    'bytes',
    'JS bytes',
  ];
  const rows = pages.map((page) => [
    page.type,
    `\`${pathOf(page)}\``,
    performanceCell(page),
    score(page.scores.accessibility),
    score(page.scores['best-practices']),
    score(page.scores.seo),
    ms(page.lcpMs, 's'),
    page.cls === null ? dash : page.cls.toFixed(3),
    ms(page.tbtMs, 'ms'),
    kib(page.totalBytes),
    kib(page.scriptBytes),
  ]);
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

export function renderMarkdown(report: LighthouseReport): string {
  const { machine } = report;
  const failing = report.pages.flatMap((page) => {
    const problems = [
      ...(page.error ? [`- **Lighthouse error**: ${page.error}`] : []),
      ...page.warnings.map(
        (warning) => `- Lighthouse warning: ${warning.replace(/http:\/\/127\.0\.0\.1:\d+/g, '')}`,
      ),
      ...page.failing.map(
        (audit) =>
          `- ${audit.category}: \`${audit.id}\` ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}${
            audit.score === null ? '' : `, score ${audit.score}`
          }`,
      ),
    ];
    return problems.length > 0 ? [`### ${page.type} \`${pathOf(page)}\``, '', ...problems, ''] : [];
  });
  const runs = runsSentence(report.pages);
  return [
    '# Lighthouse: mobile scores of the built site',
    '',
    "One page of each type, measured by `pnpm lighthouse` with Lighthouse's default mobile",
    "emulation and simulated throttling (slow 4G, 4× CPU slowdown), served by the project's own",
    'static server. Scores are 0–100; LCP, CLS and TBT are the lab metrics; bytes are transferred',
    'bytes, JS bytes the scripts among them. That server sends text Brotli-compressed, as static',
    'hosts do, so the bytes are what a visitor downloads. Lab scores vary by a few points from run to run:',
    '`pnpm lighthouse --runs 3` measures each page three times.',
    '',
    ...(runs ? [runs, ''] : []),
    scoresTable(report.pages),
    '',
    ...(report.skipped.length > 0
      ? [`Not measured, no such page in the build: ${report.skipped.join(', ')}.`, '']
      : []),
    '## Audits below full marks',
    '',
    "For each page, the audits that kept a category under 100, and Lighthouse's warnings. The",
    'not-found page answers 404 and asks not to be indexed on purpose, so it always fails',
    '`http-status-code`, `is-crawlable` and `errors-in-console` (the 404 itself is logged). A page',
    'that redirects (the language chooser does, in script) is measured together with its target.',
    '',
    ...(failing.length > 0 ? failing : ['None: every category scored 100 on every page.', '']),
    '## Machine',
    '',
    `- CPU: ${machine.cpu}, ${machine.cores} cores`,
    `- memory: ${machine.memoryGiB} GiB`,
    `- Chromium: ${machine.chromium}`,
    `- Lighthouse: ${machine.lighthouse}`,
    `- Node: ${machine.node}`,
    `- date: ${machine.date}`,
    '',
  ].join('\n');
}

/** Writes the full data as JSON and the summary as Markdown, making their folders. */
export async function writeReport(
  report: LighthouseReport,
  files: { json: string; markdown: string },
): Promise<void> {
  for (const file of [files.json, files.markdown]) await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(files.json, `${JSON.stringify(report, null, 2)}\n`);
  await fs.writeFile(files.markdown, renderMarkdown(report));
}
