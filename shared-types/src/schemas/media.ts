import { z } from 'zod';
import { type ImageSizeName, imageSizeNames } from '../imageSizes';
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
) as Record<ImageSizeName, z.ZodOptional<z.ZodNullable<typeof ImageSizeSchema>>>;

/** One rendition as the CMS keeps it in `renditions`: Payload's size without its URL. */
export const RenditionSchema = z.object({
  filename: z.string(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  mimeType: z.string().nullish(),
  filesize: z.number().int().nonnegative().nullish(),
});
export type Rendition = z.infer<typeof RenditionSchema>;

/**
 * Every rendition of a photo in one JSON field, `null` for a size the CMS did not make. The CMS
 * writes it from Payload's `sizes` whenever they change (Media's `summarizeRenditions` hook)
 * and the site reads it instead of `sizes`: Payload reads a document's fields one by one, and
 * eight sizes of six fields each, for every photo of every work, make up much of the time of
 * the site's list of works (docs/performance.notes.md).
 */
export const RenditionsSchema = z.object(
  Object.fromEntries(imageSizeNames.map((name) => [name, RenditionSchema.nullish()])) as Record<
    ImageSizeName,
    z.ZodOptional<z.ZodNullable<typeof RenditionSchema>>
  >,
);
export type Renditions = z.infer<typeof RenditionsSchema>;

/** What `renditions` holds for Payload's `sizes` of one photo. */
export function renditionsOf(
  sizes:
    | Partial<Record<string, Partial<Record<keyof Rendition, unknown>> | null | undefined>>
    | null
    | undefined,
): Record<ImageSizeName, Rendition | null> {
  return Object.fromEntries(
    imageSizeNames.map((name) => {
      const parsed = RenditionSchema.safeParse(sizes?.[name] ?? undefined);
      return [name, parsed.success ? parsed.data : null];
    }),
  ) as Record<ImageSizeName, Rendition | null>;
}

/** A rendition's address: a sibling of the original's, as Payload names every file of a photo. */
export function renditionUrl(originalUrl: string, filename: string): string {
  return `${originalUrl.slice(0, originalUrl.lastIndexOf('/') + 1)}${encodeURIComponent(filename)}`;
}

const MediaFields = z.object({
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
  renditions: RenditionsSchema.nullish().describe('Every rendition in one field, as the site asks for them'),
  sizes: z
    .object(sizesShape)
    .partial()
    .optional()
    .describe('Payload’s own renditions, as the Local API gives them'),
});

/**
 * A photograph as the public sees it: the original's metadata plus the renditions made at
 * upload, as `sizes` with their addresses, whether the CMS sent `renditions` (what the site
 * asks for) or Payload's `sizes` (the Local API, the draft preview).
 */
export const MediaSchema = MediaFields.transform(({ renditions, sizes, ...media }) => ({
  ...media,
  sizes: renditions
    ? (Object.fromEntries(
        Object.entries(renditions).map(([name, rendition]) => [
          name,
          rendition ? { ...rendition, url: renditionUrl(media.url, rendition.filename) } : null,
        ]),
      ) as Partial<Record<ImageSizeName, ImageSize | null>>)
    : (sizes ?? {}),
}));
export type Media = z.infer<typeof MediaSchema>;

/** The fields of a photo the site asks the CMS for (Payload's `populate`): `renditions`, not `sizes`. */
export const mediaApiFields = Object.keys(MediaFields.shape).filter((field) => field !== 'sizes');
