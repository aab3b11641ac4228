import crypto from 'node:crypto';
import { type Locale, locales, SiteSettingsSchema } from '@oyu/shared-types';
import type { z } from 'zod';
import { sources } from '../lib/cms';
import type { Loaded } from '../lib/load';
import type { SiteCollection, SiteDataSource } from '../lib/siteData';
import { readSnapshot } from '../lib/snapshot';
import { type Renditions, storedForm } from '../lib/stored';

/**
 * The site's documents in memory, as Astro's content store would hold them after a build:
 * each collection in each language, checked by its schema and trimmed like the store's
 * (lib/stored.ts), in the order the build read them. The publisher renders pages from it.
 */
export type SiteModel = {
  /** Changes with the documents: the pages' caches (lib/siteData.ts) are kept per version. */
  version: string;
  entries: Map<string, unknown[]>;
};

/** Each collection's name in the snapshot (and the content loaders), and its schema. */
export const snapshotCollections: Record<
  SiteCollection,
  { name: string; schema: z.ZodType; key: (doc: Keyed) => string }
> = {
  works: { name: 'oyu-works', schema: sources.works.schema, key: bySlug },
  artisans: { name: 'oyu-artisans', schema: sources.artisans.schema, key: bySlug },
  editions: { name: 'oyu-editions', schema: sources.editions.schema, key: (doc) => String(doc.year) },
  showcases: { name: 'oyu-collections', schema: sources.showcases.schema, key: bySlug },
  venues: { name: 'oyu-venues', schema: sources.venues.schema, key: bySlug },
  settings: { name: 'oyu-settings', schema: SiteSettingsSchema, key: () => 'site' },
};

type Keyed = { slug?: string; year?: number };
/** A document's key within its language, as the content loaders store it (content.config.ts). */
function bySlug(doc: Keyed): string {
  return String(doc.slug);
}

const entryKey = (collection: SiteCollection, locale: Locale) => `${collection}.${locale}`;

/** The documents a good build used, from its snapshot folder (lib/snapshot.ts). */
export async function modelFromSnapshot(dir: string): Promise<SiteModel> {
  const loaded: Partial<Record<SiteCollection, Loaded<unknown>>> = {};
  for (const [collection, { name, schema }] of Object.entries(snapshotCollections)) {
    const byLocale = await Promise.all(
      locales.map(async (locale) => ({
        locale,
        docs: (await readSnapshot(dir, name, locale)).map((doc) => schema.parse(doc)),
      })),
    );
    loaded[collection as SiteCollection] = { byLocale, note: 'from the snapshot' };
  }
  return modelFromDocuments(loaded);
}

/** The documents a build read (lib/load.ts), by collection. */
export function modelFromDocuments(loaded: Partial<Record<SiteCollection, Loaded<unknown>>>): SiteModel {
  const entries = new Map<string, unknown[]>();
  for (const [collection, { key }] of Object.entries(snapshotCollections)) {
    for (const { locale, docs } of loaded[collection as SiteCollection]?.byLocale ?? []) {
      // In the order Astro's content store lists its entries: by id, `<locale>/<key>`.
      const sorted = (docs as Keyed[])
        .map((doc) => ({ id: key(doc), doc }))
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      entries.set(
        entryKey(collection as SiteCollection, locale),
        sorted.map(({ doc }) => storedOnce(doc)),
      );
    }
  }
  return { version: crypto.randomUUID(), entries };
}

/**
 * Each document's stored form, kept per document read: a build process kept between builds
 * reads unchanged documents from memory (lib/snapshot.ts), the same objects, and does not trim
 * them again (16,533 documents at M: 0.8 s). Renditions stay shared across builds.
 */
const stored = new WeakMap<object, unknown>();
const renditions = new Map<string, Renditions>();

function storedOnce(doc: unknown): unknown {
  if (typeof doc !== 'object' || doc === null) return storedForm(doc, renditions);
  const known = stored.get(doc);
  if (known) return known;
  const form = storedForm(doc, renditions);
  stored.set(doc, form);
  return form;
}

/** The model as the pages read it (lib/siteData.ts). */
export function dataSourceOf(model: SiteModel): SiteDataSource {
  return {
    version: model.version,
    entries: (collection, locale) => model.entries.get(entryKey(collection, locale)) ?? [],
  };
}
