import { type Locale, locales, type Media, SiteSettingsSchema } from '@oyu/shared-types';
import type { z } from 'zod';
import type { SiteEnv } from '../env';
import {
  type CmsClientOptions,
  downloadMedia,
  fetchSiteSettings,
  fetchSource,
  type MediaCounts,
  type Source,
} from './cms';
import { mediaCacheDir } from './paths';
import {
  checkWorksDrop,
  pendingOf,
  readLastGoodBuild,
  readSnapshot,
  snapshotDir,
  writeSnapshot,
} from './snapshot';
import {
  type Dependencies,
  dependenciesOf,
  openSync,
  planCollection,
  readDependencies,
  type SyncSession,
  writeDependencies,
} from './sync';

/**
 * A build's reading of the CMS, shared by the content loaders of `astro build`
 * (content.config.ts) and the publisher (src/publish/): every published document in every
 * language, from the snapshot (FROM_SNAPSHOT) or from the CMS, reading again only what changed
 * since the last good build (lib/sync.ts), recorded as the pending snapshot; then the photos
 * of the documents read, into the media cache.
 */
export type Reading = {
  env: SiteEnv;
  client: CmsClientOptions;
  snapshots: string;
  cacheDir: string;
  /** Opened once for every collection of the build. */
  session: () => Promise<SyncSession>;
  /**
   * Where the writing of the pending snapshot goes when the reader records it later (the
   * publisher, once the new release is live: writing a collection of thousands of documents
   * is seconds a visitor need not wait for). Undefined: written as it is read.
   */
  later?: (() => Promise<void>)[];
};

export function openReading(env: SiteEnv, options: { recordLater?: boolean } = {}): Reading {
  const snapshots = snapshotDir(env.snapshotDir);
  const client: CmsClientOptions = { baseUrl: env.cmsUrl, pageSize: env.pageSize };
  let session: Promise<SyncSession> | undefined;
  return {
    env,
    client,
    snapshots,
    cacheDir: mediaCacheDir(env.mediaCacheDir),
    // Only a build that starts from a live one reads incrementally: a full build reads
    // everything, so that it can be compared.
    session: () =>
      (session ??= openSync({
        dir: snapshots,
        pendingDir: pendingOf(snapshots),
        client,
        code: env.codeHash,
        incremental: Boolean(env.baseRelease),
      })),
    ...(options.recordLater ? { later: [] } : {}),
  };
}

/** Records (now, or later: see `Reading.later`) what a build read. */
async function record(reading: Reading, write: () => Promise<void>) {
  if (reading.later) reading.later.push(write);
  else await write();
}

export type Loaded<T> = {
  byLocale: { locale: Locale; docs: T[] }[];
  note: string;
  /** The ids taken unchanged from the last good build, when only some were read. */
  kept?: Set<number>;
};

/** One collection's documents in every language (see `Reading`). */
export async function readDocuments<S extends z.ZodType>(
  reading: Reading,
  name: string,
  source: Source<S>,
): Promise<Loaded<z.output<S>>> {
  type Doc = z.output<S>;
  const { env, client, snapshots } = reading;
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
    await reading.session(),
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
      const snapshot = (await readSnapshot(snapshots, name, locale)) as (Doc & { id: number })[];
      const kept = snapshot.filter((doc) => plan.keep.has(doc.id));
      // A snapshot that lacks what its record says (edited by hand, half restored) is not
      // trusted: this language is read whole.
      if (kept.length !== plan.keep.size)
        return { locale, docs: await fetchSource(source, options, { onRaw }) };
      const fetched = plan.fetch.length
        ? ((await fetchSource(source, options, { ids: plan.fetch, onRaw })) as (Doc & { id: number })[])
        : [];
      // Nothing of this language changed: the snapshot's own list, which the next steps know
      // already (see snapshot.ts), in its order, by id.
      if (!fetched.length && kept.length === snapshot.length && byId(snapshot))
        return { locale, docs: snapshot as Doc[] };
      const docs = [...kept, ...fetched].sort((a, b) => a.id - b.id);
      return { locale, docs: docs as Doc[] };
    }),
  );
  await record(reading, async () => {
    for (const { locale, docs } of byLocale) await writeSnapshot(snapshots, name, locale, docs);
    await writeDependencies(pendingOf(snapshots), name, deps);
  });
  if (plan.mode === 'full') return { byLocale, note: `read in full (${plan.reason})` };
  return {
    byLocale,
    note: `${plan.fetch.length} read, ${plan.keep.size} taken from the last build`,
    kept: plan.keep,
  };
}

/** The site settings in every language: one document, read whole by every build. */
export async function readSettings(reading: Reading): Promise<Loaded<z.output<typeof SiteSettingsSchema>>> {
  const { env, client, snapshots } = reading;
  const byLocale = await Promise.all(
    locales.map(async (locale) => {
      if (env.fromSnapshot) {
        const [doc] = await readSnapshot(snapshots, 'oyu-settings', locale);
        return { locale, docs: [SiteSettingsSchema.parse(doc)] };
      }
      const docs = [await fetchSiteSettings({ ...client, locale })];
      await record(reading, () => writeSnapshot(snapshots, 'oyu-settings', locale, docs));
      return { locale, docs };
    }),
  );
  return { byLocale, note: env.fromSnapshot ? 'from the snapshot' : 'read in full' };
}

/**
 * Refuses a reading of the works that lost more than the allowed share since the last good
 * build, then puts the photos of the documents read (not those taken from the last build) into
 * the media cache. From a snapshot, the cached files are used as they are.
 */
export async function readPhotos<T>(
  reading: Reading,
  name: string,
  loaded: Loaded<T>,
  photosOf: (doc: T) => Media[],
): Promise<MediaCounts> {
  const { env, client, snapshots } = reading;
  if (name === 'oyu-works' && !env.fromSnapshot) {
    checkWorksDrop(
      await readLastGoodBuild(snapshots),
      loaded.byLocale[0]?.docs.length ?? 0,
      env.maxWorksDrop,
    );
  }
  if (env.fromSnapshot) return { downloaded: 0, copied: 0, cached: 0 };
  // Photos are the same files in every language; only their alt texts differ.
  const docs = loaded.byLocale[0]?.docs ?? [];
  const isKept = (doc: T) => {
    const id = (doc as { id?: number }).id;
    return id !== undefined && Boolean(loaded.kept?.has(id));
  };
  return downloadMedia(docs.filter((doc) => !isKept(doc)).flatMap(photosOf), reading.cacheDir, client, {
    known: docs.filter(isKept).flatMap(photosOf),
    localDir: env.cmsMediaDir,
  });
}

const byId = (docs: { id: number }[]) => docs.every((doc, i) => i === 0 || (docs[i - 1]?.id ?? 0) < doc.id);
