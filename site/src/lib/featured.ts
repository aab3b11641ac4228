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

/**
 * The artisans the home page shows: everyone when there are `count` or fewer (the forum's
 * twelve designers), else the `count` with the most works in the current edition (in all works
 * when there is none), ties by name. Either way in name order, as the full index is.
 */
export function featuredArtisans<A extends { id: number; name: string }>(
  artisans: A[],
  works: Work[],
  editionId: number | undefined,
  count: number,
  lang: string,
): A[] {
  const byName = (a: A, b: A) => a.name.localeCompare(b.name, lang);
  if (artisans.length <= count) return [...artisans].sort(byName);
  const inEdition = works.filter((work) => work.editions.some((edition) => edition.id === editionId));
  const counted = inEdition.length ? inEdition : works;
  const worksOf = new Map<number, number>();
  for (const work of counted)
    for (const artisan of work.artisans) worksOf.set(artisan.id, (worksOf.get(artisan.id) ?? 0) + 1);
  return [...artisans]
    .sort((a, b) => (worksOf.get(b.id) ?? 0) - (worksOf.get(a.id) ?? 0) || byName(a, b))
    .slice(0, count)
    .sort(byName);
}
