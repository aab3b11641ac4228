import type { Payload } from 'payload';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { paragraphs } from '../../src/seed';
import { makeUser, testPayload } from '../helpers';
import { jpeg, login, password, rest } from '../rest';

/**
 * The curator's day, over the same REST API the admin panel uses: sign in, upload three
 * photos, describe an artisan and a work in three languages, save a draft that the public
 * cannot see, publish, and find it public with its photos.
 */
let payload: Payload;
let token: string;

beforeAll(async () => {
  payload = await testPayload();
  const curator = await makeUser(payload, 'curator');
  token = await login(curator.email, password);
});
afterAll(async () => {
  await payload.destroy();
});

const anonymous = (path: string) => rest('GET', path);

it('takes a work from photos to published, in three languages', async () => {
  const photos: number[] = [];
  for (const [i, view] of ['front', 'side', 'detail'].entries()) {
    const body = new FormData();
    body.append(
      'file',
      new File([new Uint8Array(await jpeg(800, 600, ['#a87', '#8a7', '#78a'][i]))], `${view}.jpg`, {
        type: 'image/jpeg',
      }),
    );
    body.append('_payload', JSON.stringify({ alt: `Ring, ${view} view`, caption: `${view} view` }));
    const uploaded = await rest('POST', '/api/media', { token, formData: body });
    expect(uploaded.status).toBe(201);
    photos.push(uploaded.json.doc.id);
  }

  const artisan = await rest('POST', '/api/artisans?locale=en', {
    token,
    body: {
      name: 'Жанар Қалиева',
      country: 'KZ',
      city: 'Almaty',
      bio: paragraphs(['Silversmith.']),
      _status: 'published',
    },
  });
  expect(artisan.status).toBe(201);
  expect(artisan.json.doc.slug).toBe('zhanar-qalieva');

  const created = await rest('POST', '/api/works?locale=en&draft=true', {
    token,
    body: {
      title: 'Steppe Ring',
      artisans: [artisan.json.doc.id],
      photos,
      description: paragraphs(['A ring.']),
      _status: 'draft',
    },
  });
  expect(created.status).toBe(201);
  const id = created.json.doc.id;
  for (const [locale, title] of [
    ['ru', 'Кольцо «Степь»'],
    ['kk', '«Дала» жүзігі'],
  ] as const) {
    const translated = await rest('PATCH', `/api/works/${id}?locale=${locale}&draft=true`, {
      token,
      body: { title, description: paragraphs([title]), _status: 'draft' },
    });
    expect(translated.status).toBe(200);
  }

  // A draft: invisible to the public, its photos too.
  expect((await anonymous('/api/works?where[slug][equals]=steppe-ring')).json.totalDocs).toBe(0);
  expect((await anonymous(`/api/works/${id}?draft=true`)).status).toBeGreaterThanOrEqual(400);
  expect((await anonymous(`/api/media/${photos[0]}`)).status).toBeGreaterThanOrEqual(400);

  const published = await rest('PATCH', `/api/works/${id}?locale=en`, {
    token,
    body: { _status: 'published' },
  });
  expect(published.status).toBe(200);

  for (const [locale, title] of [
    ['en', 'Steppe Ring'],
    ['ru', 'Кольцо «Степь»'],
    ['kk', '«Дала» жүзігі'],
  ] as const) {
    const seen = await anonymous(`/api/works/${id}?locale=${locale}&depth=1`);
    expect(seen.status).toBe(200);
    expect(seen.json.title).toBe(title);
    expect(seen.json.photos.map((photo: { id: number }) => photo.id)).toEqual(photos);
  }
  const file = await anonymous(
    `/api/media/file/${(await payload.findByID({ collection: 'media', id: photos[2] as number })).filename}`,
  );
  expect(file.status).toBe(200);
});
