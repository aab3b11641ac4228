import { z } from 'zod';
import { RichTextSchema } from './richText';

/** The site-settings global as the public reads it (REST, depth 0). */
export const SiteSettingsSchema = z.object({
  currentEdition: z
    .union([z.number().int(), z.object({ id: z.number().int() }).transform((edition) => edition.id)])
    .nullish()
    .describe('Id of the edition shown on the home page'),
  about: RichTextSchema.optional().default(null),
  contact: z
    .object({
      email: z.string().nullish(),
      phone: z.string().nullish(),
      address: z.string().nullish(),
      website: z.url({ protocol: /^https?$/ }).nullish(),
    })
    .nullish(),
});
export type SiteSettings = z.infer<typeof SiteSettingsSchema>;
