import { z } from 'zod';
import { listUrl, readAllPages, readList } from './lists';
import { type CmsClientOptions, CmsError, resolve } from './request';

/** What changed when: a document's id and `updatedAt`. */
export type VersionIndex = Record<string, string>;

const VersionSchema = z.object({ id: z.union([z.number(), z.string()]), updatedAt: z.string() });

/**
 * The id and `updatedAt` of the documents of a collection the public can read, matching
 * `query`; with `since`, only those changed after it. `count` is how many match `query` in all.
 * `readAt` is the CMS's own time as its first answer gave it (HTTP `Date`), when it did.
 */
export async function fetchVersions(
  collection: string,
  query: Record<string, string>,
  clientOptions: CmsClientOptions,
  since?: string,
): Promise<{ versions: VersionIndex; count: number; readAt?: string }> {
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
  const times: number[] = [];
  const seen = (response: Response) => {
    const time = Date.parse(response.headers.get('date') ?? '');
    if (!Number.isNaN(time)) times.push(time);
  };
  const [all, count] = await Promise.all([
    readAllPages(options, (page) => url(page, changed), seen),
    since ? readList(url(1, {}, 1), options, seen).then((page) => page.totalDocs) : undefined,
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
  const readAt = times.length ? new Date(Math.min(...times)).toISOString() : undefined;
  return { versions, count: count ?? all.totalDocs, ...(readAt ? { readAt } : {}) };
}
