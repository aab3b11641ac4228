import { type Locale, locales } from '@oyu/shared-types';
import { browsePages } from './browse';
import { type FacetKey, workFacets } from './facets';
import { jsonHash } from './jsonHash';
import { browsePath, facetPath, fileOfPath, matchFile } from './routes';

/**
 * Which pages of the listings for visitors without JavaScript a partial build renders, adds or
 * deletes: pages 2 and on of the listing of every work (`browse/page/<n>/`) and every page of
 * each filter value's listing (`browse/<facet>/<value>/…`). A page shows its works' cards,
 * where it is ("Works 49–96", "Page 2"), links to the pages beside it, and on the first page
 * the listing's total: each build's data index keeps a hash of that for every page
 * (`DataIndex.listings`), and the plan renders the pages whose hash changed or that are new,
 * and deletes those gone.
 *
 * Works are listed by id, so a work published (a new, higher id) lands on the last page of
 * each listing it belongs to: that page, the first (its total) and a page added change, not
 * the pages between (components/Listing.astro gives the total on the first page only). A
 * card's own content is not in the hash: a page links the works it lists, and the pages
 * linking a changed work are rendered anyway (lib/incremental.ts).
 */
type Doc = Record<string, unknown> & { id?: number };

/** The hash of each listing page, by file (`en/browse/material/silver/page/2/index.html`). */
export function listingHashes(data: Map<string, Doc[]>): Record<string, string> {
  const hashes: Record<string, string> = {};
  const addPages = (ids: number[], fileOf: (n: number) => string, from: number) => {
    const pages = browsePages(ids);
    pages.forEach((page, i) => {
      if (i + 1 < from) return;
      // The first page gives the listing's total; the others only whether a page follows.
      hashes[fileOf(i + 1)] = jsonHash(
        i === 0 ? [page, ids.length, pages.length > 1] : [page, i + 1 < pages.length],
      );
    });
  };
  for (const locale of locales) {
    const works = [...(data.get(`oyu-works.${locale}`) ?? [])].sort((a, b) => Number(a.id) - Number(b.id));
    // Page 1 of every work's listing is the browse page, which every partial build renders.
    addPages(
      works.map((work) => Number(work.id)),
      (n) => fileOfPath(browsePath(locale, n)),
      2,
    );
    const members = new Map<string, number[]>();
    for (const work of works) {
      for (const [facet, values] of Object.entries(workFacets(work as never))) {
        for (const value of values) {
          const key = `${facet}\n${value}`;
          const ids = members.get(key);
          if (ids) ids.push(Number(work.id));
          else members.set(key, [Number(work.id)]);
        }
      }
    }
    for (const [key, ids] of members) {
      const [facet, value] = key.split('\n') as [FacetKey, string];
      addPages(ids, (n) => fileOfPath(facetPath(locale, facet, value, n)), 1);
    }
  }
  return hashes;
}

/** The listing pages to render (changed or new) and to delete (gone), by file. */
export function changedListings(
  base: Record<string, string>,
  next: Record<string, string>,
): { pages: string[]; gone: string[] } {
  return {
    pages: Object.keys(next).filter((file) => base[file] !== next[file]),
    gone: Object.keys(base).filter((file) => !(file in next)),
  };
}

/**
 * Every page of the listings of one filter in one language: each shows all of that filter's
 * values with their labels (lib/facetPages.ts), so a label renamed or a value come or gone
 * changes them all.
 */
export function filterListingPages(
  listings: Record<string, string>,
  locale: Locale,
  facet: FacetKey,
): string[] {
  return Object.keys(listings).filter((file) => {
    const match = matchFile(file);
    return (
      (match?.route === 'facet' || match?.route === 'facetPage') &&
      match.params.lang === locale &&
      match.params.facet === facet
    );
  });
}
