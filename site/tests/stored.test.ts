import type { Media } from '@oyu/shared-types';
import { describe, expect, it } from 'vitest';
import { pictureData, renditionPath, socialImage, squareData } from '../src/lib/images';
import { mimeTypeOf, storedForm } from '../src/lib/stored';

const size = (filename: string, width: number, height: number, mimeType: string) => ({
  url: `/api/media/file/${filename}`,
  filename,
  width,
  height,
  mimeType,
  filesize: 1234,
});
const none = { url: null, filename: null, width: null, height: null, mimeType: null, filesize: null };

const photo: Media = {
  id: 7,
  alt: 'A silver ring',
  caption: 'On a stone',
  credit: null,
  licence: 'all-rights-reserved',
  url: '/api/media/file/ring.jpg',
  filename: 'ring.jpg',
  mimeType: 'image/jpeg',
  width: 3000,
  height: 2000,
  focalX: 40,
  focalY: 60,
  lqip: 'data:image/webp;base64,AAAA',
  dominantColor: '#a8b8c8',
  palette: ['#a8b8c8'],
  sizes: {
    avif480: size('ring-480x320.avif', 480, 320, 'image/avif'),
    avif960: size('ring-960x640.avif', 960, 640, 'image/avif'),
    avif1600: size('ring-1600x1067.avif', 1600, 1067, 'image/avif'),
    webp480: size('ring-480x320.webp', 480, 320, 'image/webp'),
    webp960: size('ring-960x640.webp', 960, 640, 'image/webp'),
    webp1600: size('ring-1600x1067.webp', 1600, 1067, 'image/webp'),
    square: size('ring-480x480.webp', 480, 480, 'image/webp'),
    og: size('ring-1200x630.jpg', 1200, 630, 'image/jpeg'),
  },
};

describe('what the content store keeps of a document', () => {
  const work = {
    id: 1,
    title: 'Ring',
    photos: [photo, { ...photo, id: 8, sizes: { ...photo.sizes, og: none } }],
  };
  const stored = storedForm(work);

  it('keeps each rendition’s file name and size, and drops what only the download needs', () => {
    expect(stored.photos[0]?.sizes.webp960).toEqual({
      filename: 'ring-960x640.webp',
      width: 960,
      height: 640,
    });
    expect(Object.keys(stored.photos[0]?.sizes ?? {})).toHaveLength(8);
    // A rendition the CMS did not make is left out.
    expect(stored.photos[1]?.sizes.og).toBeUndefined();
    // Everything else is kept as it was, and the document read from the CMS is not changed.
    expect({ ...stored.photos[0], sizes: undefined }).toEqual({ ...photo, sizes: undefined });
    expect(work.photos[0]?.sizes.webp960?.url).toBe('/api/media/file/ring-960x640.webp');
    expect(stored.title).toBe('Ring');
  });

  it('finds photos anywhere in a document, and returns a document without any as it is', () => {
    const edition = {
      year: 2026,
      heroImage: photo,
      body: { root: { children: [{ type: 'upload', value: photo }] } },
    };
    const kept = storedForm(edition);
    expect(kept.heroImage.sizes.og).toEqual({ filename: 'ring-1200x630.jpg', width: 1200, height: 630 });
    expect(kept.body.root.children[0]?.value.sizes.square).not.toHaveProperty('url');
    const venue = { id: 3, name: 'Hall', address: { city: 'Almaty' } };
    expect(storedForm(venue)).toBe(venue);
  });

  it('keeps one object for equal renditions across languages and documents, and tells different ones apart', () => {
    const shared = new Map();
    const en = storedForm({ photos: [photo] }, shared);
    const ru = storedForm({ photos: [{ ...photo, alt: 'Серебряное кольцо' }] }, shared);
    const other = storedForm(
      {
        photos: [
          {
            ...photo,
            sizes: { ...photo.sizes, square: size('ring-2-480x480.webp', 480, 480, 'image/webp') },
          },
        ],
      },
      shared,
    );
    expect(ru.photos[0]?.sizes).toBe(en.photos[0]?.sizes);
    expect(ru.photos[0]?.alt).toBe('Серебряное кольцо');
    expect(other.photos[0]?.sizes).not.toBe(en.photos[0]?.sizes);
    expect(other.photos[0]?.sizes.square?.filename).toBe('ring-2-480x480.webp');
    // Without a shared map, nothing is shared.
    expect(storedForm({ photos: [photo] }).photos[0]?.sizes).not.toBe(en.photos[0]?.sizes);
  });

  it('makes the same pictures and link previews as the document read from the CMS', () => {
    const kept = stored.photos[0] as Media;
    expect(pictureData(kept)).toEqual(pictureData(photo));
    expect(squareData(kept)).toEqual(squareData(photo));
    expect(renditionPath(kept, 'avif', 1000)).toBe(renditionPath(photo, 'avif', 1000));
    expect(socialImage(kept)).toEqual(socialImage(photo));
    expect(socialImage(kept)?.mimeType).toBe('image/jpeg');
  });

  it('tells a rendition’s type from its file name', () => {
    expect(mimeTypeOf('a-480x320.avif')).toBe('image/avif');
    expect(mimeTypeOf('a.WEBP')).toBe('image/webp');
    expect(mimeTypeOf('a-1200x630.jpeg')).toBe('image/jpeg');
    expect(mimeTypeOf('a.png')).toBe('image/png');
    expect(mimeTypeOf('a.tiff')).toBeUndefined();
  });
});
