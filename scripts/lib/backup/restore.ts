import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { mapLimit } from '@oyu/shared-types';
import { knownMigrations, publicTables, restoreDatabase, withPostgres } from './database';
import { dialectOf, type Install, mediaFolder, photoStore, sqliteFile, transfers, trees } from './install';
import {
  BackupError,
  type Dialect,
  databaseFiles,
  listFiles,
  type Manifest,
  type Progress,
} from './manifest';
import { verifyBackup } from './verify';

export type RestoreResult = { manifest: Manifest };

/**
 * Restores an archive onto an empty install. The archive is checked whole first; then the
 * photos are stored (in the folder or the bucket), the frozen pages moved in, and the database
 * restored last, so a failure leaves the install empty again.
 */
export async function restoreBackup(
  archive: string,
  install: Install,
  options: { onProgress?: Progress; onStep?: (step: string) => void } = {},
): Promise<RestoreResult> {
  const dialect = dialectOf(install);
  await fsp.mkdir(install.dataDir, { recursive: true });
  const work = path.join(install.dataDir, `.restore-${process.pid}`);
  await fsp.rm(work, { recursive: true, force: true });
  try {
    options.onStep?.('check the backup');
    const manifest = await verifyBackup(archive, work, options.onProgress);
    await checkRestorable(manifest, install, dialect);
    options.onStep?.('restore');
    await restoreInto(install, manifest, work, options.onProgress);
    return { manifest };
  } finally {
    // Retried: after a failed extraction, node-tar may still be closing files for a moment.
    await fsp.rm(work, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  }
}

/** Refuses a backup of another kind of database, one from a newer Oyu, or an install in use. */
async function checkRestorable(manifest: Manifest, install: Install, dialect: Dialect) {
  if (manifest.dialect !== dialect) {
    throw new BackupError(
      `This backup holds a ${manifest.dialect} database and this install uses ${dialect}. ` +
        'Restore it with the same kind of database (set or unset DATABASE_URI).',
    );
  }
  const known = new Set(await knownMigrations(dialect));
  const unknown = manifest.migrations.filter((name) => !known.has(name));
  if (unknown.length) {
    throw new BackupError(
      `This backup was made by a newer Oyu (migrations ${unknown.join(', ')} are unknown here): update the code first.`,
    );
  }
  const occupied = await notEmpty(install);
  if (occupied) {
    throw new BackupError(
      `A backup is restored onto an empty install only, and ${occupied}. Use a new data folder.`,
    );
  }
}

/** Why `install` cannot take a restore, or nothing when it is empty. */
async function notEmpty(install: Install): Promise<string | undefined> {
  const store = photoStore(install);
  await store.check();
  if ((await store.list()).length) return `${store.description} already holds photos`;
  for (const tree of trees(install)) {
    if ((await listFiles(tree.dir)).length) return `${tree.dir} is not empty`;
  }
  if (dialectOf(install) === 'sqlite') {
    const file = sqliteFile(install);
    if (fs.existsSync(file)) return `${file} already exists`;
    return undefined;
  }
  const tables = await withPostgres(install.databaseUri as string, publicTables);
  if (tables.size) return `the PostgreSQL database already has ${tables.size} tables`;
  return undefined;
}

/** The unpacked archive in `work` put into the install; on a failure, what was put is taken out. */
async function restoreInto(install: Install, manifest: Manifest, work: string, onProgress?: Progress) {
  const store = photoStore(install);
  const uploaded: string[] = [];
  const moved: string[] = [];
  try {
    const photos = manifest.files
      .map((file) => file.path)
      .filter((file) => file.startsWith(`${mediaFolder}/`))
      .map((file) => file.slice(mediaFolder.length + 1));
    await mapLimit(photos, transfers, async (name) => {
      await store.upload(path.join(work, mediaFolder, name), name);
      uploaded.push(name);
      onProgress?.(uploaded.length, photos.length, 'photos');
    });
    await moveTrees(install, work, moved);
    await restoreDatabase(install, manifest.dialect, path.join(work, databaseFiles[manifest.dialect]));
  } catch (error) {
    for (const dir of moved) await fsp.rm(dir, { recursive: true, force: true });
    await store.remove(uploaded);
    throw error;
  }
}

/** The frozen pages moved from the unpacked archive into place; each folder moved is added to `moved`. */
async function moveTrees(install: Install, work: string, moved: string[]) {
  for (const tree of trees(install)) {
    const unpacked = path.join(work, tree.name);
    if (!fs.existsSync(unpacked)) continue;
    await fsp.rm(tree.dir, { recursive: true, force: true });
    await fsp.mkdir(path.dirname(tree.dir), { recursive: true });
    await fsp.rename(unpacked, tree.dir);
    moved.push(tree.dir);
  }
}
