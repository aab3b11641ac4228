import type { Locale } from '@oyu/shared-types';
import type { FacetKey } from '../facets';

/**
 * Every page type, by name, with its Astro route: the page's file under src/pages without its
 * extension or a last `/index` (`[lang]/editions/[year]/index.astro` is `[lang]/editions/[year]`).
 * A route whose last part is a file name (`robots.txt`) or the `[file]` param is an endpoint
 * (a .ts file) writing that file; any other writes a folder with an index.html, its address
 * ending in `/` (the site's `trailingSlash: 'always'`).
 */
export const routes = {
  /** `/`: sends each visitor to their language. */
  languages: '',
  /** Served for any address without a page (the build writes 404.html). */
  notFound: '404',
  robots: 'robots.txt',
  /** An edition's open data: works.csv, artisans.csv, edition.json, edition.jsonld. */
  openData: 'data/[year]/[file]',
  home: '[lang]',
  about: '[lang]/about',
  search: '[lang]/search',
  editions: '[lang]/editions',
  edition: '[lang]/editions/[year]',
  /** An AJW collection (a "showcase" in code). */
  collection: '[lang]/collections/[slug]',
  artisans: '[lang]/artisans',
  artisan: '[lang]/artisans/[slug]',
  work: '[lang]/works/[slug]',
  /** Page 1 of the listing of every work: the browse page, with its island. */
  browse: '[lang]/browse',
  /** Pages 2 and on of that listing, for visitors without JavaScript. */
  browsePage: '[lang]/browse/page/[n]',
  /** Every work of a language, for the browse island (lib/browseData.ts). */
  browseData: '[lang]/browse/works.json',
  /** Page 1 of the listing of one filter value ("Material: silver"). */
  facet: '[lang]/browse/[facet]/[value]',
  facetPage: '[lang]/browse/[facet]/[value]/page/[n]',
} as const;

/**
 * The draft preview's routes (its own Astro app, files under preview/pages), mounted at
 * `previewBase` by the site server.
 */
export const previewRoutes = {
  /** A draft work or artisan page, opened with a signed link (lib/preview.ts). */
  preview: '[lang]/[token]',
  /** A photo of a preview page, fetched through the same link. */
  previewMedia: 'media/[name]',
} as const;
export const previewBase = '/preview';

export type RouteName = keyof typeof routes;
type ParamNames<P extends string> = P extends `${string}[${infer Name}]${infer Rest}`
  ? Name | ParamNames<Rest>
  : never;
/** What a param holds: a language, a facet, or text (years and page numbers as written). */
type ParamValue<Name> = Name extends 'lang' ? Locale : Name extends 'facet' ? FacetKey : string;
/** A route's params, as its getStaticPaths gives them: `{ lang: 'en', slug: 'ring' }`. */
export type RouteParams<R extends RouteName> = {
  [Name in ParamNames<(typeof routes)[R]>]: ParamValue<Name>;
};
/** The routes with one page per language and no other param (`[lang]/about`). */
export type LanguageRoute = {
  [R in RouteName]: [ParamNames<(typeof routes)[R]>] extends ['lang']
    ? 'lang' extends ParamNames<(typeof routes)[R]>
      ? R
      : never
    : never;
}[RouteName];

/** Whether a route writes a file of its own name rather than a folder (see `routes`). */
export const writesFile = (pattern: string) => /(\.\w+|\[file\])$/.test(pattern);

/** A pattern with its params filled in, each escaped as a URL segment. */
export function fill(pattern: string, params: Record<string, string | undefined>): string {
  return pattern.replace(/\[(\w+)\]/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`The route ${pattern} needs its [${name}].`);
    return encodeURIComponent(value);
  });
}

/** An address from a filled pattern: a folder's ends in `/`, a file's in its name. */
export const addressOf = (filled: string, pattern: string) =>
  writesFile(pattern) ? `/${filled}` : filled ? `/${filled}/` : '/';

/** The address of a page: `/en/works/ring/`, `/data/2024/works.csv`, `/` for the language chooser. */
export function routePath<R extends RouteName>(route: R, params: RouteParams<R>): string {
  return addressOf(fill(routes[route], params), routes[route]);
}

/**
 * The file a page is written to, relative to the build's output, with forward slashes:
 * `en/works/ring/index.html`, `en/browse/works.json`. Astro writes the not-found page as 404.html.
 */
export function routeFile<R extends RouteName>(route: R, params: RouteParams<R>): string {
  return route === 'notFound' ? '404.html' : fileOfPath(routePath(route, params));
}

/** The file an address is served from: `/en/works/x/` → `en/works/x/index.html`, `/robots.txt` → `robots.txt`. */
export function fileOfPath(path: string): string {
  return path.endsWith('/') ? `${path.slice(1)}index.html` : path.slice(1);
}

/** The address a file is served at: `en/works/x/index.html` → `/en/works/x/`. */
export function pathOfFile(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** Where a language's pages are, `/ru`: every page of the language starts with it. */
export function languagePrefix(locale: Locale): string {
  return `/${locale}`;
}

/** `/ru/works/x/` from a locale and a path inside it. */
export function localePath(locale: Locale, path = '/'): string {
  return `${languagePrefix(locale)}${path.startsWith('/') ? path : `/${path}`}`;
}
