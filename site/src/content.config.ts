import { defineCollection } from 'astro:content';
import { ArtisanSchema, WorkSchema } from '@oyu/shared-types';
import { readEnv } from './env';
import { downloadMedia, fetchArtisans, fetchWorks } from './lib/cms';
import { mediaCacheDir } from './lib/paths';

/**
 * Astro collections filled from the CMS through `lib/cms.ts`. Each loader fetches every
 * published document, copies the photos it references into the media cache, and stores the
 * documents by slug. Validation happens in cms.ts, where errors can name the document.
 */
const env = readEnv();
const client = { baseUrl: env.cmsUrl, pageSize: env.pageSize };
const cacheDir = mediaCacheDir(env.mediaCacheDir);

const artisans = defineCollection({
  loader: {
    name: 'oyu-artisans',
    schema: ArtisanSchema,
    load: async ({ store, logger }) => {
      if (env.typesOnly) return logger.info('types only: the CMS is not read');
      const docs = await fetchArtisans(client);
      const photos = await downloadMedia(
        docs.flatMap((doc) => (doc.portrait ? [doc.portrait] : [])),
        cacheDir,
        client,
      );
      store.clear();
      for (const doc of docs) store.set({ id: doc.slug, data: doc });
      logger.info(`${docs.length} artisans; photos ${photos.downloaded} downloaded, ${photos.cached} cached`);
    },
  },
});

const works = defineCollection({
  loader: {
    name: 'oyu-works',
    schema: WorkSchema,
    load: async ({ store, logger }) => {
      if (env.typesOnly) return logger.info('types only: the CMS is not read');
      const docs = await fetchWorks(client);
      const photos = await downloadMedia(
        docs.flatMap((doc) => doc.photos.map((photo) => photo.image)),
        cacheDir,
        client,
      );
      store.clear();
      for (const doc of docs) store.set({ id: doc.slug, data: doc });
      logger.info(`${docs.length} works; photos ${photos.downloaded} downloaded, ${photos.cached} cached`);
    },
  },
});

export const collections = { artisans, works };
