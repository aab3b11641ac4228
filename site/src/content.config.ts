import { defineCollection } from 'astro:content';
import { ArtisanSchema, type Media, WorkSchema } from '@oyu/shared-types';
import type { Loader } from 'astro/loaders';
import type { z } from 'zod';
import { readEnv } from './env';
import { type CmsClientOptions, downloadMedia, fetchArtisans, fetchWorks } from './lib/cms';
import { mediaCacheDir } from './lib/paths';

/**
 * Astro collections filled from the CMS through `lib/cms.ts`. Each loader fetches every
 * published document, copies the photos it references into the media cache, and stores the
 * documents by slug. Validation happens in cms.ts, where errors can name the document.
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
      const docs = await options.fetch(client);
      const photos = await downloadMedia(docs.flatMap(options.photos), cacheDir, client);
      store.clear();
      for (const doc of docs) store.set({ id: doc.slug, data: doc });
      logger.info(
        `${docs.length} documents; photos ${photos.downloaded} downloaded, ${photos.cached} cached`,
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
