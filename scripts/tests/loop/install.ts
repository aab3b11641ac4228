import fs from 'node:fs/promises';
import path from 'node:path';
import { backup, DatabaseSync } from 'node:sqlite';

const databaseFile = 'oyu.db';

/**
 * Copies an install's data folder: the SQLite database through SQLite's online backup (its CMS
 * may be running and hold part of it in the write-ahead log), every other file as it is, and
 * the site's `current` link as the relative link it is, so the copy's live site is its own.
 */
export async function copyInstall(from: string, to: string): Promise<void> {
  const database = path.join(from, databaseFile);
  await fs.cp(from, to, {
    recursive: true,
    verbatimSymlinks: true,
    filter: (source) => !source.startsWith(database),
  });
  const source = new DatabaseSync(database, { readOnly: true });
  try {
    await backup(source, path.join(to, databaseFile));
  } finally {
    source.close();
  }
}
