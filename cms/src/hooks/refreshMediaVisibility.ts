import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload';

/**
 * Keeps `media.isPublic` true exactly while a published work, artisan or edition uses the
 * photo. The public read rule on media is that flag, so the photos of drafts stay private.
 * The state is recomputed from the published documents themselves, never flipped by event, so
 * a missed event cannot leave a photo wrongly public for long.
 */
type Ref = number | { id: number } | null | undefined;
const idOf = (ref: Ref) => (typeof ref === 'object' && ref ? ref.id : ref);

export function mediaIdsOf(doc: Record<string, unknown> | undefined | null): number[] {
  if (!doc) return [];
  const refs: Ref[] = [
    ...((doc.photos as Ref[] | undefined) ?? []),
    doc.portrait as Ref,
    doc.heroImage as Ref,
  ];
  return refs.map(idOf).filter((id): id is number => typeof id === 'number');
}

export async function refreshMediaVisibility(req: PayloadRequest, ids: number[]): Promise<void> {
  const unique = [...new Set(ids)];
  if (!unique.length) return;
  const { payload } = req;
  const published = { _status: { equals: 'published' } } as const;
  const common = { depth: 0, pagination: false, overrideAccess: true, req, draft: false } as const;
  const used = new Set<number>();
  const works = await payload.find({
    collection: 'works',
    where: { and: [published, { photos: { in: unique } }] },
    select: { photos: true },
    ...common,
  });
  for (const work of works.docs) for (const id of mediaIdsOf(work as Record<string, unknown>)) used.add(id);
  const artisans = await payload.find({
    collection: 'artisans',
    where: { and: [published, { portrait: { in: unique } }] },
    select: { portrait: true },
    ...common,
  });
  for (const artisan of artisans.docs)
    for (const id of mediaIdsOf(artisan as Record<string, unknown>)) used.add(id);
  const editions = await payload.find({
    collection: 'editions',
    where: { and: [published, { heroImage: { in: unique } }] },
    select: { heroImage: true },
    ...common,
  });
  for (const edition of editions.docs)
    for (const id of mediaIdsOf(edition as Record<string, unknown>)) used.add(id);

  const shown = unique.filter((id) => used.has(id));
  const hidden = unique.filter((id) => !used.has(id));
  for (const [ids, isPublic] of [
    [shown, true],
    [hidden, false],
  ] as const) {
    if (!ids.length) continue;
    await payload.update({
      collection: 'media',
      where: { and: [{ id: { in: ids } }, { isPublic: { not_equals: isPublic } }] },
      data: { isPublic },
      overrideAccess: true,
      depth: 0,
      req,
      context: { skipMediaVisibility: true },
    });
  }
}

export const refreshMediaAfterChange: CollectionAfterChangeHook = async ({
  doc,
  previousDoc,
  req,
  context,
}) => {
  if (context.skipMediaVisibility) return doc;
  const touched = doc._status === 'published' || previousDoc?._status === 'published';
  if (touched) await refreshMediaVisibility(req, [...mediaIdsOf(doc), ...mediaIdsOf(previousDoc)]);
  return doc;
};

export const refreshMediaAfterDelete: CollectionAfterDeleteHook = async ({ doc, req, context }) => {
  if (!context.skipMediaVisibility) await refreshMediaVisibility(req, mediaIdsOf(doc));
  return doc;
};
