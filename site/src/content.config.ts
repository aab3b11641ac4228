import { defineCollection } from 'astro:content';
import { ArtisanSchema, locales, type Media, WorkSchema } from '@oyu/shared-types';
import type { Loader } from 'astro/loaders';
import type { z } from 'zod';
import { readEnv } from './env';
import { type CmsClientOptions, downloadMedia, fetchArtisans, fetchWorks } from './lib/cms';
import { entryId, mediaCacheDir } from './lib/paths';

/**
 * Astro collections filled from the CMS through `lib/cms.ts`. Each loader fetches every
 * published document in every language, copies the photos it references into the media
 * cache, and stores the documents as `<locale>/<slug>`. Validation happens in cms.ts, where
 * errors can name the document.
 */
const env = readEnv();
const client: CmsClientOptions = { baseUrl: env.cmsUrl, pageSize: env.pageSize };
const cacheDir = mediaCacheDir(env.mediaCacheDir);

function cmsLoader<S extends z.ZodType<{ slug: string }>>(options: {
  name: string;
  schema: S;
  fetch: (client: CmsClientOptions) => Promise<z.output<S>[]>;
  photos: (doc: z.output<S>) => Media[];
}) {
  return {
    name: options.name,
    schema: options.schema,
    load: async ({ store, logger }) => {
      if (env.typesOnly) return logger.info('types only: the CMS is not read');
      const byLocale = await Promise.all(
        locales.map(async (locale) => ({ locale, docs: await options.fetch({ ...client, locale }) })),
      );
      // Photos are the same files in every language; only their alt texts differ.
      const photos = await downloadMedia(byLocale[0]?.docs.flatMap(options.photos) ?? [], cacheDir, client);
      store.clear();
      for (const { locale, docs } of byLocale) {
        for (const doc of docs) store.set({ id: entryId(locale, doc.slug), data: doc });
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

export const collections = { artisans, works };
