import type { Showcase, Work } from '@oyu/shared-types';

/**
 * "Related works" for a work page, ranked by what a visitor following a piece cares about:
 * the same maker first, then the same collection, then the same kind of piece and the same
 * techniques and materials. Ties go to the alphabetically first slug so builds are stable.
 */
const weights = { artisan: 8, showcase: 4, pieceType: 3, technique: 2, material: 1, edition: 1 };

export type RelatedIndex = (work: Work, limit?: number) => Work[];

/** Builds the lookups once per language; the returned function ranks one work's relations. */
export function relatedIndex(works: Work[], showcases: Showcase[]): RelatedIndex {
  const showcasesOf = new Map<number, number[]>();
  for (const showcase of showcases) {
    for (const id of showcase.works) showcasesOf.set(id, [...(showcasesOf.get(id) ?? []), showcase.id]);
  }
  const shared = <T>(a: T[], b: T[]) => {
    const set = new Set(a);
    return b.filter((item) => set.has(item)).length;
  };
  const ids = (terms: { id: number }[]) => terms.map((term) => term.id);

  return (work, limit = 4) =>
    works
      .filter((other) => other.id !== work.id)
      .map((other) => ({
        other,
        score:
          weights.artisan * shared(ids(work.artisans), ids(other.artisans)) +
          weights.showcase * shared(showcasesOf.get(work.id) ?? [], showcasesOf.get(other.id) ?? []) +
          (work.pieceType && work.pieceType.id === other.pieceType?.id ? weights.pieceType : 0) +
          weights.technique * shared(ids(work.techniques), ids(other.techniques)) +
          weights.material * shared(ids(work.materials), ids(other.materials)) +
          weights.edition * shared(ids(work.editions), ids(other.editions)),
      }))
      .filter(({ score }) => score > 0)
      .sort((a, b) => b.score - a.score || a.other.slug.localeCompare(b.other.slug))
      .slice(0, limit)
      .map(({ other }) => other);
}
