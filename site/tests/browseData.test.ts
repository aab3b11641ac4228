import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { squareSize, WorkSchema } from '@oyu/shared-types';
import { afterAll, describe, expect, it } from 'vitest';
import { browseItem, browsePageSize, browsePages } from '../src/lib/browse';
import type { BrowseItem } from '../src/lib/browseData';
import { type BrowseData, BrowseIndex, packBrowseData, unpackBrowseData } from '../src/lib/browseData';
import { type FacetKey, facetCounts, facetKeys, filterItems, type Selection } from '../src/lib/facets';
import { referencedMedia } from '../src/lib/mediaIntegration';
import { browsePath, routeFile } from '../src/lib/routes';
import { makeMedia, makeWork } from './fixtures/documents';

const term = (id: number, slug: string) => ({ id, slug, label: slug });
/** Works as the demo has them: one photo each, a few materials, a maker, an edition. */
const works = Array.from({ length: 130 }, (_, i) =>
  WorkSchema.parse(
    makeWork(i + 1, {
      title: `Silver cuff with turquoise inlay no. ${i + 1}`,
      slug: `silver-cuff-with-turquoise-inlay-${i + 1}`,
      pieceType: term(10, 'cuff'),
      materials: [term(1, 'silver'), term(2, 'gold')],
      gemstones: [term(3, 'turquoise')],
      techniques: [term(20, 'filigree')],
      colours: ['silver', 'turquoise'],
      editions: [{ id: 2025, year: 2025, title: 'AJW 2025' }],
      photos: [
        makeMedia(i + 1, {
          // A real placeholder is about this long.
          lqip: `data:image/webp;base64,${'UklGRkQAAABXRUJQVlA4IDgAAADQAQCdASoQAAwAA4BaJQBOgCGYyTnlcAD80'.repeat(2)}`,
        }),
      ],
    }),
  ),
);
const items = works.map((work) => browseItem(work, 'ru'));
const prefixes = { pages: '/ru/works/', media: '/media/' };
const prefixes0 = { pages: '/en/works/', media: '/media/' };

describe('works.json', () => {
  const data = packBrowseData(items, prefixes);
  const json = JSON.stringify(data);

  it('holds every work, and gives the island back the same cards and facets, but the placeholders', () => {
    expect(data.works).toHaveLength(works.length);
    const unpacked = unpackBrowseData(JSON.parse(json) as BrowseData);
    const withoutPlaceholders = items.map((item) => ({
      ...item,
      image: item.image && { ...item.image, placeholder: undefined },
    }));
    expect(JSON.parse(JSON.stringify(unpacked))).toEqual(JSON.parse(JSON.stringify(withoutPlaceholders)));
    expect(unpacked[0]?.href).toBe('/ru/works/silver-cuff-with-turquoise-inlay-1/');
    expect(unpacked[0]?.image?.src).toBe('/media/photo-1-square.webp');
    expect(unpacked[0]?.facets).toEqual({
      type: ['cuff'],
      material: ['silver', 'gold', 'turquoise'],
      technique: ['filigree'],
      country: ['uz'],
      edition: ['2025'],
      colour: ['silver', 'turquoise'],
    });
  });

  it('is compact: shared beginnings, makers and photos written once, works as arrays, facets as gaps', () => {
    expect(json).not.toMatch(/\n|": /);
    expect(json).not.toContain('/ru/works/silver');
    expect(json).not.toContain('/media/photo');
    expect(json).not.toContain('base64');
    const bare = packBrowseData(
      [1, 2, 3].map((id) => browseItem(WorkSchema.parse(makeWork(id)), 'en')),
      { pages: '/en/works/', media: '/media/' },
    );
    expect(bare.works[0]).toEqual(['work-1', 'Work 1', 0, 0]);
    expect(bare.makers).toEqual(['Artisan 1']);
    expect(bare.photos[0]).toEqual(['photo-1-square.webp', squareSize.width, squareSize.height, '#a0b1c2']);
    // Every work is from Uzbekistan: indexes 0, 1 and 2, as gaps from -1.
    expect(bare.facets).toEqual({ country: [['uz', [1, 1, 1]]] });
    // A work with a long title and every facet: well under what the island's items cost.
    const perWork = (json.length - JSON.stringify({ ...data, works: [] }).length) / works.length;
    expect(perWork).toBeLessThan(100);
    expect(json.length).toBeLessThan(0.35 * JSON.stringify(items).length);
  });

  it('writes a photo many works share once', () => {
    const shared = makeMedia(7);
    const packed = packBrowseData(
      [1, 2, 3].map((id) => browseItem(WorkSchema.parse(makeWork(id, { photos: [shared] })), 'en')),
      { pages: '/en/works/', media: '/media/' },
    );
    expect(packed.photos).toHaveLength(1);
    expect(packed.works.map((work) => work[3])).toEqual([0, 0, 0]);
    // A published work has a photo; the format still says when one has none.
    const photoless = { ...browseItem(WorkSchema.parse(makeWork(1)), 'en'), image: null };
    const bare = packBrowseData([photoless], prefixes0);
    expect(bare.works[0]?.[3]).toBe(-1);
    expect(unpackBrowseData(bare)[0]?.image).toBeNull();
  });

  it('refuses addresses that do not start with the shared beginnings', () => {
    expect(() => packBrowseData(items, { ...prefixes, pages: '/en/works/' })).toThrow(
      'the work page /ru/works/silver-cuff-with-turquoise-inlay-1/ does not start with /en/works/',
    );
    expect(() => packBrowseData(items, { ...prefixes, media: '/photos/' })).toThrow(
      'does not start with /photos/',
    );
  });

  it('is refused, saying what is wrong, when it is not well formed', () => {
    const good = JSON.parse(json) as BrowseData;
    const broken: [string, unknown][] = [
      ['it needs `pages`, `media`, `makers`, `photos`, `facets` and `works`', { works: 'nothing' }],
      ['work 0 is not [slug, title, maker, photo]', { ...good, works: [['a', 'A', 5, 0]] }],
      ['work 1 is not [slug, title, maker, photo]', { ...good, works: [good.works[0], { slug: 'b' }] }],
      [
        'the works of material gold are not ascending indexes of works',
        { ...good, facets: { material: [['gold', [1, 0]]] } },
      ],
      [
        'the works of material gold are not ascending indexes of works',
        { ...good, facets: { material: [['gold', [works.length + 1]]] } },
      ],
    ];
    for (const [message, data] of broken)
      expect(() => unpackBrowseData(data as BrowseData), message).toThrow(
        `works.json is not browse data: ${message}`,
      );
  });

  it('is what the media step reads for the photos of the cards', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'oyu-browse-data-'));
    afterAll(() => fs.rm(dir, { recursive: true, force: true }));
    await fs.mkdir(path.join(dir, 'ru', 'browse'), { recursive: true });
    await fs.writeFile(path.join(dir, 'ru', 'browse', 'works.json'), json);
    await fs.writeFile(path.join(dir, 'ru', 'index.html'), '<img src="/media/hero%20one.webp">');
    // Another JSON file is not a page: its references do not count.
    await fs.writeFile(path.join(dir, 'oyu-data.json'), '{"x":"/media/stale.webp"}');
    const used = await referencedMedia(dir);
    expect(used.size).toBe(works.length + 1);
    expect(used.has('photo-130-square.webp')).toBe(true);
    expect(used.has('hero one.webp')).toBe(true);
    expect(used.has('stale.webp')).toBe(false);
  });
});

describe('filtering works.json', () => {
  /** A small deterministic generator (mulberry32), so that a failure can be run again. */
  function random(seed: number) {
    let a = seed;
    return () => {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const pick = <T>(next: () => number, from: T[], most: number): T[] => [
    ...new Set(
      Array.from(
        { length: Math.floor(next() * (most + 1)) },
        () => from[Math.floor(next() * from.length)] as T,
      ),
    ),
  ];
  const values: Record<FacetKey, string[]> = {
    type: ['ring', 'cuff', 'earrings'],
    material: ['silver', 'gold', 'turquoise', 'coral', 'carnelian'],
    technique: ['filigree', 'granulation', 'enamel'],
    country: ['kz', 'uz', 'kg'],
    edition: ['2024', '2025', '2026'],
    colour: ['red', 'gold', 'silver', 'blue'],
  };
  /** Works with random facets, some without any value of a facet. */
  function randomItems(next: () => number, n: number): BrowseItem[] {
    return Array.from({ length: n }, (_, i) => ({
      href: `/en/works/w-${i}/`,
      title: `W ${i}`,
      makers: `M ${i % 7}`,
      image: i % 5 === 0 ? null : { src: `/media/p-${i % 11}.webp`, width: 600, height: 600 },
      facets: Object.fromEntries(
        facetKeys.map((key) => [key, pick(next, values[key], key === 'type' ? 1 : 3)]),
      ) as BrowseItem['facets'],
    }));
  }

  it('shows and counts what lib/facets.ts says, at every size around a 32-work word', () => {
    const next = random(7);
    for (const n of [0, 1, 31, 32, 33, 64, 65, 300]) {
      const all = randomItems(next, n);
      const index = new BrowseIndex(JSON.parse(JSON.stringify(packBrowseData(all, prefixes0))) as BrowseData);
      expect(index.size).toBe(n);
      for (let round = 0; round < 40; round++) {
        const selection: Selection = {};
        for (const key of facetKeys) {
          // Now and then a value no work has, as a shared address may name.
          const chosen = pick(next, [...values[key], 'nowhere'], 2);
          if (chosen.length && next() < 0.5) selection[key] = chosen;
        }
        const expected = filterItems(
          all.map((item, i) => ({ ...item, i })),
          selection,
        ).map((item) => item.i);
        expect(index.filter(selection), JSON.stringify({ n, selection })).toEqual(expected);
        const counts = facetCounts(all, selection);
        for (const key of facetKeys) {
          const got = Object.fromEntries([...index.counts(selection)[key]].filter(([, count]) => count > 0));
          expect(got, JSON.stringify({ n, selection, key })).toEqual(Object.fromEntries(counts[key]));
        }
      }
      expect(index.filter({}).map((i) => index.card(i))).toEqual(all.map(({ facets: _, ...card }) => card));
    }
  });

  it('gives every work’s facets back', () => {
    const all = randomItems(random(11), 100);
    const back = unpackBrowseData(packBrowseData(all, prefixes0));
    // A facet's values come back in the order works.json lists them: compared as sets.
    const sorted = (list: BrowseItem[]) =>
      list.map((item) => ({
        ...item,
        facets: Object.fromEntries(facetKeys.map((key) => [key, [...item.facets[key]].sort()])),
      }));
    expect(sorted(back)).toEqual(sorted(all));
  });
});

describe('the listing without JavaScript', () => {
  it.each([
    [0, 0],
    [1, 1],
    [48, 1],
    [49, 2],
    [130, 3],
    [5000, 105],
  ])('puts %i works on %i pages, each once, in order', (n, count) => {
    const list = Array.from({ length: n }, (_, i) => i);
    const pages = browsePages(list);
    expect(pages).toHaveLength(count);
    expect(pages.flat()).toEqual(list);
    for (const page of pages.slice(0, -1)) expect(page).toHaveLength(browsePageSize);
  });

  it('starts on the browse page and goes on at /browse/page/<n>/', () => {
    expect(browsePageSize).toBe(48);
    expect(browsePath('en', 1)).toBe('/en/browse/');
    expect(browsePath('en', 2)).toBe('/en/browse/page/2/');
  });

  it('plans pages by their index.html, and works.json by its own name', () => {
    expect(routeFile('browsePage', { lang: 'kk', n: '3' })).toBe('kk/browse/page/3/index.html');
    expect(routeFile('browse', { lang: 'en' })).toBe('en/browse/index.html');
    expect(routeFile('browseData', { lang: 'ru' })).toBe('ru/browse/works.json');
  });
});
