import type { CollectionConfig, DatabaseAdapterObj, GlobalConfig } from 'payload';
import { appendCollectionHooks, appendGlobalHook } from '../hooks/appendHooks';
import { carriesCredentials } from './readQueue';

/**
 * The public API's response cache: what an anonymous GET of a published collection or the site
 * settings answered, kept in memory until the next write. The site build, the open data and
 * anyone reading the gallery's API without signing in ask the same questions again and again;
 * Payload answers each one by reading and populating every document anew (every work of a list
 * and every photo of every work, field by field) on the CMS's single thread, so fifty readers
 * at once queue for seconds. From the cache the same answer costs a copy.
 *
 * What keeps it safe:
 *  - only anonymous requests are served from it or stored in it: any `Cookie` or
 *    `Authorization` header, or a method override, goes straight to Payload. What an anonymous
 *    request was answered is what every anonymous request with the same URL gets, because
 *    access control already hid drafts and private fields from it;
 *  - only the read routes of the collections the site publishes and the site settings, listed
 *    below; never photo files, users, versions, previews or anything custom;
 *  - only a 200 that sets no cookie, at most `maxEntryBytes`, up to `API_CACHE_MB` in all
 *    (least recently used first out);
 *  - the key is the full URL (query included) plus the `Origin` and `Accept-Language` headers,
 *    the two other things Payload's answer depends on (CORS headers, messages' language);
 *  - every write empties it: the collections' and the global's change and delete hooks, and
 *    every committed database transaction (the hooks run inside the transaction, so an
 *    answer computed between the hook and the commit would otherwise be kept). An answer whose
 *    computation overlapped a write is handed out once and not kept.
 *
 * Answers are kept as Payload wrote them; Next gzips each one again for readers that accept
 * gzip, which costs little beside computing the answer (docs/performance.notes.md). A kept
 * gzipped copy cannot be sent through Next 16: it drops a route response's `Content-Encoding`
 * header, and then either gzips the body a second time or, with `Cache-Control: no-transform`,
 * sends gzip bytes unlabelled (the nearest upstream report, for API routes:
 * https://github.com/vercel/next.js/issues/49963). Keeping gzipped copies becomes possible once
 * a route's `Content-Encoding` reaches the client: the benchmark's check, which parses the list
 * as fetch unpacks it, tells.
 *
 * It lives in the CMS process, and other processes write too: `pnpm import` while the CMS runs,
 * a second CMS behind the same address. So every committed transaction, in whichever process,
 * also writes a new random stamp into Payload's key-value table (`payload_kv`, key
 * `oyu-public-content`) inside that transaction, and before answering a cacheable request a
 * process reads the stamp, in a read that began after the request arrived: a stamp it did not
 * write empties its cache. So a write committed by any process is in every answer given after it, as
 * it is in the database's own (two CMS processes behind one address, docs/development.md).
 * Requests that arrive together share one read; the read costs a primary-key lookup per request
 * (docs/performance.notes.md has the figure).
 */

type Stored = { status: number; headers: [string, string][]; body: ArrayBuffer };

/** What of Payload's drizzle adapters the stamp needs (both dialects have it). */
type StampAdapter = {
  drizzle: unknown;
  sessions?: Record<string | number, { db: unknown } | undefined>;
  execute: (args: { drizzle: unknown; raw: string }) => Promise<{ rows?: Record<string, unknown>[] }>;
};

type State = {
  generation: number;
  entries: Map<string, Stored>;
  bytes: number;
  inflight: Map<string, Promise<Stored | undefined>>;
  /** The database the stamp is read from: the last Payload this process started. */
  adapter?: StampAdapter;
  /** The stamp as this process last saw or wrote it. */
  stamp?: string;
  /** The read of the stamp under way, and the one that follows it for requests that came since. */
  checking?: Promise<void>;
  nextCheck?: Promise<void>;
};

const contentStampKey = 'oyu-public-content';

const stateKey = Symbol.for('oyu.publicApiCache');
/** One per process, wherever Next.js bundles this module (route handlers, admin, jobs). */
function state(): State {
  const holder = globalThis as typeof globalThis & { [stateKey]?: State };
  holder[stateKey] ??= { generation: 0, entries: new Map(), bytes: 0, inflight: new Map() };
  return holder[stateKey];
}

/** Empties the cache: called on every write the public could see. */
export function invalidatePublicCache(): void {
  const s = state();
  s.generation += 1;
  s.entries.clear();
  s.bytes = 0;
}

/** Stamp and key are made here (a UUID and a constant), so the statement carries no outside text. */
const writeStampSql = (stamp: string) =>
  `INSERT INTO "payload_kv" ("key", "data") VALUES ('${contentStampKey}', '${JSON.stringify({ stamp })}') ` +
  `ON CONFLICT ("key") DO UPDATE SET "data" = excluded."data"`;
const readStampSql = `SELECT "data" FROM "payload_kv" WHERE "key" = '${contentStampKey}'`;

/** The stamp in the database; undefined when there is none yet. */
async function readStamp(adapter: StampAdapter): Promise<string | undefined> {
  const { rows = [] } = await adapter.execute({ drizzle: adapter.drizzle, raw: readStampSql });
  const data = rows[0]?.data;
  // SQLite keeps JSON as text, PostgreSQL as jsonb.
  const value =
    typeof data === 'string' ? (JSON.parse(data) as { stamp?: unknown }) : (data as { stamp?: unknown });
  return typeof value?.stamp === 'string' ? value.stamp : undefined;
}

/**
 * Empties the cache if another process has committed a write since this one last looked. The
 * read must begin after the request arrived: one already under way may have read the stamp
 * before a write this request should see, so a request arriving during it waits for the next
 * read, which every request arriving meanwhile shares.
 */
function followOtherWriters(s: State): Promise<void> {
  const adapter = s.adapter;
  if (!adapter) return Promise.resolve();
  if (s.checking) {
    s.nextCheck ??= s.checking.then(() => {
      s.nextCheck = undefined;
      return followOtherWriters(s);
    });
    return s.nextCheck;
  }
  const checking = (async () => {
    try {
      const stamp = await readStamp(adapter);
      if (stamp === undefined || stamp !== s.stamp) invalidatePublicCache();
      s.stamp = stamp;
    } catch {
      // Nothing can be known: keep nothing. The request itself will meet the same database.
      invalidatePublicCache();
    }
  })().finally(() => {
    s.checking = undefined;
  });
  s.checking = checking;
  return checking;
}

/** How many answers it holds and their size, for tests and the benchmark. */
export function publicCacheStats(): { entries: number; bytes: number; generation: number } {
  const s = state();
  return { entries: s.entries.size, bytes: s.bytes, generation: s.generation };
}

export const maxEntryBytes = 4 * 1024 * 1024;

/** `/api/<collection>` and `/api/<collection>/<id>` of these, and `/api/globals/site-settings`. */
export const cachedCollections = [
  'works',
  'artisans',
  'media',
  'editions',
  'showcases',
  'venues',
  'materials',
  'techniques',
  'piece-types',
] as const;
const cachedPath = new RegExp(
  `^/api/(?:(?:${cachedCollections.join('|')})(?:/[A-Za-z0-9_-]+)?|globals/site-settings)/?$`,
);
/** Payload's own sub-routes under a collection, which an id-shaped segment would also match. */
const subRoutes = new Set(['versions', 'count', 'me', 'access', 'init', 'file', 'paste-url']);

/** Whether this request may be answered from, and its answer stored in, the cache. */
export function cacheable(request: Request): boolean {
  if (request.method !== 'GET') return false;
  const headers = request.headers;
  if (carriesCredentials(request)) return false;
  if (headers.has('x-http-method-override') || headers.has('x-payload-http-method-override')) return false;
  const { pathname } = new URL(request.url);
  if (!cachedPath.test(pathname)) return false;
  const last = pathname.replace(/\/$/, '').split('/').at(-1) ?? '';
  return !subRoutes.has(last);
}

function keyOf(request: Request): string {
  const url = new URL(request.url);
  return [
    url.pathname,
    url.search,
    request.headers.get('origin') ?? '',
    request.headers.get('accept-language') ?? '',
  ].join('\n');
}

async function store(response: Response): Promise<Stored | undefined> {
  if (response.status !== 200 || response.headers.has('set-cookie')) return undefined;
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > maxEntryBytes) return undefined;
  const body = await response.arrayBuffer();
  return { status: response.status, headers: [...response.headers.entries()], body };
}

function respond(stored: Stored, verdict: 'HIT' | 'MISS'): Response {
  const headers = new Headers(stored.headers);
  headers.set('X-Oyu-Cache', verdict);
  return new Response(stored.body.slice(0), { status: stored.status, headers });
}

function keep(s: State, key: string, stored: Stored, limitBytes: number) {
  const size = stored.body.byteLength + key.length;
  if (size > maxEntryBytes || size > limitBytes) return;
  s.entries.set(key, stored);
  s.bytes += size;
  // Least recently used first: a Map iterates in insertion order, and a hit re-inserts.
  for (const [oldKey, old] of s.entries) {
    if (s.bytes <= limitBytes) break;
    s.entries.delete(oldKey);
    s.bytes -= old.body.byteLength + oldKey.length;
  }
}

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/**
 * Wraps Payload's REST GET handler (app/(payload)/api/[...slug]/route.ts). `limitBytes` 0
 * turns the cache off: every request goes to Payload, as without the wrapper.
 */
export function withPublicCache<C>(handler: Handler<C>, limitBytes: number): Handler<C> {
  if (limitBytes <= 0) return handler;
  return async (request, context) => {
    if (!cacheable(request)) return handler(request, context);
    const s = state();
    const key = keyOf(request);
    // Every answer starts with a look at the stamp: one from memory must not predate another
    // process's write, and one computed now is kept only if no look finds another writer
    // meanwhile (the look first, so a write seen late does not discard a fresh answer).
    await followOtherWriters(s);
    const hit = s.entries.get(key);
    if (hit) {
      s.entries.delete(key);
      s.entries.set(key, hit);
      return respond(hit, 'HIT');
    }
    // Requests for the same answer at the same time wait for one computation, not fifty.
    const generation = s.generation;
    const flightKey = `${generation}\n${key}`;
    const pending = s.inflight.get(flightKey);
    if (pending) {
      const shared = await pending;
      if (shared) return respond(shared, 'HIT');
      return handler(request, context);
    }
    let settle: (value: Stored | undefined) => void = () => {};
    s.inflight.set(
      flightKey,
      new Promise((resolve) => {
        settle = resolve;
      }),
    );
    try {
      const response = await handler(request, context);
      const stored = await store(response.clone()).catch(() => undefined);
      // A write during the computation may or may not be in this answer: hand it out, keep nothing.
      const current = s.generation === generation ? stored : undefined;
      settle(current);
      if (current) keep(s, key, current, limitBytes);
      const headers = new Headers(response.headers);
      headers.set('X-Oyu-Cache', 'MISS');
      return new Response(response.body, { status: response.status, headers });
    } catch (error) {
      settle(undefined);
      throw error;
    } finally {
      s.inflight.delete(flightKey);
    }
  };
}

/**
 * The database adapter with every committed transaction emptying the cache: the write is
 * visible to readers from then on, so nothing read before it may be served after it. Each
 * transaction writes a new stamp just before it commits, so other processes learn of it.
 *
 * Wraps the adapter's `commitTransaction` because Payload has no hook that runs after a commit
 * (`afterChange` runs inside the transaction: https://github.com/payloadcms/payload/issues/5886).
 * Move the emptying into such a hook once Payload has one (the stamp still belongs inside the
 * transaction); the "writes empty it" and "writes by another process" tests of
 * cms/tests/int/publicCache.test.ts tell whether the replacement holds.
 */
export function invalidatesOnCommit(adapterObj: DatabaseAdapterObj): DatabaseAdapterObj {
  return {
    ...adapterObj,
    init: (args) => {
      // A new Payload (a new database) starts with nothing from the last one.
      invalidatePublicCache();
      const adapter = adapterObj.init(args);
      const stampAdapter = adapter as unknown as StampAdapter;
      const s = state();
      s.adapter = stampAdapter;
      s.stamp = undefined;
      const commit = adapter.commitTransaction.bind(adapter);
      adapter.commitTransaction = async (id) => {
        const session = stampAdapter.sessions?.[await id];
        const stamp = crypto.randomUUID();
        // In the transaction: the stamp commits with the write or not at all. A failure here
        // fails the write loudly (PostgreSQL would turn the COMMIT of a failed transaction into
        // a silent rollback).
        if (session) await stampAdapter.execute({ drizzle: session.db, raw: writeStampSql(stamp) });
        try {
          await commit(id);
          if (session) state().stamp = stamp;
        } finally {
          invalidatePublicCache();
        }
      };
      return adapter;
    },
  };
}

const invalidateAfterWrite = ({ doc }: { doc: unknown }) => {
  invalidatePublicCache();
  return doc;
};

/** Adds the emptying hooks to a collection the public reads. */
export function invalidatesPublicCache(collection: CollectionConfig): CollectionConfig {
  return appendCollectionHooks(collection, {
    afterChange: invalidateAfterWrite,
    afterDelete: invalidateAfterWrite,
  });
}

export function invalidatesPublicCacheGlobal(global: GlobalConfig): GlobalConfig {
  return appendGlobalHook(global, invalidateAfterWrite);
}
