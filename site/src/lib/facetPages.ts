import { type Locale, locales, type Work } from '@oyu/shared-types';
import { browsePageSize, browsePages } from './browse';
import { worksIn } from './entries';
import { type FacetKey, type FacetOption, facetKeys, facetOptions, workFacets } from './facets';
import { buildCache } from './siteData';

/** One page of the listing of a filter value ("Material: silver"), as its route renders it. */
export type FacetListingPage = {
  params: { lang: Locale; facet: FacetKey; value: string; n?: string };
  props: {
    option: FacetOption;
    siblings: FacetOption[];
    works: Work[];
    n: number;
    count: number;
    first: number;
    total: number;
  };
};

/**
 * Every page of every filter value's listing, in every language, in pages of
 * `browsePageSize`: page 1 at `/browse/<facet>/<value>/`, the others at `…/page/<n>/`.
 */
export function facetListingPages(): Promise<FacetListingPage[]> {
  // Both facet routes ask; a build works them out once (see siteData.ts).
  return pages('all', listingPages);
}
const pages = buildCache<Promise<FacetListingPage[]>>();

async function listingPages(): Promise<FacetListingPage[]> {
  const paths: FacetListingPage[] = [];
  for (const lang of locales) {
    const works = await worksIn(lang);
    const options = facetOptions(works, lang);
    const facetsOf = new Map(works.map((work) => [work.id, workFacets(work)]));
    for (const facet of facetKeys) {
      for (const option of options[facet]) {
        const matching = works.filter((work) => facetsOf.get(work.id)?.[facet].includes(option.value));
        const pages = browsePages(matching);
        for (const [i, page] of pages.entries()) {
          paths.push({
            params: { lang, facet, value: option.value, ...(i > 0 ? { n: String(i + 1) } : {}) },
            props: {
              option,
              siblings: options[facet],
              works: page,
              n: i + 1,
              count: pages.length,
              first: i * browsePageSize + 1,
              total: matching.length,
            },
          });
        }
      }
    }
  }
  return paths;
}
