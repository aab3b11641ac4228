import fs from 'node:fs';
import path from 'node:path';
import { colourCodes, imageSizeNames, WorkSchema } from '@oyu/shared-types';
import type { Payload } from 'payload';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env } from '../../src/env';
import { paragraphs } from '../../src/seed';
import { drawPiece } from '../../src/seed/draw';
import { makeUser, testPayload } from '../helpers';
import { login, password, rest } from '../rest';

let payload: Payload;
let photo: Buffer;

beforeAll(async () => {
  payload = await testPayload();
  photo = await drawPiece('ring', { metal: 'silver', gem: '#b4412b', backdrop: ['#f3eee7', '#cbbfae'] }, 1, {
    width: 2000,
    height: 1500,
  });
});

afterAll(async () => {
  await payload.destroy();
});

async function upload(name = 'ring.jpg', data = photo, mimetype = 'image/jpeg') {
  return payload.create({
    collection: 'media',
    data: { alt: 'A silver ring with a carnelian' },
    file: { data, mimetype, name, size: data.length },
  });
}

async function artisan(name = 'Әйгерім Қасымова') {
  return payload.create({
    collection: 'artisans',
    data: {
      name,
      slug: '',
      country: 'KZ',
      bio: paragraphs(['Silversmith in Almaty.']),
      _status: 'published',
    },
  });
}

describe('media uploads', () => {
  it('derives every image size once, at upload, with sharp', async () => {
    const media = await upload();
    expect(media.width).toBe(2000);
    expect(media.height).toBe(1500);
    for (const name of imageSizeNames) {
      const size = media.sizes?.[name as keyof typeof media.sizes];
      expect(size?.filename, `size ${name}`).toBeTruthy();
      expect(fs.existsSync(path.join(env.mediaDir, size?.filename ?? 'missing'))).toBe(true);
    }
    const avif = await sharp(path.join(env.mediaDir, media.sizes?.avif960?.filename ?? '')).metadata();
    expect(avif.format).toBe('heif');
    expect(avif.width).toBe(960);
    const square = await sharp(path.join(env.mediaDir, media.sizes?.square?.filename ?? '')).metadata();
    expect([square.width, square.height, square.format]).toEqual([480, 480, 'webp']);
  });

  it('never enlarges a small original', async () => {
    const small = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#c0a080' } })
      .jpeg()
      .toBuffer();
    const media = await upload('small.jpg', small);
    expect(media.sizes?.webp1600?.width ?? 0).toBeLessThanOrEqual(600);
    expect(media.sizes?.webp480?.width).toBe(480);
  });

  it('stores a blurred placeholder and the dominant colour', async () => {
    const media = await upload('placeholder.jpg');
    expect(media.lqip).toMatch(/^data:image\/webp;base64,/);
    expect((media.lqip ?? '').length).toBeLessThan(600);
    expect(media.dominantColor).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('refuses files that are not images, leaving no record and no file', async () => {
    const before = fs.readdirSync(env.mediaDir).length;
    const { totalDocs } = await payload.count({ collection: 'media' });
    await expect(upload('notes.txt', Buffer.from('just text, not a photo'), 'text/plain')).rejects.toThrow();
    await expect(
      upload('fake.jpg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/jpeg'),
    ).rejects.toThrow();
    expect((await payload.count({ collection: 'media' })).totalDocs).toBe(totalDocs);
    expect(fs.readdirSync(env.mediaDir).length).toBe(before);
  });
});

describe('artisans', () => {
  it('makes a Latin slug from a Kazakh name', async () => {
    const doc = await artisan();
    expect(doc.slug).toBe('aigerim-qasymova');
  });

  it('refuses a second artisan with the same slug', async () => {
    await payload.create({ collection: 'artisans', data: { name: 'Timur R', slug: 'timur', country: 'UZ' } });
    await expect(
      payload.create({ collection: 'artisans', data: { name: 'Timur R.', slug: 'timur', country: 'UZ' } }),
    ).rejects.toThrow(/slug/i);
  });

  it('refuses a country outside the list', async () => {
    await expect(
      // @ts-expect-error: the country is deliberately not one of the allowed codes
      payload.create({ collection: 'artisans', data: { name: 'Nobody', slug: 'nobody', country: 'XX' } }),
    ).rejects.toThrow(/country/i);
  });
});

describe('works', () => {
  it('keeps photos in the order the curator gave', async () => {
    const maker = await artisan('Gulnara Toktogulova');
    const [a, b, c] = [await upload('a.jpg'), await upload('b.jpg'), await upload('c.jpg')];
    const work = await payload.create({
      collection: 'works',
      data: {
        title: 'Coral Necklace',
        slug: 'coral-necklace',
        artisans: [maker.id],
        photos: [c, a, b].map((m) => m.id),
        description: paragraphs(['Engraved silver beads.']),
        _status: 'published',
      },
    });
    const read = await payload.findByID({ collection: 'works', id: work.id, depth: 1 });
    expect(read.photos.map((p) => (typeof p === 'object' ? p.id : p))).toEqual([c.id, a.id, b.id]);
    const maker0 = read.artisans[0];
    expect(typeof maker0 === 'object' && maker0.name).toBe('Gulnara Toktogulova');
  });

  it('will not publish a work without a photo, but saves it as a draft', async () => {
    const maker = await artisan('Draft Maker');
    await expect(
      payload.create({
        collection: 'works',
        data: { title: 'No Photo', slug: 'no-photo', artisans: [maker.id], photos: [], _status: 'published' },
      }),
    ).rejects.toThrow(/photo/i);
    const draft = await payload.create({
      collection: 'works',
      draft: true,
      data: {
        title: 'No Photo Yet',
        slug: 'no-photo-yet',
        artisans: [maker.id],
        photos: [],
        _status: 'draft',
      },
    });
    expect(draft._status).toBe('draft');
  });

  it('keeps a title per language, falling back to English', async () => {
    const maker = await artisan('Localised Maker');
    const image = await upload('loc.jpg');
    const work = await payload.create({
      collection: 'works',
      locale: 'en',
      data: {
        title: 'Sun Brooch',
        slug: 'sun-brooch',
        artisans: [maker.id],
        photos: [image.id],
        _status: 'published',
      },
    });
    await payload.update({
      collection: 'works',
      id: work.id,
      locale: 'kk',
      data: { title: 'Күн төсбелгісі' },
    });
    expect((await payload.findByID({ collection: 'works', id: work.id, locale: 'kk' })).title).toBe(
      'Күн төсбелгісі',
    );
    expect((await payload.findByID({ collection: 'works', id: work.id, locale: 'ru' })).title).toBe(
      'Sun Brooch',
    );
  });
});

describe('work colours', () => {
  it('saves and returns the colours, which the public can filter by', async () => {
    const curator = await makeUser(payload, 'curator');
    const token = await login(curator.email, password);
    const maker = await artisan('Colour Maker');
    const image = await upload('colours.jpg');
    const data = {
      title: 'Turquoise Cuff',
      slug: 'turquoise-cuff',
      artisans: [maker.id],
      photos: [image.id],
      colours: ['silver', 'turquoise'],
      _status: 'published',
    };
    const created = await rest('POST', '/api/works', { token, body: data });
    expect(created.status, created.text.slice(0, 300)).toBe(201);
    expect(created.json.doc.colours).toEqual(['silver', 'turquoise']);

    const found = await rest('GET', '/api/works?where[colours][in]=turquoise&depth=1');
    expect(found.status).toBe(200);
    expect(found.json.docs.map((doc: { slug: string }) => doc.slug)).toEqual(['turquoise-cuff']);
    // The site's read model takes the work as the public REST API returns it.
    expect(WorkSchema.parse(found.json.docs[0]).colours).toEqual(['silver', 'turquoise']);
    const none = await rest('GET', '/api/works?where[colours][in]=gold');
    expect(none.json.docs).toEqual([]);
  });

  it('refuses a colour outside the list with 400', async () => {
    expect(colourCodes).not.toContain('beige');
    const curator = await makeUser(payload, 'curator');
    const token = await login(curator.email, password);
    const maker = await artisan('Beige Maker');
    const image = await upload('beige.jpg');
    const result = await rest('POST', '/api/works', {
      token,
      body: {
        title: 'Beige Ring',
        slug: 'beige-ring',
        artisans: [maker.id],
        photos: [image.id],
        colours: ['gold', 'beige'],
        _status: 'published',
      },
    });
    expect(result.status).toBe(400);
    expect(JSON.stringify(result.json?.errors)).toMatch(/colours/);
    expect(
      (await payload.count({ collection: 'works', where: { slug: { equals: 'beige-ring' } } })).totalDocs,
    ).toBe(0);
  });
});
