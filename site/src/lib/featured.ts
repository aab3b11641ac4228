import type { Showcase, Work } from '@oyu/shared-types';

/**
 * A few works for the home page: the curators' first picks of each collection of the current
 * edition, taken in turn (first of every collection, then the second, …), topped up with the
 * most recently updated works when the edition has too few.
 */
export function featuredWorks(
  works: Work[],
  showcases: Showcase[],
  editionId: number | undefined,
  count: number,
) {
  const byId = new Map(works.map((work) => [work.id, work]));
  const lists = showcases
    .filter((showcase) => showcase.edition.id === editionId)
    .map((showcase) => showcase.works.flatMap((id) => byId.get(id) ?? []));
  const chosen = new Map<number, Work>();
  for (let round = 0; chosen.size < count && lists.some((list) => list.length > round); round++) {
    for (const list of lists) {
      const work = list[round];
      if (work && chosen.size < count) chosen.set(work.id, work);
    }
  }
  const recent = [...works].sort(
    (a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.slug.localeCompare(b.slug),
  );
  for (const work of recent) {
    if (chosen.size >= count) break;
    chosen.set(work.id, work);
  }
  return [...chosen.values()];
}
