/**
 * `pnpm lighthouse [--dir <built site>] [--runs <n>]`: Lighthouse mobile scores for one page of each
 * type; with `--runs`, each page's median of n runs.
 *
 *   1. check the built site (default: the live site `pnpm start` builds, data/site/current) and Chromium
 *   2. serve it on a free port and audit one page per type, one after another, in one Chromium
 *   3. write bench-results/lighthouse.json and docs/lighthouse.md, and print the table
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readScriptEnv, repoRoot } from './lib/env';
import { runLighthouse } from './lib/lighthouse';
import { performanceCell, scoresTable, writeReport } from './lib/lighthouseReport';
import { formatDuration, info } from './lib/log';
import { siteFolders } from './lib/siteBuild';

const started = performance.now();
try {
  const { values } = parseArgs({
    options: { dir: { type: 'string' }, runs: { type: 'string', default: '1' } },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs > 9) {
    throw new Error(`--runs takes a whole number of runs per page from 1 to 9, not "${values.runs}"`);
  }
  const siteDir = path.resolve(values.dir ?? siteFolders(readScriptEnv().dataDir).live);
  const shown = siteDir.startsWith(repoRoot + path.sep) ? path.relative(repoRoot, siteDir) : siteDir;
  info(`Lighthouse (mobile) on the site in ${shown}`);

  const report = await runLighthouse({
    siteDir,
    runs,
    onPage: (page, index, total, result) => {
      if (!result) return;
      const { accessibility, seo } = result.scores;
      const best = result.scores['best-practices'];
      const perf = performanceCell(result);
      info(
        `  ${index + 1}/${total} ${page.type} ${page.path}: ${[perf, accessibility, best, seo].join(' / ')} (${result.seconds.toFixed(1)} s)${
          result.error ? ` — ${result.error}` : ''
        }`,
      );
    },
  });
  if (report.skipped.length > 0) {
    info(`  not measured, no such page in this build: ${report.skipped.join(', ')}`);
  }

  const files = {
    json: path.join(repoRoot, 'bench-results', 'lighthouse.json'),
    markdown: path.join(repoRoot, 'docs', 'lighthouse.md'),
  };
  await writeReport(report, files);
  info(`\n${scoresTable(report.pages)}\n`);
  info(
    `Wrote ${path.relative(repoRoot, files.markdown)} and ${path.relative(repoRoot, files.json)} in ${formatDuration(performance.now() - started)}.`,
  );

  const errored = report.pages.filter((page) => page.error);
  if (errored.length > 0) {
    info(`Lighthouse could not measure ${errored.map((page) => page.type).join(', ')}: see the report.`);
    process.exitCode = 1;
  }
} catch (error) {
  info(`\n${(error as Error).message}`);
  process.exitCode = 1;
}
