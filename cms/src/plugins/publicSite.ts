import type { CollectionSlug, Config, GlobalSlug, Plugin, SanitizedConfig } from 'payload';
import {
  invalidatesOnCommit,
  invalidatesPublicCache,
  invalidatesPublicCacheGlobal,
} from '../api/publicCache';
import { capsPublicReads } from '../api/publicLimits';
import { guardsQueries } from '../api/queryGuards';
import type { ReadQueueOptions } from '../api/readQueue';
import { rebuildsSite, rebuildsSiteGlobal } from '../site/autoRebuild';
import { serializeSqliteTransactions } from '../sqliteTransactions';

/**
 * What serving a public static site asks of the CMS, for every collection at once:
 * - no query may filter, sort or page by what its requester cannot read (api/queryGuards.ts),
 *   on every collection;
 * - on the collections and globals the site shows: one anonymous read is capped
 *   (api/publicLimits.ts), a visible change schedules the automatic rebuild
 *   (site/autoRebuild.ts) and empties the public API's cache (api/publicCache.ts);
 * - every committed transaction empties that cache too, and on SQLite transactions wait
 *   their turn (sqliteTransactions.ts);
 * - the REST GET route (api/restGet.ts) reads the cache's and the read queue's settings from
 *   here, so they are configured in one place.
 * Register it first among the plugins: the others then see the guarded collections.
 */
export type PublicSiteOptions = {
  /** Collections whose published documents the site shows. */
  collections: CollectionSlug[];
  /** Globals the site shows. */
  globals: GlobalSlug[];
  /** Bytes the public API's answer cache may hold; 0 turns it off. */
  cacheBytes: number;
  /** GET requests computed at a time per lane (public, signed in), and how many may wait. */
  readQueue: ReadQueueOptions;
  /** SQLite only: how long a transaction waits for another process's write lock. */
  sqliteBusyTimeoutMs: number;
};

/** What the REST GET route needs of the options, kept in the config's `custom`. */
export type PublicApiSettings = Pick<PublicSiteOptions, 'cacheBytes' | 'readQueue'>;

const settingsKey = 'oyuPublicApi';

export function publicSite(options: PublicSiteOptions): Plugin {
  return (config: Config): Config => {
    const collectionSlugs = (config.collections ?? []).map((collection) => collection.slug);
    const globalSlugs = (config.globals ?? []).map((global) => global.slug);
    const unknown = [
      ...options.collections.filter((slug) => !collectionSlugs.includes(slug)),
      ...options.globals.filter((slug) => !globalSlugs.includes(slug)),
    ];
    if (unknown.length) throw new Error(`publicSite: no collection or global named ${unknown.join(', ')}`);

    const shows = (slug: string) => (options.collections as string[]).includes(slug);
    const showsGlobal = (slug: string) => (options.globals as string[]).includes(slug);
    const db =
      config.db.name === 'sqlite'
        ? serializeSqliteTransactions(config.db, options.sqliteBusyTimeoutMs)
        : config.db;
    const settings: PublicApiSettings = { cacheBytes: options.cacheBytes, readQueue: options.readQueue };
    return {
      ...config,
      collections: (config.collections ?? []).map((collection) => {
        const guarded = guardsQueries(collection);
        return shows(collection.slug)
          ? invalidatesPublicCache(rebuildsSite(capsPublicReads(guarded)))
          : guarded;
      }),
      globals: (config.globals ?? []).map((global) =>
        showsGlobal(global.slug) ? invalidatesPublicCacheGlobal(rebuildsSiteGlobal(global)) : global,
      ),
      db: invalidatesOnCommit(db),
      custom: { ...config.custom, [settingsKey]: settings },
    };
  };
}

/** The REST GET route's settings, as the plugin registered them. */
export function publicApiSettings(config: SanitizedConfig): PublicApiSettings {
  const settings = config.custom?.[settingsKey] as PublicApiSettings | undefined;
  if (!settings) throw new Error('publicSite: the plugin is not registered in payload.config.ts');
  return settings;
}
