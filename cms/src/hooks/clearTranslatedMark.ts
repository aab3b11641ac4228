import { locales } from '@oyu/shared-types';
import type { CollectionBeforeChangeHook } from 'payload';
import { isolatedRequest } from '../contract/publishable';

/**
 * A vocabulary term marked "needs translation" (the import's new terms) loses the mark once
 * its label is there in every language, so the list filtered by it is what is left to do.
 * A curator who marks a term again in the same save keeps the mark.
 */
export const clearTranslatedMark: CollectionBeforeChangeHook = async ({
  collection,
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (operation !== 'update' || !originalDoc?.id || !(data.needsTranslation ?? originalDoc.needsTranslation))
    return data;
  if (data.needsTranslation === true && originalDoc.needsTranslation !== true) return data;
  const locale = req.locale ?? 'en';
  const stored = await req.payload.findByID({
    collection: collection.slug,
    id: originalDoc.id,
    locale: 'all',
    depth: 0,
    overrideAccess: true,
    select: { label: true },
    // Its own request: a read with locale 'all' on the caller's would make this save write 'all'.
    req: isolatedRequest(req),
  });
  const labels: Record<string, unknown> = {
    ...((stored as { label?: Record<string, unknown> }).label ?? {}),
    ...('label' in data ? { [locale]: data.label } : {}),
  };
  const translated = locales.every((locale) => {
    const label = labels[locale];
    return typeof label === 'string' && label.trim() !== '';
  });
  return translated ? { ...data, needsTranslation: false } : data;
};
