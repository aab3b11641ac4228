import { z } from 'zod';
import { colourCodes, licenceCodes, makerRoleCodes } from '../vocabularies';
import { ArtisanRefSchema, slugPattern } from './artisan';
import { EditionRefSchema } from './edition';
import { MediaSchema } from './media';
import { RichTextSchema } from './richText';
import { VocabularyTermSchema } from './vocabulary';

const positive = z.number().positive().nullish();
const list = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .nullish()
    .transform((value) => value ?? []);

/** A published work as the public site reads it (REST, depth 1). Drafts never reach this schema. */
export const WorkSchema = z.object({
  id: z.number().int(),
  title: z.string().min(1, 'has no title'),
  slug: z.string().regex(slugPattern, 'is not a URL slug (lowercase letters, digits, hyphens)'),
  // A maker whose profile is still a draft comes back as a bare id: leave them out rather than
  // reveal the draft; a work left with no published maker cannot be shown.
  artisans: z
    .preprocess(
      (value) => (Array.isArray(value) ? value.filter((item) => typeof item === 'object') : value),
      z.array(ArtisanRefSchema).min(1, 'has no published artisan'),
    )
    .describe('Makers, populated'),
  makerRoles: list(
    z.object({
      artisan: z.union([z.number().int(), z.object({ id: z.number().int() }).transform((maker) => maker.id)]),
      role: z.enum(makerRoleCodes),
    }),
  ).describe('How makers are credited, where not simply as the maker (designer, manufacturer…)'),
  photos: z.array(MediaSchema).min(1, 'has no photo').describe('In the curator’s order'),
  description: RichTextSchema.optional().default(null),
  pieceType: VocabularyTermSchema.nullish(),
  materials: list(VocabularyTermSchema),
  gemstones: list(VocabularyTermSchema),
  techniques: list(VocabularyTermSchema),
  colours: list(z.enum(colourCodes)).describe('Dominant colours of metal and stones, for the colour filter'),
  fineness: positive.describe('Parts per thousand, e.g. 925'),
  hallmark: z.string().nullish(),
  weightGrams: positive,
  dimensions: z
    .object({ heightMm: positive, widthMm: positive, depthMm: positive, diameterMm: positive })
    .nullish(),
  year: z
    .object({
      display: z
        .string()
        .nullish()
        .describe('The date as the catalogue gives it: “c. 1890”, “early 20th century”'),
      from: z.number().int().nullish().describe('Earliest year; negative for BCE'),
      to: z.number().int().nullish().describe('Latest year, for a range'),
      circa: z.boolean().nullish().describe('The years are approximate'),
    })
    .nullish()
    .describe('When it was made: the text people read, the years that filters, sorting and linked data use'),
  editionType: z.enum(['unique', 'edition']).nullish(),
  editionSize: z.number().int().min(2).nullish(),
  marks: z.string().nullish(),
  creditLine: z.string().nullish(),
  licence: z.enum(licenceCodes).nullish(),
  rightsHolder: z.string().nullish(),
  provenance: RichTextSchema.optional().default(null),
  exhibitionHistory: list(
    z.object({
      year: z.number().int(),
      title: z.string(),
      venue: z.string().nullish(),
      city: z.string().nullish(),
    }),
  ),
  editions: list(EditionRefSchema),
  _status: z.literal('published', 'is not published'),
  updatedAt: z.string(),
});
export type Work = z.infer<typeof WorkSchema>;
