import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { squareSize, WorkSchema } from '@oyu/shared-types';
import { afterAll, describe, expect, it } from 'vitest';
import { browseItem, browsePagePath, browsePageSize, browsePages } from '../src/lib/browse';
import { type BrowseData, packBrowseData, unpackBrowseData } from '../src/lib/browseData';
import { referencedMedia } from '../src/lib/mediaIntegration';
import { routeFile } from '../src/lib/plan';
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

  it('is compact: addresses without their shared beginnings, empty facets and placeholders left out', () => {
    expect(json).not.toMatch(/\n|": /);
    expect(json).not.toContain('/ru/works/silver');
    expect(json).not.toContain('/media/photo');
    expect(json).not.toContain('base64');
    const bare = packBrowseData([browseItem(WorkSchema.parse(makeWork(1)), 'en')], {
      pages: '/en/works/',
      media: '/media/',
    });
    expect(bare.works[0]).toEqual({
      slug: 'work-1',
      title: 'Work 1',
      makers: 'Artisan 1',
      image: {
        file: 'photo-1-square.webp',
        width: squareSize.width,
        height: squareSize.height,
        colour: '#a0b1c2',
      },
      facets: { country: ['uz'] },
    });
    // A work with a long title and every facet: well under what the island's items cost.
    const perWork = (json.length - JSON.stringify({ ...data, works: [] }).length) / works.length;
    expect(perWork).toBeLessThan(380);
    expect(json.length).toBeLessThan(0.7 * JSON.stringify(items).length);
  });

  it('refuses addresses that do not start with the shared beginnings', () => {
    expect(() => packBrowseData(items, { ...prefixes, pages: '/en/works/' })).toThrow(
      'the work page /ru/works/silver-cuff-with-turquoise-inlay-1/ does not start with /en/works/',
    );
    expect(() => packBrowseData(items, { ...prefixes, media: '/photos/' })).toThrow(
      'does not start with /photos/',
    );
    expect(() => unpackBrowseData({ works: 'nothing' } as unknown as BrowseData)).toThrow(
      'is not browse data',
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
    expect(browsePagePath(1)).toBe('/browse/');
    expect(browsePagePath(2)).toBe('/browse/page/2/');
  });

  it('plans pages by their index.html, and works.json by its own name', () => {
    expect(routeFile('[lang]/browse/page/[n]', { lang: 'kk', n: '3' })).toBe('kk/browse/page/3/index.html');
    expect(routeFile('[lang]/browse', { lang: 'en' })).toBe('en/browse/index.html');
    expect(routeFile('[lang]/browse/works.json', { lang: 'ru' })).toBe('ru/browse/works.json');
  });
});
