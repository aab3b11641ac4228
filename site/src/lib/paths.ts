import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locale } from '@oyu/shared-types';

/** site/ itself, wherever the build is started from. */
export const siteRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Downloaded renditions, kept between builds so unchanged photos are not fetched again. */
export function mediaCacheDir(configured: string | undefined): string {
  return path.resolve(configured ?? path.join(siteRoot, '.cache', 'media'));
}

/** Public path of a rendition on the built site. */
export function mediaPath(filename: string): string {
  return `/media/${encodeURIComponent(filename)}`;
}

/** Content entries are stored once per language, as `<locale>/<slug>`. */
export function entryId(locale: Locale, slug: string): string {
  return `${locale}/${slug}`;
}
