import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locale } from '@oyu/shared-types';

/** site/ itself, wherever the build is started from. */
export const siteRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Downloaded renditions, kept between builds so unchanged photos are not fetched again. */
export function mediaCacheDir(configured: string | undefined): string {
  return path.resolve(configured ?? path.join(siteRoot, '.cache', 'media'));
}

/** Set by the draft preview's build (astro.preview.config.ts); the site build leaves it undefined. */
declare const __OYU_MEDIA_BASE__: string | undefined;

/**
 * Where pages find photos: /media/ on the built site; /preview/media/ on the draft preview
 * server, which fetches them from the CMS with the preview link. Vite replaces the constant at
 * build time; anywhere else (astro.config, tests) it is undefined.
 */
const mediaBase = typeof __OYU_MEDIA_BASE__ === 'string' ? __OYU_MEDIA_BASE__ : '/media/';

/** Public path of a rendition on the built site. */
export function mediaPath(filename: string): string {
  return `${mediaBase}${encodeURIComponent(filename)}`;
}

/** Content entries are stored once per language, as `<locale>/<slug>`. */
export function entryId(locale: Locale, slug: string): string {
  return `${locale}/${slug}`;
}
