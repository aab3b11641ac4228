import type { CollectionAfterChangeHook } from 'payload';

/**
 * Opening a new edition: when an organiser publishes an edition as "current", it becomes the
 * one the home page shows (Site settings → current edition), and the edition that was current
 * until then is archived. Past editions stay published and browsable under their year.
 */
export const makeCurrent: CollectionAfterChangeHook = async ({ doc, previousDoc, req, context }) => {
  if (context.makingCurrent) return doc;
  const becameCurrent =
    doc._status === 'published' &&
    doc.stage === 'current' &&
    (previousDoc?.stage !== 'current' || previousDoc?._status !== 'published');
  if (!becameCurrent) return doc;
  const others = await req.payload.find({
    collection: 'editions',
    where: { and: [{ stage: { equals: 'current' } }, { id: { not_equals: doc.id } }] },
    depth: 0,
    limit: 0,
    pagination: false,
    req,
    overrideAccess: true,
  });
  for (const other of others.docs) {
    await req.payload.update({
      collection: 'editions',
      id: other.id,
      data: { stage: 'archived' },
      req,
      overrideAccess: true,
      context: { makingCurrent: true },
    });
  }
  await req.payload.updateGlobal({
    slug: 'site-settings',
    data: { currentEdition: doc.id },
    req,
    overrideAccess: true,
    context: { makingCurrent: true },
  });
  return doc;
};
