import { spawn } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { DatabaseSync, backup as sqliteBackup } from 'node:sqlite';
import pg from 'pg';
import { cmsDir } from '../env';
import { type Install, sqliteFile } from './install';
import { BackupError, type Dialect } from './manifest';

/** The database's part of a backup: its snapshot, what it says about itself, its restore. */

/** The collections a manifest counts, so a restore can say what it brought back. */
const countedTables = ['works', 'artisans', 'media', 'editions', 'showcases', 'venues', 'users'];

/** What the database says about itself: its migrations and how many documents it holds. */
export type DatabaseDescription = { migrations: string[]; counts: Record<string, number>; version: string };

/** Runs one of PostgreSQL's client tools; its output is the error's message when it fails. */
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

/** The migrations this code has for a dialect, by name. */
export async function knownMigrations(dialect: Dialect): Promise<string[]> {
  const dir = path.join(cmsDir, 'migrations', dialect);
  return (await fsp.readdir(dir))
    .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
    .map((file) => file.replace(/\.ts$/, ''))
    .sort();
}

/**
 * A consistent snapshot of the install's database written to `file` (SQLite's online backup,
 * or pg_dump), while the CMS may keep running.
 */
export async function snapshotDatabase(
  install: Install,
  dialect: Dialect,
  file: string,
): Promise<DatabaseDescription> {
  if (dialect === 'sqlite') {
    const source = sqliteFile(install);
    if (!fs.existsSync(source)) throw new BackupError(`There is no database at ${source} to back up.`);
    const db = new DatabaseSync(source, { readOnly: true });
    try {
      await sqliteBackup(db, file);
    } finally {
      db.close();
    }
    return describeSqlite(file);
  }
  const uri = install.databaseUri as string;
  await run('pg_dump', ['--format=custom', '--no-owner', '--no-acl', '--file', file, '--dbname', uri]);
  return describePostgres(uri);
}

/** Puts an archive's database into the install: the SQLite file moved in, or pg_restore. */
export async function restoreDatabase(install: Install, dialect: Dialect, dump: string) {
  if (dialect === 'sqlite') {
    await fsp.mkdir(path.dirname(sqliteFile(install)), { recursive: true });
    await fsp.rename(dump, sqliteFile(install));
    return;
  }
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

async function describeSqlite(file: string): Promise<DatabaseDescription> {
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

export async function withPostgres<T>(uri: string, task: (client: pg.Client) => Promise<T>): Promise<T> {
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

export async function publicTables(client: pg.Client): Promise<Set<string>> {
  const { rows } = await client.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
  );
  return new Set(rows.map((row) => row.table_name));
}

async function describePostgres(uri: string): Promise<DatabaseDescription> {
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
