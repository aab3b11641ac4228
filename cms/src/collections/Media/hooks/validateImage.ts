import { APIError, type CollectionBeforeOperationHook } from 'payload';
import sharp, { type Metadata } from 'sharp';
import { checkRoomFor } from '../../../media/safeUpload';
import { stripMetadata } from '../../../media/stripMetadata';

/** Largest image accepted, in pixels: 100 MP covers any camera a curator will use. */
export const maxPixels = 100_000_000;

/**
 * Checks an uploaded photo completely before anything is stored, and refuses with a 400 and a
 * message a curator can act on when it is not a real image of an allowed type: a renamed file,
 * a truncated download, or a decompression bomb. Nothing is written in that case.
 *
 * A photo that passes is stored without its camera metadata (GPS position and the rest; see
 * media/stripMetadata.ts): the upload's bytes are replaced before Payload writes the original
 * or derives any size from it.
 */
export const validateImage: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args;
  const file = req.file;
  if (!file?.data) return args;
  const name = file.name ?? 'the file';
  const unreadable = (reason: string) =>
    new APIError(
      `${name} could not be read as a photo (${reason}). It may be truncated or not an image: export it again as JPEG, PNG, WebP or AVIF.`,
      400,
    );
  const tooLarge = () =>
    new APIError(
      `${name} is larger than ${maxPixels / 1_000_000} megapixels: resize it and upload again.`,
      400,
    );
  // The header first: the type, and the size before any pixel is decoded.
  let header: Metadata;
  try {
    header = await sharp(file.data, { limitInputPixels: maxPixels }).metadata();
  } catch (error) {
    const reason = (error as Error).message;
    throw /pixel limit/i.test(reason) ? tooLarge() : unreadable(reason);
  }
  const allowed = new Set(['jpeg', 'png', 'webp', 'heif']);
  if (!header.format || !allowed.has(header.format)) {
    throw new APIError(
      `${name} is a ${header.format ?? 'unknown'} image: upload JPEG, PNG, WebP or AVIF.`,
      400,
    );
  }
  if ((header.width ?? 0) * (header.height ?? 0) > maxPixels) throw tooLarge();
  let stripped: Buffer;
  try {
    stripped = (await stripMetadata(file.data)).data;
    // stats() decodes every pixel, which is what finds a truncated file.
    await sharp(stripped, { failOn: 'truncated', limitInputPixels: maxPixels }).stats();
  } catch (error) {
    const reason = (error as Error).message;
    throw /pixel limit/i.test(reason) ? tooLarge() : unreadable(reason);
  }
  file.data = stripped;
  file.size = stripped.length;
  await checkRoomFor(stripped.length);
  return args;
};
