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
 * The edition the home page presents: the one chosen in the site settings, else the one
 * marked current, else the newest.
 */
export async function currentEditionIn(locale: Locale) {
  const editions = await editionsIn(locale);
  const chosen = (await settingsIn(locale))?.currentEdition;
  return (
    editions.find((edition) => edition.id === chosen) ??
    editions.find((edition) => edition.stage === 'current') ??
    editions[0]
  );
}

/**
 * The photo that link previews of pages without one of their own show (home, lists, about):
 * the current edition's hero image, else the cover of the first work.
 */
export async function sitePhoto(locale: Locale): Promise<Media | undefined> {
  return (await currentEditionIn(locale))?.heroImage ?? (await worksIn(locale))[0]?.photos[0];
}
