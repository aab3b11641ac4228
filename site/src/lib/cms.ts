import { randomUUID } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  type Artisan,
  type Edition,
  type ImageSize,
  linkTargets,
  type Media,
  mapLimit,
  PaginatedSchema,
  type PreviewDocument,
  PreviewDocumentSchema,
  type PreviewRefusal,
  PreviewRefusalSchema,
  type ReadModel,
  readModels,
  type Showcase,
  type SiteSettings,
  SiteSettingsSchema,
  type Venue,
  type Work,
} from '@oyu/shared-types';
import { z } from 'zod';

/**
 * The one module that talks to the CMS. It reads published documents through the public
 * REST API (no admin key), page by page, checks every document against the shared schemas,
 * and turns every failure into a message that names the URL or the document and field.
 */

export class CmsError extends Error {
  override name = 'CmsError';
}

export type CmsClientOptions = {
  /** The CMS address, e.g. http://localhost:3000. */
  baseUrl: string;
  /** Documents per request. */
  pageSize?: number;
  /** Further attempts after a transient failure (network error, 429, 5xx). */
  retries?: number;
  /** First retry delay; doubles on each attempt. */
  retryDelayMs?: number;
  /** Requests in flight at once. */
  concurrency?: number;
  /** Time allowed for one request. */
  timeoutMs?: number;
  locale?: string;
};

type Resolved = Required<CmsClientOptions>;

function resolve(options: CmsClientOptions): Resolved {
  // An option passed as `undefined` keeps its default rather than erasing it.
  const given = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
  return {
    pageSize: 100,
    retries: 3,
    retryDelayMs: 250,
    concurrency: 4,
    timeoutMs: 30_000,
    locale: 'en',
    ...given,
    baseUrl: options.baseUrl.replace(/\/$/, ''),
  };
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

function isTransientStatus(status: number) {
  return status === 408 || status === 429 || status >= 500;
}

/** GET with retries on transient failures. Anything else fails at once with a clear message. */
async function request(url: string, options: Resolved): Promise<Response> {
  let lastProblem = '';
  for (let attempt = 0; attempt <= options.retries; attempt += 1) {
    if (attempt > 0) await sleep(options.retryDelayMs * 2 ** (attempt - 1));
    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs) });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      lastProblem = cause?.code ?? cause?.message ?? (error as Error).message;
      continue;
    }
    if (response.ok) return response;
    if (!isTransientStatus(response.status)) {
      const body = await response.text().catch(() => '');
      throw new CmsError(
        `The CMS refused ${url} with HTTP ${response.status}${body ? `: ${body.slice(0, 300)}` : ''}`,
      );
    }
    lastProblem = `HTTP ${response.status}`;
    await response.body?.cancel();
  }
  const verb = lastProblem.startsWith('HTTP') ? 'kept failing' : 'did not answer';
  throw new CmsError(
    `The CMS ${verb} at ${url} (${lastProblem}, ${options.retries + 1} attempts). ` +
      'Check that it is running and that CMS_URL points to it.',
  );
}

async function getJson(url: string, options: Resolved): Promise<unknown> {
  const response = await request(url, options);
  const text = await response.text().catch((error: Error) => {
    throw new CmsError(`The CMS broke off its answer to ${url}: ${error.message}`);
  });
  try {
    return JSON.parse(text);
  } catch {
    throw new CmsError(`The CMS answered ${url} with something that is not JSON: ${text.slice(0, 200)}`);
  }
}

/** How a document is named in error messages: `work "silver-cuff" (id 12)`. */
export function describeDocument(kind: string, raw: unknown): string {
  const doc = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const slug = typeof doc.slug === 'string' ? ` "${doc.slug}"` : '';
  const id = doc.id !== undefined ? ` (id ${String(doc.id)})` : '';
  return `${kind}${slug}${id}`;
}

function formatIssues(issues: z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const field = issue.path.length ? issue.path.join('.') : '(document)';
      return `${field}: ${issue.message}`;
    })
    .join('; ');
}

function listUrl(options: Resolved, collection: string, page: number, query: Record<string, string>) {
  const params = new URLSearchParams({
    limit: String(options.pageSize),
    page: String(page),
    depth: '1',
    locale: options.locale,
    'fallback-locale': 'en',
    sort: 'id',
    ...query,
  });
  return `${options.baseUrl}/api/${collection}?${params}`;
}

async function readList(url: string, options: Resolved) {
  const envelope = PaginatedSchema.safeParse(await getJson(url, options));
  if (!envelope.success) {
    throw new CmsError(
      `The CMS answered ${url} with an unexpected list: ${formatIssues(envelope.error.issues)}`,
    );
  }
  return envelope.data;
}

/** Every page of a list: the first tells how many there are; the rest are read in parallel. */
async function readAllPages(options: Resolved, url: (page: number) => string) {
  const first = await readList(url(1), options);
  const rest = await mapLimit(
    Array.from({ length: Math.max(0, first.totalPages - 1) }, (_, i) => i + 2),
    options.concurrency,
    (page) => readList(url(page), options),
  );
  const docs = [first, ...rest].flatMap((page) => page.docs);
  return { docs, totalDocs: first.totalDocs };
}

/**
 * How a build asks for a collection (shared-types' `readModels`): published documents only
 * where there are drafts, join fields turned off one by one (they would bring whole documents
 * with every answer, and REST's `joins=false` alone turns off nothing), and only the fields the
 * schemas read of embedded documents (Payload's `populate`): without it every maker of a work
 * would bring their own works, every edition twenty more.
 */
function queryOf(model: ReadModel): Record<string, string> {
  return {
    ...(model.drafts ? { 'where[_status][equals]': 'published' } : {}),
    ...Object.fromEntries(model.withoutJoins.map((field) => [`joins[${field}]`, 'false'])),
    ...populateQuery(model.populate),
    ...(model.depth === 0 ? { depth: '0' } : {}),
  };
}

function populateQuery(populate: ReadModel['populate']): Record<string, string> {
  return Object.fromEntries(
    Object.entries(populate).flatMap(([collection, fields]) =>
      fields.map((field) => [`populate[${collection}][${field}]`, 'true']),
    ),
  );
}

/** How the site reads one collection: where, with what filter, checked by which schema. */
export type Source<S extends z.ZodType = z.ZodType> = {
  /** The API collection, e.g. `works`. */
  collection: string;
  /** How a document is named in messages. */
  kind: string;
  schema: S;
  query: Record<string, string>;
};

const sourceOf = <S extends z.ZodType>(model: ReadModel<S>): Source<S> => ({
  collection: model.collection,
  kind: model.kind,
  schema: model.schema,
  query: queryOf(model),
});

export const sources = {
  artisans: sourceOf(readModels.artisans),
  works: sourceOf(readModels.works),
  editions: sourceOf(readModels.editions),
  showcases: sourceOf(readModels.showcases),
  venues: sourceOf(readModels.venues),
};

/**
 * The address of one page of a collection's list, exactly as a build asks for it (the bench
 * measures the CMS with it).
 */
export function sourceListUrl(source: Source, clientOptions: CmsClientOptions, page = 1): string {
  return listUrl(resolve(clientOptions), source.collection, page, source.query);
}

export type FetchOptions = {
  /** Only these documents (`where[id][in]`), when the rest is known from the last build. */
  ids?: number[];
  /** Sees every document as the CMS sent it, before the schema checks it. */
  onRaw?: (doc: unknown) => void;
  /**
   * Leaves out a document the schema refuses, and tells this function why, instead of failing
   * (the draft preview: other documents, valid or not, must not keep a draft from showing).
   */
  skipInvalid?: (problem: string) => void;
};

/**
 * Every document of a collection (or the ones named by `ids`), checked against its schema.
 * A build makes N / pageSize requests.
 */
export async function fetchSource<S extends z.ZodType>(
  source: Source<S>,
  clientOptions: CmsClientOptions,
  fetchOptions: FetchOptions = {},
): Promise<z.output<S>[]> {
  const options = resolve(clientOptions);
  const { collection, kind, schema, query } = source;
  let raw: unknown[];
  if (fetchOptions.ids) {
    const chunks: number[][] = [];
    for (let i = 0; i < fetchOptions.ids.length; i += options.pageSize)
      chunks.push(fetchOptions.ids.slice(i, i + options.pageSize));
    const pages = await mapLimit(chunks, options.concurrency, (ids) =>
      readList(listUrl(options, collection, 1, { ...query, 'where[id][in]': ids.join(',') }), options),
    );
    raw = pages.flatMap((page) => page.docs);
    if (raw.length !== fetchOptions.ids.length) {
      throw new CmsError(
        `The CMS returned ${raw.length} of the ${fetchOptions.ids.length} ${collection} asked for by id: ` +
          'documents changed during the build. Run the build again.',
      );
    }
  } else {
    const all = await readAllPages(options, (page) => listUrl(options, collection, page, query));
    raw = all.docs;
    if (raw.length !== all.totalDocs) {
      throw new CmsError(
        `The CMS listed ${all.totalDocs} ${collection} but returned ${raw.length}: ` +
          'documents changed during the build. Run the build again.',
      );
    }
  }
  const problems: string[] = [];
  const docs: z.output<S>[] = [];
  for (const doc of raw) {
    fetchOptions.onRaw?.(doc);
    const parsed = schema.safeParse(doc);
    if (parsed.success) docs.push(parsed.data);
    else {
      const id = (doc as { id?: unknown } | null)?.id;
      const link = id === undefined ? '' : ` (${adminUrl(options.baseUrl, collection, id)})`;
      problems.push(`${describeDocument(kind, doc)}: ${formatIssues(parsed.error.issues)}${link}`);
    }
  }
  if (problems.length && fetchOptions.skipInvalid)
    for (const problem of problems) fetchOptions.skipInvalid(problem);
  else if (problems.length) throw new CmsError(unbuildableMessage(collection, problems));
  return docs;
}

/** Where a curator fixes a document: its page in the CMS's admin. */
export function adminUrl(baseUrl: string, collection: string, id: unknown): string {
  return `${baseUrl}/admin/collections/${collection}/${encodeURIComponent(String(id))}`;
}

/**
 * A build stops on a published document it cannot render (docs/publishing.md says why): the
 * first line names the documents and where to fix them, as the CLI, the admin's Site page and
 * the build history show it; every document follows on a line of its own.
 */
function unbuildableMessage(collection: string, problems: string[]): string {
  const shown = 3;
  const more = problems.length > shown ? `; and ${problems.length - shown} more, listed below` : '';
  return (
    `The CMS sent ${problems.length} published ${collection} that the site cannot build: ` +
    `${problems.slice(0, shown).join('; ')}${more}. Fix or unpublish them in the admin, then build again.` +
    (problems.length > shown ? `\n  ${problems.join('\n  ')}` : '')
  );
}

/** Every document of any collection, checked against `schema` (tests, tools). */
export function fetchAll<S extends z.ZodType>(
  collection: string,
  kind: string,
  schema: S,
  clientOptions: CmsClientOptions,
  query: Record<string, string> = {},
): Promise<z.output<S>[]> {
  return fetchSource({ collection, kind, schema, query }, clientOptions);
}

/** What changed when: a document's id and `updatedAt`. */
export type VersionIndex = Record<string, string>;

const VersionSchema = z.object({ id: z.union([z.number(), z.string()]), updatedAt: z.string() });

/**
 * The id and `updatedAt` of the documents of a collection the public can read, matching
 * `query`; with `since`, only those changed after it. `count` is how many match `query` in all.
 */
export async function fetchVersions(
  collection: string,
  query: Record<string, string>,
  clientOptions: CmsClientOptions,
  since?: string,
): Promise<{ versions: VersionIndex; count: number }> {
  const options = resolve(clientOptions);
  const filter = Object.fromEntries(Object.entries(query).filter(([key]) => key.startsWith('where[')));
  const url = (page: number, extra: Record<string, string>, limit = 1000) =>
    listUrl(options, collection, page, {
      ...filter,
      ...extra,
      limit: String(limit),
      depth: '0',
      'select[updatedAt]': 'true',
    });
  const changed: Record<string, string> = since ? { 'where[updatedAt][greater_than]': since } : {};
  const [all, count] = await Promise.all([
    readAllPages(options, (page) => url(page, changed)),
    since ? readList(url(1, {}, 1), options).then((page) => page.totalDocs) : undefined,
  ]);
  const versions: VersionIndex = {};
  for (const doc of all.docs) {
    const parsed = VersionSchema.safeParse(doc);
    if (!parsed.success) {
      throw new CmsError(
        `The CMS listed a ${collection} document without an id and updatedAt: ${JSON.stringify(doc).slice(0, 200)}`,
      );
    }
    versions[String(parsed.data.id)] = parsed.data.updatedAt;
  }
  return { versions, count: count ?? all.totalDocs };
}

export function fetchArtisans(options: CmsClientOptions): Promise<Artisan[]> {
  return fetchSource(sources.artisans, options);
}

export function fetchWorks(options: CmsClientOptions): Promise<Work[]> {
  return fetchSource(sources.works, options);
}

export function fetchEditions(options: CmsClientOptions): Promise<Edition[]> {
  return fetchSource(sources.editions, options);
}

export function fetchShowcases(options: CmsClientOptions): Promise<Showcase[]> {
  return fetchSource(sources.showcases, options);
}

export function fetchVenues(options: CmsClientOptions): Promise<Venue[]> {
  return fetchSource(sources.venues, options);
}

/** The site-settings global, checked like any document. */
export async function fetchSiteSettings(clientOptions: CmsClientOptions): Promise<SiteSettings> {
  const options = resolve(clientOptions);
  // Depth 1 for the documents the about text links to (their pages' addresses).
  const params = new URLSearchParams({
    depth: '1',
    locale: options.locale,
    'fallback-locale': 'en',
    ...populateQuery(linkTargets),
  });
  const url = `${options.baseUrl}/api/globals/site-settings?${params}`;
  const parsed = SiteSettingsSchema.safeParse(await getJson(url, options));
  if (!parsed.success) throw new CmsError(`site settings: ${formatIssues(parsed.error.issues)}`);
  return parsed.data;
}

/** Every rendition of a photo the site may reference (not the original upload). */
export function renditions(media: Media): (ImageSize & { filename: string; url: string })[] {
  return Object.values(media.sizes ?? {}).filter(
    (size): size is ImageSize & { filename: string; url: string } => Boolean(size?.filename && size.url),
  );
}

export type MediaSources = {
  /**
   * Photos of documents taken unchanged from the last good build, whose files were checked
   * then: only looked up by name, in one read of the folder. A site of 20,000 photos would
   * otherwise check 160,000 file sizes on every build.
   */
  known?: Media[];
  /**
   * The CMS's own photo folder, when it is on this machine (its MEDIA_DIR): a rendition is
   * copied from there rather than fetched over HTTP, one request per file. Only the files the
   * public API named are read, so nothing unpublished is reached. A file missing there, or not
   * the size the CMS gives, is fetched as usual. Copied, never linked: the CMS may rewrite a
   * file in place, and a link would change the live site's photo with it.
   */
  localDir?: string | undefined;
};

export type MediaCounts = { downloaded: number; copied: number; cached: number };

/**
 * Puts the renditions of these photos into `cacheDir`, once: a file already there with the
 * expected size is kept. Each comes from the CMS's folder when `sources.localDir` is given,
 * else over HTTP. Files are written aside and renamed into place, so an interrupted build never
 * leaves a truncated photo behind.
 */
export async function downloadMedia(
  media: Media[],
  cacheDir: string,
  clientOptions: CmsClientOptions,
  sources: MediaSources = {},
): Promise<MediaCounts> {
  const options = resolve(clientOptions);
  const known = sources.known ?? [];
  await fs.mkdir(cacheDir, { recursive: true });
  const files = new Map<string, ImageSize & { filename: string; url: string }>();
  for (const item of media) for (const size of renditions(item)) files.set(size.filename, size);
  let present = 0;
  if (known.length) {
    const names = new Set(await fs.readdir(cacheDir));
    const found = new Set<string>();
    for (const item of known) {
      for (const size of renditions(item)) {
        // Also shown by a document read this time: checked in full like the rest of `files`.
        if (files.has(size.filename) || found.has(size.filename)) continue;
        if (names.has(size.filename)) found.add(size.filename);
        else files.set(size.filename, size);
      }
    }
    present = found.size;
  }
  const counts: MediaCounts = { downloaded: 0, copied: 0, cached: present };
  await mapLimit([...files.values()], options.concurrency * 2, async (size) => {
    if (path.basename(size.filename) !== size.filename || size.filename === '.' || size.filename === '..') {
      throw new CmsError(`The CMS named a photo file "${size.filename}", which is not a plain file name`);
    }
    const target = path.join(cacheDir, size.filename);
    const stat = await fs.stat(target).catch(() => null);
    if (stat && (size.filesize == null || stat.size === size.filesize)) {
      counts.cached += 1;
      return;
    }
    // Unique: two collections may show the same photo, and their loaders run at once.
    const partial = `${target}.${process.pid}.${randomUUID()}.partial`;
    if (sources.localDir && (await copyLocal(path.join(sources.localDir, size.filename), partial, size))) {
      await fs.rename(partial, target);
      counts.copied += 1;
      return;
    }
    // The CMS writes absolute URLs with its own serverURL; fetch the same path from CMS_URL.
    const location = new URL(size.url, `${options.baseUrl}/`);
    const url = `${options.baseUrl}${location.pathname}${location.search}`;
    const response = await request(url, options);
    const body = Buffer.from(
      await response.arrayBuffer().catch((error: Error) => {
        throw new CmsError(`The CMS broke off sending ${url}: ${error.message}`);
      }),
    );
    if (size.filesize != null && body.length !== size.filesize) {
      throw new CmsError(`The photo ${url} arrived with ${body.length} bytes, the CMS said ${size.filesize}`);
    }
    await fs.writeFile(partial, body);
    await fs.rename(partial, target);
    counts.downloaded += 1;
  });
  return counts;
}

/**
 * Copies the CMS's own file of a rendition to `partial`; false (and nothing left behind) when
 * there is no such file or it is not the size the CMS gives, also when it changed mid-copy.
 */
async function copyLocal(source: string, partial: string, size: ImageSize): Promise<boolean> {
  const sized = (stat: { size: number; isFile(): boolean } | null) =>
    Boolean(stat?.isFile() && (size.filesize == null || stat.size === size.filesize));
  if (!sized(await fs.stat(source).catch(() => null))) return false;
  try {
    // A copy-on-write clone where the file system offers one, a plain copy elsewhere.
    await fs.copyFile(source, partial, fsConstants.COPYFILE_FICLONE);
    if (sized(await fs.stat(partial))) return true;
  } catch {
    // Gone or unreadable since it was looked at: fetched over HTTP instead.
  }
  await fs.rm(partial, { force: true });
  return false;
}

/** Draft preview: the document a signed link shows, or why the CMS refuses the link. */
export type PreviewAnswer =
  | { ok: true; preview: PreviewDocument }
  | { ok: false; status: number; code: PreviewRefusal | 'unavailable'; message: string };

/**
 * The document behind a preview link, in `options.locale`. The link is the permission: the
 * CMS checks its signature and expiry and reads the draft with its maker's rights.
 */
export async function fetchPreviewDocument(
  token: string,
  clientOptions: CmsClientOptions,
): Promise<PreviewAnswer> {
  const options = resolve(clientOptions);
  const url = `${options.baseUrl}/api/preview/document?${new URLSearchParams({ token, locale: options.locale })}`;
  const unavailable = (message: string): PreviewAnswer => ({
    ok: false,
    status: 503,
    code: 'unavailable',
    message,
  });
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs) });
  } catch (error) {
    return unavailable(`The CMS did not answer at ${options.baseUrl} (${(error as Error).message}).`);
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) {
    const parsed = PreviewDocumentSchema.safeParse(body);
    if (parsed.success) return { ok: true, preview: parsed.data };
    return unavailable(
      `The CMS answered a preview with something unexpected: ${formatIssues(parsed.error.issues)}`,
    );
  }
  const refusal = PreviewRefusalSchema.safeParse(body);
  if (refusal.success) return { ok: false, status: response.status, ...refusal.data.error };
  return unavailable(`The CMS answered a preview with HTTP ${response.status}.`);
}

/** A photo a preview page shows, fetched from the CMS with that page's link. */
export async function fetchPreviewMedia(
  token: string,
  filename: string,
  clientOptions: CmsClientOptions,
): Promise<Response> {
  const options = resolve(clientOptions);
  const url = `${options.baseUrl}/api/preview/media/${encodeURIComponent(filename)}?${new URLSearchParams({ token })}`;
  try {
    return await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs) });
  } catch {
    return new Response('The CMS did not answer.', { status: 503 });
  }
}
