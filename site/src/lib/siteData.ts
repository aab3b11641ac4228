import type { Locale } from '@oyu/shared-types';

/**
 * Where pages read the site's documents. A static build (`astro build`) reads Astro's content
 * store. The publisher (src/publish/) renders the pages a change touches with the same page
 * modules, built once as a server bundle (astro.render.config.ts), and hands them the
 * documents it keeps in memory through this registry.
 *
 * The registry is on `globalThis`: the render app's bundle and the publisher's own modules are
 * separate copies of this file.
 */
export type SiteCollection = 'works' | 'artisans' | 'editions' | 'showcases' | 'venues' | 'settings';

export type SiteDataSource = {
  /** Changes whenever the documents do: what is computed from them is kept per version. */
  version: string;
  /** A collection's documents in one language, as the content store holds them, in its order. */
  entries(collection: SiteCollection, locale: Locale): readonly unknown[];
};

const sourceKey = Symbol.for('oyu.siteData');
const shared = globalThis as unknown as Record<symbol, SiteDataSource | undefined>;

/** The documents the publisher set, or undefined in a static build. */
export function siteDataSource(): SiteDataSource | undefined {
  return shared[sourceKey];
}

export function setSiteDataSource(source: SiteDataSource | undefined): void {
  shared[sourceKey] = source;
}

/**
 * A cache of what is computed from the documents: kept for the whole of a static build, and
 * emptied whenever the publisher's documents change. `astro dev` computes afresh each time,
 * since content changes while it runs.
 */
export function buildCache<V>(): (key: string, compute: () => V) => V {
  const kept = new Map<string, V>();
  let keptVersion: string | undefined;
  return (key, compute) => {
    if (!import.meta.env.PROD) return compute();
    const version = siteDataSource()?.version ?? 'static';
    if (version !== keptVersion) {
      kept.clear();
      keptVersion = version;
    }
    if (!kept.has(key)) kept.set(key, compute());
    return kept.get(key) as V;
  };
}
