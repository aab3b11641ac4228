import { describe, expect, it } from 'vitest';

/**
 * The PostgreSQL switch: with DATABASE_URI set to a postgres:// URL the CMS boots on the
 * Postgres adapter and its committed migrations. `.ci/run` starts PostgreSQL 15 and sets
 * TEST_POSTGRES_URI; on CI the test is required, elsewhere it runs when that is set.
 */
// In the cms-postgres project this file has a database of its own (tests/setup.ts).
const uri =
  process.env.OYU_TEST_DIALECT === 'postgres' ? process.env.DATABASE_URI : process.env.TEST_POSTGRES_URI;
const required = process.env.CI === 'true';

describe.runIf(uri || required)('PostgreSQL', () => {
  it('boots, migrates and stores a work', { timeout: 120_000 }, async () => {
    expect(uri, 'CI must set TEST_POSTGRES_URI to a PostgreSQL database (see .ci/run)').toBeTruthy();
    process.env.DATABASE_URI = uri;
    const { getPayload } = await import('payload');
    const { default: config } = await import('../../src/payload.config');
    const { migrationsFor } = await import('../../src/database');
    const { env } = await import('../../src/env');
    expect(env.dialect).toBe('postgres');
    const payload = await getPayload({ config });
    try {
      await payload.db.dropDatabase?.({ adapter: payload.db as never });
      await payload.db.migrate({ migrations: migrationsFor(env) });
      const maker = await payload.create({
        collection: 'artisans',
        data: { name: 'Postgres Maker', slug: 'postgres-maker', country: 'KZ' },
      });
      const found = await payload.find({
        collection: 'artisans',
        where: { slug: { equals: 'postgres-maker' } },
      });
      expect(found.docs[0]?.id).toBe(maker.id);
      expect(payload.db.name).toBe('postgres');
      // A hasMany select is an enum-typed table in Postgres: store and read one.
      const work = await payload.create({
        collection: 'works',
        draft: true,
        data: {
          title: 'Postgres Ring',
          slug: 'postgres-ring',
          artisans: [maker.id],
          photos: [],
          colours: ['gold', 'turquoise'],
          _status: 'draft',
        },
      });
      expect((await payload.findByID({ collection: 'works', id: work.id, draft: true })).colours).toEqual([
        'gold',
        'turquoise',
      ]);
      // Every migration's down reverses it, newest first, down to an empty schema; applied
      // again, they make the same schema.
      const drizzle = (
        payload.db as unknown as { drizzle: { execute: (q: unknown) => Promise<{ rows: unknown[] }> } }
      ).drizzle;
      const { sql } = await import('@payloadcms/db-postgres');
      const schema = async () =>
        (
          await drizzle.execute(
            sql`SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
                WHERE table_schema = 'public' AND table_name <> 'payload_migrations'
                ORDER BY table_name, column_name`,
          )
        ).rows;
      const before = await schema();
      expect(before.length).toBeGreaterThan(100);
      const migrations = migrationsFor(env);
      const args = { db: drizzle, payload, req: {} } as never;
      for (const migration of [...migrations].reverse()) await migration.down(args);
      expect(await schema()).toEqual([]);
      for (const migration of migrations) await migration.up(args);
      expect(await schema()).toEqual(before);
    } finally {
      await payload.destroy();
    }
  });
});
