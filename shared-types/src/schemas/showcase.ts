import { z } from 'zod';
import { slugPattern } from './artisan';
import { EditionRefSchema } from './edition';
import { RichTextSchema } from './richText';

/**
 * An AJW collection ("showcase" in code) as the public site reads it (REST, depth 1): its
 * works as ids in the curator's order, matched against the published works by the site.
 */
export const ShowcaseSchema = z.object({
  id: z.number().int(),
  title: z.string().min(1, 'has no title'),
  slug: z.string().regex(slugPattern, 'is not a URL slug (lowercase letters, digits, hyphens)'),
  edition: EditionRefSchema,
  introduction: RichTextSchema.optional().default(null),
  works: z
    .array(z.union([z.number().int(), z.object({ id: z.number().int() }).transform((work) => work.id)]))
    .nullish()
    .transform((value) => value ?? []),
  _status: z.literal('published', 'is not published').optional(),
  updatedAt: z.string(),
});
export type Showcase = z.infer<typeof ShowcaseSchema>;
