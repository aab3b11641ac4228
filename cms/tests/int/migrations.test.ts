import { imageSizeNames } from '@oyu/shared-types';
import { sql } from '@payloadcms/db-sqlite';
import { getPayload, type Payload, type PayloadRequest } from 'payload';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFor } from '../../src/database';
import { env } from '../../src/env';
import config from '../../src/payload.config';

/**
 * Each migration after `initial` must apply to a database that the earlier ones made and that
 * already holds content, and its `down` must undo it. A fresh database (every other test)
 * would not catch a migration that rebuilds a table from columns it does not have yet.
 */
type Db = {
  run: (query: ReturnType<typeof sql>) => Promise<unknown>;
  all: (query: ReturnType<typeof sql>) => Promise<unknown[]>;
};

let payload: Payload;
let db: Db;
const all = migrationsFor(env);
const index = all.findIndex((migration) => migration.name.endsWith('_og_size_and_colours'));
/** Every migration up to and including the one under test. */
const migrations = all.slice(0, index + 1);
const migration = all[index];
/** The migrations after it: reading through today's config needs the whole schema. */
const later = all.slice(index + 1);

const columns = async (table: string) =>
  ((await db.all(sql.raw(`PRAGMA table_info(\`${table}\`)`))) as { name: string }[]).map(
    (column) => column.name,
  );
const tableExists = async (table: string) =>
  (await db.all(sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name = ${table}`)).length > 0;

describe.runIf(env.dialect === 'sqlite')('og_size_and_colours on an existing SQLite database', () => {
  beforeAll(async () => {
    payload = await getPayload({ config });
    db = (payload.db as unknown as { drizzle: Db }).drizzle;
    // The database as the first release left it, with a photo and a published work in it.
    await payload.db.migrate({ migrations: migrations.slice(0, -1) });
    await db.run(sql`INSERT INTO media (id, filename, mime_type, width, height, sizes_webp480_filename, sizes_webp480_width, sizes_webp480_height)
      VALUES (1, 'old.jpg', 'image/jpeg', 2400, 1600, 'old-480x320.webp', 480, 320)`);
    await db.run(sql`INSERT INTO media_locales (alt, _locale, _parent_id) VALUES ('An old photo', 'en', 1)`);
    await db.run(sql`INSERT INTO works (id, slug, _status) VALUES (1, 'old-work', 'published')`);
  });

  afterAll(async () => {
    await payload?.destroy();
  });

  it('adds the Open Graph size and the work colours, keeping the content', async () => {
    expect(migration, 'the og_size_and_colours migration is not registered').toBeDefined();
    await payload.db.migrate({ migrations: all });
    const photo = await payload.findByID({ collection: 'media', id: 1, locale: 'en' });
    expect(photo.alt).toBe('An old photo');
    expect(photo.sizes?.webp480?.filename).toBe('old-480x320.webp');
    expect(photo.sizes?.og?.filename ?? null).toBeNull();
    // media_renditions: the sizes it had, in one field.
    expect(photo.renditions).toEqual({
      ...Object.fromEntries(imageSizeNames.map((name) => [name, null])),
      webp480: { filename: 'old-480x320.webp', width: 480, height: 320, mimeType: null, filesize: null },
    });
    const work = await payload.findByID({ collection: 'works', id: 1 });
    expect(work.slug).toBe('old-work');
    expect(work.colours ?? []).toEqual([]);
    await payload.db.updateOne({ collection: 'works', id: 1, data: { colours: ['gold', 'red'] } });
    expect((await payload.findByID({ collection: 'works', id: 1 })).colours).toEqual(['gold', 'red']);
  });

  it('reverses it with down, and applies again', async () => {
    if (!migration) throw new Error('the og_size_and_colours migration is not registered');
    const args = { db, payload, req: {} as PayloadRequest } as never;
    for (const next of [...later].reverse()) await next.down(args);
    await migration.down(args);
    expect((await columns('media')).filter((name) => name.startsWith('sizes_og_'))).toEqual([]);
    expect(await tableExists('works_colours')).toBe(false);
    expect(await tableExists('_works_v_version_colours')).toBe(false);
    expect(await columns('works')).toContain('slug');

    await migration.up(args);
    expect((await columns('media')).filter((name) => name.startsWith('sizes_og_')).sort()).toEqual(
      ['filename', 'filesize', 'height', 'mime_type', 'url', 'width'].map((field) => `sizes_og_${field}`),
    );
    expect(await tableExists('works_colours')).toBe(true);
    for (const next of later) await next.up(args);
    expect((await payload.findByID({ collection: 'media', id: 1, locale: 'en' })).alt).toBe('An old photo');
  });
});
