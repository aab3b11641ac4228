import { z } from 'zod';
import { ArtisanRefSchema, slugPattern } from './artisan';
import { MediaSchema } from './media';
import { RichTextSchema } from './richText';

/** One photograph of a work, in the curator's order. */
export const WorkPhotoSchema = z.object({
  id: z.string().nullish(),
  image: MediaSchema,
  caption: z.string().nullish(),
});
export type WorkPhoto = z.infer<typeof WorkPhotoSchema>;

/** A published work as the public site reads it (REST, depth 1). Drafts never reach this schema. */
export const WorkSchema = z.object({
  id: z.number().int(),
  title: z.string().min(1, 'has no title'),
  slug: z.string().regex(slugPattern, 'is not a URL slug (lowercase letters, digits, hyphens)'),
  artisan: ArtisanRefSchema.describe('The maker, populated'),
  photos: z.array(WorkPhotoSchema).min(1, 'has no photo'),
  description: RichTextSchema.optional().default(null),
  _status: z.literal('published', 'is not published'),
  updatedAt: z.string(),
});
export type Work = z.infer<typeof WorkSchema>;
