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

/**
 * The last lists made, by what they were made from: a build that changed none of it reuses
 * them. What ranking reads is the same in every language (ids, and slugs to break ties), so
 * the three languages' lists are usually one ranking (2.3 s of a publish of 100 works at M
 * when each was ranked anew).
 */
const last = new Map<string, string[]>();

/** Each work page's related works, as ids joined by commas, by work key (`oyu-works.en/12`). */
export function relatedWorks(data: Map<string, Doc[]>, docs: Entries): Record<string, string> {
  const lists: Record<string, string> = {};
  for (const locale of locales) {
    const works = data.get(`oyu-works.${locale}`) ?? [];
    const showcases = data.get(`oyu-collections.${locale}`) ?? [];
    // What ranking reads (entryOf's `related`) and each work's slug (it breaks ties).
    const from = crypto
      .createHash('sha1')
      .update(
        [
          ...works.map(
            (work) => `w${work.id}:${work.slug}:${docs[`oyu-works.${locale}/${work.id}`]?.related}`,
          ),
          ...showcases.map(
            (showcase) => `c${showcase.id}:${docs[`oyu-collections.${locale}/${showcase.id}`]?.related}`,
          ),
        ].join('\n'),
      )
      .digest('hex');
    const known = last.get(from);
    if (known) {
      works.forEach((work, i) => {
        lists[`oyu-works.${locale}/${work.id}`] = known[i] as string;
      });
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
    const made = ranked.map((work) =>
      rank(work as never)
        .map((related) => related.id)
        .join(','),
    );
    // Only the latest few rankings are kept: the three languages', or two when one differs.
    if (last.size >= 3) last.delete(last.keys().next().value as string);
    last.set(from, made);
    ranked.forEach((work, i) => {
      lists[`oyu-works.${locale}/${work.id}`] = made[i] as string;
    });
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
