import path from 'node:path';
import { type Locale, locales } from '@oyu/shared-types';
import { type FacetKey, facetKeys, facetOptions } from './facets';
import { jsonHash as hash } from './jsonHash';
import { changedListings, filterListingPages, listingHashes } from './listingPlan';
import { changedOpenData, openDataHashes } from './openDataPlan';
import { changedRelatedWorks, relatedWorks } from './relatedPlan';
import {
  allWorksFiles,
  type DocumentKind,
  documentPath,
  fileOfPath,
  matchFile,
  matchPath,
  memberFiles,
  pathOfFile,
  routeFile,
  type WorkMembership,
} from './routes';
import { readDocsFile } from './snapshot';

/**
 * Incremental builds. Each release records two indexes beside its pages:
 *
 *   oyu-data.json   every document it was built from (a hash of each, its page, and a hash of
 *                   what related-works ranking reads), what each listing page and each
 *                   edition's open data show, and the hash of the site's code
 *   oyu-links.json  for every page, the pages it links to
 *
 * The next build compares the documents it just fetched with the live release's. When works,
 * artisans, collections or editions changed, or works and artisans were published, taken
 * down or moved to another address, it renders only the pages that show them — their own
 * pages and every page linking to them (cards, lists, facts, timelines), the pages listing
 * works by membership, the listing pages whose works moved (listingPlan.ts), plus the pages
 * that depend on all works (home, browse and its works.json) — deletes the pages gone, and
 * takes every other file from the live release; an edition's open data is written again when
 * what it shows changed (openDataPlan.ts). Anything else (code, settings, venues, an edition
 * or a collection added, removed or moved) makes a full build.
 */
export type DocEntry = { hash: string; url: string | null; related?: string };
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
  /** What each page of the listings without JavaScript shows, hashed, by file (lib/listingPlan.ts). */
  listings?: Record<string, string>;
};
export type LinkIndex = Record<string, string[]>;
/**
 * A partial plan: the pages (and files) to render, the files of the live build this one no
 * longer has, and the documents whose content `changed`, that were `added` (published) or
 * are `gone` (unpublished, deleted), by key (`oyu-works.kk/12`).
 */
export type Plan =
  | { mode: 'full'; reason: string }
  | {
      mode: 'partial';
      pages: Set<string>;
      removed: Set<string>;
      changed: string[];
      added: string[];
      gone: string[];
    };

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
    listings: listingHashes(data),
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
  };
  entries.set(doc, { collection, locale, entry });
  return entry;
}

/**
 * Pages rendered whenever anything changes: they depend on all works. The browse island's
 * works.json goes with its page. (The listing's later pages, `browse/page/<n>/`, are planned
 * with the filter listings: lib/listingPlan.ts.)
 */
const alwaysPages = locales.flatMap(allWorksFiles);

/** A link to an edition's or an artisan's page: `/en/editions/2024/`, `/kk/artisans/aigerim/`. */
const isMemberPage = (link: string) => {
  const route = matchPath(link)?.route;
  return route === 'edition' || route === 'artisan';
};

/** A release's indexes, to start a partial build from. */
type Base = { data: DataIndex; links: LinkIndex };
/** What the steps of a partial plan read: the two releases and the documents that changed. */
type Diff = {
  base: Base;
  next: DataIndex & { listings: Record<string, string> };
  data: BuildData;
} & DocChanges;
/**
 * The pages to render, the addresses whose linking pages are to be rendered too, and the
 * files this build no longer has.
 */
type Render = { pages: Set<string>; urls: Set<string>; removed: Set<string> };

/**
 * A full build, or the pages a partial one renders and the files it deletes: those showing a
 * changed, added or removed document, then every page its change can reach (see each step).
 */
export function planBuild(options: { base: Base | undefined; next: DataIndex; data: BuildData }): Plan {
  const { base, next, data } = options;
  if (!base) return { mode: 'full', reason: 'there is no earlier build to start from' };
  const changes = docChanges(base.data, next);
  if ('reason' in changes) return { mode: 'full', reason: changes.reason };
  const { changed, added, gone } = changes;
  if (!changed.length && !added.length && !gone.length)
    return {
      mode: 'partial',
      pages: new Set(base.data.updated === next.updated ? [] : alwaysPages),
      removed: new Set(),
      ...changes,
    };
  if (!base.data.options) return { mode: 'full', reason: 'the live build does not record its filter labels' };
  if (!base.data.listings || !next.listings)
    return { mode: 'full', reason: 'the live build does not record its listings' };

  const diff: Diff = { base, next: { ...next, listings: next.listings }, data, ...changes };
  const render: Render = { pages: new Set(alwaysPages), urls: new Set(), removed: new Set() };
  for (const key of [...changed, ...added]) addDocPage(render, next.docs[key]?.url);
  // A page gone, or moved: the pages linking its old address are rendered again.
  for (const key of [...changed, ...gone]) {
    const url = base.data.docs[key]?.url;
    if (url && url !== next.docs[key]?.url) {
      render.urls.add(url);
      render.removed.add(fileOfPath(url));
    }
  }
  addArtisanIndexes(diff, render.pages);
  addWorksOfChangedMakers(diff, render);
  addListings(diff, render);
  addMembershipPages(diff, render.pages);
  addRelatedWorkPages(diff, render.pages);
  for (const file of changedOpenData(base.data.openData, next.openData)) render.pages.add(file);
  for (const [page, links] of Object.entries(base.links)) {
    if (links.some((link) => render.urls.has(link))) render.pages.add(page);
  }
  // A file both gone and made (a work unpublished, another published at its address) is made.
  const made = new Set([
    ...Object.values(next.docs).flatMap((entry) => (entry.url ? [fileOfPath(entry.url)] : [])),
    ...Object.keys(next.listings),
  ]);
  const removed = new Set([...render.removed].filter((file) => !made.has(file)));
  const pages = new Set([...render.pages].filter((page) => !removed.has(page)));
  return { mode: 'partial', pages, removed, ...changes };
}

/** Which documents' content changed, which came and which went, by key (`oyu-works.kk/12`). */
type DocChanges = { changed: string[]; added: string[]; gone: string[] };

/**
 * The collections whose documents a partial build may add, remove or move to another address:
 * works and artisans, which curators publish and unpublish all day. Editions and collections
 * come and go a few times a year and show on many pages (menus, timelines, every member
 * work's facts): those make a full build.
 */
const comeAndGo = /^oyu-(works|artisans)\./;

/**
 * The documents that changed, came or went, or why the build must be full: the code changed,
 * something changed that is not a work, artisan, collection or edition, a collection or an
 * edition came, went or moved to another address.
 */
function docChanges(base: DataIndex, next: DataIndex): DocChanges | { reason: string } {
  if (base.code !== next.code) return { reason: 'the site’s code changed' };
  const added = Object.keys(next.docs).filter((key) => !base.docs[key]);
  const gone = Object.keys(base.docs).filter((key) => !next.docs[key]);
  const other = [...added, ...gone].find((key) => !comeAndGo.test(key));
  if (other) return { reason: `${other.split('.')[0]?.replace('oyu-', '')} were added or removed` };
  const changed = Object.keys(next.docs).filter(
    (key) => base.docs[key] && base.docs[key]?.hash !== next.docs[key]?.hash,
  );
  for (const key of changed) {
    if (!/^oyu-(works|artisans|collections|editions)\./.test(key)) {
      return { reason: `${key.split('.')[0]?.replace('oyu-', '')} changed` };
    }
    if (base.docs[key]?.url !== next.docs[key]?.url && !comeAndGo.test(key))
      return { reason: 'a collection or an edition moved to another address' };
  }
  return { changed: changed.sort(), added: added.sort(), gone: gone.sort() };
}

/** A document's own page, and its address, so that the pages linking it are rendered too. */
function addDocPage(render: Render, url: string | null | undefined) {
  if (!url) return;
  render.urls.add(url);
  render.pages.add(fileOfPath(url));
}

/** This build's document of a work's key (`oyu-works.kk/12`), with its language. */
function workOf(data: BuildData, key: string) {
  const locale = key.slice('oyu-works.'.length, key.indexOf('/')) as Locale;
  const work = (data.get(`oyu-works.${locale}`) ?? []).find((doc) => String(doc.id) === key.split('/')[1]);
  return { locale, work };
}

const workKeys = (keys: string[]) => keys.filter((key) => key.startsWith('oyu-works.'));

/** The list of every artisan, in each language an artisan came to (one who went is linked from it). */
function addArtisanIndexes({ added, changed, base, next }: Diff, pages: Set<string>) {
  for (const key of [...added, ...changed]) {
    if (!key.startsWith('oyu-artisans.') || base.data.docs[key]?.url === next.docs[key]?.url) continue;
    pages.add(routeFile('artisans', { lang: key.slice('oyu-artisans.'.length, key.indexOf('/')) as Locale }));
  }
}

/** A maker's name shows on the cards of their works: pages linking those works change too. */
function addWorksOfChangedMakers({ changed, data }: Diff, render: Render) {
  const changedArtisans = new Set(
    changed.filter((key) => key.startsWith('oyu-artisans.')).map((key) => Number(key.split('/')[1])),
  );
  if (!changedArtisans.size) return;
  for (const locale of locales) {
    for (const work of data.get(`oyu-works.${locale}`) ?? []) {
      const makers = (work.artisans as { id: number }[] | undefined) ?? [];
      if (makers.some((maker) => changedArtisans.has(maker.id)))
        addDocPage(render, urlOf('oyu-works', locale, work));
    }
  }
}

/**
 * The listing pages whose works, place or count changed, new or gone (lib/listingPlan.ts);
 * and every listing of a filter whose labels changed: each shows all its values' labels (a
 * vocabulary term, which has no page of its own), or a value came or went.
 */
function addListings({ base, next }: Diff, render: Render) {
  const { pages, gone } = changedListings(base.data.listings ?? {}, next.listings);
  for (const page of pages) render.pages.add(page);
  for (const page of gone) {
    render.removed.add(page);
    render.urls.add(pathOfFile(page));
  }
  for (const [key, options] of Object.entries(next.options ?? {})) {
    if (base.data.options?.[key] === options) continue;
    const [locale, facet] = key.split('\n') as [Locale, FacetKey];
    for (const page of filterListingPages(next.listings, locale, facet)) render.pages.add(page);
  }
}

/**
 * Edition, artisan and collection pages list their works by membership, not by a link the
 * work's own page could show: a work joining an edition, gaining a maker or published
 * changes a page that did not link it before. Its edition and maker pages, then and now, are
 * rendered again (then: those its last page linked; now: those it names), and the collections
 * naming a work published. Membership is part of what related works read.
 */
function addMembershipPages(diff: Diff, pages: Set<string>) {
  const { base, next, data } = diff;
  const joined = new Set<string>();
  for (const key of workKeys([...diff.changed, ...diff.added, ...diff.gone])) {
    if (base.data.docs[key]?.related === next.docs[key]?.related) continue;
    const url = base.data.docs[key]?.url;
    for (const link of (url && base.links[fileOfPath(url)]) || [])
      if (isMemberPage(link)) pages.add(fileOfPath(link));
    const { locale, work } = workOf(data, key);
    for (const page of work ? memberFiles(locale, work as WorkMembership) : []) pages.add(page);
    if (!base.data.docs[key] && work) joined.add(`${locale}/${work.id}`);
  }
  if (!joined.size) return;
  for (const locale of locales) {
    for (const showcase of data.get(`oyu-collections.${locale}`) ?? []) {
      const members = (showcase.works as (number | { id: number })[] | undefined) ?? [];
      const url = urlOf('oyu-collections', locale, showcase);
      if (
        url &&
        members.some((member) => joined.has(`${locale}/${typeof member === 'number' ? member : member.id}`))
      )
        pages.add(fileOfPath(url));
    }
  }
}

/**
 * Related works are ranked over all works: when what they rank by changes, the work pages
 * whose list changed (every work page, when the live build has no record of its lists).
 */
function addRelatedWorkPages({ base, next, changed, added, gone }: Diff, pages: Set<string>) {
  const keys = [...changed, ...added, ...gone];
  if (!keys.some((key) => base.data.docs[key]?.related !== next.docs[key]?.related)) return;
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
