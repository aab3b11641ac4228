import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { s3SettingsOf } from '@oyu/cms/media/s3-settings';
import { mediaStore } from '@oyu/cms/media/storage';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackupError, createBackup, type Install, knownMigrations, restoreBackup } from '../lib/backup';
import { onCi } from '../lib/env';
import { dropDatabase, freshDatabase, withClient } from './postgresServer';
import { startS3Server, type TestS3 } from './s3Server';

/**
 * Backup and restore on real databases: a SQLite file written through SQLite itself, and, when
 * a server is there (always on CI), PostgreSQL through pg_dump and pg_restore. The site-level
 * round trip (demo → backup → restore → rebuild → the same site) is in
 * scripts/tests/loop/backupRestore.test.ts.
 */
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'oyu-backup-test-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

let n = 0;
const freshDir = () => path.join(tmp, `install-${++n}`);
const digest = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
/** Every file under a folder, by content. */
function tree(dir: string): Record<string, string> {
  const result: Record<string, string> = {};
  if (!fs.existsSync(dir)) return result;
  for (const file of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const full = path.join(dir, file);
    if (fs.statSync(full).isFile()) result[file] = digest(full);
  }
  return result;
}

/** A SQLite install as the CMS leaves one: migrations recorded, a few works, photos, a frozen page. */
async function sqliteInstall(): Promise<Install> {
  const dataDir = freshDir();
  fs.mkdirSync(path.join(dataDir, 'media'), { recursive: true });
  const db = new DatabaseSync(path.join(dataDir, 'oyu.db'));
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('CREATE TABLE payload_migrations (id INTEGER PRIMARY KEY, name TEXT)');
  db.exec('CREATE TABLE works (id INTEGER PRIMARY KEY, title TEXT)');
  for (const name of await knownMigrations('sqlite'))
    db.prepare('INSERT INTO payload_migrations (name) VALUES (?)').run(name);
  for (const title of ['Silver cuff', 'Қасқыр сырғасы', 'Кольцо'])
    db.prepare('INSERT INTO works (title) VALUES (?)').run(title);
  db.close();
  for (const name of ['ring-480x360.webp', 'ring-960x720.avif', 'ring.jpg'])
    fs.writeFileSync(path.join(dataDir, 'media', name), crypto.randomBytes(20_000));
  fs.mkdirSync(path.join(dataDir, 'site', 'frozen', '2025', 'en'), { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'site', 'frozen', '2025', 'en', 'index.html'), '<h1>AJW 2025</h1>');
  return { dataDir, databaseUri: undefined };
}

const titles = (file: string) => {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    return (db.prepare('SELECT title FROM works ORDER BY id').all() as { title: string }[]).map(
      (row) => row.title,
    );
  } finally {
    db.close();
  }
};

/** Unpacks an archive, lets `change` alter it, and packs it again as it was packed. */
async function repack(archive: string, change: (dir: string) => void): Promise<string> {
  const dir = path.join(tmp, `repack-${++n}`);
  fs.mkdirSync(dir);
  await tar.extract({ file: archive, cwd: dir });
  change(dir);
  const out = path.join(tmp, `repacked-${n}.tar.gz`);
  await tar.create({ gzip: true, file: out, cwd: dir, portable: true }, fs.readdirSync(dir));
  return out;
}

describe('backup and restore (SQLite)', () => {
  let source: Install;
  let archive: string;

  beforeAll(async () => {
    source = await sqliteInstall();
    archive = path.join(tmp, 'demo.tar.gz');
    const result = await createBackup(source, archive);
    expect(result.bytes).toBeGreaterThan(0);
  });

  it('writes a manifest with versions, migrations, counts and a checksum per file', async () => {
    const dir = path.join(tmp, 'look');
    fs.mkdirSync(dir);
    await tar.extract({ file: archive, cwd: dir });
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({
      format: 'oyu-backup',
      formatVersion: 1,
      dialect: 'sqlite',
      counts: { works: 3 },
    });
    expect(manifest.migrations).toEqual(await knownMigrations('sqlite'));
    expect(manifest.versions.database).toMatch(/^SQLite 3\./);
    expect(manifest.files.map((file: { path: string }) => file.path).sort()).toEqual([
      'database.sqlite',
      'frozen/2025/en/index.html',
      'media/ring-480x360.webp',
      'media/ring-960x720.avif',
      'media/ring.jpg',
    ]);
    for (const file of manifest.files) expect(digest(path.join(dir, file.path))).toBe(file.sha256);
  });

  it('restores onto an empty install: the same rows, photos and frozen pages', async () => {
    const target: Install = { dataDir: freshDir(), databaseUri: undefined };
    const { manifest } = await restoreBackup(archive, target);
    expect(manifest.counts.works).toBe(3);
    // Nothing of the unpacking is left behind.
    expect(fs.readdirSync(target.dataDir).sort(), 'what the restore left').toEqual([
      'media',
      'oyu.db',
      'site',
    ]);
    expect(titles(path.join(target.dataDir, 'oyu.db'))).toEqual(['Silver cuff', 'Қасқыр сырғасы', 'Кольцо']);
    expect(tree(path.join(target.dataDir, 'media'))).toEqual(tree(path.join(source.dataDir, 'media')));
    expect(tree(path.join(target.dataDir, 'site', 'frozen'))).toEqual(
      tree(path.join(source.dataDir, 'site', 'frozen')),
    );
  });

  it('finds and restores the photos where MEDIA_DIR keeps them', async () => {
    const elsewhere = path.join(tmp, 'photos-elsewhere');
    fs.mkdirSync(elsewhere);
    fs.renameSync(path.join(source.dataDir, 'media'), path.join(elsewhere, 'media'));
    const moved: Install = { ...source, mediaDir: path.join(elsewhere, 'media') };
    const out = path.join(tmp, 'media-dir.tar.gz');
    await createBackup(moved, out);
    const target: Install = {
      dataDir: freshDir(),
      databaseUri: undefined,
      mediaDir: path.join(tmp, 'restored-photos'),
    };
    await restoreBackup(out, target);
    expect(tree(path.join(tmp, 'restored-photos'))).toEqual(tree(path.join(elsewhere, 'media')));
    expect(fs.existsSync(path.join(target.dataDir, 'media'))).toBe(false);
    fs.renameSync(path.join(elsewhere, 'media'), path.join(source.dataDir, 'media'));
  });

  it('takes a consistent snapshot while another connection writes', async () => {
    const busy = await sqliteInstall();
    const writer = new DatabaseSync(path.join(busy.dataDir, 'oyu.db'));
    writer.exec('BEGIN');
    writer.prepare('INSERT INTO works (title) VALUES (?)').run('not committed');
    const during = path.join(tmp, 'during.tar.gz');
    await createBackup(busy, during);
    writer.exec('COMMIT');
    writer.close();
    const target: Install = { dataDir: freshDir(), databaseUri: undefined };
    await restoreBackup(during, target);
    expect(titles(path.join(target.dataDir, 'oyu.db'))).toEqual(['Silver cuff', 'Қасқыр сырғасы', 'Кольцо']);
  });

  it('refuses an install that is not empty, and leaves it as it was', async () => {
    const target = await sqliteInstall();
    const before = tree(target.dataDir);
    await expect(restoreBackup(archive, target)).rejects.toThrow(
      /empty install only, and .*(oyu\.db already exists|is not empty|already holds photos)/,
    );
    expect(tree(target.dataDir)).toEqual(before);
  });

  it.each([
    [
      'a photo changed',
      (dir: string) => fs.appendFileSync(path.join(dir, 'media', 'ring.jpg'), 'x'),
      /media\/ring\.jpg has 20001 bytes, the manifest says 20000/,
    ],
    [
      'a photo corrupted, same size',
      (dir: string) => {
        const file = path.join(dir, 'media', 'ring.jpg');
        const bytes = fs.readFileSync(file);
        bytes[100] = (bytes[100] ?? 0) ^ 0xff;
        fs.writeFileSync(file, bytes);
      },
      /media\/ring\.jpg does not match its checksum/,
    ],
    [
      'a photo removed',
      (dir: string) => fs.rmSync(path.join(dir, 'media', 'ring.jpg')),
      /media\/ring\.jpg is missing/,
    ],
    [
      'a file slipped in',
      (dir: string) => fs.writeFileSync(path.join(dir, 'media', 'extra.webp'), 'x'),
      /media\/extra\.webp is not in the manifest/,
    ],
    [
      'the manifest rewritten',
      (dir: string) => fs.writeFileSync(path.join(dir, 'manifest.json'), '{"format":"something else"}'),
      /manifest of .* is not valid: format is not an Oyu backup/,
    ],
  ])('refuses a backup with %s before touching anything', async (_, change, message) => {
    const damaged = await repack(archive, change);
    const target: Install = { dataDir: freshDir(), databaseUri: undefined };
    const error = await restoreBackup(damaged, target).catch((caught: Error) => caught);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as Error).message).toMatch(message);
    expect(fs.readdirSync(target.dataDir)).toEqual([]);
  });

  it('refuses a truncated archive, saying so', async () => {
    const truncated = path.join(tmp, 'truncated.tar.gz');
    const bytes = fs.readFileSync(archive);
    fs.writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const target: Install = { dataDir: freshDir(), databaseUri: undefined };
    await expect(restoreBackup(truncated, target)).rejects.toThrow(/cannot be read as a backup .*truncated/);
    expect(fs.readdirSync(target.dataDir)).toEqual([]);
  });

  it('refuses an archive with a path that leads out of the folder', async () => {
    const dir = path.join(tmp, 'evil', 'inner');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(tmp, 'evil', 'outside.txt'), 'x');
    await tar.extract({ file: archive, cwd: dir });
    const evil = path.join(tmp, 'evil.tar.gz');
    // GNU tar keeps ../ with --absolute-names; node-tar would strip it.
    execFileSync('tar', ['-C', dir, '-czf', evil, '--absolute-names', 'manifest.json', '../outside.txt']);
    const target: Install = { dataDir: freshDir(), databaseUri: undefined };
    await expect(restoreBackup(evil, target)).rejects.toThrow(
      /entries a backup never has: \.\.\/outside\.txt/,
    );
    expect(fs.existsSync(path.join(target.dataDir, '..', 'outside.txt'))).toBe(false);
  });

  it('refuses a backup made by a newer version', async () => {
    const newer = await repack(archive, (dir) => {
      const file = path.join(dir, 'manifest.json');
      const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
      manifest.migrations.push('20991231_000000_from_the_future');
      fs.writeFileSync(file, JSON.stringify(manifest));
    });
    await expect(restoreBackup(newer, { dataDir: freshDir(), databaseUri: undefined })).rejects.toThrow(
      /made by a newer Oyu \(migrations 20991231_000000_from_the_future are unknown here\)/,
    );
  });
});

const server = process.env.TEST_POSTGRES_URI;
describe.runIf(server || onCi)('backup and restore (PostgreSQL)', () => {
  const databases: string[] = [];
  const database = async () => {
    const name = `oyu_backup_test_${process.pid}_${databases.length}`;
    databases.push(name);
    return freshDatabase(server as string, name);
  };
  const query = (uri: string, sql: string, values: unknown[] = []) =>
    withClient(uri, async (client) => (await client.query(sql, values)).rows);
  // Dropping waits for the last connections to go (up to 5 s a database) and, on a server the
  // other test files keep busy, for its checkpoint: more than vitest's default hook timeout.
  afterAll(async () => {
    if (!server) return;
    await withClient(server, async (client) => {
      for (const name of databases) await dropDatabase(client, name);
    });
  }, 60_000);

  it('round-trips a database through pg_dump and pg_restore, and refuses to restore over one', async () => {
    expect(server, 'CI must set TEST_POSTGRES_URI (see .ci/run)').toBeTruthy();
    const sourceUri = await database();
    await query(sourceUri, 'CREATE TABLE payload_migrations (id serial PRIMARY KEY, name text)');
    await query(sourceUri, 'CREATE TABLE works (id serial PRIMARY KEY, title text, colours text[])');
    for (const name of await knownMigrations('postgres'))
      await query(sourceUri, 'INSERT INTO payload_migrations (name) VALUES ($1)', [name]);
    await query(
      sourceUri,
      "INSERT INTO works (title, colours) VALUES ('Күміс білезік', '{silver,red}'), ('Cuff', NULL)",
    );
    const source: Install = { dataDir: freshDir(), databaseUri: sourceUri };
    fs.mkdirSync(path.join(source.dataDir, 'media'), { recursive: true });
    fs.writeFileSync(path.join(source.dataDir, 'media', 'cuff-480x360.webp'), crypto.randomBytes(5000));
    const archive = path.join(tmp, 'pg.tar.gz');
    const { manifest } = await createBackup(source, archive);
    expect(manifest).toMatchObject({ dialect: 'postgres', counts: { works: 2 } });
    expect(manifest.versions.database).toMatch(/^PostgreSQL \d+/);

    const target: Install = { dataDir: freshDir(), databaseUri: await database() };
    await restoreBackup(archive, target);
    expect(await query(target.databaseUri as string, 'SELECT title, colours FROM works ORDER BY id')).toEqual(
      [
        { title: 'Күміс білезік', colours: ['silver', 'red'] },
        { title: 'Cuff', colours: null },
      ],
    );
    expect(tree(path.join(target.dataDir, 'media'))).toEqual(tree(path.join(source.dataDir, 'media')));

    // Again onto the same database: refused, and the database keeps its rows.
    const again: Install = { dataDir: freshDir(), databaseUri: target.databaseUri };
    await expect(restoreBackup(archive, again)).rejects.toThrow(/already has 2 tables/);
    expect(fs.existsSync(path.join(again.dataDir, 'media'))).toBe(false);
    // A PostgreSQL backup cannot go into SQLite.
    await expect(restoreBackup(archive, { dataDir: freshDir(), databaseUri: undefined })).rejects.toThrow(
      /holds a postgres database and this install uses sqlite/,
    );
  });
});

describe('backup and restore with the photos in an S3 bucket', () => {
  let a: TestS3;
  let b: TestS3;
  let source: Install;
  let archive: string;
  /** The photos of `sqliteInstall()`, by content, before they moved into bucket A. */
  let photos: Record<string, string>;

  const bucketOf = (s3: TestS3) => s3SettingsOf(s3.env);
  /** A bucket's photos, by content. */
  async function objects(s3: TestS3): Promise<Record<string, string>> {
    const store = mediaStore({ mediaDir: '/nonexistent', s3: bucketOf(s3) });
    const result: Record<string, string> = {};
    for (const file of await store.list()) {
      const bytes = await store.read(file.name);
      result[file.name] = crypto
        .createHash('sha256')
        .update(bytes ?? Buffer.alloc(0))
        .digest('hex');
    }
    return result;
  }

  beforeAll(async () => {
    [a, b] = await Promise.all([startS3Server('oyu-photos-a'), startS3Server('oyu-photos-b')]);
    // The demo install, with its photos moved into bucket A.
    source = { ...(await sqliteInstall()), s3: bucketOf(a) };
    const media = path.join(source.dataDir, 'media');
    photos = tree(media);
    const store = mediaStore({ mediaDir: media, s3: source.s3 });
    for (const name of fs.readdirSync(media)) await store.upload(path.join(media, name), name);
    fs.rmSync(media, { recursive: true });
    archive = path.join(tmp, 's3.tar.gz');
    await createBackup(source, archive);
  });

  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  it('carries the bucket’s photos in the archive, as from a folder', async () => {
    const dir = path.join(tmp, 'look-s3');
    fs.mkdirSync(dir);
    await tar.extract({ file: archive, cwd: dir });
    expect(tree(path.join(dir, 'media'))).toEqual(photos);
    expect(await objects(a)).toEqual(photos);
  });

  it('restores them into a media folder, or into another, empty bucket', async () => {
    const local: Install = { dataDir: freshDir(), databaseUri: undefined };
    await restoreBackup(archive, local);
    expect(tree(path.join(local.dataDir, 'media'))).toEqual(photos);

    const bucket: Install = { dataDir: freshDir(), databaseUri: undefined, s3: bucketOf(b) };
    await restoreBackup(archive, bucket);
    expect(await objects(b)).toEqual(photos);
    expect(fs.existsSync(path.join(bucket.dataDir, 'media'))).toBe(false);
    expect(titles(path.join(bucket.dataDir, 'oyu.db'))).toEqual(['Silver cuff', 'Қасқыр сырғасы', 'Кольцо']);
  });

  it('refuses a bucket that already holds photos, and leaves it as it was', async () => {
    const target: Install = { dataDir: freshDir(), databaseUri: undefined, s3: bucketOf(a) };
    await expect(restoreBackup(archive, target)).rejects.toThrow(
      /empty install only, and the S3 bucket oyu-photos-a at .* already holds photos/,
    );
    expect(await objects(a)).toEqual(photos);
    expect(fs.existsSync(path.join(target.dataDir, 'oyu.db'))).toBe(false);
  });

  it('says what to fix when the bucket cannot be reached, and restores nothing', async () => {
    const unreachable = { ...(bucketOf(a) as NonNullable<Install['s3']>), endpoint: 'http://127.0.0.1:9' };
    const target: Install = { dataDir: freshDir(), databaseUri: undefined, s3: unreachable };
    await expect(restoreBackup(archive, target)).rejects.toThrow(/did not answer as S3 does.*S3_ENDPOINT/);
    expect(fs.existsSync(path.join(target.dataDir, 'oyu.db'))).toBe(false);
    await expect(
      createBackup({ ...source, s3: unreachable }, path.join(tmp, 'never.tar.gz')),
    ).rejects.toThrow(/did not answer as S3 does/);
    expect(fs.existsSync(path.join(tmp, 'never.tar.gz'))).toBe(false);
  });

  it('takes the photos out of the bucket again when the database cannot be restored', async () => {
    const emptied = await startS3Server('oyu-photos-c');
    try {
      // The database's folder cannot be made (a file is in the way): the last step fails,
      // after the photos are in.
      const blocker = path.join(tmp, 'a-file-not-a-folder');
      fs.writeFileSync(blocker, '');
      const target: Install = {
        dataDir: freshDir(),
        databaseUri: `file:${path.join(blocker, 'oyu.db')}`,
        s3: bucketOf(emptied),
      };
      await expect(restoreBackup(archive, target)).rejects.toThrow(/a-file-not-a-folder/);
      expect(await objects(emptied)).toEqual({});
    } finally {
      await emptied.close();
    }
  });
});
