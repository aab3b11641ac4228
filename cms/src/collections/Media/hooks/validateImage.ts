import type { Locale } from '@oyu/shared-types';
import { APIError, type CollectionBeforeOperationHook } from 'payload';
import sharp, { type Metadata } from 'sharp';
import { messageLocale } from '../../../contract/messages';
import { checkRoomFor } from '../../../media/safeUpload';
import { stripMetadata } from '../../../media/stripMetadata';

/** Largest image accepted, in pixels: 100 MP covers any camera a curator will use. */
export const maxPixels = 100_000_000;

/** Why a file is refused, in the language of the admin that shows it. */
const refusals: Record<
  Locale,
  {
    theFile: string;
    unreadable: (name: string, reason: string) => string;
    tooLarge: (name: string, megapixels: number) => string;
    format: (name: string, format: string) => string;
  }
> = {
  en: {
    theFile: 'the file',
    unreadable: (name, reason) =>
      `${name} could not be read as a photo (${reason}). It may be truncated or not an image: export it again as JPEG, PNG, WebP or AVIF.`,
    tooLarge: (name, mp) => `${name} is larger than ${mp} megapixels: resize it and upload again.`,
    format: (name, format) => `${name} is a ${format} image: upload JPEG, PNG, WebP or AVIF.`,
  },
  ru: {
    theFile: 'файл',
    unreadable: (name, reason) =>
      `${name} не читается как фото (${reason}). Возможно, файл обрезан или это не изображение: сохраните его заново как JPEG, PNG, WebP или AVIF.`,
    tooLarge: (name, mp) => `${name} больше ${mp} мегапикселей: уменьшите его и загрузите снова.`,
    format: (name, format) => `${name} — изображение ${format}: загрузите JPEG, PNG, WebP или AVIF.`,
  },
  kk: {
    theFile: 'файл',
    unreadable: (name, reason) =>
      `${name} фото ретінде оқылмады (${reason}). Файл толық емес не сурет емес болуы мүмкін: оны JPEG, PNG, WebP немесе AVIF ретінде қайта сақтаңыз.`,
    tooLarge: (name, mp) => `${name} ${mp} мегапиксельден үлкен: кішірейтіп, қайта жүктеңіз.`,
    format: (name, format) => `${name} — ${format} суреті: JPEG, PNG, WebP немесе AVIF жүктеңіз.`,
  },
};

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
  const say = refusals[messageLocale(req.i18n?.language)];
  const name = file.name ?? say.theFile;
  const unreadable = (reason: string) => new APIError(say.unreadable(name, reason), 400);
  const tooLarge = () => new APIError(say.tooLarge(name, maxPixels / 1_000_000), 400);
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
    throw new APIError(say.format(name, header.format ?? 'unknown'), 400);
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
