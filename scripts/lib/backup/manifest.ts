import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

/** What an archive holds besides the files: the manifest, and the database's name in it. */

export const backupFormat = 'oyu-backup';
export const backupFormatVersion = 1;
export const databaseFiles = { sqlite: 'database.sqlite', postgres: 'database.pgdump' } as const;
export type Dialect = keyof typeof databaseFiles;

export const ManifestSchema = z.object({
  format: z.literal(backupFormat, 'is not an Oyu backup'),
  formatVersion: z.literal(backupFormatVersion, `is not version ${backupFormatVersion} of the backup format`),
  createdAt: z.string(),
  versions: z.object({ oyu: z.string(), payload: z.string(), node: z.string(), database: z.string() }),
  dialect: z.enum(['sqlite', 'postgres']),
  migrations: z.array(z.string()),
  counts: z.record(z.string(), z.number()),
  files: z.array(z.object({ path: z.string(), size: z.number().int().nonnegative(), sha256: z.string() })),
});
export type Manifest = z.infer<typeof ManifestSchema>;

export class BackupError extends Error {
  override name = 'BackupError';
}

export type Progress = (done: number, total: number, detail?: string) => void;

export async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk);
  return hash.digest('hex');
}

/** Files under `dir`, as paths relative to it. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await fsp.readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}
