import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { DatabaseSync, backup as sqliteBackup } from 'node:sqlite';
import type { S3Settings } from '@oyu/cms/media/s3-settings';
import { mediaStore } from '@oyu/cms/media/storage';
import { mapLimit } from '@oyu/shared-types';
import pg from 'pg';
import * as tar from 'tar';
import { z } from 'zod';
import { cmsDir, repoRoot } from './env';

/**
 * `pnpm backup` and `pnpm restore`: one archive with a consistent snapshot of the database
 * (SQLite's online backup, or pg_dump), the media files, and a manifest of checksums and
 * versions. A restore checks the whole archive before it touches anything, and only restores
 * onto an empty install.
 *
 * Photos are read from and restored to wherever the install keeps them: the media folder or an
 * S3 bucket (cms/src/media/storage.ts). The archive is the same either way, so a backup of one
 * restores into the other: that is how an install moves its photos into a bucket.
 */

export const backupFormat = 'oyu-backup';
export const backupFormatVersion = 1;
const databaseFiles = { sqlite: 'database.sqlite', postgres: 'database.pgdump' } as const;
export type Dialect = keyof typeof databaseFiles;

const ManifestSchema = z.object({
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

/** Where a data folder keeps its database and photos. */
export type Install = {
  dataDir: string;
  /** A postgres:// URL, or undefined for the SQLite file in the data folder. */
  databaseUri: string | undefined;
  /** The photos, when not in the data folder's media/ (MEDIA_DIR). */
  mediaDir?: string | undefined;
  /** The photos' bucket, when they are kept in S3 (S3_BUCKET). */
  s3?: S3Settings | undefined;
};

/** The photos: in the archive under media/, in the install wherever it keeps them. */
const photoStore = (install: Install) =>
  mediaStore({ mediaDir: install.mediaDir ?? path.join(install.dataDir, 'media'), s3: install.s3 });
const mediaFolder = 'media';
/** Photos copied at once: a bucket answers each request after a round trip, a folder at once. */
const transfers = 8;

/**
 * The folders a backup carries besides the database and the photos: the pages of frozen
 * editions (site/lib/archive.ts), which no later build can make again. Built sites are not
 * carried: a restored install rebuilds them.
 */
const trees = (install: Install) => [{ name: 'frozen', dir: path.join(install.dataDir, 'site', 'frozen') }];
const dialectOf = (install: Install): Dialect =>
  install.databaseUri?.startsWith('postgres') ? 'postgres' : 'sqlite';

function sqliteFile(install: Install): string {
  const uri = install.databaseUri;
  return uri?.startsWith('file:')
    ? path.resolve(uri.slice('file:'.length))
    : path.join(install.dataDir, 'oyu.db');
}

/** The collections a manifest counts, so a restore can say what it brought back. */
const countedTables = ['works', 'artisans', 'media', 'editions', 'showcases', 'venues', 'users'];

export type Progress = (done: number, total: number, detail?: string) => void;

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk);
  return hash.digest('hex');
}

function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('error', (error) =>
      reject(
        new BackupError(
          `${command} could not be started (${error.message}): install the PostgreSQL client tools`,
        ),
      ),
    );
    child.on('close', (code) =>
      code === 0
        ? resolve(output)
        : reject(new BackupError(`${command} failed (exit ${code}): ${output.trim()}`)),
    );
  });
}

async function packageVersion(file: string): Promise<string> {
  return (JSON.parse(await fsp.readFile(file, 'utf8')) as { version: string }).version;
}

/** The migrations this code has for a dialect, by name. */
export async function knownMigrations(dialect: Dialect): Promise<string[]> {
  const dir = path.join(cmsDir, 'migrations', dialect);
  return (await fsp.readdir(dir))
    .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
    .map((file) => file.replace(/\.ts$/, ''))
    .sort();
}

/** What the database says about itself: its migrations and how many documents it holds. */
async function describeSqlite(file: string) {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    const tables = new Set(
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
        (row) => row.name,
      ),
    );
    const migrations = tables.has('payload_migrations')
      ? (db.prepare('SELECT name FROM payload_migrations ORDER BY id').all() as { name: string }[]).map(
          (row) => row.name,
        )
      : [];
    const counts: Record<string, number> = {};
    for (const table of countedTables.filter((name) => tables.has(name))) {
      counts[table] = Number((db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n);
    }
    const version = (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
    return { migrations, counts, version: `SQLite ${version}` };
  } finally {
    db.close();
  }
}

async function withPostgres<T>(uri: string, task: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: uri });
  try {
    await client.connect();
  } catch (error) {
    throw new BackupError(`PostgreSQL did not answer at ${new URL(uri).host}: ${(error as Error).message}`);
  }
  try {
    return await task(client);
  } finally {
    await client.end();
  }
}

async function publicTables(client: pg.Client): Promise<Set<string>> {
  const { rows } = await client.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
  );
  return new Set(rows.map((row) => row.table_name));
}

async function describePostgres(uri: string) {
  return withPostgres(uri, async (client) => {
    const tables = await publicTables(client);
    const migrations = tables.has('payload_migrations')
      ? (await client.query<{ name: string }>('SELECT name FROM payload_migrations ORDER BY id')).rows.map(
          (row) => row.name,
        )
      : [];
    const counts: Record<string, number> = {};
    for (const table of countedTables.filter((name) => tables.has(name))) {
      counts[table] = Number((await client.query(`SELECT count(*) AS n FROM "${table}"`)).rows[0].n);
    }
    const version = (await client.query('SHOW server_version')).rows[0].server_version as string;
    return { migrations, counts, version: `PostgreSQL ${version}` };
  });
}

/** Files under `dir`, as paths relative to it. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await fsp.readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

export type BackupResult = { archive: string; manifest: Manifest; bytes: number };

/**
 * Writes one archive of the install. The database is snapshotted first, while the CMS may keep
 * running; photos are never changed in place (a new upload is a new file), so copying them
 * afterwards gives every photo the snapshot refers to.
 */
export async function createBackup(
  install: Install,
  archive: string,
  options: { onProgress?: Progress; onStep?: (step: string) => void } = {},
): Promise<BackupResult> {
  const dialect = dialectOf(install);
  const staging = `${archive}.staging-${process.pid}`;
  await fsp.rm(staging, { recursive: true, force: true });
  await fsp.mkdir(staging, { recursive: true });
  try {
    options.onStep?.('database snapshot');
    const databaseFile = path.join(staging, databaseFiles[dialect]);
    let described: { migrations: string[]; counts: Record<string, number>; version: string };
    if (dialect === 'sqlite') {
      const source = sqliteFile(install);
      if (!fs.existsSync(source)) throw new BackupError(`There is no database at ${source} to back up.`);
      const db = new DatabaseSync(source, { readOnly: true });
      try {
        await sqliteBackup(db, databaseFile);
      } finally {
        db.close();
      }
      described = await describeSqlite(databaseFile);
    } else {
      const uri = install.databaseUri as string;
      await run('pg_dump', [
        '--format=custom',
        '--no-owner',
        '--no-acl',
        '--file',
        databaseFile,
        '--dbname',
        uri,
      ]);
      described = await describePostgres(uri);
    }

    options.onStep?.('photos');
    const carried: string[] = [];
    const store = photoStore(install);
    const photos = await store.list();
    await fsp.mkdir(path.join(staging, mediaFolder), { recursive: true });
    let fetched = 0;
    await mapLimit(photos, transfers, async (photo) => {
      await store.download(photo.name, path.join(staging, mediaFolder, photo.name));
      options.onProgress?.(++fetched, photos.length, mediaFolder);
    });
    carried.push(...photos.map((photo) => `${mediaFolder}/${photo.name}`));
    for (const tree of trees(install)) {
      const files = await listFiles(tree.dir);
      let done = 0;
      for (const file of files) {
        const target = path.join(staging, tree.name, file);
        await fsp.mkdir(path.dirname(target), { recursive: true });
        // A hard link costs nothing; another disk gets a copy.
        await fsp
          .link(path.join(tree.dir, file), target)
          .catch(() => fsp.copyFile(path.join(tree.dir, file), target));
        carried.push(path.posix.join(tree.name, file.split(path.sep).join('/')));
        done += 1;
        options.onProgress?.(done, files.length, tree.name);
      }
    }

    options.onStep?.('checksums');
    const files: Manifest['files'] = [];
    const all = [databaseFiles[dialect], ...carried];
    let done = 0;
    for (const file of all) {
      const full = path.join(staging, file);
      files.push({ path: file, size: (await fsp.stat(full)).size, sha256: await sha256(full) });
      done += 1;
      options.onProgress?.(done, all.length, 'checksums');
    }
    const manifest: Manifest = {
      format: backupFormat,
      formatVersion: backupFormatVersion,
      createdAt: new Date().toISOString(),
      versions: {
        oyu: await packageVersion(path.join(repoRoot, 'package.json')),
        payload: await packageVersion(path.join(cmsDir, 'node_modules', 'payload', 'package.json')),
        node: process.version,
        database: described.version,
      },
      dialect,
      migrations: described.migrations,
      counts: described.counts,
      files,
    };
    await fsp.writeFile(path.join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);

    options.onStep?.('archive');
    const partial = `${archive}.partial-${process.pid}`;
    let written = 0;
    await fsp.mkdir(path.dirname(archive), { recursive: true });
    await tar.create(
      {
        gzip: true,
        file: partial,
        cwd: staging,
        portable: true,
        onWriteEntry: () => {
          written += 1;
          options.onProgress?.(Math.min(written, all.length + 1), all.length + 1, 'archive');
        },
      },
      ['manifest.json', ...all],
    );
    await fsp.rename(partial, archive);
    return { archive, manifest, bytes: (await fsp.stat(archive)).size };
  } finally {
    await fsp.rm(staging, { recursive: true, force: true });
    await fsp.rm(`${archive}.partial-${process.pid}`, { force: true });
  }
}

/**
 * Unpacks an archive into `into` and checks it whole: the manifest, every file's size and
 * checksum, nothing missing and nothing extra. Throws a BackupError that names the problem.
 */
export async function verifyBackup(archive: string, into: string, onProgress?: Progress): Promise<Manifest> {
  if (!fs.existsSync(archive)) throw new BackupError(`There is no backup at ${archive}.`);
  await fsp.mkdir(into, { recursive: true });
  const refused: string[] = [];
  try {
    await tar.extract({
      file: archive,
      cwd: into,
      strict: true,
      // Only plain files and folders, inside the folder: no links, no absolute or ../ paths.
      filter: (entryPath, entry) => {
        const type = 'type' in entry ? entry.type : 'File';
        const safe =
          (type === 'File' || type === 'Directory') &&
          !path.isAbsolute(entryPath) &&
          !entryPath.split(/[\\/]/).includes('..');
        if (!safe) refused.push(entryPath);
        return safe;
      },
    });
  } catch (error) {
    throw new BackupError(
      `${archive} cannot be read as a backup (${(error as Error).message}): it may be truncated.`,
    );
  }
  if (refused.length)
    throw new BackupError(`${archive} holds entries a backup never has: ${refused.join(', ')}`);
  const manifestFile = path.join(into, 'manifest.json');
  if (!fs.existsSync(manifestFile))
    throw new BackupError(`${archive} has no manifest.json: it is not an Oyu backup.`);
  const parsed = ManifestSchema.safeParse(
    JSON.parse(await fsp.readFile(manifestFile, 'utf8').catch(() => 'null')),
  );
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || 'manifest'} ${issue.message}`,
    );
    throw new BackupError(`The manifest of ${archive} is not valid: ${problems.join('; ')}`);
  }
  const manifest = parsed.data;
  const problems: string[] = [];
  let done = 0;
  for (const file of manifest.files) {
    const full = path.join(into, file.path);
    const stat = await fsp.stat(full).catch(() => null);
    if (!stat) problems.push(`${file.path} is missing`);
    else if (stat.size !== file.size)
      problems.push(`${file.path} has ${stat.size} bytes, the manifest says ${file.size}`);
    else if ((await sha256(full)) !== file.sha256) problems.push(`${file.path} does not match its checksum`);
    done += 1;
    onProgress?.(done, manifest.files.length, 'checked');
  }
  const listed = new Set(manifest.files.map((file) => file.path));
  for (const file of await listFiles(into)) {
    if (file !== 'manifest.json' && !listed.has(file.split(path.sep).join('/')))
      problems.push(`${file} is not in the manifest`);
  }
  if (!manifest.files.some((file) => file.path === databaseFiles[manifest.dialect])) {
    problems.push(`${databaseFiles[manifest.dialect]} is not in the manifest`);
  }
  if (problems.length) {
    throw new BackupError(
      `The backup ${archive} is damaged; nothing was restored:\n  ${problems.slice(0, 20).join('\n  ')}` +
        (problems.length > 20 ? `\n  … and ${problems.length - 20} more` : ''),
    );
  }
  return manifest;
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

    options.onStep?.('restore');
    const moved: string[] = [];
    const store = photoStore(install);
    const uploaded: string[] = [];
    const undo = async () => {
      for (const dir of moved) await fsp.rm(dir, { recursive: true, force: true });
      await store.remove(uploaded);
    };
    try {
      const photos = manifest.files
        .map((file) => file.path)
        .filter((file) => file.startsWith(`${mediaFolder}/`))
        .map((file) => file.slice(mediaFolder.length + 1));
      await mapLimit(photos, transfers, async (name) => {
        await store.upload(path.join(work, mediaFolder, name), name);
        uploaded.push(name);
        options.onProgress?.(uploaded.length, photos.length, 'photos');
      });
      for (const tree of trees(install)) {
        const unpacked = path.join(work, tree.name);
        if (!fs.existsSync(unpacked)) continue;
        await fsp.rm(tree.dir, { recursive: true, force: true });
        await fsp.mkdir(path.dirname(tree.dir), { recursive: true });
        await fsp.rename(unpacked, tree.dir);
        moved.push(tree.dir);
      }
      const dump = path.join(work, databaseFiles[dialect]);
      if (dialect === 'sqlite') {
        await fsp.mkdir(path.dirname(sqliteFile(install)), { recursive: true });
        await fsp.rename(dump, sqliteFile(install));
      } else {
        await run('pg_restore', [
          '--no-owner',
          '--no-acl',
          '--single-transaction',
          '--exit-on-error',
          '--dbname',
          install.databaseUri as string,
          dump,
        ]);
      }
    } catch (error) {
      await undo();
      throw error;
    }
    return { manifest };
  } finally {
    // Retried: after a failed extraction, node-tar may still be closing files for a moment.
    await fsp.rm(work, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  }
}

/** A default archive name in the data folder's backups/. */
export function defaultArchive(dataDir: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
  return path.join(dataDir, 'backups', `oyu-backup-${stamp}.tar.gz`);
}
