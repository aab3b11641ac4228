/**
 * `pnpm bench [--size S|M|L] [--quick] [--report <file>] [--postgres <url>] [--only <steps>]`:
 * measures Oyu on this machine with a deterministic dataset (scripts/lib/bench/). With
 * `--postgres` and the URL of an empty database, a copy of the install goes there and the REST
 * API is measured on it too. `--only builds` (a comma-separated list of builds, rest, pages,
 * floors, peer, postgres) seeds and measures only those steps: `builds` alone gives every
 * figure of issue 26 (cold, nothing changed, one edit and a publish of 100 works as a visitor
 * sees them), skipping the REST load, Lighthouse, the floors and the peer build; a later
 * `--resume` run measures the rest. `--seed-only` seeds (carrying on from a stopped seed) and
 * stops; `--resume` measures an install seeded that way instead of starting from an empty one,
 * and carries on a stopped run: the steps it finished (bench-steps.json in the data folder)
 * are kept. Writes the full figures as JSON to
 * bench-results/bench-<size>.json and the report as Markdown: docs/performance.md for M,
 * docs/performance-L.md for L, bench-results/performance-S.md for S (the smoke test CI runs),
 * with the notes written by hand in the file beside it (docs/performance-L.notes.md) appended.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { BenchSize } from './lib/bench/dataset';
import { benchReport, notesFileOf, withNotes } from './lib/bench/report';
import { type StepName, stepNames } from './lib/bench/result';
import { runBench, seedBench } from './lib/bench/run';
import { readScriptEnv, repoRoot } from './lib/env';
import { formatDuration, info, progress } from './lib/log';
import { run } from './lib/processes';

const started = performance.now();
try {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: 'S' },
      quick: { type: 'boolean', default: false },
      report: { type: 'string' },
      postgres: { type: 'string' },
      'seed-only': { type: 'boolean', default: false },
      resume: { type: 'boolean', default: false },
      only: { type: 'string' },
    },
  });
  const size = values.size?.toUpperCase() as BenchSize;
  if (!['S', 'M', 'L'].includes(size)) throw new Error(`--size must be S, M or L, not "${values.size}"`);
  const only = values.only?.split(',').map((name) => name.trim()) as StepName[] | undefined;
  const unknown = only?.filter((name) => !stepNames.includes(name));
  if (unknown?.length)
    throw new Error(`--only takes steps among ${stepNames.join(', ')}; not ${unknown.join(', ')}`);
  const env = readScriptEnv();
  const resultsDir = path.join(repoRoot, 'bench-results');
  const report = path.resolve(
    values.report ??
      (size === 'S'
        ? path.join(resultsDir, 'performance-S.md')
        : path.join(repoRoot, 'docs', size === 'M' ? 'performance.md' : 'performance-L.md')),
  );
  const bar = progress('rows');
  const dataDir = path.join(env.dataDir, `bench-${size}`);
  if (values['seed-only']) {
    const seed = await seedBench({ size, dataDir, onStep: (step) => info(`▸ ${step}`), onProgress: bar });
    info(
      `\nSeeded ${dataDir} in ${formatDuration(performance.now() - started)}: ${seed.works} works, ${seed.artisans} artisans, ${seed.photos} photos (uploads p50 ${seed.uploadMs.p50} ms). Measure it with \`pnpm bench --size ${size} --resume\`.`,
    );
    process.exit(0);
  }
  const result = await runBench({
    resume: values.resume ?? false,
    size,
    quick: values.quick ?? false,
    dataDir,
    postgresUri: values.postgres,
    only,
    onStep: (step) => info(`▸ ${step}`),
    onProgress: bar,
  });
  fs.mkdirSync(resultsDir, { recursive: true });
  const json = path.join(resultsDir, `bench-${size}.json`);
  fs.writeFileSync(json, `${JSON.stringify(result, null, 2)}\n`);
  fs.mkdirSync(path.dirname(report), { recursive: true });
  const command = `pnpm bench --size ${size}${values.quick ? ' --quick' : ''}${values.resume ? ' --resume' : ''}${values.postgres ? ' --postgres <url>' : ''}${only ? ` --only ${only.join(',')}` : ''}`;
  // Notes written by hand beside the report (docs/performance.notes.md…) are kept in it.
  const notesFile = notesFileOf(report);
  const notes = fs.existsSync(notesFile) ? fs.readFileSync(notesFile, 'utf8') : undefined;
  fs.writeFileSync(
    report,
    withNotes(benchReport(result, command), notes, path.relative(repoRoot, notesFile)),
  );
  // Formatted as the repository formats Markdown, so a report in docs/ passes `pnpm lint`
  // (Biome formats files under the repository only).
  if (!path.relative(repoRoot, report).startsWith('..')) {
    await run(
      path.join(repoRoot, 'node_modules', '.bin', 'biome'),
      ['format', '--write', '--no-errors-on-unmatched', report],
      { cwd: repoRoot },
    );
  }
  info(`\nBenchmark ${size} done in ${formatDuration(performance.now() - started)}:\n  ${report}\n  ${json}`);
  process.exit(0);
} catch (error) {
  info(`\n${(error as Error).stack ?? String(error)}`);
  process.exit(1);
}
