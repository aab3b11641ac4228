import { getCollection } from 'astro:content';
import type { Locale, Media } from '@oyu/shared-types';

/** Content entries are stored once per language, as `<locale>/<slug>` (see lib/paths.ts). */

/** The works of one language, read once per build and shared by every page. */
export async function worksIn(locale: Locale) {
  return (await getCollection('works', (entry) => entry.id.startsWith(`${locale}/`))).map(
    (entry) => entry.data,
  );
}

export async function artisansIn(locale: Locale) {
  return (await getCollection('artisans', (entry) => entry.id.startsWith(`${locale}/`))).map(
    (entry) => entry.data,
  );
}

export async function editionsIn(locale: Locale) {
  return (await getCollection('editions', (entry) => entry.id.startsWith(`${locale}/`)))
    .map((entry) => entry.data)
    .sort((a, b) => b.year - a.year);
}

export async function showcasesIn(locale: Locale) {
  return (await getCollection('showcases', (entry) => entry.id.startsWith(`${locale}/`))).map(
    (entry) => entry.data,
  );
}

export async function venuesIn(locale: Locale) {
  return (await getCollection('venues', (entry) => entry.id.startsWith(`${locale}/`))).map(
    (entry) => entry.data,
  );
}

export async function settingsIn(locale: Locale) {
  return (await getCollection('settings', (entry) => entry.id === `${locale}/site`))[0]?.data;
}

/**
 * The photo that link previews of pages without one of their own show (home, lists, about):
 * the current edition's hero image, else the cover of the first work on the home page.
 */
export async function sitePhoto(locale: Locale): Promise<Media | undefined> {
  const current = (await settingsIn(locale))?.currentEdition;
  const edition = (await editionsIn(locale)).find((candidate) => candidate.id === current);
  return edition?.heroImage ?? (await worksIn(locale))[0]?.photos[0];
}
