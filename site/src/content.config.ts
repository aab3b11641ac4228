import { defineCollection } from 'astro:content';
import { locales, type Media, SiteSettingsSchema } from '@oyu/shared-types';
import type { Loader } from 'astro/loaders';
import type { z } from 'zod';
import { readEnv } from './env';
import { reportingFailure } from './lib/buildEvents';
import { type Source, sources } from './lib/cms';
import { type Loaded, openReading, readDocuments, readPhotos, readSettings } from './lib/load';
import { entryId } from './lib/paths';
import { type Renditions, storedForm } from './lib/stored';

/**
 * Astro collections filled from the CMS through `lib/load.ts` (which reads through
 * `lib/cms.ts`). Each loader reads every published document in every language (after the first
 * build, only those that changed, see lib/sync.ts), copies the photos it references into the
 * media cache, and stores the documents as `<locale>/<slug>`. Validation happens in cms.ts,
 * where errors can name the document.
 */
const env = readEnv();
const reading = openReading(env);

function cmsLoader<S extends z.ZodType>(options: {
  name: string;
  source: Source<S>;
  /** The document's key within a language: its slug, or an edition's year. */
  key?: (doc: z.output<S>) => string;
  photos?: (doc: z.output<S>) => Media[];
}) {
  const key = options.key ?? ((doc: z.output<S>) => (doc as { slug: string }).slug);
  return collectionLoader({
    name: options.name,
    schema: options.source.schema,
    load: () => readDocuments(reading, options.name, options.source),
    key,
    photos: options.photos,
  });
}

/** Photo renditions, kept once for every language and document that shows them (see stored.ts). */
const renditions = new Map<string, Renditions>();

function collectionLoader<S extends z.ZodType>(options: {
  name: string;
  schema: S;
  load: () => Promise<Loaded<z.output<S>>>;
  key: (doc: z.output<S>) => string;
  photos?: ((doc: z.output<S>) => Media[]) | undefined;
}) {
  const photosOf = options.photos ?? (() => []);
  return {
    name: options.name,
    schema: options.schema,
    // A failure (the CMS down, a document the contract refuses) is told to whoever runs the
    // build in the words lib/cms/ gave it, not only printed among Astro's output.
    load: ({ store, logger }) =>
      reportingFailure(async () => {
        if (env.typesOnly) return logger.info('types only: the CMS is not read');
        const loaded = await options.load();
        const photos = await readPhotos(reading, options.name, loaded, photosOf);
        const { byLocale, note } = loaded;
        store.clear();
        for (const { locale, docs } of byLocale) {
          for (const doc of docs)
            store.set({
              id: entryId(locale, options.key(doc)),
              data: storedForm(doc, renditions) as Record<string, unknown>,
            });
        }
        logger.info(
          `${byLocale[0]?.docs.length ?? 0} documents × ${locales.length} languages, ${note}; ` +
            `photos ${photos.downloaded} downloaded, ${photos.copied} copied, ${photos.cached} cached`,
        );
      }),
  } satisfies Loader;
}

const artisans = defineCollection({
  loader: cmsLoader({
    name: 'oyu-artisans',
    source: sources.artisans,
    photos: (artisan) => (artisan.portrait ? [artisan.portrait] : []),
  }),
});

const works = defineCollection({
  loader: cmsLoader({
    name: 'oyu-works',
    source: sources.works,
    photos: (work) => work.photos,
  }),
});

const editions = defineCollection({
  loader: cmsLoader({
    name: 'oyu-editions',
    source: sources.editions,
    key: (edition) => String(edition.year),
    photos: (edition) => (edition.heroImage ? [edition.heroImage] : []),
  }),
});

const showcases = defineCollection({
  loader: cmsLoader({ name: 'oyu-collections', source: sources.showcases }),
});

const venues = defineCollection({
  loader: cmsLoader({ name: 'oyu-venues', source: sources.venues }),
});

// One document, read whole by every build.
const settings = defineCollection({
  loader: collectionLoader({
    name: 'oyu-settings',
    schema: SiteSettingsSchema,
    key: () => 'site',
    load: () => readSettings(reading),
  }),
});

export const collections = { artisans, works, editions, showcases, venues, settings };
