import { defineCollection } from 'astro:content';
import {
  ArtisanSchema,
  EditionSchema,
  type Locale,
  locales,
  type Media,
  ShowcaseSchema,
  SiteSettingsSchema,
  VenueSchema,
  WorkSchema,
} from '@oyu/shared-types';
import type { Loader } from 'astro/loaders';
import type { z } from 'zod';
import { readEnv } from './env';
import {
  type CmsClientOptions,
  downloadMedia,
  fetchArtisans,
  fetchEditions,
  fetchShowcases,
  fetchSiteSettings,
  fetchVenues,
  fetchWorks,
} from './lib/cms';
import { entryId, mediaCacheDir } from './lib/paths';
import { checkWorksDrop, readLastGoodBuild, readSnapshot, snapshotDir, writeSnapshot } from './lib/snapshot';

/**
 * Astro collections filled from the CMS through `lib/cms.ts`. Each loader fetches every
 * published document in every language, copies the photos it references into the media
 * cache, and stores the documents as `<locale>/<slug>`. Validation happens in cms.ts, where
 * errors can name the document.
 */
const env = readEnv();
const client: CmsClientOptions = { baseUrl: env.cmsUrl, pageSize: env.pageSize };
const cacheDir = mediaCacheDir(env.mediaCacheDir);
const snapshots = snapshotDir(env.snapshotDir);

/** Documents of one language: from the CMS (recorded in the snapshot) or from the snapshot. */
async function documents<S extends z.ZodType>(
  name: string,
  schema: S,
  fetch: (client: CmsClientOptions) => Promise<z.output<S>[]>,
  locale: Locale,
): Promise<z.output<S>[]> {
  if (env.fromSnapshot) {
    const raw = await readSnapshot(snapshots, name, locale);
    return raw.map((doc) => schema.parse(doc));
  }
  const docs = await fetch({ ...client, locale });
  await writeSnapshot(snapshots, name, locale, docs);
  return docs;
}

function cmsLoader<S extends z.ZodType>(options: {
  name: string;
  schema: S;
  fetch: (client: CmsClientOptions) => Promise<z.output<S>[]>;
  /** The document's key within a language: its slug, or an edition's year. */
  key?: (doc: z.output<S>) => string;
  photos?: (doc: z.output<S>) => Media[];
}) {
  const key = options.key ?? ((doc: z.output<S>) => (doc as { slug: string }).slug);
  const photosOf = options.photos ?? (() => []);
  return {
    name: options.name,
    schema: options.schema,
    load: async ({ store, logger }) => {
      if (env.typesOnly) return logger.info('types only: the CMS is not read');
      const byLocale = await Promise.all(
        locales.map(async (locale) => ({
          locale,
          docs: await documents(options.name, options.schema, options.fetch, locale),
        })),
      );
      if (options.name === 'oyu-works' && !env.fromSnapshot) {
        checkWorksDrop(await readLastGoodBuild(snapshots), byLocale[0]?.docs.length ?? 0, env.maxWorksDrop);
      }
      // Photos are the same files in every language; only their alt texts differ. From a
      // snapshot, the cached files are used as they are.
      const photos = env.fromSnapshot
        ? { downloaded: 0, cached: 0 }
        : await downloadMedia(byLocale[0]?.docs.flatMap(photosOf) ?? [], cacheDir, client);
      store.clear();
      for (const { locale, docs } of byLocale) {
        for (const doc of docs)
          store.set({ id: entryId(locale, key(doc)), data: doc as Record<string, unknown> });
      }
      logger.info(
        `${byLocale[0]?.docs.length ?? 0} documents × ${locales.length} languages; ` +
          `photos ${photos.downloaded} downloaded, ${photos.cached} cached`,
      );
    },
  } satisfies Loader;
}

const artisans = defineCollection({
  loader: cmsLoader({
    name: 'oyu-artisans',
    schema: ArtisanSchema,
    fetch: fetchArtisans,
    photos: (artisan) => (artisan.portrait ? [artisan.portrait] : []),
  }),
});

const works = defineCollection({
  loader: cmsLoader({
    name: 'oyu-works',
    schema: WorkSchema,
    fetch: fetchWorks,
    photos: (work) => work.photos,
  }),
});

const editions = defineCollection({
  loader: cmsLoader({
    name: 'oyu-editions',
    schema: EditionSchema,
    fetch: fetchEditions,
    key: (edition) => String(edition.year),
    photos: (edition) => (edition.heroImage ? [edition.heroImage] : []),
  }),
});

const showcases = defineCollection({
  loader: cmsLoader({ name: 'oyu-collections', schema: ShowcaseSchema, fetch: fetchShowcases }),
});

const venues = defineCollection({
  loader: cmsLoader({ name: 'oyu-venues', schema: VenueSchema, fetch: fetchVenues }),
});

const settings = defineCollection({
  loader: cmsLoader({
    name: 'oyu-settings',
    schema: SiteSettingsSchema,
    fetch: async (options) => [await fetchSiteSettings(options)],
    key: () => 'site',
  }),
});

export const collections = { artisans, works, editions, showcases, venues, settings };
