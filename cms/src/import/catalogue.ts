import { colours, disciplines, licences } from '@oyu/shared-types';
import type { CollectionSlug, Payload, PayloadRequest } from 'payload';
import { fixedList, norm } from './cells';

export type Vocabulary = Map<string, { id: number; kind?: string }>;

/** What the rows are matched against: the CMS's terms, editions and artisans, and the fixed lists. */
export type Catalogue = Awaited<ReturnType<typeof readCatalogue>>;

export async function readCatalogue(payload: Payload, req: PayloadRequest) {
  const [materials, techniques, pieceTypes] = await Promise.all([
    vocabulary(payload, 'materials', req),
    vocabulary(payload, 'techniques', req),
    vocabulary(payload, 'piece-types', req),
  ]);
  return {
    materials,
    techniques,
    pieceTypes,
    disciplineCodes: fixedList(disciplines),
    colourCodes: fixedList(colours),
    licenceCodes: fixedList(licences),
    editions: await editionsByYear(payload, req),
    existingArtisans: await artisansBySlug(payload, req),
  };
}

/** Vocabulary terms of a collection, by slug and by label in every language. */
async function vocabulary(payload: Payload, collection: CollectionSlug, req: PayloadRequest) {
  const found = await payload.find({
    collection,
    locale: 'all',
    limit: 0,
    depth: 0,
    overrideAccess: true,
    req,
  });
  const map: Vocabulary = new Map();
  for (const doc of found.docs as unknown as {
    id: number;
    slug: string;
    label: Record<string, string>;
    kind?: string;
  }[]) {
    const entry = { id: doc.id, ...(doc.kind ? { kind: doc.kind } : {}) };
    map.set(norm(doc.slug), entry);
    for (const label of Object.values(doc.label ?? {})) if (label) map.set(norm(label), entry);
  }
  return map;
}

/** Every document of a collection, drafts too, without relationships. */
const everyDoc = async <T extends 'editions' | 'artisans'>(
  payload: Payload,
  collection: T,
  req: PayloadRequest,
) => (await payload.find({ collection, limit: 0, depth: 0, draft: true, overrideAccess: true, req })).docs;

async function editionsByYear(payload: Payload, req: PayloadRequest) {
  const editions = await everyDoc(payload, 'editions', req);
  return new Map(editions.map((edition) => [String(edition.year), edition.id as number]));
}

async function artisansBySlug(payload: Payload, req: PayloadRequest) {
  const artisans = await everyDoc(payload, 'artisans', req);
  return new Map(
    artisans.map((artisan) => [
      artisan.slug as string,
      { id: artisan.id as number, name: artisan.name as string },
    ]),
  );
}
