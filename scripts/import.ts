/**
 * `pnpm import --artisans <file.csv> --works <file.csv> --photos <folder> [--dry-run]
 * [--create-terms]`: artisans
 * and works from spreadsheets saved as CSV (docs/import.md, templates in docs/import/). Every
 * row is checked first and every problem is listed by file, row and column; nothing is written
 * unless all rows are fine, and then all of them are written or none. Running the same files
 * again updates what they describe and never duplicates it.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { exportEnv, readScriptEnv } from './lib/env';
import { formatDuration, info, progress } from './lib/log';
import { describeStack } from './lib/stack';

const started = performance.now();
try {
  const { values } = parseArgs({
    options: {
      artisans: { type: 'string' },
      works: { type: 'string' },
      photos: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'create-terms': { type: 'boolean', default: false },
    },
  });
  if (!values.artisans && !values.works) {
    throw new Error(
      'Name a file to import: --artisans <file.csv> and/or --works <file.csv> (see docs/import.md).',
    );
  }
  const read = async (file: string | undefined) => {
    if (!file) return undefined;
    const text = await fs.readFile(path.resolve(file), 'utf8').catch(() => {
      throw new Error(`${file} cannot be read: check the path.`);
    });
    return { name: path.basename(file), text };
  };
  const [artisans, works] = await Promise.all([read(values.artisans), read(values.works)]);
  const env = readScriptEnv();
  exportEnv(describeStack(env).cmsEnv);
  const [{ getPayload }, { default: config }, { importSpreadsheets }] = await Promise.all([
    import('payload'),
    import('@oyu/cms/config'),
    import('@oyu/cms/import'),
  ]);
  const payload = await getPayload({ config });
  try {
    const bar = progress('rows');
    const result = await importSpreadsheets(payload, {
      artisans,
      works,
      photosDir: values.photos,
      dryRun: values['dry-run'],
      createTerms: values['create-terms'],
      onProgress: bar,
    });
    if (!result.ok) {
      info(`\n${result.problems.length} problem(s); nothing was imported:\n`);
      for (const p of result.problems)
        info(`  ${p.file}, row ${p.row}${p.column ? `, column ${p.column}` : ''}: ${p.message}`);
      process.exitCode = 1;
    } else {
      const { summary: s } = result;
      const seconds = (performance.now() - started) / 1000;
      if (s.terms.length) {
        info(
          `\n${values['dry-run'] ? 'Would create' : 'Created'} ${s.terms.length} new term(s), marked "needs translation" in the CMS:`,
        );
        for (const term of s.terms)
          info(`  ${term.collection}: ${term.label}${term.kind === 'gemstone' ? ' (gemstone)' : ''}`);
      }
      info(
        values['dry-run']
          ? `\nDry run: all ${s.rows} rows are fine; nothing was written. Run again without --dry-run to import.`
          : `\nImported ${s.rows} rows in ${formatDuration(performance.now() - started)} (${(s.rows / seconds).toFixed(1)} rows/s):\n` +
              `  artisans ${s.artisans.created} new, ${s.artisans.updated} updated; works ${s.works.created} new, ` +
              `${s.works.updated} updated; photos ${s.photos.uploaded} uploaded, ${s.photos.reused} unchanged`,
      );
    }
  } finally {
    await payload.destroy();
  }
} catch (error) {
  info(`\n${(error as Error).message}`);
  process.exitCode = 1;
}
// PostgreSQL: @payloadcms/db-postgres 3.90 never releases the client it checks out to connect,
// even after payload.destroy() (https://github.com/payloadcms/payload/issues/11727, fixed by
// https://github.com/payloadcms/payload/pull/17831), so the process would not end by itself.
// Remove once a release carries that fix: `pnpm import` on PostgreSQL then ends without this.
process.exit();
