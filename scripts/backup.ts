/**
 * `pnpm backup [--out <file>]`: one archive of this install — a consistent snapshot of the
 * database, every photo, and a manifest of checksums and versions — written to
 * data/backups/oyu-backup-<time>.tar.gz unless --out names another file. The CMS may keep
 * running.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { MediaStorageError } from '@oyu/cms/media/storage';
import { BackupError, createBackup, defaultArchive } from './lib/backup';
import { readScriptEnv } from './lib/env';
import { formatDuration, info, progress } from './lib/log';

const started = performance.now();
try {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const env = readScriptEnv();
  const archive = path.resolve(values.out ?? defaultArchive(env.dataDir));
  const bars = new Map<string, ReturnType<typeof progress>>();
  const { manifest, bytes } = await createBackup(
    { dataDir: env.dataDir, databaseUri: env.databaseUri, mediaDir: env.mediaDir, s3: env.s3 },
    archive,
    {
      onStep: (step) => info(`▸ ${step}`),
      onProgress: (done, total, detail = '') => {
        if (!bars.has(detail)) bars.set(detail, progress(detail));
        bars.get(detail)?.(done, total);
      },
    },
  );
  const counts = Object.entries(manifest.counts)
    .map(([table, n]) => `${n} ${table}`)
    .join(', ');
  info(
    `\nBackup written: ${archive}\n  ${(bytes / 1024 / 1024).toFixed(1)} MiB, ${manifest.files.length} files ` +
      `(${manifest.dialect}, ${manifest.migrations.length} migrations); ${counts}\n  in ${formatDuration(performance.now() - started)}`,
  );
} catch (error) {
  info(
    `\n${error instanceof BackupError || error instanceof MediaStorageError ? error.message : (error as Error).stack}`,
  );
  process.exitCode = 1;
}
