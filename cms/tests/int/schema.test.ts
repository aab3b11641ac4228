import fs from 'node:fs';
import path from 'node:path';
import type { Payload } from 'payload';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env } from '../../src/env';
import { localeParentIndexName } from '../../src/localeIndexes';
import { testPayload } from '../helpers';

/**
 * The database the committed migrations make, against the config: the two agree (so a schema
 * change cannot land without its migration), and every foreign key can be followed by an
 * index (Payload's tables of localized fields had none on `_parent_id`, and every document
 * read scanned the whole table: src/localeIndexes.ts). Runs on SQLite and, in the
 * cms-postgres project, on PostgreSQL.
 */
type DrizzleKit = {
  generateDrizzleJson: (schema: unknown) => Promise<{ version: string }>;
  generateMigration: (before: unknown, after: unknown) => Promise<string[]>;
  upSnapshot?: (snapshot: unknown) => unknown;
};
type Adapter = {
  migrationDir: string;
  schema: unknown;
  requireDrizzleKit: () => DrizzleKit;
  execute: (args: { drizzle: unknown; raw: string }) => Promise<{ rows: Record<string, unknown>[] }>;
  drizzle: unknown;
};

let payload: Payload;
let db: Adapter;
const query = async <T extends Record<string, unknown>>(raw: string) =>
  (await db.execute({ drizzle: db.drizzle, raw })).rows as T[];

beforeAll(async () => {
  payload = await testPayload();
  db = payload.db as unknown as Adapter;
});

afterAll(async () => {
  await payload?.destroy();
});

/** Each foreign key column (table, column) with no index whose first column it is. */
async function unindexedForeignKeys() {
  if (env.dialect === 'sqlite') {
    return query<{ table: string; column: string }>(`
      WITH fks AS (
        SELECT m.name AS tbl, f."from" AS col FROM sqlite_master m, pragma_foreign_key_list(m.name) f
        WHERE m.type = 'table'),
      leads AS (
        SELECT m.name AS tbl, (SELECT name FROM pragma_index_info(l.name) WHERE seqno = 0) AS col
        FROM sqlite_master m, pragma_index_list(m.name) l WHERE m.type = 'table')
      SELECT tbl AS "table", col AS "column" FROM fks
      WHERE NOT EXISTS (SELECT 1 FROM leads WHERE leads.tbl = fks.tbl AND leads.col = fks.col)
      ORDER BY 1, 2`);
  }
  return query<{ table: string; column: string }>(`
    SELECT c.conrelid::regclass::text AS "table", a.attname AS "column"
    FROM pg_constraint c
    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
    WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace
      AND NOT EXISTS (
        SELECT 1 FROM pg_index i WHERE i.indrelid = c.conrelid AND i.indkey[0] = c.conkey[1])
    ORDER BY 1, 2`);
}

async function indexNames() {
  const rows =
    env.dialect === 'sqlite'
      ? await query<{ name: string }>(`SELECT name FROM sqlite_master WHERE type = 'index'`)
      : await query<{ name: string }>(
          `SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema()`,
        );
  return new Set(rows.map((row) => row.name));
}

describe(`the ${env.dialect} schema`, () => {
  it('is what the config generates: a new migration would be empty', async () => {
    const { generateDrizzleJson, generateMigration, upSnapshot } = db.requireDrizzleKit();
    const latest = fs
      .readdirSync(db.migrationDir)
      .filter((file) => file.endsWith('.json'))
      .sort()
      .at(-1);
    expect(latest, `no migration snapshot in ${db.migrationDir}`).toBeDefined();
    let before = JSON.parse(fs.readFileSync(path.join(db.migrationDir, latest as string), 'utf8'));
    const after = await generateDrizzleJson(db.schema);
    if (upSnapshot && before.version < after.version) before = upSnapshot(before);
    const statements = await generateMigration(before, after);
    expect(
      statements,
      `the config differs from the committed migrations: run payload migrate:create for ${env.dialect}`,
    ).toEqual([]);
  });

  it('has an index leading with every foreign key column', async () => {
    expect(await unindexedForeignKeys()).toEqual([]);
  });

  it('indexes the parent of every table of localized fields', async () => {
    const tables =
      env.dialect === 'sqlite'
        ? await query<{ name: string }>(
            `SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%\\_locales' ESCAPE '\\'`,
          )
        : await query<{ name: string }>(
            `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE '%\\_locales'`,
          );
    // works, media, artisans, editions, showcases, venues, the vocabularies, site settings,
    // and the versions of those with drafts.
    expect(tables.length).toBeGreaterThanOrEqual(15);
    const names = await indexNames();
    for (const { name } of tables) expect(names, name).toContain(localeParentIndexName(name));
  });
});
