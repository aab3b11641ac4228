import { MediaSchema, type ReadModel, readModels, VocabularyTermSchema } from '@oyu/shared-types';
import type { CollectionSlug } from 'payload';

/** What the contract covers: the collections the site reads, and what their documents use. */

export type ContractProblem = {
  /** The top-level field at fault, as Payload's validation errors name it ('' for the document). */
  path: string;
  message: string;
};

const term = (collection: string): ReadModel => ({
  collection,
  kind: 'term',
  schema: VocabularyTermSchema,
  depth: 0,
  drafts: false,
  populate: {},
  withoutJoins: [],
});

/** Every collection the site reads, whole or embedded in another. */
export const contractModels: Record<string, ReadModel> = {
  ...readModels,
  media: {
    collection: 'media',
    kind: 'photo',
    schema: MediaSchema,
    depth: 0,
    drafts: false,
    populate: {},
    withoutJoins: [],
  },
  materials: term('materials'),
  techniques: term('techniques'),
  'piece-types': term('piece-types'),
};

/** A relationship whose target must be public while the document using it is. */
export type Use = { collection: CollectionSlug; field: string; target: CollectionSlug };

/** What published documents need to be published as well (photos follow on their own). */
export const publishedUses: Use[] = [
  { collection: 'works', field: 'artisans', target: 'artisans' },
  { collection: 'works', field: 'editions', target: 'editions' },
  { collection: 'showcases', field: 'edition', target: 'editions' },
];

/** Photos published documents show: deleting one would take it from their pages. */
export const photoUses: Use[] = [
  { collection: 'works', field: 'photos', target: 'media' },
  { collection: 'artisans', field: 'portrait', target: 'media' },
  { collection: 'editions', field: 'heroImage', target: 'media' },
];

/** The field a document of each collection is named by in messages. */
export const titleFields: Record<string, string> = {
  works: 'title',
  artisans: 'name',
  editions: 'title',
  showcases: 'title',
  venues: 'name',
  media: 'filename',
  materials: 'label',
  techniques: 'label',
  'piece-types': 'label',
};

export type Doc = Record<string, unknown>;
export const idsOf = (value: unknown): number[] =>
  (Array.isArray(value) ? value : [value])
    .map((ref) => (typeof ref === 'object' && ref !== null ? (ref as { id?: unknown }).id : ref))
    .filter((id): id is number => typeof id === 'number');

export const nameOf = (collection: string, doc: Doc): string => {
  const title = doc[titleFields[collection] ?? 'id'];
  return typeof title === 'string' && title ? title : `#${String(doc.id)}`;
};
