import {
  type Locale,
  locales,
  starterMaterials,
  starterPieceTypes,
  starterTechniques,
} from '@oyu/shared-types';
import type { Payload, PayloadRequest } from 'payload';

type VocabularySlug = 'materials' | 'techniques' | 'piece-types';
export type VocabularyIds = Record<VocabularySlug, Map<string, number>>;

/**
 * Creates the starter terms that are missing, in every language, and returns every term's id
 * by slug. Existing terms are left as curators made them.
 */
export async function ensureVocabularies(payload: Payload, req?: PayloadRequest): Promise<VocabularyIds> {
  const sets: [VocabularySlug, { slug: string; label: Record<Locale, string>; kind?: string }[]][] = [
    ['materials', starterMaterials],
    ['techniques', starterTechniques],
    ['piece-types', starterPieceTypes],
  ];
  const ids = {} as VocabularyIds;
  for (const [collection, terms] of sets) {
    const existing = await payload.find({
      collection,
      limit: 0,
      pagination: false,
      depth: 0,
      req,
      overrideAccess: true,
    });
    const bySlug = new Map(existing.docs.map((doc) => [doc.slug, doc.id]));
    for (const term of terms) {
      if (bySlug.has(term.slug)) continue;
      const data = { label: term.label.en, slug: term.slug, ...(term.kind ? { kind: term.kind } : {}) };
      const doc = await payload.create({
        collection,
        data: data as never,
        locale: 'en',
        req,
        overrideAccess: true,
      });
      for (const locale of locales.filter((l) => l !== 'en')) {
        await payload.update({
          collection,
          id: doc.id,
          data: { label: term.label[locale] },
          locale,
          req,
          overrideAccess: true,
        });
      }
      bySlug.set(term.slug, doc.id);
    }
    ids[collection] = bySlug;
  }
  return ids;
}
