import { type Colour, colours, countryName, type Locale, type Work } from '@oyu/shared-types';

/**
 * Faceted browsing: what a work can be filtered by, the counts beside each value, and the URL
 * that holds a selection. Pure functions, shared by the static pages (which list one value
 * each, for visitors without JavaScript) and the browse island (which combines them).
 *
 * Values of one facet are alternatives (silver OR gold); facets narrow each other (silver AND
 * ring). A value's count is the number of works the visitor would see on choosing it, so a
 * facet's own selection does not shrink its counts ("disjunctive" faceting).
 */
export const facetKeys = ['type', 'material', 'technique', 'country', 'edition', 'colour'] as const;
export type FacetKey = (typeof facetKeys)[number];

export type FacetOption = { value: string; label: string };
export type Selection = Partial<Record<FacetKey, string[]>>;
export type Facetted = { facets: Record<FacetKey, string[]> };

/** The facet values of a work, as URL-safe strings. */
export function workFacets(work: Work): Record<FacetKey, string[]> {
  return {
    type: work.pieceType ? [work.pieceType.slug] : [],
    material: [...work.materials, ...work.gemstones].map((term) => term.slug),
    technique: work.techniques.map((term) => term.slug),
    country: [...new Set(work.artisans.map((artisan) => artisan.country.toLowerCase()))],
    edition: work.editions.map((edition) => String(edition.year)),
    colour: [...work.colours],
  };
}

/**
 * Every value that occurs in `works`, per facet, with its label in `lang`: editions newest
 * first, colours in the order of the palette, everything else alphabetically.
 */
export function facetOptions(works: Work[], lang: Locale): Record<FacetKey, FacetOption[]> {
  const found = Object.fromEntries(facetKeys.map((key) => [key, new Map<string, string>()])) as Record<
    FacetKey,
    Map<string, string>
  >;
  for (const work of works) {
    if (work.pieceType) found.type.set(work.pieceType.slug, work.pieceType.label);
    for (const term of [...work.materials, ...work.gemstones]) found.material.set(term.slug, term.label);
    for (const term of work.techniques) found.technique.set(term.slug, term.label);
    for (const artisan of work.artisans)
      found.country.set(artisan.country.toLowerCase(), countryName(artisan.country, lang));
    for (const edition of work.editions) found.edition.set(String(edition.year), String(edition.year));
    for (const colour of work.colours) found.colour.set(colour, colours[colour][lang]);
  }
  const palette = Object.keys(colours);
  const order: Record<FacetKey, (a: FacetOption, b: FacetOption) => number> = {
    type: (a, b) => a.label.localeCompare(b.label, lang),
    material: (a, b) => a.label.localeCompare(b.label, lang),
    technique: (a, b) => a.label.localeCompare(b.label, lang),
    country: (a, b) => a.label.localeCompare(b.label, lang),
    edition: (a, b) => Number(b.value) - Number(a.value),
    colour: (a, b) => palette.indexOf(a.value as Colour) - palette.indexOf(b.value as Colour),
  };
  return Object.fromEntries(
    facetKeys.map((key) => [
      key,
      [...found[key]].map(([value, label]) => ({ value, label })).sort(order[key]),
    ]),
  ) as Record<FacetKey, FacetOption[]>;
}

/** Whether a work passes every facet of the selection, optionally ignoring one facet. */
export function matches(item: Facetted, selection: Selection, ignore?: FacetKey): boolean {
  return facetKeys.every((key) => {
    const chosen = selection[key];
    if (key === ignore || !chosen?.length) return true;
    return chosen.some((value) => item.facets[key].includes(value));
  });
}

/**
 * The works that pass `selection`. With `matches` and `facetCounts`, this is what the browse
 * island's bit sets (`BrowseIndex`, lib/browseData.ts) must answer; they are tested against it.
 */
export function filterItems<T extends Facetted>(items: T[], selection: Selection): T[] {
  return items.filter((item) => matches(item, selection));
}

/** For each facet, how many works each value would show, given the rest of the selection. */
export function facetCounts(items: Facetted[], selection: Selection): Record<FacetKey, Map<string, number>> {
  const counts = Object.fromEntries(facetKeys.map((key) => [key, new Map<string, number>()])) as Record<
    FacetKey,
    Map<string, number>
  >;
  for (const key of facetKeys) {
    for (const item of items) {
      if (!matches(item, selection, key)) continue;
      for (const value of new Set(item.facets[key]))
        counts[key].set(value, (counts[key].get(value) ?? 0) + 1);
    }
  }
  return counts;
}

export type CountTable = Record<FacetKey, Record<string, number>>;

/** Each value's number of works over all `items`, as plain objects (an island's props). */
export function countTable(items: Facetted[]): CountTable {
  const counts = facetCounts(items, {});
  return Object.fromEntries(facetKeys.map((key) => [key, Object.fromEntries(counts[key])])) as CountTable;
}

/** `?material=silver,gold&colour=red` → a selection, ignoring unknown facets and empty values. */
export function parseSelection(search: string): Selection {
  const params = new URLSearchParams(search);
  const selection: Selection = {};
  for (const key of facetKeys) {
    const values = params
      .getAll(key)
      .flatMap((value) => value.split(','))
      .map((value) => value.trim())
      .filter(Boolean);
    if (values.length) selection[key] = [...new Set(values)];
  }
  return selection;
}

/** The query string of a selection, facets in a fixed order so equal selections share a URL. */
export function selectionQuery(selection: Selection): string {
  const parts = facetKeys
    .filter((key) => selection[key]?.length)
    .map((key) => `${key}=${(selection[key] ?? []).map(encodeURIComponent).join(',')}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

/** Adds or removes one value. */
export function toggle(selection: Selection, key: FacetKey, value: string): Selection {
  const current = selection[key] ?? [];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { ...selection, [key]: next };
}
