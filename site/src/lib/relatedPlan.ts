import crypto from 'node:crypto';
import { locales } from '@oyu/shared-types';
import { relatedIndex } from './related';

/**
 * Which work pages list other related works than the live build's. Related works are ranked
 * over all works of a language (lib/related.ts): a change of what they rank by (a maker, a
 * material, a collection's works) can change any work page's list, but in practice changes
 * a few. Each build's data index keeps every work page's list, as ids (`DataIndex.relatedWorks`);
 * the plan renders the pages whose list changed (at M, every work page had been: 15,000).
 */
type Doc = Record<string, unknown> & { id?: number };
type Entries = Record<string, { hash: string; url: string | null; related?: string }>;

/** The ids of a list of populated documents, as the site's schemas keep them (objects only). */
const idsOf = (value: unknown): number[] =>
  Array.isArray(value)
    ? value.flatMap((item) =>
        typeof item === 'number'
          ? [item]
          : typeof item === 'object' && item
            ? [(item as { id: number }).id]
            : [],
      )
    : [];

/** The last lists made, with what they were made from: a build that changed none of it reuses them. */
const last = new Map<string, { from: string; lists: Record<string, string> }>();

/** Each work page's related works, as ids joined by commas, by work key (`oyu-works.en/12`). */
export function relatedWorks(data: Map<string, Doc[]>, docs: Entries): Record<string, string> {
  const lists: Record<string, string> = {};
  for (const locale of locales) {
    const works = data.get(`oyu-works.${locale}`) ?? [];
    const showcases = data.get(`oyu-collections.${locale}`) ?? [];
    // What ranking reads (entryOf's `related`) and each page's address (its slug breaks ties).
    const from = crypto
      .createHash('sha1')
      .update(
        [
          ...works.map((work) => `oyu-works.${locale}/${work.id}`),
          ...showcases.map((showcase) => `oyu-collections.${locale}/${showcase.id}`),
        ]
          .map((key) => `${key}:${docs[key]?.related}:${docs[key]?.url}`)
          .join('\n'),
      )
      .digest('hex');
    const known = last.get(locale);
    if (known?.from === from) {
      Object.assign(lists, known.lists);
      continue;
    }
    // As the site's schemas read them: a maker still a draft is a bare id, and left out.
    const ranked = works.map((work) => ({
      ...work,
      artisans: ((work.artisans as unknown[] | null) ?? []).filter((maker) => typeof maker === 'object'),
      materials: work.materials ?? [],
      techniques: work.techniques ?? [],
      editions: work.editions ?? [],
    }));
    const rank = relatedIndex(
      ranked as never,
      showcases.map((showcase) => ({ ...showcase, works: idsOf(showcase.works) })) as never,
    );
    const made: Record<string, string> = {};
    for (const work of ranked)
      made[`oyu-works.${locale}/${work.id}`] = rank(work as never)
        .map((related) => related.id)
        .join(',');
    last.set(locale, { from, lists: made });
    Object.assign(lists, made);
  }
  return lists;
}

/** The work pages whose related works changed (every one without a record of the live build's). */
export function changedRelatedWorks(
  base: Record<string, string> | undefined,
  next: Record<string, string>,
  docs: Entries,
): string[] {
  return Object.entries(next)
    .filter(([key, list]) => base?.[key] !== list)
    .flatMap(([key]) => docs[key]?.url ?? []);
}
