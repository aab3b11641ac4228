import { type Media, MediaSchema } from '@oyu/shared-types';
import { describe, expect, it } from 'vitest';
import { pictureData, renditionPath, socialImage, squareData } from '../src/lib/images';
import {
  allSizes,
  makeMedia,
  type RawMedia,
  type RawSize,
  rendition,
  skippedSize,
} from './fixtures/documents';

/** A media document as cms.ts hands it over: parsed by the shared schema. */
function media(overrides: Partial<RawMedia> = {}): Media {
  return MediaSchema.parse(makeMedia(7, overrides));
}

/** The renditions of photo 7 (2400×1600), with some replaced or removed. */
function sizes(changes: Record<string, RawSize | null | undefined>): RawMedia['sizes'] {
  const all: Record<string, RawSize | null | undefined> = { ...allSizes('photo-7') };
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) delete all[name];
    else all[name] = value;
  }
  return all as RawMedia['sizes'];
}

describe('pictureData', () => {
  it('builds an AVIF and a WebP srcset with width descriptors, the WebP 960 as fallback', () => {
    expect(pictureData(media())).toEqual({
      sources: [
        {
          type: 'image/avif',
          srcset:
            '/media/photo-7-480.avif 480w, /media/photo-7-960.avif 960w, /media/photo-7-1600.avif 1600w',
        },
        {
          type: 'image/webp',
          srcset:
            '/media/photo-7-480.webp 480w, /media/photo-7-960.webp 960w, /media/photo-7-1600.webp 1600w',
        },
      ],
      src: '/media/photo-7-960.webp',
      width: 2400,
      height: 1600,
      placeholder: 'data:image/webp;base64,UklGRg==',
    });
  });

  it('never lists the square crop or the original in a srcset', () => {
    const data = pictureData(media());
    const srcsets = data.sources.map((source) => source.srcset).join(' ');
    expect(srcsets).not.toContain('square');
    expect(srcsets).not.toContain('photo-7.jpg');
  });

  it('uses the width the CMS recorded for each rendition in its descriptor', () => {
    const data = pictureData(
      media({
        width: 1000,
        height: 750,
        sizes: sizes({
          avif480: rendition('a.avif', 480, 360, 'image/avif'),
          avif960: rendition('b.avif', 960, 720, 'image/avif'),
          avif1600: rendition('c.avif', 1000, 750, 'image/avif'),
        }),
      }),
    );

    expect(data.sources[0]).toEqual({
      type: 'image/avif',
      srcset: '/media/a.avif 480w, /media/b.avif 960w, /media/c.avif 1000w',
    });
    expect(data.width).toBe(1000);
    expect(data.height).toBe(750);
  });

  it('skips renditions that are missing, null, or that the CMS skipped', () => {
    const data = pictureData(
      media({
        sizes: sizes({
          avif1600: undefined,
          avif960: skippedSize,
          webp1600: null,
        }),
      }),
    );

    expect(data.sources).toEqual([
      { type: 'image/avif', srcset: '/media/photo-7-480.avif 480w' },
      { type: 'image/webp', srcset: '/media/photo-7-480.webp 480w, /media/photo-7-960.webp 960w' },
    ]);
    expect(data.src).toBe('/media/photo-7-960.webp');
  });

  it('skips a rendition that has a file name but no width', () => {
    const data = pictureData(
      media({ sizes: sizes({ avif960: { ...rendition('x.avif', 960, 640, 'image/avif'), width: null } }) }),
    );

    expect(data.sources[0]?.srcset).toBe('/media/photo-7-480.avif 480w, /media/photo-7-1600.avif 1600w');
  });

  it('leaves out a format that has no rendition at all', () => {
    const data = pictureData(
      media({ sizes: sizes({ avif480: undefined, avif960: null, avif1600: skippedSize }) }),
    );

    expect(data.sources).toEqual([
      {
        type: 'image/webp',
        srcset: '/media/photo-7-480.webp 480w, /media/photo-7-960.webp 960w, /media/photo-7-1600.webp 1600w',
      },
    ]);
  });

  it('falls back to the WebP 480 when there is no WebP 960', () => {
    expect(pictureData(media({ sizes: sizes({ webp960: undefined }) })).src).toBe('/media/photo-7-480.webp');
    expect(pictureData(media({ sizes: sizes({ webp960: null }) })).src).toBe('/media/photo-7-480.webp');
  });

  it('falls back to the square crop when there is no responsive WebP', () => {
    const data = pictureData(
      media({ sizes: sizes({ webp480: undefined, webp960: undefined, webp1600: undefined }) }),
    );

    expect(data.src).toBe('/media/photo-7-square.webp');
    expect(data.sources.map((source) => source.type)).toEqual(['image/avif']);
  });

  it('falls back to the WebP 480 when the CMS skipped the WebP 960 (original narrower than 960)', () => {
    const small = media({
      width: 800,
      height: 600,
      sizes: sizes({
        avif960: skippedSize,
        avif1600: skippedSize,
        webp960: skippedSize,
        webp1600: skippedSize,
      }),
    });

    expect(pictureData(small).src).toBe('/media/photo-7-480.webp');
  });

  it('throws a clear error naming the photo when there is no WebP rendition at all', () => {
    const noWebp = media({
      filename: 'kettle.png',
      sizes: {
        avif480: rendition('k-480.avif', 480, 320, 'image/avif'),
      },
    });

    expect(() => pictureData(noWebp)).toThrow(
      'photo 7 ("kettle.png") has no WebP rendition: re-upload it in the CMS',
    );
    expect(() => pictureData(media({ sizes: {} }))).toThrow(/has no WebP rendition/);
  });

  it('percent-encodes file names in the paths it builds', () => {
    const data = pictureData(
      media({
        sizes: {
          webp480: rendition('mug & cup 480.webp', 480, 320, 'image/webp'),
          webp960: rendition('mug & cup 960.webp', 960, 640, 'image/webp'),
        },
      }),
    );

    expect(data.sources).toEqual([
      {
        type: 'image/webp',
        srcset: '/media/mug%20%26%20cup%20480.webp 480w, /media/mug%20%26%20cup%20960.webp 960w',
      },
    ]);
    expect(data.src).toBe('/media/mug%20%26%20cup%20960.webp');
  });

  it('has no placeholder when the photo has no LQIP', () => {
    expect(pictureData(media({ lqip: null })).placeholder).toBeUndefined();
    expect(pictureData(media({ lqip: undefined })).placeholder).toBeUndefined();
  });
});

describe('squareData', () => {
  it('uses the square crop alone, with its own dimensions', () => {
    expect(squareData(media())).toEqual({
      sources: [],
      src: '/media/photo-7-square.webp',
      width: 480,
      height: 480,
      placeholder: 'data:image/webp;base64,UklGRg==',
    });
  });

  it('uses the dimensions the CMS recorded for the square', () => {
    const data = squareData(
      media({ sizes: sizes({ square: rendition('sq.webp', 300, 300, 'image/webp') }) }),
    );

    expect(data.src).toBe('/media/sq.webp');
    expect(data.width).toBe(300);
    expect(data.height).toBe(300);
  });

  it('falls back to the configured square size when the dimensions are missing', () => {
    const square = { ...rendition('sq.webp', 480, 480, 'image/webp'), width: null, height: null };
    const data = squareData(media({ sizes: sizes({ square }), lqip: null }));

    expect(data).toEqual({
      sources: [],
      src: '/media/sq.webp',
      width: 480,
      height: 480,
      placeholder: undefined,
    });
  });

  it('falls back to the full picture when there is no square crop', () => {
    for (const square of [undefined, null, skippedSize]) {
      const photo = media({ sizes: sizes({ square }) });
      const data = squareData(photo);
      expect(data).toEqual(pictureData(photo));
      expect(data.src).toBe('/media/photo-7-960.webp');
      expect(data.sources).toHaveLength(2);
    }
  });
});

describe('renditionPath', () => {
  it('picks the widest rendition not wider than the maximum', () => {
    const photo = media();
    expect(renditionPath(photo, 'webp', 480)).toBe('/media/photo-7-480.webp');
    expect(renditionPath(photo, 'webp', 959)).toBe('/media/photo-7-480.webp');
    expect(renditionPath(photo, 'webp', 960)).toBe('/media/photo-7-960.webp');
    expect(renditionPath(photo, 'webp', 1599)).toBe('/media/photo-7-960.webp');
    expect(renditionPath(photo, 'webp', 1600)).toBe('/media/photo-7-1600.webp');
    expect(renditionPath(photo, 'webp', 10_000)).toBe('/media/photo-7-1600.webp');
  });

  it('picks in the format asked for', () => {
    expect(renditionPath(media(), 'avif', 1000)).toBe('/media/photo-7-960.avif');
  });

  it('picks the narrowest rendition when all are wider than the maximum', () => {
    expect(renditionPath(media(), 'webp', 100)).toBe('/media/photo-7-480.webp');
    expect(renditionPath(media({ sizes: sizes({ webp480: undefined }) }), 'webp', 100)).toBe(
      '/media/photo-7-960.webp',
    );
  });

  it('compares the recorded widths, not the size names', () => {
    // An original 1200 px wide: the "1600" rendition is only 1200 px.
    const photo = media({ sizes: sizes({ webp1600: rendition('w.webp', 1200, 800, 'image/webp') }) });
    expect(renditionPath(photo, 'webp', 1300)).toBe('/media/w.webp');
    expect(renditionPath(photo, 'webp', 1100)).toBe('/media/photo-7-960.webp');
  });

  it('skips missing and skipped renditions', () => {
    const photo = media({ sizes: sizes({ webp960: skippedSize, webp1600: null }) });
    expect(renditionPath(photo, 'webp', 1600)).toBe('/media/photo-7-480.webp');
  });

  it('never returns the square crop', () => {
    const photo = media({ sizes: sizes({ webp480: undefined, webp960: undefined, webp1600: undefined }) });
    expect(renditionPath(photo, 'webp', 480)).toBeUndefined();
  });

  it('returns undefined when the format has no rendition', () => {
    expect(renditionPath(media({ sizes: {} }), 'avif', 960)).toBeUndefined();
  });
});

describe('socialImage', () => {
  const og = rendition('photo-7-1200x630.jpg', 1200, 630, 'image/jpeg');

  it('uses the 1200×630 JPEG crop, with the photo’s alt text', () => {
    expect(socialImage(media({ sizes: sizes({ og }) }))).toEqual({
      src: '/media/photo-7-1200x630.jpg',
      width: 1200,
      height: 630,
      alt: 'Photograph number 7',
      mimeType: 'image/jpeg',
    });
  });

  it('falls back to the widest WebP, with its real size, for a photo without the crop', () => {
    for (const missing of [undefined, null, skippedSize]) {
      expect(socialImage(media({ sizes: sizes({ og: missing }) }))).toEqual({
        src: '/media/photo-7-1600.webp',
        width: 1600,
        height: 1067,
        alt: 'Photograph number 7',
        mimeType: 'image/webp',
      });
    }
  });

  it('compares the recorded widths and skips renditions without a size', () => {
    // An original 1100 px wide: the "1600" rendition is 1100 px, the "960" lacks its height.
    const photo = media({
      sizes: sizes({
        webp1600: rendition('w.webp', 1100, 733, 'image/webp'),
        webp960: { ...rendition('x.webp', 960, 640, 'image/webp'), height: null },
      }),
    });
    expect(socialImage(photo)).toMatchObject({ src: '/media/w.webp', width: 1100, height: 733 });
    const noLarge = media({ sizes: sizes({ webp1600: skippedSize }) });
    expect(socialImage(noLarge)).toMatchObject({ src: '/media/photo-7-960.webp', width: 960, height: 640 });
  });

  it('never picks an AVIF, and takes the square crop when it is the only WebP left', () => {
    const photo = media({ sizes: sizes({ webp480: undefined, webp960: null, webp1600: skippedSize }) });
    expect(socialImage(photo)).toMatchObject({ src: '/media/photo-7-square.webp', width: 480, height: 480 });
    expect(
      socialImage(media({ sizes: { avif960: rendition('a.avif', 960, 640, 'image/avif') } })),
    ).toBeUndefined();
  });

  it('is undefined without a photo', () => {
    expect(socialImage(undefined)).toBeUndefined();
    expect(socialImage(null)).toBeUndefined();
  });
});
