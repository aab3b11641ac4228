import { z } from 'zod';
import { editionStatusCodes } from '../vocabularies';
import { MediaSchema } from './media';
import { RichTextSchema } from './richText';

/** One Almaty Jewelry Week as the public site reads it (REST, depth 1, published only). */
export const EditionSchema = z.object({
  id: z.number().int(),
  year: z.number().int().min(2000),
  stage: z.enum(editionStatusCodes).describe('upcoming, current or archived'),
  title: z.string().min(1, 'has no title'),
  theme: z.string().nullish(),
  startDate: z.string().nullish(),
  endDate: z.string().nullish(),
  description: RichTextSchema.optional().default(null),
  heroImage: MediaSchema.nullish(),
  venues: z
    .array(z.object({ id: z.number().int(), slug: z.string(), name: z.string() }))
    .nullish()
    .transform((value) => value ?? []),
  frozen: z
    .boolean()
    .nullish()
    .transform((value) => value ?? false)
    .describe('The edition’s pages are kept as they were built when it was frozen'),
  frozenAt: z.string().nullish(),
  _status: z.literal('published', 'is not published').optional(),
  updatedAt: z.string(),
});
export type Edition = z.infer<typeof EditionSchema>;

/** What a work or collection carries of its edition at depth 1. */
export const EditionRefSchema = EditionSchema.pick({ id: true, year: true, title: true });
export type EditionRef = z.infer<typeof EditionRefSchema>;
