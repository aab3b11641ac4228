import type { Showcase, Work } from '@oyu/shared-types';

/**
 * "Related works" for a work page, ranked by what a visitor following a piece cares about:
 * the same maker first, then the same collection, then the same kind of piece and the same
 * techniques and materials. Ties go to the alphabetically first slug so builds are stable.
 */
const weights = { artisan: 8, showcase: 4, pieceType: 3, technique: 2, material: 1, edition: 1 };

export type RelatedIndex = (work: Work, limit?: number) => Work[];

/** What a work shares with others, as `<kind>:<id>` keys, one per occurrence. */
function features(work: Work, showcasesOf: Map<number, number[]>): [key: string, weight: number][] {
  const of = (kind: keyof typeof weights, ids: number[]) =>
    ids.map((id) => [`${kind}:${id}`, weights[kind]] as [string, number]);
  return [
    ...of(
      'artisan',
      work.artisans.map((artisan) => artisan.id),
    ),
    ...of('showcase', showcasesOf.get(work.id) ?? []),
    ...of('pieceType', work.pieceType ? [work.pieceType.id] : []),
    ...of(
      'technique',
      work.techniques.map((term) => term.id),
    ),
    ...of(
      'material',
      work.materials.map((term) => term.id),
    ),
    ...of(
      'edition',
      work.editions.map((edition) => edition.id),
    ),
  ];
}

/**
 * Builds the lookups once per language; the returned function ranks one work's relations.
 * Each shared thing (a maker, a collection, a term, an edition) lists the works that have it,
 * so ranking a work visits only the works it shares something with, and keeps the best few
 * without sorting them all: the cost grows with what works share, not with the square of
 * their number, as comparing every pair would (docs/performance.notes.md).
 */
export function relatedIndex(works: Work[], showcases: Showcase[]): RelatedIndex {
  const showcasesOf = new Map<number, number[]>();
  for (const showcase of showcases) {
    for (const id of showcase.works) showcasesOf.set(id, [...(showcasesOf.get(id) ?? []), showcase.id]);
  }
  // Who has each thing, once per occurrence: a work listing a maker twice shares them twice.
  const holders = new Map<string, number[]>();
  works.forEach((work, index) => {
    for (const [key] of features(work, showcasesOf)) {
      const list = holders.get(key);
      if (list) list.push(index);
      else holders.set(key, [index]);
    }
  });
  // Ties by slug, compared once for all.
  const rank = new Int32Array(works.length);
  works
    .map((work, index) => ({ slug: work.slug, index }))
    .sort((a, b) => a.slug.localeCompare(b.slug))
    .forEach(({ index }, position) => {
      rank[index] = position;
    });
  const scores = new Int32Array(works.length);

  return (work, limit = 4) => {
    const touched: number[] = [];
    // The work's own things count once each, however often it lists them.
    const own = new Map(features(work, showcasesOf));
    for (const [key, weight] of own) {
      for (const index of holders.get(key) ?? []) {
        if ((works[index] as Work).id === work.id) continue;
        if (scores[index] === 0) touched.push(index);
        scores[index] = (scores[index] as number) + weight;
      }
    }
    const better = (a: number, b: number) =>
      (scores[a] as number) > (scores[b] as number) ||
      (scores[a] === scores[b] && (rank[a] as number) < (rank[b] as number));
    const best: number[] = [];
    for (const index of touched) {
      if (best.length === limit && !better(index, best[best.length - 1] as number)) continue;
      let at = best.length;
      while (at > 0 && better(index, best[at - 1] as number)) at -= 1;
      best.splice(at, 0, index);
      if (best.length > limit) best.pop();
    }
    const result = best.map((index) => works[index] as Work);
    for (const index of touched) scores[index] = 0;
    return result;
  };
}
