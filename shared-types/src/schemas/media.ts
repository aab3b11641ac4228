import { z } from 'zod';
import { imageSizeNames } from '../imageSizes';
import { licenceCodes } from '../vocabularies';

/** One rendition the CMS made at upload. Fields are null when the original was too small. */
export const ImageSizeSchema = z.object({
  url: z.string().nullish().describe('Path of the rendition on the CMS, e.g. /api/media/file/x-480.webp'),
  filename: z.string().nullish(),
  width: z.number().int().positive().nullish(),
  height: z.number().int().positive().nullish(),
  mimeType: z.string().nullish(),
  filesize: z.number().int().nonnegative().nullish(),
});
export type ImageSize = z.infer<typeof ImageSizeSchema>;

const sizesShape = Object.fromEntries(
  imageSizeNames.map((name) => [name, ImageSizeSchema.nullish()]),
) as Record<(typeof imageSizeNames)[number], z.ZodOptional<z.ZodNullable<typeof ImageSizeSchema>>>;

/** A photograph as the public sees it: the original's metadata plus the renditions made at upload. */
export const MediaSchema = z.object({
  id: z.number().int().describe('CMS id of the media document'),
  alt: z.string().min(1, 'has no alt text').describe('Text alternative read by screen readers'),
  caption: z.string().nullish().describe('Shown under the photo'),
  credit: z.string().nullish().describe('Photographer'),
  licence: z.enum(licenceCodes).nullish(),
  url: z.string().describe('Path of the original file on the CMS'),
  filename: z.string(),
  mimeType: z.string(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  focalX: z.number().nullish().describe('Focal point, percent from the left'),
  focalY: z.number().nullish().describe('Focal point, percent from the top'),
  lqip: z
    .string()
    .startsWith('data:image/', 'is not a data: URL')
    .nullish()
    .describe('Tiny blurred placeholder, computed at upload'),
  dominantColor: z
    .string()
    .regex(/^#[0-9a-f]{6}$/i, 'is not a #rrggbb colour')
    .nullish()
    .describe('Dominant colour, computed at upload'),
  palette: z
    .array(z.string().regex(/^#[0-9a-f]{6}$/i, 'is not a #rrggbb colour'))
    .nullish()
    .describe('Main colours, most frequent first'),
  sizes: z.object(sizesShape).partial().default({}),
});
export type Media = z.infer<typeof MediaSchema>;
