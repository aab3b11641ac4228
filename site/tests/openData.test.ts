import {
  ArtisanSchema,
  EditionSchema,
  type Locale,
  locales,
  ShowcaseSchema,
  WorkSchema,
} from '@oyu/shared-types';
import { describe, expect, it } from 'vitest';
import {
  artisansCsv,
  csvField,
  editionJsonLdGraph,
  editionOpenData,
  type LanguageContent,
  plainText,
  worksCsv,
} from '../src/lib/openData';
import { makeArtisan, makeWork } from './fixtures/documents';

const site = new URL('https://oyu.example');
const words: Record<Locale, { ring: string; silver: string; edition: string; showcase: string }> = {
  en: { ring: 'Wolf, "grey" ring', silver: 'Silver', edition: 'AJW 2025', showcase: 'Steppe' },
  ru: { ring: 'Кольцо «Волк»', silver: 'Серебро', edition: 'AJW 2025', showcase: 'Степь' },
  kk: { ring: 'Қасқыр жүзігі', silver: 'Күміс', edition: 'AJW 2025', showcase: 'Дала' },
};

/** The same three documents in each language, as a build reads them. */
function content(locale: Locale): LanguageContent {
  const edition = EditionSchema.parse({
    id: 7,
    year: 2025,
    stage: 'current',
    title: words[locale].edition,
    startDate: '2025-09-11T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
  });
  const other = EditionSchema.parse({
    id: 8,
    year: 2026,
    stage: 'upcoming',
    title: 'AJW 2026',
    updatedAt: 'x',
  });
  const ref = { id: 7, year: 2025, title: words[locale].edition };
  const works = [
    makeWork(2, {
      slug: 'wolf-ring',
      title: words[locale].ring,
      editions: [ref],
      materials: [{ id: 30, slug: 'silver', label: words[locale].silver }],
      artisans: [{ id: 1, name: 'Aigerim Seitkali', slug: 'aigerim-seitkali', country: 'KZ' }],
      weightGrams: 12.5,
      colours: ['silver'],
    }),
    makeWork(3, { slug: 'not-shown', editions: [{ id: 8, year: 2026, title: 'AJW 2026' }] }),
  ].map((work) => WorkSchema.parse(work));
  const artisans = [
    makeArtisan(1, {
      name: 'Aigerim Seitkali',
      slug: 'aigerim-seitkali',
      website: 'https://aigerim.example/',
      bio: {
        root: {
          type: 'root',
          children: [
            { type: 'paragraph', children: [{ type: 'text', text: `Bio ${locale}` }] },
            {
              type: 'list',
              children: [{ type: 'listitem', children: [{ type: 'text', text: '=HYPERLINK("x")' }] }],
            },
          ],
        },
      },
    }),
  ].map((artisan) => ArtisanSchema.parse(artisan));
  const showcases = [
    ShowcaseSchema.parse({
      id: 5,
      title: words[locale].showcase,
      slug: 'steppe',
      edition: ref,
      works: [2],
      updatedAt: 'x',
    }),
  ];
  return { works, artisans, editions: [edition, other], showcases };
}
const all = Object.fromEntries(locales.map((locale) => [locale, content(locale)])) as Record<
  Locale,
  LanguageContent
>;

describe('open data of an edition', () => {
  const data = editionOpenData(2025, all, site);

  it('holds the edition’s works only, each field in every language', () => {
    expect(data?.works.map((work) => work.slug)).toEqual(['wolf-ring']);
    const work = data?.works[0];
    expect(work?.title).toEqual({ en: 'Wolf, "grey" ring', ru: 'Кольцо «Волк»', kk: 'Қасқыр жүзігі' });
    expect(work?.materials).toEqual([{ en: 'Silver', ru: 'Серебро', kk: 'Күміс' }]);
    expect(work?.collections).toEqual([{ en: 'Steppe', ru: 'Степь', kk: 'Дала' }]);
    expect(work?.url).toBe('https://oyu.example/en/works/wolf-ring/');
    expect(work?.images[0]).toMatch(/^https:\/\/oyu\.example\/media\/.+\.webp$/);
    expect(data?.artisans.map((artisan) => artisan.slug)).toEqual(['aigerim-seitkali']);
    expect(data?.artisans[0]?.website).toBe('https://aigerim.example/');
    expect(editionOpenData(1999, all, site)).toBeUndefined();
  });

  it('writes CSV a spreadsheet reads: BOM, quoted commas, quotes and newlines, no formulas', () => {
    if (!data) throw new Error('no data');
    const text = worksCsv(data);
    expect(text.startsWith('\ufeffid,slug,url,title.en,title.ru,title.kk,')).toBe(true);
    expect(text).toContain('"Wolf, ""grey"" ring",Кольцо «Волк»,Қасқыр жүзігі');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(3);
    const artisans = artisansCsv(data);
    // A formula only runs from the start of a cell: inside one, it is text.
    expect(artisans).toContain('"Bio ru\n\n=HYPERLINK(""x"")"');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('+1 234')).toBe("'+1 234");
    expect(csvField('-')).toBe("'-");
    expect(csvField(-5)).toBe('-5');
    expect(csvField(null)).toBe('');
    expect(csvField('a\r\nb')).toBe('"a\r\nb"');
  });

  it('describes the edition as a schema.org event featuring its works, names tagged by language', () => {
    if (!data) throw new Error('no data');
    const graph = JSON.parse(editionJsonLdGraph(data))['@graph'];
    const event = graph.find((node: { '@type': string }) => node['@type'] === 'ExhibitionEvent');
    expect(event.workFeatured).toEqual([{ '@id': 'https://oyu.example/en/works/wolf-ring/#work' }]);
    const work = graph.find((node: { '@type': string }) => node['@type'] === 'VisualArtwork');
    expect(work.name).toContainEqual({ '@value': 'Қасқыр жүзігі', '@language': 'kk' });
    expect(work.creator).toEqual([{ '@id': 'https://oyu.example/en/artisans/aigerim-seitkali/#person' }]);
    expect(graph.filter((node: { '@type': string }) => node['@type'] === 'Person')).toHaveLength(1);
  });

  it('reads rich text as plain paragraphs', () => {
    expect(plainText(null)).toBe('');
    expect(
      plainText({
        root: {
          type: 'root',
          children: [
            { type: 'heading', tag: 'h2', children: [{ type: 'text', text: 'Title' }] },
            {
              type: 'paragraph',
              children: [
                { type: 'text', text: 'One' },
                { type: 'linebreak' },
                {
                  type: 'link',
                  fields: { url: 'https://x.example' },
                  children: [{ type: 'text', text: 'two' }],
                },
              ],
            },
          ],
        },
      }),
    ).toBe('Title\n\nOne\ntwo');
  });
});
