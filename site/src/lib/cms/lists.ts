import { mapLimit, PaginatedSchema, type ReadModel, readModels } from '@oyu/shared-types';
import type { z } from 'zod';
import { type CmsClientOptions, CmsError, formatIssues, getJson, type Resolved, resolve } from './request';

export function listUrl(options: Resolved, collection: string, page: number, query: Record<string, string>) {
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
export async function readList(url: string, options: Resolved, seen?: (response: Response) => void) {
  const envelope = PaginatedSchema.safeParse(await getJson(url, options, seen));
  if (!envelope.success) {
    throw new CmsError(
      `The CMS answered ${url} with an unexpected list: ${formatIssues(envelope.error.issues)}`,
    );
  }
  return envelope.data;
}
/** Every page of a list: the first tells how many there are; the rest are read in parallel. */
export async function readAllPages(
  options: Resolved,
  url: (page: number) => string,
  seen?: (response: Response) => void,
) {
  const first = await readList(url(1), options, seen);
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
export function populateQuery(populate: ReadModel['populate']): Record<string, string> {
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
