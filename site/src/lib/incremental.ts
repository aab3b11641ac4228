import path from 'node:path';
import { type Locale, locales } from '@oyu/shared-types';
import { browsePageSize } from './browse';
import { type FacetKey, facetKeys, facetOptions, workFacets } from './facets';
import { jsonHash as hash } from './jsonHash';
import { changedOpenData, openDataHashes } from './openDataPlan';
import { changedRelatedWorks, relatedWorks } from './relatedPlan';
import {
  allWorksFiles,
  type DocumentKind,
  documentPath,
  facetPath,
  fileOfPath,
  matchFile,
  matchPath,
  memberFiles,
  routeFile,
  type WorkMembership,
} from './routes';
import { readDocsFile } from './snapshot';

/**
 * Incremental builds. Each release records two indexes beside its pages:
 *
 *   oyu-data.json   every document it was built from (a hash of each, its page, and a hash of
 *                   what related-works ranking reads), and the hash of the site's code
 *   oyu-links.json  for every page, the pages it links to
 *
 * The next build compares the documents it just fetched with the live release's. When only
 * the content of existing works, artisans, collections or editions changed, it renders only the
 * pages that show them — their own pages and every page linking to them (cards, lists, facts,
 * timelines), plus the pages that depend on all works (home, browse and its works.json) — and
 * takes every other file from the live release; an edition's open data is written again when
 * what it shows changed (openDataPlan.ts). Anything else (code, settings, venues,
 * vocabulary, a document added, removed or moved to another address, a new filter value) makes
 * a full build.
 */
export type DocEntry = { hash: string; url: string | null; related?: string; facets?: string };
/**
 * `options`: a hash of each filter's values and labels in each language (`<locale>\n<facet>`),
 * as every listing of that filter shows them beside its works (facetPages.ts).
 */
export type DataIndex = {
  code: string;
  docs: Record<string, DocEntry>;
  options?: Record<string, string>;
  /**
   * A hash of when each work was last updated. Documents' hashes leave `updatedAt` out: a save
   * in one language changes it in all three, and only the home pages show it (their most
   * recently updated works, lib/featured.ts), which every partial build renders.
   */
  updated?: string;
  /** What each edition's open data shows, hashed, by year (lib/openDataPlan.ts). */
  openData?: Record<string, string>;
  /** The related works each work page lists, by work (lib/relatedPlan.ts). */
  relatedWorks?: Record<string, string>;
};
export type LinkIndex = Record<string, string[]>;
export type Plan =
  | { mode: 'full'; reason: string }
  | { mode: 'partial'; pages: Set<string>; changed: string[] };

export const dataIndexFile = 'oyu-data.json';
export const linkIndexFile = 'oyu-links.json';
/** Which photo files the pages use, with how many pages use each (see mediaIntegration.ts). */
export const mediaIndexFile = 'oyu-media.json';
/** The inline scripts' and styles' hashes of every page (see securityHeaders.ts). */
export const cspIndexFile = 'oyu-csp.json';
/** A build's indexes: made for each build, never taken from the base. */
export const indexFiles = new Set([
  dataIndexFile,
  linkIndexFile,
  mediaIndexFile,
  cspIndexFile,
  '_headers',
  'oyu-release.json',
]);

/** A document's hash without `updatedAt`, its own or its embedded documents' (see `DataIndex.updated`). */
const contentHash = (doc: unknown) => hash(doc, (key, value) => (key === 'updatedAt' ? undefined : value));

type Doc = Record<string, unknown> & { id?: number; slug?: string; year?: number };
/** A build's documents, by `<collection>.<locale>` (e.g. `oyu-works.kk`). */
export type BuildData = Map<string, Doc[]>;

/** The snapshot's collections whose documents have pages, as routes.ts names their kinds. */
const pageKinds: Record<string, DocumentKind> = {
  'oyu-works': 'works',
  'oyu-artisans': 'artisans',
  'oyu-collections': 'showcases',
  'oyu-editions': 'editions',
};

/** The page of a document in a language, as a site-internal URL. */
function urlOf(collection: string, locale: Locale, doc: Doc): string | null {
  const kind = pageKinds[collection];
  return (kind && documentPath(kind, locale, doc)) ?? null;
}

/** What related-works ranking and featured works read of a work or collection. */
function relatedPart(collection: string, doc: Doc): string | undefined {
  const ids = (value: unknown) =>
    Array.isArray(value) ? value.map((item) => (item as { id?: number }).id ?? item) : [];
  if (collection === 'oyu-works') {
    return hash([
      ids(doc.artisans),
      (doc.pieceType as { id?: number } | null)?.id ?? null,
      ids(doc.materials),
      ids(doc.gemstones),
      ids(doc.techniques),
      ids(doc.editions),
      doc.colours,
    ]);
  }
  if (collection === 'oyu-collections') return hash([doc.works, (doc.edition as { id?: number })?.id]);
  return undefined;
}

const collections = [
  'oyu-works',
  'oyu-artisans',
  'oyu-collections',
  'oyu-editions',
  'oyu-venues',
  'oyu-settings',
];

/** Reads the documents a build used from its snapshot folder (`<collection>.<locale>.json`). */
export async function readBuildData(dir: string): Promise<BuildData> {
  const files = new Map<string, unknown[]>();
  for (const collection of collections) {
    for (const locale of locales) {
      const docs = await readDocsFile(path.join(dir, `${collection}.${locale}.json`));
      if (docs) files.set(`${collection}.${locale}`, docs);
    }
  }
  return buildDataOf((collection, locale) => files.get(`${collection}.${locale}`));
}

/**
 * A build's documents as they are in memory, by snapshot name (`oyu-works`) and language:
 * what `readBuildData` reads once they are written, in the same order.
 */
export function buildDataOf(
  docsOf: (collection: string, locale: Locale) => unknown[] | undefined,
): BuildData {
  const data = new Map<string, Doc[]>();
  for (const collection of collections) {
    for (const locale of locales) {
      const docs = docsOf(collection, locale);
      if (docs) data.set(`${collection}.${locale}`, docs as Doc[]);
    }
  }
  return data;
}

export function dataIndex(data: BuildData, code: string): DataIndex {
  const docs: Record<string, DocEntry> = {};
  for (const [key, list] of data) {
    const [collection = '', locale = 'en'] = key.split('.');
    list.forEach((doc, i) => {
      docs[`${key}/${doc.id ?? i}`] = entryOf(collection, locale as Locale, doc);
    });
  }
  const updated = locales.flatMap((locale) =>
    (data.get(`oyu-works.${locale}`) ?? []).map((work) => [work.id, work.updatedAt]),
  );
  return {
    code,
    docs,
    options: filterOptions(data),
    updated: hash(updated),
    openData: openDataHashes(data, docs),
    relatedWorks: relatedWorks(data, docs),
  };
}

/** What `DataIndex.options` records. */
function filterOptions(data: BuildData): Record<string, string> {
  const options: Record<string, string> = {};
  for (const locale of locales) {
    const found = facetOptions((data.get(`oyu-works.${locale}`) ?? []) as never, locale);
    for (const facet of facetKeys) options[`${locale}\n${facet}`] = hash(found[facet]);
  }
  return options;
}

/**
 * Each document's entry, kept per document read: a build process kept between builds reads
 * unchanged documents from memory (snapshot.ts), the same objects, and does not hash them again.
 */
const entries = new WeakMap<Doc, { collection: string; locale: Locale; entry: DocEntry }>();

function entryOf(collection: string, locale: Locale, doc: Doc): DocEntry {
  const known = entries.get(doc);
  if (known && known.collection === collection && known.locale === locale) return known.entry;
  const related = relatedPart(collection, doc);
  const entry: DocEntry = {
    hash: contentHash(doc),
    url: urlOf(collection, locale, doc),
    ...(related ? { related } : {}),
    // The filter values a work is listed under (its maker's country among them).
    ...(collection === 'oyu-works' ? { facets: hash(workFacets(doc as never)) } : {}),
  };
  entries.set(doc, { collection, locale, entry });
  return entry;
}

/**
 * Pages rendered whenever anything changes: they depend on all works. The browse island's
 * works.json goes with its page. (The listing's later pages, `browse/page/<n>/`, link the works
 * they show, like any list.)
 */
const alwaysPages = locales.flatMap(allWorksFiles);

/**
 * A filter value's listing, named by the file of its first page
 * (`en/browse/material/silver/index.html`).
 */
const listingOf = (locale: Locale, facet: string, value: string) =>
  routeFile('facet', { lang: locale, facet: facet as FacetKey, value });

/**
 * The listing a page of a filter value's listing belongs to (see `listingOf`): for
 * `en/browse/material/silver/index.html` and its later pages, `…/silver/page/2/index.html`.
 */
function listingOfPage(page: string): string | undefined {
  const match = matchFile(page);
  if (match?.route !== 'facet' && match?.route !== 'facetPage') return undefined;
  return listingOf(match.params.lang, match.params.facet, match.params.value);
}

/** A link to an edition's or an artisan's page: `/en/editions/2024/`, `/kk/artisans/aigerim/`. */
const isMemberPage = (link: string) => {
  const route = matchPath(link)?.route;
  return route === 'edition' || route === 'artisan';
};

/** Every page of every filter value's listing this data makes, by listing (see `listingOf`). */
function facetListings(data: BuildData): Map<string, string[]> {
  // Counted by a plain key first: there are many more (work, value) pairs than listings.
  const counts = new Map<string, { locale: Locale; facet: FacetKey; value: string; works: number }>();
  for (const locale of locales) {
    for (const work of data.get(`oyu-works.${locale}`) ?? []) {
      for (const [facet, values] of Object.entries(workFacets(work as never))) {
        for (const value of values) {
          const key = `${locale}\n${facet}\n${value}`;
          const listing = counts.get(key) ?? { locale, facet: facet as FacetKey, value, works: 0 };
          listing.works += 1;
          counts.set(key, listing);
        }
      }
    }
  }
  const listings = new Map<string, string[]>();
  for (const { locale, facet, value, works } of counts.values()) {
    const pages = Array.from({ length: Math.ceil(works / browsePageSize) }, (_, i) =>
      fileOfPath(facetPath(locale, facet, value, i + 1)),
    );
    listings.set(listingOf(locale, facet, value), pages);
  }
  return listings;
}

/** The base release's pages of filter value listings, each with its listing (see `listingOf`). */
function baseListingPages(baseLinks: LinkIndex): Map<string, string> {
  const found = new Map<string, string>();
  for (const page of Object.keys(baseLinks)) {
    const listing = listingOfPage(page);
    if (listing) found.set(page, listing);
  }
  return found;
}

/** A release's indexes, to start a partial build from. */
type Base = { data: DataIndex; links: LinkIndex };
/** What the steps of a partial plan read: the two releases and the documents that changed. */
type Diff = {
  base: Base;
  next: DataIndex;
  data: BuildData;
  changed: string[];
  /** The base's filter value pages, each with its listing. */
  baseListings: Map<string, string>;
};
/** The pages to render, and the addresses whose linking pages are to be rendered too. */
type Render = { pages: Set<string>; urls: Set<string> };

/**
 * A full build, or the pages a partial one renders: those showing a changed document, then
 * every page its change can reach (see each step).
 */
export function planBuild(options: { base: Base | undefined; next: DataIndex; data: BuildData }): Plan {
  const { base, next, data } = options;
  if (!base) return { mode: 'full', reason: 'there is no earlier build to start from' };
  const changed = changedDocs(base.data, next);
  if (!Array.isArray(changed)) return { mode: 'full', reason: changed.reason };
  if (changed.length === 0)
    return {
      mode: 'partial',
      pages: new Set(base.data.updated === next.updated ? [] : alwaysPages),
      changed,
    };
  const listings = facetListings(data);
  const baseListings = baseListingPages(base.links);
  if (facetPagesChanged(listings, baseListings)) return { mode: 'full', reason: 'the filter pages changed' };
  if (!base.data.options) return { mode: 'full', reason: 'the live build does not record its filter labels' };

  const diff: Diff = { base, next, data, changed, baseListings };
  const render: Render = { pages: new Set(alwaysPages), urls: new Set() };
  for (const key of changed) addDocPage(render, next.docs[key]?.url);
  addWorksOfChangedMakers(diff, render);
  addRefiledListings(diff, listings, render.pages);
  addMembershipPages(diff, render.pages);
  addRelatedWorkPages(diff, render.pages);
  addRelabelledListings(diff, listings, render.pages);
  for (const file of changedOpenData(base.data.openData, next.openData)) render.pages.add(file);
  for (const [page, links] of Object.entries(base.links)) {
    if (links.some((link) => render.urls.has(link))) render.pages.add(page);
  }
  return { mode: 'partial', pages: render.pages, changed };
}

/**
 * The keys of the documents whose content changed, or why the build must be full: the code
 * changed, documents came or went, or something changed that is not a work, artisan,
 * collection or edition, or a page moved.
 */
function changedDocs(base: DataIndex, next: DataIndex): string[] | { reason: string } {
  if (base.code !== next.code) return { reason: 'the site’s code changed' };
  const before = Object.keys(base.docs).sort();
  const after = Object.keys(next.docs).sort();
  if (before.join('\n') !== after.join('\n')) return { reason: 'documents were added or removed' };
  const changed = after.filter((key) => base.docs[key]?.hash !== next.docs[key]?.hash);
  for (const key of changed) {
    if (!/^oyu-(works|artisans|collections|editions)\./.test(key)) {
      return { reason: `${key.split('.')[0]?.replace('oyu-', '')} changed` };
    }
    if (base.docs[key]?.url !== next.docs[key]?.url) return { reason: 'a page moved to another address' };
  }
  return changed;
}

/**
 * The filter pages are one listing per value in use, in pages: values that appear or
 * disappear, or listings that gain or lose a page, change the set.
 */
function facetPagesChanged(listings: Map<string, string[]>, baseListings: Map<string, string>): boolean {
  const facetPages = new Set([...listings.values()].flat());
  const baseFacetPages = [...baseListings.keys()];
  return baseFacetPages.length !== facetPages.size || baseFacetPages.some((page) => !facetPages.has(page));
}

/** A document's own page, and its address, so that the pages linking it are rendered too. */
function addDocPage(render: Render, url: string | null | undefined) {
  if (!url) return;
  render.urls.add(url);
  render.pages.add(fileOfPath(url));
}

/** The language and this build's document of a changed work's key (`oyu-works.kk/12`). */
function changedWork(data: BuildData, key: string) {
  const locale = key.slice('oyu-works.'.length, key.indexOf('/')) as Locale;
  const work = (data.get(`oyu-works.${locale}`) ?? []).find((doc) => String(doc.id) === key.split('/')[1]);
  return { locale, work };
}

const changedWorks = (changed: string[]) => changed.filter((key) => key.startsWith('oyu-works.'));

/** A maker's name shows on the cards of their works: pages linking those works change too. */
function addWorksOfChangedMakers({ changed, data }: Diff, render: Render) {
  const changedArtisans = new Set(
    changed.filter((key) => key.startsWith('oyu-artisans.')).map((key) => Number(key.split('/')[1])),
  );
  for (const locale of locales) {
    for (const work of data.get(`oyu-works.${locale}`) ?? []) {
      const makers = (work.artisans as { id: number }[] | undefined) ?? [];
      if (makers.some((maker) => changedArtisans.has(maker.id)))
        addDocPage(render, urlOf('oyu-works', locale, work));
    }
  }
}

/**
 * A work listed under other values than before moves the works after it on every page of
 * those values' listings, old and new. (A page that lists a changed work links it: the last
 * step of `planBuild` renders it.)
 */
function addRefiledListings(diff: Diff, listings: Map<string, string[]>, pages: Set<string>) {
  const { base, next, data } = diff;
  for (const key of changedWorks(diff.changed)) {
    if (base.data.docs[key]?.facets === next.docs[key]?.facets) continue;
    const { locale, work } = changedWork(data, key);
    const refiled = new Set<string>();
    for (const [facet, values] of Object.entries(work ? workFacets(work as never) : {}))
      for (const value of values) refiled.add(listingOf(locale, facet, value));
    const url = next.docs[key]?.url;
    for (const [page, listing] of diff.baseListings) {
      if (url && base.links[page]?.includes(url)) refiled.add(listing);
    }
    for (const listing of refiled) for (const page of listings.get(listing) ?? []) pages.add(page);
  }
}

/**
 * Edition and artisan pages list their works by membership, not by a link the work's own
 * page could show: a work joining an edition or gaining a maker changes a page that did not
 * link it before. Its edition and maker pages, then and now, are rendered again (then: those
 * its last page linked; now: those it names). Membership is part of what related works read.
 */
function addMembershipPages(diff: Diff, pages: Set<string>) {
  const { base, next, data } = diff;
  for (const key of changedWorks(diff.changed)) {
    if (base.data.docs[key]?.related === next.docs[key]?.related) continue;
    const url = next.docs[key]?.url;
    for (const link of (url && base.links[fileOfPath(url)]) || [])
      if (isMemberPage(link)) pages.add(fileOfPath(link));
    const { locale, work } = changedWork(data, key);
    for (const page of work ? memberFiles(locale, work as WorkMembership) : []) pages.add(page);
  }
}

/**
 * Every listing of a filter shows all its values' labels: a label renamed (a vocabulary term,
 * which has no page of its own) changes every listing of that filter in that language.
 */
function addRelabelledListings(
  { base, next, data }: Diff,
  listings: Map<string, string[]>,
  pages: Set<string>,
) {
  for (const [key, options] of Object.entries(next.options ?? {})) {
    if (base.data.options?.[key] === options) continue;
    const [locale, facet] = key.split('\n') as [Locale, FacetKey];
    const values = new Set<string>();
    for (const work of data.get(`oyu-works.${locale}`) ?? [])
      for (const value of workFacets(work as never)[facet]) values.add(value);
    for (const value of values)
      for (const page of listings.get(listingOf(locale, facet, value)) ?? []) pages.add(page);
  }
}

/**
 * Related works are ranked over all works: when what they rank by changes, the work pages
 * whose list changed (every work page, when the live build has no record of its lists).
 */
function addRelatedWorkPages({ base, next, changed }: Diff, pages: Set<string>) {
  if (!changed.some((key) => base.data.docs[key]?.related !== next.docs[key]?.related)) return;
  if (base.data.relatedWorks && next.relatedWorks) {
    for (const url of changedRelatedWorks(base.data.relatedWorks, next.relatedWorks, next.docs))
      pages.add(fileOfPath(url));
    return;
  }
  for (const page of Object.keys(base.links)) if (matchFile(page)?.route === 'work') pages.add(page);
}

/** The site-internal page links of one page, for the link index. */
export function pageLinks(links: string[]): string[] {
  return [
    ...new Set(links.filter((link) => link.endsWith('/') && !/^\/(media|_astro|pagefind)\//.test(link))),
  ].sort();
}
