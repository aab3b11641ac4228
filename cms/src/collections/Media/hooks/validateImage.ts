import { APIError, type CollectionBeforeOperationHook } from 'payload';
import sharp from 'sharp';

/** Largest image accepted, in pixels: 100 MP covers any camera a curator will use. */
export const maxPixels = 100_000_000;

/**
 * Decodes an uploaded photo completely before anything is stored, and refuses with a 400 and
 * a message a curator can act on when it is not a real image of an allowed type: a renamed
 * file, a truncated download, or a decompression bomb. Nothing is written in that case.
 */
export const validateImage: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args;
  const file = req.file;
  if (!file?.data) return args;
  const name = file.name ?? 'the file';
  let format: string | undefined;
  try {
    const image = sharp(file.data, { failOn: 'truncated', limitInputPixels: maxPixels });
    const metadata = await image.metadata();
    format = metadata.format;
    // stats() decodes every pixel, which is what finds a truncated file.
    await image.stats();
  } catch (error) {
    const reason = (error as Error).message;
    if (/pixel limit/i.test(reason)) {
      throw new APIError(
        `${name} is larger than ${maxPixels / 1_000_000} megapixels: resize it and upload again.`,
        400,
      );
    }
    throw new APIError(
      `${name} could not be read as a photo (${reason}). It may be truncated or not an image: export it again as JPEG, PNG, WebP or AVIF.`,
      400,
    );
  }
  const allowed = new Set(['jpeg', 'png', 'webp', 'heif']);
  if (!format || !allowed.has(format)) {
    throw new APIError(`${name} is a ${format ?? 'unknown'} image: upload JPEG, PNG, WebP or AVIF.`, 400);
  }
  return args;
};
