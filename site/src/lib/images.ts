import {
  type ImageFormat,
  type ImageSize,
  imageFormats,
  type Media,
  ogSize,
  responsiveSizeName,
  responsiveWidths,
  squareSize,
} from '@oyu/shared-types';
import { mediaPath } from './paths';
import { mimeTypeOf } from './stored';

export type Source = { type: string; srcset: string };
export type PictureData = {
  sources: Source[];
  src: string;
  width: number;
  height: number;
  placeholder: string | undefined;
};

const mimeTypes: Record<ImageFormat, string> = { avif: 'image/avif', webp: 'image/webp' };

/**
 * `<picture>` data from the renditions the CMS made at upload: one `srcset` per format, each
 * listing every width that exists, and the fallback `<img>` on the middle WebP.
 */
export function pictureData(media: Media): PictureData {
  const sources: Source[] = [];
  for (const format of imageFormats) {
    const entries = new Map<number, string>();
    for (const width of responsiveWidths) {
      const size = media.sizes[responsiveSizeName(format, width)];
      if (size?.filename && size.width) entries.set(size.width, `${mediaPath(size.filename)} ${size.width}w`);
    }
    if (entries.size) sources.push({ type: mimeTypes[format], srcset: [...entries.values()].join(', ') });
  }
  // A size the original was too small for is stored with every field null: skip those.
  const fallback = [
    media.sizes[responsiveSizeName('webp', 960)],
    media.sizes[responsiveSizeName('webp', 480)],
    media.sizes[responsiveSizeName('webp', 1600)],
    media.sizes[squareSize.name],
  ].find((size) => size?.filename);
  if (!fallback?.filename) {
    throw new Error(`photo ${media.id} ("${media.filename}") has no WebP rendition: re-upload it in the CMS`);
  }
  return {
    sources,
    src: mediaPath(fallback.filename),
    width: media.width,
    height: media.height,
    placeholder: media.lqip ?? undefined,
  };
}

/** The square crop around the focal point, for cards. */
export function squareData(media: Media): PictureData {
  const square = media.sizes[squareSize.name];
  if (!square?.filename) return pictureData(media);
  return {
    sources: [],
    src: mediaPath(square.filename),
    width: square.width ?? squareSize.width,
    height: square.height ?? squareSize.height,
    placeholder: media.lqip ?? undefined,
  };
}

/** Path of the widest rendition of a format no wider than `maxWidth` (or the narrowest one). */
export function renditionPath(media: Media, format: ImageFormat, maxWidth: number): string | undefined {
  const candidates = responsiveWidths
    .map((width) => media.sizes[responsiveSizeName(format, width)])
    .filter((size) => size?.filename && size.width)
    .sort((a, b) => (a?.width ?? 0) - (b?.width ?? 0));
  const fitting = candidates.filter((size) => (size?.width ?? 0) <= maxWidth);
  const chosen = fitting.at(-1) ?? candidates[0];
  return chosen?.filename ? mediaPath(chosen.filename) : undefined;
}

/** The picture a link preview shows (Open Graph and Twitter cards). */
export type SocialImage = {
  /** Site-relative path of the file, e.g. `/media/ring-1200x630.jpg`. */
  src: string;
  width: number;
  height: number;
  alt: string;
  mimeType?: string | undefined;
};

/**
 * The 1200×630 crop the CMS made for link previews, or, for a photo uploaded before it made
 * one (or too small for it), the widest WebP with its real dimensions. Undefined when there
 * is no photo or no usable rendition.
 */
export function socialImage(media: Media | null | undefined): SocialImage | undefined {
  if (!media) return undefined;
  const usable = (size: ImageSize | null | undefined) => Boolean(size?.filename && size.width && size.height);
  const og = media.sizes[ogSize.name];
  const widestWebp = responsiveWidths
    .map((width) => media.sizes[responsiveSizeName('webp', width)])
    .filter(usable)
    .sort((a, b) => (b?.width ?? 0) - (a?.width ?? 0))[0];
  const chosen = [og, widestWebp, media.sizes[squareSize.name]].find(usable);
  if (!chosen?.filename || !chosen.width || !chosen.height) return undefined;
  return {
    src: mediaPath(chosen.filename),
    width: chosen.width,
    height: chosen.height,
    alt: media.alt,
    mimeType: chosen.mimeType ?? mimeTypeOf(chosen.filename),
  };
}
