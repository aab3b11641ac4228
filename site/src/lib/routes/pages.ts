import type { Locale } from '@oyu/shared-types';
import type { FacetKey } from '../facets';
import { addressOf, fill, localePath, previewBase, previewRoutes, routePath } from './table';

/** One function per page type, from its document and language: what pages and components link with. */

export const homePath = (lang: Locale) => routePath('home', { lang });
export const aboutPath = (lang: Locale) => routePath('about', { lang });
export const searchPath = (lang: Locale) => routePath('search', { lang });
export const editionsPath = (lang: Locale) => routePath('editions', { lang });
export const artisansPath = (lang: Locale) => routePath('artisans', { lang });
export const languagesPath = () => routePath('languages', {});
export const notFoundPath = () => routePath('notFound', {});

export function editionPath(lang: Locale, edition: { year: number }): string {
  return routePath('edition', { lang, year: String(edition.year) });
}

export function collectionPath(lang: Locale, showcase: { slug: string }): string {
  return routePath('collection', { lang, slug: showcase.slug });
}

export function artisanPath(lang: Locale, artisan: { slug: string }): string {
  return routePath('artisan', { lang, slug: artisan.slug });
}

export function workPath(lang: Locale, work: { slug: string }): string {
  return routePath('work', { lang, slug: work.slug });
}

/**
 * The beginning every work page's address shares, `/en/works/`: a work's page is the prefix,
 * its slug and a slash. The browse island's data stores only the slugs (lib/browseData.ts).
 */
export function workPathPrefix(lang: Locale): string {
  return localePath(lang, '/works/');
}

/** Page `n` (from 1) of the listing of every work: page 1 is the browse page itself. */
export function browsePath(lang: Locale, n = 1): string {
  return n === 1 ? routePath('browse', { lang }) : routePath('browsePage', { lang, n: String(n) });
}

/** Page `n` (from 1) of the listing of the works with one filter value. */
export function facetPath(lang: Locale, facet: FacetKey, value: string, n = 1): string {
  return n === 1
    ? routePath('facet', { lang, facet, value })
    : routePath('facetPage', { lang, facet, value, n: String(n) });
}

/**
 * A filter value's listing inside its language, `/browse/material/silver/`: for the browse
 * island, which is given its language's prefix (`languagePrefix`) once. Written out rather
 * than filled from the route, to keep the island's code small; routes.test.ts checks that the
 * two agree.
 */
export function facetPathInLanguage(facet: FacetKey, value: string): string {
  return `/browse/${facet}/${encodeURIComponent(value)}/`;
}

/** What a listing of works shows, a page at a time: every work, or those with one filter value. */
export type WorkListing = 'all' | { facet: FacetKey; value: string };

/** The address of page `n` (from 1) of a listing. */
export function listingPath(lang: Locale, listing: WorkListing, n: number): string {
  return listing === 'all' ? browsePath(lang, n) : facetPath(lang, listing.facet, listing.value, n);
}

/** The browse island's works.json of a language (its page adds a version to it). */
export const browseDataPath = (lang: Locale) => routePath('browseData', { lang });

/** The open data files each edition publishes, by name. */
export const openDataFileNames = ['works.csv', 'artisans.csv', 'edition.json', 'edition.jsonld'] as const;
export type OpenDataFile = (typeof openDataFileNames)[number];

/** One of an edition's open data files: the same for every language. */
export function openDataPath(edition: { year: number }, file: OpenDataFile): string {
  return routePath('openData', { year: String(edition.year), file });
}

/** The page of a draft preview link in a language. */
export function previewPath(lang: Locale, token: string): string {
  return `${previewBase}${addressOf(fill(previewRoutes.preview, { lang, token }), previewRoutes.preview)}`;
}
