import { getCollection } from 'astro:content';
import crypto from 'node:crypto';
import type { Locale, Media } from '@oyu/shared-types';
import { browseItem } from './browse';
import { packBrowseData } from './browseData';
import { mediaPath } from './paths';
import { browseDataPath, workPathPrefix } from './routes';
import { buildCache, type SiteCollection, siteDataSource } from './siteData';

/** Content entries are stored once per language, as `<locale>/<slug>` (see lib/paths.ts). */

const cache = buildCache<Promise<unknown[]>>();

/**
 * Reads a collection's entries of one language once per build and shares them with every
 * page; each caller gets its own array, so sorting it in place is safe. The publisher's
 * documents (lib/siteData.ts) stand in for the content store when it renders.
 */
async function once<T>(collection: SiteCollection, locale: Locale, read: () => Promise<T[]>): Promise<T[]> {
  const source = siteDataSource();
  const entries = cache(`${collection}/${locale}`, () =>
    source ? Promise.resolve([...source.entries(collection, locale)]) : read(),
  );
  return [...((await entries) as T[])];
}

const inLanguage = (locale: Locale) => (entry: { id: string }) => entry.id.startsWith(`${locale}/`);

export function worksIn(locale: Locale) {
  return once('works', locale, async () =>
    (await getCollection('works', inLanguage(locale))).map((entry) => entry.data),
  );
}

export function artisansIn(locale: Locale) {
  return once('artisans', locale, async () =>
    (await getCollection('artisans', inLanguage(locale))).map((entry) => entry.data),
  );
}

export async function editionsIn(locale: Locale) {
  return (
    await once('editions', locale, async () =>
      (await getCollection('editions', inLanguage(locale))).map((entry) => entry.data),
    )
  ).sort((a, b) => b.year - a.year);
}

export function showcasesIn(locale: Locale) {
  return once('showcases', locale, async () =>
    (await getCollection('showcases', inLanguage(locale))).map((entry) => entry.data),
  );
}

export function venuesIn(locale: Locale) {
  return once('venues', locale, async () =>
    (await getCollection('venues', inLanguage(locale))).map((entry) => entry.data),
  );
}

export async function settingsIn(locale: Locale) {
  const [settings] = await once('settings', locale, async () =>
    (await getCollection('settings', (entry) => entry.id === `${locale}/site`)).map((entry) => entry.data),
  );
  return settings;
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

const browseFiles = buildCache<Promise<{ json: string; url: string }>>();

/**
 * The browse island's works.json of a language, and the address the browse page fetches it
 * from: its fixed path plus a hash of its content (`?v=…`), so that a cache in front of the
 * site never hands fresh HTML an older list. Made once, for the page and the file alike.
 */
export function browseFile(lang: Locale): Promise<{ json: string; url: string }> {
  return browseFiles(lang, async () => {
    const works = await worksIn(lang);
    const data = packBrowseData(
      works.map((work) => browseItem(work, lang)),
      { pages: workPathPrefix(lang), media: mediaPath('') },
    );
    const json = JSON.stringify(data);
    const version = crypto.createHash('sha1').update(json).digest('hex').slice(0, 12);
    return { json, url: `${browseDataPath(lang)}?v=${version}` };
  });
}
