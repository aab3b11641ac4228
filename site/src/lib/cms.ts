import fs from 'node:fs/promises';
import path from 'node:path';
import {
  type Artisan,
  ArtisanSchema,
  type Edition,
  EditionSchema,
  type ImageSize,
  type Media,
  mapLimit,
  PaginatedSchema,
  type PreviewDocument,
  PreviewDocumentSchema,
  type PreviewRefusal,
  PreviewRefusalSchema,
  type Showcase,
  ShowcaseSchema,
  type SiteSettings,
  SiteSettingsSchema,
  type Venue,
  VenueSchema,
  type Work,
  WorkSchema,
} from '@oyu/shared-types';
import type { z } from 'zod';

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
    // Join fields (an artisan's works, an edition's collections) are rebuilt by the site
    // from the documents themselves; skipping them keeps responses small.
    joins: 'false',
    ...query,
  });
  return `${options.baseUrl}/api/${collection}?${params}`;
}

/**
 * Every document of a collection, checked against `schema`. The first page tells how many
 * pages there are; the rest are fetched in parallel, so a build makes N / pageSize requests.
 */
export async function fetchAll<S extends z.ZodType>(
  collection: string,
  kind: string,
  schema: S,
  clientOptions: CmsClientOptions,
  query: Record<string, string> = {},
): Promise<z.output<S>[]> {
  const options = resolve(clientOptions);
  const readPage = async (page: number) => {
    const url = listUrl(options, collection, page, query);
    const envelope = PaginatedSchema.safeParse(await getJson(url, options));
    if (!envelope.success) {
      throw new CmsError(
        `The CMS answered ${url} with an unexpected list: ${formatIssues(envelope.error.issues)}`,
      );
    }
    return envelope.data;
  };
  const first = await readPage(1);
  const rest = await mapLimit(
    Array.from({ length: Math.max(0, first.totalPages - 1) }, (_, i) => i + 2),
    options.concurrency,
    readPage,
  );
  const raw = [first, ...rest].flatMap((page) => page.docs);
  if (raw.length !== first.totalDocs) {
    throw new CmsError(
      `The CMS listed ${first.totalDocs} ${collection} but returned ${raw.length}: ` +
        'documents changed during the build. Run the build again.',
    );
  }
  const problems: string[] = [];
  const docs: z.output<S>[] = [];
  for (const doc of raw) {
    const parsed = schema.safeParse(doc);
    if (parsed.success) docs.push(parsed.data);
    else problems.push(`${describeDocument(kind, doc)}: ${formatIssues(parsed.error.issues)}`);
  }
  if (problems.length) {
    throw new CmsError(
      `${problems.length} ${collection} from the CMS cannot be published as they are:\n  ` +
        problems.join('\n  '),
    );
  }
  return docs;
}

export function fetchArtisans(options: CmsClientOptions): Promise<Artisan[]> {
  return fetchAll('artisans', 'artisan', ArtisanSchema, options, { 'where[_status][equals]': 'published' });
}

/** Published works only: the public API hides drafts already, the query says so as well. */
export function fetchWorks(options: CmsClientOptions): Promise<Work[]> {
  return fetchAll('works', 'work', WorkSchema, options, { 'where[_status][equals]': 'published' });
}

const published = { 'where[_status][equals]': 'published' };

export function fetchEditions(options: CmsClientOptions): Promise<Edition[]> {
  return fetchAll('editions', 'edition', EditionSchema, options, published);
}

export function fetchShowcases(options: CmsClientOptions): Promise<Showcase[]> {
  // Depth 0 keeps the works as ids in the curator's order; the edition is populated at 1.
  return fetchAll('showcases', 'collection', ShowcaseSchema, options, published);
}

export function fetchVenues(options: CmsClientOptions): Promise<Venue[]> {
  return fetchAll('venues', 'venue', VenueSchema, options);
}

/** The site-settings global, checked like any document. */
export async function fetchSiteSettings(clientOptions: CmsClientOptions): Promise<SiteSettings> {
  const options = resolve(clientOptions);
  const params = new URLSearchParams({ depth: '0', locale: options.locale, 'fallback-locale': 'en' });
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

/**
 * Copies the renditions of these photos from the CMS into `cacheDir`, once: a file already
 * there with the expected size is kept. Files are written aside and renamed into place, so an
 * interrupted download never leaves a truncated photo behind.
 */
export async function downloadMedia(
  media: Media[],
  cacheDir: string,
  clientOptions: CmsClientOptions,
): Promise<{ downloaded: number; cached: number }> {
  const options = resolve(clientOptions);
  await fs.mkdir(cacheDir, { recursive: true });
  const files = new Map<string, ImageSize & { filename: string; url: string }>();
  for (const item of media) for (const size of renditions(item)) files.set(size.filename, size);
  let downloaded = 0;
  let cached = 0;
  await mapLimit([...files.values()], options.concurrency * 2, async (size) => {
    if (path.basename(size.filename) !== size.filename || size.filename === '.' || size.filename === '..') {
      throw new CmsError(`The CMS named a photo file "${size.filename}", which is not a plain file name`);
    }
    const target = path.join(cacheDir, size.filename);
    const stat = await fs.stat(target).catch(() => null);
    if (stat && (size.filesize == null || stat.size === size.filesize)) {
      cached += 1;
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
    const partial = `${target}.${process.pid}.partial`;
    await fs.writeFile(partial, body);
    await fs.rename(partial, target);
    downloaded += 1;
  });
  return { downloaded, cached };
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
