import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { CopyDatabaseError, copySqliteToPostgres, insertOrder } from '../lib/copyDatabase';
import { onCi } from '../lib/env';
import { dropDatabase, freshDatabase, withClient } from './postgresServer';

/**
 * Copying a SQLite install into PostgreSQL (the benchmark's PostgreSQL install is such a copy;
 * the real Payload schema is copied and its answers compared in the benchmark's own test).
 */
describe('the order tables are copied in', () => {
  it('puts every parent before its children, and a table referring to itself is no obstacle', () => {
    const order = insertOrder(
      ['works_rels', 'works', 'artisans', 'media', 'folders'],
      [
        { child: 'works_rels', parent: 'works' },
        { child: 'works_rels', parent: 'media' },
        { child: 'works', parent: 'artisans' },
        { child: 'folders', parent: 'folders' },
      ],
    );
    expect(order.indexOf('works')).toBeLessThan(order.indexOf('works_rels'));
    expect(order.indexOf('media')).toBeLessThan(order.indexOf('works_rels'));
    expect(order.indexOf('artisans')).toBeLessThan(order.indexOf('works'));
    expect(order).toContain('folders');
  });

  it('names the tables of a cycle', () => {
    expect(() =>
      insertOrder(
        ['a', 'b', 'c'],
        [
          { child: 'a', parent: 'b' },
          { child: 'b', parent: 'a' },
        ],
      ),
    ).toThrow(/foreign keys between a, b form a cycle/);
  });
});

const server = process.env.TEST_POSTGRES_URI;
describe.runIf(server || onCi)('copying SQLite into PostgreSQL', () => {
  const name = `oyu_copy_test_${process.pid}`;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'oyu-copy-'));
  const sqliteFile = path.join(tmp, 'oyu.db');
  const uri = () => {
    const url = new URL(server as string);
    url.pathname = `/${name}`;
    return url.toString();
  };
  const query = (sql: string, values: unknown[] = []) =>
    withClient(uri(), async (client) => (await client.query(sql, values)).rows);
  afterAll(async () => {
    fs.rmSync(tmp, { recursive: true, force: true });
    if (server) await withClient(server, (client) => dropDatabase(client, name));
  }, 60_000);

  /** The same tables in both, typed as Payload's two adapters type them. */
  async function schemas() {
    fs.rmSync(sqliteFile, { force: true });
    const db = new DatabaseSync(sqliteFile);
    db.exec(`
      CREATE TABLE payload_migrations (id integer PRIMARY KEY, name text);
      CREATE TABLE artisans (id integer PRIMARY KEY, name text NOT NULL);
      CREATE TABLE works (
        id integer PRIMARY KEY, artisan_id integer REFERENCES artisans(id), featured integer,
        dimensions text, price numeric, status text, created_at text NOT NULL);
      CREATE TABLE works_rels (id integer PRIMARY KEY, parent_id integer REFERENCES works(id), path text);
    `);
    db.prepare('INSERT INTO payload_migrations (name) VALUES (?)').run('20261101_sqlite_only');
    db.prepare('INSERT INTO artisans (id, name) VALUES (?, ?)').run(3, 'Aigerim “Ai” O’Neil');
    db.prepare('INSERT INTO artisans (id, name) VALUES (?, ?)').run(7, 'Ерлан');
    const work = db.prepare(
      'INSERT INTO works (id, artisan_id, featured, dimensions, price, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    // More rows than one INSERT holds, so the copy goes in batches.
    for (let id = 1; id <= 2500; id += 1) {
      work.run(
        id,
        id % 2 ? 3 : 7,
        id % 3 === 0 ? 1 : id % 3 === 1 ? 0 : null,
        id === 1 ? JSON.stringify({ width: 20, unit: 'mm', note: 'quote " and \\ backslash' }) : null,
        id === 1 ? 1250.5 : null,
        id % 5 ? 'published' : 'draft',
        `2026-11-${String((id % 28) + 1).padStart(2, '0')}T10:00:00.${String(id % 1000).padStart(3, '0')}Z`,
      );
    }
    db.prepare('INSERT INTO works_rels (id, parent_id, path) VALUES (?, ?, ?)').run(10, 1, 'photos');
    db.close();

    await freshDatabase(server as string, name);
    await query(`
      CREATE TYPE enum_works_status AS ENUM ('draft', 'published');
      CREATE TABLE payload_migrations (id serial PRIMARY KEY, name varchar);
      CREATE TABLE artisans (id serial PRIMARY KEY, name varchar NOT NULL);
      CREATE TABLE works (
        id serial PRIMARY KEY, artisan_id integer REFERENCES artisans(id), featured boolean,
        dimensions jsonb, price numeric, status enum_works_status,
        created_at timestamp(3) with time zone DEFAULT now() NOT NULL,
        updated_at timestamp(3) with time zone DEFAULT now() NOT NULL);
      CREATE TABLE works_rels (id serial PRIMARY KEY, parent_id integer REFERENCES works(id) ON DELETE CASCADE, path varchar);
      INSERT INTO payload_migrations (name) VALUES ('20261101_postgres_only');
      INSERT INTO artisans (name) VALUES ('made by the admin seed');
    `);
  }

  it('copies every row, typed as PostgreSQL keeps them, and serials carry on after them', async () => {
    expect(server, 'CI must set TEST_POSTGRES_URI (see .ci/run)').toBeTruthy();
    await schemas();
    const progress: string[] = [];
    const report = await copySqliteToPostgres(sqliteFile, uri(), (table) => progress.push(table));
    expect(report).toMatchObject({ tables: 3, rows: 2 + 2500 + 1 });
    // Parents first; works in batches.
    expect(progress.indexOf('artisans')).toBeLessThan(progress.indexOf('works'));
    expect(progress.filter((table) => table === 'works').length).toBeGreaterThan(1);

    // What was there before is replaced, but each database keeps its own migrations.
    expect(await query('SELECT id, name FROM artisans ORDER BY id')).toEqual([
      { id: 3, name: 'Aigerim “Ai” O’Neil' },
      { id: 7, name: 'Ерлан' },
    ]);
    expect(await query('SELECT name FROM payload_migrations')).toEqual([{ name: '20261101_postgres_only' }]);
    const [first] = await query(
      "SELECT featured, dimensions, price::text, status::text, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS') AS created FROM works WHERE id = 1",
    );
    expect(first).toEqual({
      featured: false,
      dimensions: { width: 20, unit: 'mm', note: 'quote " and \\ backslash' },
      price: '1250.5',
      status: 'published',
      created: '2026-11-02 10:00:00.001',
    });
    expect(
      await query(
        'SELECT featured, count(*)::int AS n FROM works GROUP BY featured ORDER BY featured NULLS LAST',
      ),
    ).toEqual([
      { featured: false, n: 834 },
      { featured: true, n: 833 },
      { featured: null, n: 833 },
    ]);
    // A column SQLite does not have gets PostgreSQL's default.
    const [{ missing }] = await query('SELECT count(*)::int AS missing FROM works WHERE updated_at IS NULL');
    expect(missing).toBe(0);
    // New rows get the next ids, not ones already taken.
    const [{ id }] = await query("INSERT INTO artisans (name) VALUES ('new') RETURNING id");
    expect(id).toBe(8);
    const [{ id: rel }] = await query(
      "INSERT INTO works_rels (parent_id, path) VALUES (2, 'photos') RETURNING id",
    );
    expect(rel).toBe(11);
  });

  it('refuses databases that differ, and then changes nothing', async () => {
    await schemas();
    const before = await query('SELECT id, name FROM artisans ORDER BY id');
    const db = new DatabaseSync(sqliteFile);
    db.exec('ALTER TABLE works ADD COLUMN sku text');
    db.close();
    await expect(copySqliteToPostgres(sqliteFile, uri())).rejects.toThrow(
      /Table works has columns PostgreSQL lacks: sku\. Migrate both with the same version of Oyu first/,
    );
    const db2 = new DatabaseSync(sqliteFile);
    db2.exec('ALTER TABLE works DROP COLUMN sku; CREATE TABLE showcases (id integer PRIMARY KEY)');
    db2.close();
    await expect(copySqliteToPostgres(sqliteFile, uri())).rejects.toThrow(/only SQLite has showcases/);
    expect(await query('SELECT id, name FROM artisans ORDER BY id')).toEqual(before);

    // A value PostgreSQL refuses half-way through rolls the whole copy back.
    const db3 = new DatabaseSync(sqliteFile);
    db3.exec("DROP TABLE showcases; UPDATE works SET status = 'archived' WHERE id = 2400");
    db3.close();
    const failed = copySqliteToPostgres(sqliteFile, uri());
    await expect(failed).rejects.toThrow(CopyDatabaseError);
    await expect(failed).rejects.toThrow(
      /Copying works into PostgreSQL failed in rows 2001–2500: invalid input value for enum enum_works_status: "archived"; nothing was copied/,
    );
    expect(await query('SELECT id, name FROM artisans ORDER BY id')).toEqual(before);
    expect(await query('SELECT count(*)::int AS n FROM works')).toEqual([{ n: 0 }]);
  });
});
