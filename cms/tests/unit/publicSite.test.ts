import type {
  CollectionConfig,
  CollectionSlug,
  Config,
  DatabaseAdapterObj,
  GlobalSlug,
  SanitizedConfig,
} from 'payload';
import { describe, expect, it } from 'vitest';
import { publicApiSettings, publicSite } from '../../src/plugins/publicSite';

/**
 * The publicSite plugin (src/plugins/publicSite.ts) on a config of its own: which collections
 * get which behaviour. What each behaviour does is tested where it is used (publicCache,
 * publicLimits, queryGuards via restAccess/probe, siteBuilds, sqliteConcurrency).
 */
const collection = (slug: string): CollectionConfig => ({ slug, fields: [] });
const begin = async () => 1;
const db = (name: string): DatabaseAdapterObj =>
  ({
    name,
    defaultIDType: 'number',
    init: () => ({
      beginTransaction: begin,
      commitTransaction: async () => {},
      rollbackTransaction: async () => {},
    }),
  }) as unknown as DatabaseAdapterObj;
const options = {
  collections: ['works'] as CollectionSlug[],
  globals: ['site-settings'] as GlobalSlug[],
  cacheBytes: 1024,
  readQueue: { concurrency: 2, maxWaiting: 10 },
  sqliteBusyTimeoutMs: 5000,
};
const config = (name = 'sqlite'): Config =>
  ({
    secret: 'x',
    collections: [collection('works'), collection('users')],
    globals: [{ slug: 'site-settings', fields: [] }],
    db: db(name),
  }) as Config;
const hooksOf = (result: Config, slug: string) =>
  result.collections?.find((c) => c.slug === slug)?.hooks ?? {};

describe('the publicSite plugin', () => {
  it('guards the queries of every collection, and caps, rebuilds and empties the cache only for those the site shows', async () => {
    const result = await publicSite(options)(config());
    const works = hooksOf(result, 'works');
    const users = hooksOf(result, 'users');
    // Users: the six query guards only. Works: the read cap first, then the same six.
    expect(users.beforeOperation).toHaveLength(6);
    expect(works.beforeOperation).toHaveLength(7);
    expect(users.afterChange ?? []).toHaveLength(0);
    // Rebuild, then cache.
    expect(works.afterChange).toHaveLength(2);
    expect(works.afterDelete).toHaveLength(2);
    expect(result.globals?.[0]?.hooks?.afterChange).toHaveLength(2);
  });

  it('keeps the REST route’s settings in the config, and says so when it is missing', async () => {
    const result = await publicSite(options)(config());
    expect(publicApiSettings(result as SanitizedConfig)).toEqual({
      cacheBytes: 1024,
      readQueue: options.readQueue,
    });
    expect(() => publicApiSettings(config() as SanitizedConfig)).toThrow(/not registered/);
  });

  it('wraps the database adapter, serialising transactions on SQLite only', async () => {
    const sqlite = await publicSite(options)(config('sqlite'));
    const postgres = await publicSite(options)(config('postgres'));
    const payload = {} as Parameters<DatabaseAdapterObj['init']>[0]['payload'];
    expect(sqlite.db.init({ payload }).beginTransaction).not.toBe(begin);
    expect(postgres.db.init({ payload }).beginTransaction).toBe(begin);
  });

  it('refuses a slug the config does not have, naming it', () => {
    expect(() => publicSite({ ...options, collections: ['wroks' as CollectionSlug] })(config())).toThrow(
      'publicSite: no collection or global named wroks',
    );
  });
});
