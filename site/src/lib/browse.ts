import type { Locale, Work } from '@oyu/shared-types';
import { localePath, ui } from '../i18n/ui';
import type { BrowseItem, BrowseLabels } from '../islands/Browse';
import { type FacetKey, workFacets } from './facets';
import { formatArtisans } from './format';
import { squareData } from './images';

/** A work as the browse island needs it: no more than a card and its facet values. */
export function browseItem(work: Work, lang: Locale): BrowseItem {
  const cover = work.photos[0];
  const square = cover ? squareData(cover) : undefined;
  return {
    href: localePath(lang, `/works/${work.slug}/`),
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
    facets: workFacets(work),
  };
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
    facets: facetNames(lang),
    filters: t.filters,
    clear: t.clearFilters,
    showing: t.showingTemplate,
    showMore: t.showMore,
    none: t.noMatchingWorks,
  };
}
