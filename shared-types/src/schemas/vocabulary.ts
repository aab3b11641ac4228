import { z } from 'zod';
import { materialKindCodes } from '../vocabularies';

/** A term of a controlled vocabulary (material, technique, piece type), populated at depth 1. */
export const VocabularyTermSchema = z.object({
  id: z.number().int(),
  label: z.string().min(1, 'has no label'),
  slug: z.string(),
  kind: z.enum(materialKindCodes).nullish().describe('Materials only'),
});
export type VocabularyTerm = z.infer<typeof VocabularyTermSchema>;
