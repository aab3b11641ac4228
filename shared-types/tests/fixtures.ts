/** Documents shaped like the CMS's REST answers (depth 1), to derive bad ones from. */
export function media(overrides: Record<string, unknown> = {}) {
  return {
    id: 7,
    alt: 'A silver ring',
    url: 'http://localhost:3000/api/media/file/ring.jpg',
    filename: 'ring.jpg',
    mimeType: 'image/jpeg',
    width: 2400,
    height: 1800,
    focalX: 50,
    focalY: 50,
    lqip: 'data:image/webp;base64,AAAA',
    dominantColor: '#d8d8c8',
    sizes: {
      webp480: {
        url: '/api/media/file/ring-480x360.webp',
        filename: 'ring-480x360.webp',
        width: 480,
        height: 360,
        mimeType: 'image/webp',
        filesize: 5000,
      },
      avif1600: { url: null, filename: null, width: null, height: null, mimeType: null, filesize: null },
    },
    ...overrides,
  };
}

export function work(overrides: Record<string, unknown> = {}) {
  return {
    id: 3,
    title: 'Silver Cuff',
    slug: 'silver-cuff',
    artisans: [{ id: 1, name: 'Aigerim', slug: 'aigerim', country: 'KZ', bio: null }],
    photos: [media({ caption: 'Front' })],
    pieceType: { id: 4, label: 'Ring', slug: 'ring', createdAt: 'x' },
    materials: [{ id: 1, label: 'Silver', slug: 'silver', kind: 'metal' }],
    gemstones: [{ id: 9, label: 'Carnelian', slug: 'carnelian', kind: 'gemstone' }],
    techniques: [],
    fineness: 925,
    weightGrams: 12.5,
    dimensions: { heightMm: 22, widthMm: 20, depthMm: null, diameterMm: 17.5 },
    year: { from: 2025, to: null },
    editionType: 'unique',
    editionSize: null,
    licence: 'all-rights-reserved',
    exhibitionHistory: [
      { id: 'x1', year: 2025, title: 'AJW 2025', venue: 'Kasteyev Museum', city: 'Almaty' },
    ],
    editions: [{ id: 2, year: 2025, title: 'Almaty Jewelry Week 2025', stage: 'archived' }],
    description: {
      root: {
        type: 'root',
        children: [{ type: 'paragraph', children: [{ type: 'text', text: 'Hello', format: 1 }] }],
      },
    },
    _status: 'published',
    updatedAt: '2026-11-27T10:00:00.000Z',
    createdAt: '2026-11-27T10:00:00.000Z',
    ...overrides,
  };
}
