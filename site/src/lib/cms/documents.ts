import {
  type Artisan,
  type Edition,
  linkTargets,
  mapLimit,
  type Showcase,
  type SiteSettings,
  SiteSettingsSchema,
  type Venue,
  type Work,
} from '@oyu/shared-types';
import type { z } from 'zod';
import { listUrl, populateQuery, readAllPages, readList, type Source, sources } from './lists';
import {
  type CmsClientOptions,
  CmsError,
  describeDocument,
  formatIssues,
  getJson,
  type Resolved,
  resolve,
} from './request';

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
  const raw = fetchOptions.ids
    ? await readByIds(source, fetchOptions.ids, options)
    : await readEvery(source, options);
  return checkDocuments(raw, source, options.baseUrl, fetchOptions);
}

/** The documents named by `ids`, a page of ids per request; all of them, or an error. */
async function readByIds({ collection, query }: Source, ids: number[], options: Resolved) {
  const chunks: number[][] = [];
  for (let i = 0; i < ids.length; i += options.pageSize) chunks.push(ids.slice(i, i + options.pageSize));
  const pages = await mapLimit(chunks, options.concurrency, (chunk) =>
    readList(listUrl(options, collection, 1, { ...query, 'where[id][in]': chunk.join(',') }), options),
  );
  const raw = pages.flatMap((page) => page.docs);
  if (raw.length !== ids.length) {
    throw new CmsError(
      `The CMS returned ${raw.length} of the ${ids.length} ${collection} asked for by id: ` +
        'documents changed during the build. Run the build again.',
    );
  }
  return raw;
}

/** Every document of the collection; as many as the CMS counted, or an error. */
async function readEvery({ collection, query }: Source, options: Resolved) {
  const all = await readAllPages(options, (page) => listUrl(options, collection, page, query));
  if (all.docs.length !== all.totalDocs) {
    throw new CmsError(
      `The CMS listed ${all.totalDocs} ${collection} but returned ${all.docs.length}: ` +
        'documents changed during the build. Run the build again.',
    );
  }
  return all.docs;
}

/** The documents the schema accepts; the others fail the build, or go to `skipInvalid`. */
function checkDocuments<S extends z.ZodType>(
  raw: unknown[],
  { collection, kind, schema }: Source<S>,
  baseUrl: string,
  fetchOptions: FetchOptions,
): z.output<S>[] {
  const problems: string[] = [];
  const docs: z.output<S>[] = [];
  for (const doc of raw) {
    fetchOptions.onRaw?.(doc);
    const parsed = schema.safeParse(doc);
    if (parsed.success) docs.push(parsed.data);
    else {
      const id = (doc as { id?: unknown } | null)?.id;
      const link = id === undefined ? '' : ` (${adminUrl(baseUrl, collection, id)})`;
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
