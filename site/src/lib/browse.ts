import type { Locale, Work } from '@oyu/shared-types';
import { ui } from '../i18n/ui';
import type { BrowseCard, BrowseItem, BrowseLabels } from './browseData';
import { groupSeparator } from './count';
import { type FacetKey, workFacets } from './facets';
import { formatArtisans } from './format';
import { squareData } from './images';
import { workPath } from './routes';

/** What a card of the browse page shows of a work. */
export function browseCard(work: Work, lang: Locale): BrowseCard {
  const cover = work.photos[0];
  const square = cover ? squareData(cover) : undefined;
  return {
    href: workPath(lang, work),
    title: work.title,
    makers: formatArtisans(work.artisans, lang),
    image: square
      ? {
          src: square.src,
          width: square.width,
          height: square.height,
          ...(square.placeholder ? { placeholder: square.placeholder } : {}),
          ...(cover?.dominantColor ? { colour: cover.dominantColor } : {}),
        }
      : null,
  };
}

/** A work as the browse island filters it: its card and its facet values. */
export function browseItem(work: Work, lang: Locale): BrowseItem {
  return { ...browseCard(work, lang), facets: workFacets(work) };
}

/** The facets' names in a language. */
export function facetNames(lang: Locale): Record<FacetKey, string> {
  const t = ui(lang);
  return {
    type: t.pieceType,
    material: t.materials,
    technique: t.techniques,
    country: t.country,
    edition: t.facetEdition,
    colour: t.colour,
  };
}

export function browseLabels(lang: Locale): BrowseLabels {
  const t = ui(lang);
  return {
    group: groupSeparator(lang),
    facets: facetNames(lang),
    filters: t.filters,
    clear: t.clearFilters,
    showing: t.showingTemplate,
    showMore: t.showMore,
    none: t.noMatchingWorks,
    pages: t.pages,
    nextPage: t.nextPage,
  };
}

/**
 * Works per page: the browse page renders this many cards, the island shows this many more at
 * a time, and the listing for visitors without JavaScript has this many per page.
 */
export const browsePageSize = 48;

/**
 * The works in pages of `browsePageSize`: page 1 is the listing's own address (the browse
 * page, a filter value's page), the others `<address>page/<n>/`.
 */
export function browsePages<T>(works: T[]): T[][] {
  const pages: T[][] = [];
  for (let start = 0; start < works.length; start += browsePageSize)
    pages.push(works.slice(start, start + browsePageSize));
  return pages;
}
