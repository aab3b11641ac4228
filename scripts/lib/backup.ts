import path from 'node:path';

/**
 * `pnpm backup` and `pnpm restore`: one archive with a consistent snapshot of the database
 * (SQLite's online backup, or pg_dump), the media files, and a manifest of checksums and
 * versions. A restore checks the whole archive before it touches anything, and only restores
 * onto an empty install.
 *
 * Photos are read from and restored to wherever the install keeps them: the media folder or an
 * S3 bucket (cms/src/media/storage.ts). The archive is the same either way, so a backup of one
 * restores into the other: that is how an install moves its photos into a bucket.
 *
 * The parts are in backup/: the manifest, the install, the database, and the three steps
 * (create, verify, restore).
 */

export { type BackupResult, createBackup } from './backup/create';
export { knownMigrations } from './backup/database';
export type { Install } from './backup/install';
export {
  BackupError,
  backupFormat,
  backupFormatVersion,
  type Dialect,
  type Manifest,
  type Progress,
} from './backup/manifest';
export { type RestoreResult, restoreBackup } from './backup/restore';
export { verifyBackup } from './backup/verify';

/** A default archive name in the data folder's backups/. */
export function defaultArchive(dataDir: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
  return path.join(dataDir, 'backups', `oyu-backup-${stamp}.tar.gz`);
}
