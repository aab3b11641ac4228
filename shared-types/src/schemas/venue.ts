import { z } from 'zod';
import { slugPattern } from './artisan';

/** A venue of an edition, with its opening hours per edition. */
export const VenueSchema = z.object({
  id: z.number().int(),
  name: z.string().min(1, 'has no name'),
  slug: z.string().regex(slugPattern, 'is not a URL slug (lowercase letters, digits, hyphens)'),
  address: z.string().nullish(),
  city: z.string().nullish(),
  location: z
    .object({
      latitude: z.number().min(-90).max(90).nullish(),
      longitude: z.number().min(-180).max(180).nullish(),
    })
    .nullish(),
  website: z.url({ protocol: /^https?$/ }).nullish(),
  openingHours: z
    .array(
      z.object({
        edition: z.union([z.number().int(), z.object({ id: z.number().int() }).transform((e) => e.id)]),
        hours: z.string(),
      }),
    )
    .nullish()
    .transform((value) => value ?? []),
  updatedAt: z.string(),
});
export type Venue = z.infer<typeof VenueSchema>;
