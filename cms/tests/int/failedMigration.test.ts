import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from '@payloadcms/db-sqlite';
import type { Payload } from 'payload';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env } from '../../src/env';
import { testPayload } from '../helpers';

/**
 * A migration that fails halfway leaves the schema and the data as they were: what it had
 * already changed is rolled back with it, it is not recorded as applied, and the CMS can try
 * again once it is fixed. Payload ends the process when a migration fails, as the CMS's start
 * would, so the migration runs in a child process on this test's database
 * (fixtures/migrationChild.ts). On SQLite and on PostgreSQL.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const migrationName = '29990101_000000_fails_halfway';

function migrate(mode: 'fail' | 'fixed') {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(here, 'fixtures', 'migrationChild.ts'), mode],
    {
      cwd: path.resolve(here, '../..'),
      env: process.env,
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

let payload: Payload;
beforeAll(async () => {
  payload = await testPayload();
  await payload.create({
    collection: 'artisans',
    data: { name: 'Before the migration', slug: 'before', country: 'KZ', _status: 'published' },
  });
});

afterAll(async () => {
  await payload.destroy();
});

/** The names of a table's columns, and whether a table exists, on either database. */
async function columns(table: string): Promise<string[]> {
  const db = (payload.db as unknown as { drizzle: unknown }).drizzle;
  const runner = db as {
    all?: (query: unknown) => Promise<{ name: string }[]>;
    execute?: (query: unknown) => Promise<{ rows: { name: string }[] }>;
  };
  if (runner.all)
    return (await runner.all(sql.raw(`PRAGMA table_info(\`${table}\`)`))).map((row) => row.name);
  const result = await (runner.execute as NonNullable<typeof runner.execute>)(
    sql.raw(`SELECT column_name AS name FROM information_schema.columns WHERE table_name = '${table}'`),
  );
  return result.rows.map((row) => row.name);
}

const applied = async () =>
  (await payload.find({ collection: 'payload-migrations', pagination: false, depth: 0 })).docs.map(
    (doc) => doc.name,
  );

describe(`a migration that fails halfway (${env.dialect})`, () => {
  it('changes nothing: no table, no column, no data, not recorded; it runs again once fixed', {
    timeout: 240_000,
  }, async () => {
    const before = { artisans: await columns('artisans'), applied: await applied() };

    const failed = migrate('fail');

    expect(failed.code, failed.output.slice(-2000)).toBe(1);
    expect(failed.output).toContain('the second half of the migration failed');
    expect(await columns('oyu_half_done')).toEqual([]);
    expect(await columns('artisans')).toEqual(before.artisans);
    expect(await applied()).toEqual(before.applied);
    const artisans = await payload.find({ collection: 'artisans', depth: 0 });
    expect(artisans.docs.map((doc) => doc.name)).toEqual(['Before the migration']);

    // Fixed, the same migration applies and is recorded.
    const fixed = migrate('fixed');
    expect(fixed.code, fixed.output.slice(-2000)).toBe(0);
    expect(await columns('artisans')).toContain('half_done');
    expect(await applied()).toContain(migrationName);
  });
});
