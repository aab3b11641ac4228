import { defineCollection } from 'astro:content';
import { type Locale, locales, type Media, SiteSettingsSchema } from '@oyu/shared-types';
import type { Loader } from 'astro/loaders';
import type { z } from 'zod';
import { readEnv } from './env';
import { reportingFailure } from './lib/buildEvents';
import {
  type CmsClientOptions,
  downloadMedia,
  fetchSiteSettings,
  fetchSource,
  type Source,
  sources,
} from './lib/cms';
import { entryId, mediaCacheDir } from './lib/paths';
import {
  checkWorksDrop,
  pendingOf,
  readLastGoodBuild,
  readSnapshot,
  snapshotDir,
  writeSnapshot,
} from './lib/snapshot';
import { type Renditions, storedForm } from './lib/stored';
import {
  type Dependencies,
  dependenciesOf,
  openSync,
  planCollection,
  readDependencies,
  type SyncSession,
  writeDependencies,
} from './lib/sync';

/**
 * Astro collections filled from the CMS through `lib/cms.ts`. Each loader reads every
 * published document in every language (after the first build, only those that changed, see
 * lib/sync.ts), copies the photos it references into the media cache, and stores the
 * documents as `<locale>/<slug>`. Validation happens in cms.ts, where errors can name the
 * document.
 */
const env = readEnv();
const client: CmsClientOptions = { baseUrl: env.cmsUrl, pageSize: env.pageSize };
const cacheDir = mediaCacheDir(env.mediaCacheDir);
const snapshots = snapshotDir(env.snapshotDir);

/**
 * This build's reading of the CMS, opened once for all loaders. Only a build that starts from
 * a live one reads incrementally: a full build reads everything, so that it can be compared.
 */
let session: Promise<SyncSession> | undefined;
const syncSession = () =>
  (session ??= openSync({
    dir: snapshots,
    pendingDir: pendingOf(snapshots),
    client,
    code: env.codeHash,
    incremental: Boolean(env.baseRelease),
  }));

type Loaded<T> = {
  byLocale: { locale: Locale; docs: T[] }[];
  note: string;
  /** The ids taken unchanged from the last good build, when only some were read. */
  kept?: Set<number>;
};

/**
 * The documents of one collection in every language: from the snapshot (FROM_SNAPSHOT), or
 * from the CMS, reading again only what changed since the last good build, and recorded as
 * the pending snapshot.
 */
async function documents<S extends z.ZodType>(name: string, source: Source<S>): Promise<Loaded<z.output<S>>> {
  type Doc = z.output<S>;
  if (env.fromSnapshot) {
    const byLocale = await Promise.all(
      locales.map(async (locale) => ({
        locale,
        docs: (await readSnapshot(snapshots, name, locale)).map((doc) => source.schema.parse(doc) as Doc),
      })),
    );
    return { byLocale, note: 'from the snapshot' };
  }
  const plan = planCollection(
    await syncSession(),
    source.collection,
    await readDependencies(snapshots, name),
  );
  const deps: Dependencies = plan.mode === 'partial' ? { ...plan.deps } : {};
  const onRaw = (raw: unknown) => {
    const id = String((raw as { id?: unknown }).id);
    deps[id] = [...new Set([...(deps[id] ?? []), ...dependenciesOf(source.collection, raw)])].sort();
  };
  const byLocale = await Promise.all(
    locales.map(async (locale) => {
      const options = { ...client, locale };
      if (plan.mode === 'full') return { locale, docs: await fetchSource(source, options, { onRaw }) };
      const kept = ((await readSnapshot(snapshots, name, locale)) as (Doc & { id: number })[]).filter((doc) =>
        plan.keep.has(doc.id),
      );
      // A snapshot that lacks what its record says (edited by hand, half restored) is not
      // trusted: this language is read whole.
      if (kept.length !== plan.keep.size)
        return { locale, docs: await fetchSource(source, options, { onRaw }) };
      const fetched = plan.fetch.length
        ? ((await fetchSource(source, options, { ids: plan.fetch, onRaw })) as (Doc & { id: number })[])
        : [];
      const docs = [...kept, ...fetched].sort((a, b) => a.id - b.id);
      return { locale, docs: docs as Doc[] };
    }),
  );
  for (const { locale, docs } of byLocale) await writeSnapshot(snapshots, name, locale, docs);
  await writeDependencies(pendingOf(snapshots), name, deps);
  if (plan.mode === 'full') return { byLocale, note: `read in full (${plan.reason})` };
  return {
    byLocale,
    note: `${plan.fetch.length} read, ${plan.keep.size} taken from the last build`,
    kept: plan.keep,
  };
}

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
    load: () => documents(options.name, options.source),
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
        const { byLocale, note, kept } = await options.load();
        if (options.name === 'oyu-works' && !env.fromSnapshot) {
          checkWorksDrop(await readLastGoodBuild(snapshots), byLocale[0]?.docs.length ?? 0, env.maxWorksDrop);
        }
        // Photos are the same files in every language; only their alt texts differ. From a
        // snapshot, the cached files are used as they are.
        const docs = (byLocale[0]?.docs ?? []) as (z.output<S> & { id?: number })[];
        const isKept = (doc: { id?: number }) => doc.id !== undefined && Boolean(kept?.has(doc.id));
        const photos = env.fromSnapshot
          ? { downloaded: 0, copied: 0, cached: 0 }
          : await downloadMedia(docs.filter((doc) => !isKept(doc)).flatMap(photosOf), cacheDir, client, {
              known: docs.filter(isKept).flatMap(photosOf),
              localDir: env.cmsMediaDir,
            });
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
    load: async () => {
      const byLocale = await Promise.all(
        locales.map(async (locale) => {
          if (env.fromSnapshot) {
            const [doc] = await readSnapshot(snapshots, 'oyu-settings', locale);
            return { locale, docs: [SiteSettingsSchema.parse(doc)] };
          }
          const docs = [await fetchSiteSettings({ ...client, locale })];
          await writeSnapshot(snapshots, 'oyu-settings', locale, docs);
          return { locale, docs };
        }),
      );
      return { byLocale, note: env.fromSnapshot ? 'from the snapshot' : 'read in full' };
    },
  }),
});

export const collections = { artisans, works, editions, showcases, venues, settings };
