import fs from 'node:fs/promises';
import path from 'node:path';
import { type CmsClientOptions, fetchVersions, sources, type VersionIndex } from './cms';
import { readJson } from './jsonFile';

/**
 * Incremental reading of the CMS. A build needs every published document, but after a small
 * edit nearly all of them are what the last good build read. So each build records, beside
 * its snapshot, what it read:
 *
 *   sync.json               the `updatedAt` of every document the public can read, in every
 *                           collection a page shows or a document embeds, taken just before
 *                           the documents were read
 *   <collection>.deps.json  for each document, the documents it embeds (`media:12`)
 *
 * The next build reads the same index again, cheaply: only what changed since (by
 * `updatedAt`) plus a count, which tells whether anything disappeared; if something did,
 * that collection's index is read whole. A document is read again when it is new, when its
 * own `updatedAt` changed, or when a document it embeds changed, appeared or disappeared for
 * the public (a maker's profile published or unpublished, a photo replaced). Every other one
 * is taken from the snapshot. The result is the same as reading everything;
 * scripts/tests/loop/incremental.test.ts compares the two after edits of each kind.
 *
 * The index is only as good as `updatedAt`: Payload sets it on every write through its API,
 * which is the only way Oyu writes. A write that commits after the index was read, with a
 * time just before it, is caught by reading back `margin` before the CMS's time of the last
 * read (`deltaStart`).
 */
export type SyncState = {
  version: 1;
  /** The CMS read and the site's code: either changing means reading everything again. */
  cmsUrl: string;
  code: string;
  takenAt: string;
  indexes: Record<string, VersionIndex>;
  /** The CMS's time when each index was read (see `deltaStart`). */
  readAt?: Record<string, string>;
};

/** The documents each document embeds, as `<collection>:<id>`, by document id. */
export type Dependencies = Record<string, string[]>;

export const syncFile = 'sync.json';
export const depsFile = (name: string) => `${name}.deps.json`;
const margin = 10 * 60_000;

/**
 * The fields through which a document of one collection embeds documents of another, at the
 * depth the site reads (1). scripts/tests/loop/sync.test.ts checks this against the CMS: every
 * populated document in its answers must sit in a field named here.
 */
export const embeds: Record<string, Record<string, string>> = {
  works: {
    artisans: 'artisans',
    photos: 'media',
    editions: 'editions',
    pieceType: 'piece-types',
    materials: 'materials',
    gemstones: 'materials',
    techniques: 'techniques',
  },
  artisans: { portrait: 'media' },
  editions: { heroImage: 'media', venues: 'venues' },
  showcases: { edition: 'editions', works: 'works' },
  // Read at depth 0: an opening hour's edition is an id.
  venues: {},
};

/** Every collection whose documents the site shows or embeds, with the filter it reads them by. */
const indexed: Record<string, Record<string, string>> = {
  ...Object.fromEntries(Object.values(sources).map((source) => [source.collection, source.query])),
  media: {},
  materials: {},
  techniques: {},
  'piece-types': {},
};

/** The documents a document (as the CMS sent it) embeds: its relations and rich-text nodes. */
export function dependenciesOf(collection: string, raw: unknown): string[] {
  const found = new Set<string>();
  const add = (target: string, value: unknown) => {
    const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : value;
    if (typeof id === 'number' || typeof id === 'string') found.add(`${target}:${id}`);
  };
  const doc = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  for (const [field, target] of Object.entries(embeds[collection] ?? {})) {
    const value = doc[field];
    for (const item of Array.isArray(value) ? value : [value]) if (item != null) add(target, item);
  }
  // Lexical's upload and relationship nodes, and internal links (`fields.doc`), name theirs.
  const walk = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (typeof value !== 'object' || value === null) return;
    const node = value as Record<string, unknown>;
    if (typeof node.relationTo === 'string' && 'value' in node) add(node.relationTo, node.value);
    for (const child of Object.values(node)) if (typeof child === 'object') walk(child);
  };
  for (const [field, value] of Object.entries(doc)) if (!(field in (embeds[collection] ?? {}))) walk(value);
  return [...found].sort();
}

async function writeJson(file: string, value: unknown) {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  await fs.writeFile(partial, JSON.stringify(value));
  await fs.rename(partial, file);
}

/**
 * Where the next delta starts: the margin before the CMS's time when the last index was read
 * (a document it did not see was written later, or in a write still open then), or without
 * that time before the index's newest `updatedAt`. From the newest alone, every build listed
 * again whatever was written in the margin before it: at M, the 4,000 photos of the last
 * ten minutes of an import, one second of every build until the next upload.
 */
function deltaStart(index: VersionIndex, readAt: string | undefined): string | undefined {
  let newest = '';
  for (const time of Object.values(index)) if (time > newest) newest = time;
  const ms = Date.parse(readAt ?? newest);
  return Number.isNaN(ms) ? undefined : new Date(ms - margin).toISOString();
}

/**
 * The index of one collection now. From the last one: what changed since, and the count; when
 * the last index and what changed do not add up to the count, something was deleted or hidden
 * (or the CMS was written to meanwhile), and the whole index is read again.
 */
async function refreshIndex(
  collection: string,
  query: Record<string, string>,
  client: CmsClientOptions,
  previous: VersionIndex | undefined,
  previousReadAt: string | undefined,
): Promise<{ index: VersionIndex; whole: boolean; readAt?: string }> {
  const since = previous && deltaStart(previous, previousReadAt);
  if (previous && since) {
    const { versions, count, readAt } = await fetchVersions(collection, query, client, since);
    const index = { ...previous, ...versions };
    if (Object.keys(index).length === count) return { index, whole: false, readAt };
  }
  const { versions, readAt } = await fetchVersions(collection, query, client);
  return { index: versions, whole: true, readAt };
}

export type SyncSession = {
  /** Set when this build reads everything: why. */
  full: string | undefined;
  previous: SyncState | undefined;
  state: SyncState;
  /** Collections whose whole index was read (not only what changed). */
  wholeIndexes: string[];
};

/**
 * Opens a build's reading of the CMS: reads the last state from the snapshot `dir` (unless
 * `incremental` is false), reads the indexes now and records them in `pendingDir`.
 */
export async function openSync(options: {
  dir: string;
  pendingDir: string;
  client: CmsClientOptions;
  code: string;
  incremental: boolean;
}): Promise<SyncSession> {
  const { client, code } = options;
  const cmsUrl = client.baseUrl.replace(/\/$/, '');
  const stored = await readJson<SyncState>(path.join(options.dir, syncFile));
  let full: string | undefined;
  if (!options.incremental) full = 'a full build was asked for';
  else if (stored?.version !== 1) full = 'there is no record of the last build’s reading';
  else if (stored.cmsUrl !== cmsUrl) full = 'the last build read another CMS';
  else if (stored.code !== code) full = 'the site’s code changed';
  const previous = full ? undefined : stored;
  const wholeIndexes: string[] = [];
  const indexes: Record<string, VersionIndex> = {};
  const takenAt = new Date().toISOString();
  // All at once: each is one or two small requests, and one after another the round trips
  // added up (nine collections). The CMS's read queue (cms/src/api/readQueue.ts) takes turns.
  const results = await Promise.all(
    Object.entries(indexed).map(async ([collection, query]) => ({
      collection,
      ...(await refreshIndex(
        collection,
        query,
        client,
        previous?.indexes[collection],
        previous?.readAt?.[collection],
      )),
    })),
  );
  const readAt: Record<string, string> = {};
  for (const { collection, index, whole, readAt: time } of results) {
    indexes[collection] = index;
    if (whole) wholeIndexes.push(collection);
    if (time) readAt[collection] = time;
  }
  const state: SyncState = { version: 1, cmsUrl, code, takenAt, indexes, readAt };
  await writeJson(path.join(options.pendingDir, syncFile), state);
  return { full, previous, state, wholeIndexes };
}

export type CollectionPlan =
  | { mode: 'full'; reason: string }
  | {
      mode: 'partial';
      /** Ids taken from the snapshot, and their dependencies. */
      keep: Set<number>;
      deps: Dependencies;
      /** Ids read from the CMS: new, changed, or embedding something that changed. */
      fetch: number[];
    };

/** Which documents of a collection this build reads again, given the last build's record. */
export function planCollection(
  session: SyncSession,
  collection: string,
  previousDeps: Dependencies | undefined,
): CollectionPlan {
  if (session.full) return { mode: 'full', reason: session.full };
  const before = session.previous?.indexes;
  const now = session.state.indexes;
  const own = now[collection];
  if (!before?.[collection] || !own || !previousDeps)
    return { mode: 'full', reason: `there is no record of the last build’s ${collection}` };
  const changed = (ref: string) => {
    const split = ref.indexOf(':');
    const target = ref.slice(0, split);
    const id = ref.slice(split + 1);
    // A collection the index does not cover (people's accounts) is never shown to the public.
    if (!now[target]) return false;
    return before[target]?.[id] !== now[target]?.[id];
  };
  const keep = new Set<number>();
  const deps: Dependencies = {};
  const fetch: number[] = [];
  for (const [id, updatedAt] of Object.entries(own)) {
    const known = previousDeps[id];
    if (known && before[collection]?.[id] === updatedAt && !known.some(changed)) {
      keep.add(Number(id));
      deps[id] = known;
    } else fetch.push(Number(id));
  }
  return { mode: 'partial', keep, deps, fetch: fetch.sort((a, b) => a - b) };
}

export function readDependencies(dir: string, name: string): Promise<Dependencies | undefined> {
  return readJson<Dependencies>(path.join(dir, depsFile(name)));
}

export function writeDependencies(pendingDir: string, name: string, deps: Dependencies): Promise<void> {
  return writeJson(path.join(pendingDir, depsFile(name)), deps);
}
