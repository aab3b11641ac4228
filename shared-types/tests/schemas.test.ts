import { describe, expect, it } from 'vitest';
import {
  ArtisanSchema,
  countryName,
  isLocale,
  MediaSchema,
  mediaApiFields,
  PaginatedSchema,
  WorkSchema,
} from '../src';
import { media, work } from './fixtures';

const issuesOf = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => (result.error?.issues ?? []).map((issue) => `${issue.path.join('.')}: ${issue.message}`);

describe('WorkSchema', () => {
  it('accepts a published work as the REST API returns it', () => {
    const parsed = WorkSchema.parse(work());
    expect(parsed.photos[0]?.sizes.webp480?.width).toBe(480);
    expect(parsed.photos[0]?.caption).toBe('Front');
    expect(parsed.artisans[0]?.name).toBe('Aigerim');
    expect(parsed.pieceType?.label).toBe('Ring');
    expect(parsed.gemstones.map((g) => g.slug)).toEqual(['carnelian']);
    expect(parsed.dimensions?.diameterMm).toBe(17.5);
    expect(parsed.editions[0]?.year).toBe(2025);
  });

  it('names the field when a photo has no alt text', () => {
    const result = WorkSchema.safeParse(work({ photos: [media(), media({ alt: '' })] }));
    expect(issuesOf(result)).toEqual(['photos.1.alt: has no alt text']);
  });

  it('refuses a work without photos', () => {
    expect(issuesOf(WorkSchema.safeParse(work({ photos: [] })))).toEqual(['photos: has no photo']);
  });

  it('refuses a draft', () => {
    expect(issuesOf(WorkSchema.safeParse(work({ _status: 'draft' })))).toEqual(['_status: is not published']);
  });

  it('refuses a slug that is not URL-safe', () => {
    expect(issuesOf(WorkSchema.safeParse(work({ slug: 'Silver Cuff/..' })))[0]).toMatch(
      /^slug: is not a URL slug/,
    );
  });

  it('refuses an unpopulated artisan (depth 0) and a work whose artisans are all hidden', () => {
    expect(WorkSchema.safeParse(work({ artisans: [1] })).success).toBe(false);
    expect(issuesOf(WorkSchema.safeParse(work({ artisans: [] })))).toEqual([
      'artisans: has no published artisan',
    ]);
  });

  it('refuses negative measurements and unknown licences', () => {
    const result = WorkSchema.safeParse(work({ weightGrams: -3, licence: 'mine' }));
    expect(
      issuesOf(result)
        .map((issue) => issue.split(':')[0])
        .sort(),
    ).toEqual(['licence', 'weightGrams']);
  });

  it('reads empty lists from missing relationships', () => {
    const parsed = WorkSchema.parse(work({ materials: undefined, techniques: null, editions: undefined }));
    expect([parsed.materials, parsed.techniques, parsed.editions]).toEqual([[], [], []]);
  });

  it('reads colours, an empty list when the work has none', () => {
    expect(WorkSchema.parse(work({ colours: ['silver', 'turquoise'] })).colours).toEqual([
      'silver',
      'turquoise',
    ]);
    expect(WorkSchema.parse(work({ colours: undefined })).colours).toEqual([]);
    expect(WorkSchema.parse(work({ colours: null })).colours).toEqual([]);
  });

  it('refuses a colour outside the list', () => {
    expect(issuesOf(WorkSchema.safeParse(work({ colours: ['silver', 'beige'] })))[0]).toMatch(/^colours\.1:/);
  });

  it('treats a missing description as empty', () => {
    const { description, ...rest } = work();
    expect(description).toBeTruthy();
    expect(WorkSchema.parse(rest).description).toBeNull();
  });

  it('keeps nested rich text', () => {
    const parsed = WorkSchema.parse(work());
    expect(parsed.description?.root.children[0]?.children?.[0]).toMatchObject({ text: 'Hello', format: 1 });
  });
});

describe('MediaSchema', () => {
  it('refuses a colour that is not #rrggbb and a placeholder that is not a data: URL', () => {
    const result = MediaSchema.safeParse(media({ dominantColor: 'red', lqip: 'https://evil.example/x.png' }));
    expect(issuesOf(result).sort()).toEqual([
      'dominantColor: is not a #rrggbb colour',
      'lqip: is not a data: URL',
    ]);
  });

  it('allows sizes the CMS did not make', () => {
    expect(MediaSchema.parse(media({ sizes: undefined })).sizes).toEqual({});
  });

  it('reads the renditions the site asks for as sizes, each with its address beside the original', () => {
    const rendition = {
      filename: 'ring 1-480x360.webp',
      width: 480,
      height: 360,
      mimeType: 'image/webp',
      filesize: 5000,
    };
    const parsed = MediaSchema.parse(
      media({ sizes: undefined, renditions: { webp480: rendition, og: null } }),
    );
    expect(parsed.sizes).toEqual({
      webp480: { ...rendition, url: 'http://localhost:3000/api/media/file/ring%201-480x360.webp' },
      og: null,
    });
    expect(parsed).not.toHaveProperty('renditions');
  });

  it('refuses a rendition without its file name or size, naming it', () => {
    const result = MediaSchema.safeParse(media({ renditions: { avif960: { filename: 'x.avif' } } }));
    expect(issuesOf(result).sort()).toEqual([
      'renditions.avif960.height: Invalid input: expected number, received undefined',
      'renditions.avif960.width: Invalid input: expected number, received undefined',
    ]);
  });

  it('asks the CMS for the renditions, not for Payload’s sizes', () => {
    expect(mediaApiFields).toContain('renditions');
    expect(mediaApiFields).not.toContain('sizes');
  });
});

describe('ArtisanSchema', () => {
  it('refuses a country outside the list', () => {
    const result = ArtisanSchema.safeParse({ id: 1, name: 'X', slug: 'x', country: 'ZZ', updatedAt: 'now' });
    expect(issuesOf(result)[0]).toMatch(/^country:/);
  });

  it('refuses a website or social link that is not http(s)', () => {
    const result = ArtisanSchema.safeParse({
      id: 1,
      name: 'X',
      slug: 'x',
      country: 'KZ',
      updatedAt: 'now',
      website: 'javascript:alert(1)',
      socialLinks: [{ platform: 'instagram', url: 'ftp://example.com' }],
    });
    expect(
      issuesOf(result)
        .map((issue) => issue.split(':')[0])
        .sort(),
    ).toEqual(['socialLinks.0.url', 'website']);
  });
});

describe('PaginatedSchema', () => {
  it('reads a Payload list envelope', () => {
    const page = PaginatedSchema.parse({
      docs: [{}, {}],
      totalDocs: 5,
      limit: 2,
      totalPages: 3,
      page: 1,
      hasNextPage: true,
      nextPage: 2,
      pagingCounter: 1,
    });
    expect(page.totalPages).toBe(3);
  });
});

describe('locales and countries', () => {
  it('knows the three languages', () => {
    expect(['en', 'ru', 'kk', 'de'].map(isLocale)).toEqual([true, true, true, false]);
  });

  it('names countries in each language', () => {
    expect(countryName('KZ', 'en')).toBe('Kazakhstan');
    expect(countryName('KZ', 'ru')).toBe('Казахстан');
    expect(countryName('KZ', 'kk')).toBe('Қазақстан');
  });
});
