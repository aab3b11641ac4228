import { WorkSchema } from '@oyu/shared-types';
import { describe, expect, it } from 'vitest';
import {
  facetCounts,
  facetOptions,
  filterItems,
  parseSelection,
  selectionQuery,
  toggle,
  workFacets,
} from '../src/lib/facets';
import { facetPath } from '../src/lib/routes';
import { makeWork } from './fixtures/documents';

const term = (id: number, slug: string, label: string) => ({ id, slug, label });
const silver = term(1, 'silver', 'Silver');
const gold = term(2, 'gold', 'Gold');
const turquoise = term(3, 'turquoise', 'Turquoise');
const ring = term(10, 'ring', 'Ring');
const cuff = term(11, 'cuff', 'Cuff');
const filigree = term(20, 'filigree', 'Filigree');
const maker = (country: string) => ({ id: 1, name: 'A', slug: 'a', country });
const edition = (year: number) => ({ id: year, year, title: `AJW ${year}` });

const works = [
  makeWork(1, {
    pieceType: ring,
    materials: [silver],
    gemstones: [turquoise],
    colours: ['silver', 'turquoise'],
    artisans: [maker('KZ')],
    editions: [edition(2025)],
  }),
  makeWork(2, {
    pieceType: ring,
    materials: [gold],
    colours: ['gold'],
    artisans: [maker('UZ')],
    editions: [edition(2024)],
  }),
  makeWork(3, {
    pieceType: cuff,
    materials: [silver],
    techniques: [filigree],
    colours: ['silver'],
    artisans: [maker('KZ')],
    editions: [edition(2025)],
  }),
  makeWork(4, {
    pieceType: cuff,
    materials: [silver, gold],
    colours: ['gold', 'silver'],
    artisans: [maker('KG')],
    editions: [],
  }),
].map((raw) => WorkSchema.parse(raw));
const items = works.map((work) => ({ id: work.id, facets: workFacets(work) }));
const ids = (list: { id: number }[]) => list.map((item) => item.id);

describe('facets', () => {
  it('reads every facet of a work, gemstones counting as materials and countries from the makers', () => {
    expect(workFacets(works[0] as (typeof works)[number])).toEqual({
      type: ['ring'],
      material: ['silver', 'turquoise'],
      technique: [],
      country: ['kz'],
      edition: ['2025'],
      colour: ['silver', 'turquoise'],
    });
  });

  it('labels values in the visitor’s language and orders them for reading', () => {
    const ru = facetOptions(works, 'ru');
    expect(ru.country.map((option) => option.label)).toEqual(['Казахстан', 'Кыргызстан', 'Узбекистан']);
    expect(ru.edition.map((option) => option.value)).toEqual(['2025', '2024']);
    // Colours follow the palette's order, not the alphabet.
    expect(facetOptions(works, 'en').colour.map((option) => option.value)).toEqual([
      'gold',
      'silver',
      'turquoise',
    ]);
    expect(facetOptions(works, 'kk').colour[0]?.label).toBe('Алтын түсті');
  });

  it('combines values of one facet with OR and different facets with AND', () => {
    expect(ids(filterItems(items, {}))).toEqual([1, 2, 3, 4]);
    expect(ids(filterItems(items, { material: ['gold', 'turquoise'] }))).toEqual([1, 2, 4]);
    expect(ids(filterItems(items, { material: ['silver'], type: ['cuff'] }))).toEqual([3, 4]);
    expect(ids(filterItems(items, { material: ['silver'], type: ['cuff'], country: ['kz'] }))).toEqual([3]);
    expect(ids(filterItems(items, { country: ['tm'] }))).toEqual([]);
  });

  it('counts what each value would show, a facet’s own choice not shrinking its counts', () => {
    const counts = facetCounts(items, { type: ['ring'] });
    // Type counts ignore the chosen type: choosing "cuff" too would show both cuffs.
    expect(Object.fromEntries(counts.type)).toEqual({ ring: 2, cuff: 2 });
    // Other facets count within the rings only.
    expect(Object.fromEntries(counts.material)).toEqual({ silver: 1, turquoise: 1, gold: 1 });
    expect(counts.technique.get('filigree')).toBeUndefined();
    expect(Object.fromEntries(facetCounts(items, {}).colour)).toEqual({ silver: 3, turquoise: 1, gold: 2 });
  });

  it('keeps the selection in the URL, in a stable order, and reads it back', () => {
    const selection = toggle(toggle(toggle({}, 'colour', 'red'), 'material', 'silver'), 'material', 'gold');
    expect(selectionQuery(selection)).toBe('?material=silver,gold&colour=red');
    expect(parseSelection('?material=silver,gold&colour=red')).toEqual(selection);
    expect(selectionQuery(toggle(selection, 'colour', 'red'))).toBe('?material=silver,gold');
    expect(selectionQuery({})).toBe('');
  });

  it('ignores unknown facets, empty and repeated values in a hand-written URL', () => {
    expect(parseSelection('?nonsense=1&material=,silver,,silver&material=gold&colour=')).toEqual({
      material: ['silver', 'gold'],
    });
  });

  it('escapes values in URLs and static page paths', () => {
    expect(selectionQuery({ material: ['a&b'] })).toBe('?material=a%26b');
    expect(parseSelection('?material=a%26b')).toEqual({ material: ['a&b'] });
    expect(facetPath('en', 'material', 'a&b')).toBe('/en/browse/material/a%26b/');
  });
});
