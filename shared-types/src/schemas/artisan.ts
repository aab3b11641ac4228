import { z } from 'zod';
import { countryCodes } from '../countries';
import { disciplineCodes, socialPlatformCodes } from '../vocabularies';
import { MediaSchema } from './media';
import { RichTextSchema } from './richText';

export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const webUrl = z.url({ protocol: /^https?$/, error: 'is not an http(s) address' });

/** An artisan as the public site reads it (REST, depth 1, published only). */
export const ArtisanSchema = z.object({
  id: z.number().int(),
  name: z.string().min(1, 'has no name').describe('Name as the artisan signs their work'),
  slug: z.string().regex(slugPattern, 'is not a URL slug (lowercase letters, digits, hyphens)'),
  country: z.enum(countryCodes).describe('ISO 3166-1 alpha-2 code'),
  city: z.string().nullish(),
  birthYear: z.number().int().nullish(),
  deathYear: z.number().int().nullish().describe('For historical makers'),
  disciplines: z
    .array(z.enum(disciplineCodes))
    .nullish()
    .transform((value) => value ?? []),
  bio: RichTextSchema.optional().default(null),
  portrait: MediaSchema.nullish().describe('Portrait photograph, if any'),
  website: webUrl.nullish(),
  socialLinks: z
    .array(z.object({ platform: z.enum(socialPlatformCodes), url: webUrl }))
    .nullish()
    .transform((value) => value ?? []),
  _status: z.literal('published', 'is not published').optional(),
  updatedAt: z.string(),
});
export type Artisan = z.infer<typeof ArtisanSchema>;

/** The few artisan fields a work carries with it when populated at depth 1. */
export const ArtisanRefSchema = ArtisanSchema.pick({ id: true, name: true, slug: true, country: true });
export type ArtisanRef = z.infer<typeof ArtisanRefSchema>;
