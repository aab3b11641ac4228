import { renditionsOf } from '@oyu/shared-types';
import type { CollectionBeforeChangeHook } from 'payload';

/**
 * Keeps `renditions`, every size of the photo in one JSON field, equal to Payload's `sizes`:
 * on every save, from the sizes Payload has just made (an upload or a replacement) or those the
 * photo already had. The public API answers it in one field where `sizes` costs 48, read one by
 * one for every photo of the site's list of works (shared-types/src/schemas/media.ts).
 */
export const summarizeRenditions: CollectionBeforeChangeHook = ({ data, originalDoc }) => ({
  ...data,
  renditions: renditionsOf(data.sizes ?? originalDoc?.sizes),
});
