import type { Payload } from 'payload';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, testPayload } from '../helpers';
import { jpeg, login, password, rest } from '../rest';

/**
 * Curators see every photo, so that they can choose among them; but a curator publishing a
 * work that uses another curator's unpublished photo would make that photo public (its file
 * going from 403 to 200). So a curator may use only their own photos and those already public.
 */
let payload: Payload;
let a: { id: number; token: string };
let b: { id: number; token: string };
let organiser: { id: number; token: string };
let artisanId: number;
const photos: Record<string, { id: number; url: string }> = {};

const photo = async (name: string, owner: number) => {
  const data = await jpeg(320, 240, '#a87');
  const doc = await payload.create({
    collection: 'media',
    data: { alt: name, createdBy: owner },
    file: { data, mimetype: 'image/jpeg', name: `${name}.jpg`, size: data.length },
    context: { skipPlaceholder: true },
  });
  return { id: doc.id, url: doc.url ?? '' };
};

beforeAll(async () => {
  payload = await testPayload();
  const user = async (role: 'curator' | 'organiser') => {
    const made = await makeUser(payload, role);
    return { id: made.id, token: await login(made.email, password) };
  };
  a = await user('curator');
  b = await user('curator');
  organiser = await user('organiser');
  artisanId = (
    await payload.create({
      collection: 'artisans',
      data: { name: 'Aigerim', slug: 'aigerim', country: 'KZ', _status: 'published' },
    })
  ).id;
  photos.aOwn = await photo('a-own', a.id);
  photos.bPrivate = await photo('b-private', b.id);
  photos.bPublic = await photo('b-public', b.id);
  // B's second photo is public: a published work uses it.
  await payload.create({
    collection: 'works',
    data: {
      title: 'B’s ring',
      slug: 'b-ring',
      artisans: [artisanId],
      photos: [photos.bPublic.id],
      createdBy: b.id,
      _status: 'published',
    },
  });
});

afterAll(async () => {
  await payload.destroy();
});

const fileStatus = async (url: string) => (await rest('GET', url)).status;
const work = (token: string, photoIds: number[], status: 'draft' | 'published', slug: string) =>
  rest('POST', `/api/works${status === 'draft' ? '?draft=true' : ''}`, {
    token,
    body: { title: slug, slug, artisans: [artisanId], photos: photoIds, _status: status },
  });

describe('another curator’s private photo', () => {
  it('cannot be used by a curator, neither in a draft nor published; the file stays private', async () => {
    expect([403, 404]).toContain(await fileStatus(photos.bPrivate?.url ?? ''));
    for (const status of ['draft', 'published'] as const) {
      const result = await work(
        a.token,
        [photos.aOwn?.id ?? 0, photos.bPrivate?.id ?? 0],
        status,
        `a-${status}`,
      );
      expect(result.status, result.text.slice(0, 300)).toBe(403);
      expect(result.json.errors[0].message).toBe(
        "b-private.jpg: another curator's photo that is not public yet. Upload your own, or ask them or an organiser to publish it first.",
      );
    }
    const artisan = await rest('PATCH', `/api/artisans/${artisanId}`, {
      token: a.token,
      body: { portrait: photos.bPrivate?.id },
    });
    expect(artisan.status).toBe(403);
    expect([403, 404]).toContain(await fileStatus(photos.bPrivate?.url ?? ''));
    expect((await payload.count({ collection: 'works', where: { slug: { like: 'a-' } } })).totalDocs).toBe(0);
  });

  it('is refused in the admin’s language', async () => {
    const result = await rest('POST', '/api/works?draft=true&locale=en', {
      token: a.token,
      headers: { 'Accept-Language': 'ru' },
      body: {
        title: 'ru',
        slug: 'a-ru',
        artisans: [artisanId],
        photos: [photos.bPrivate?.id],
        _status: 'draft',
      },
    });
    expect(result.status).toBe(403);
    expect(result.json.errors[0].message).toMatch(/^b-private\.jpg: фото другого куратора/);
  });

  it('a curator’s own photos and public ones are fine; an organiser may use any', async () => {
    const own = await work(
      a.token,
      [photos.aOwn?.id ?? 0, photos.bPublic?.id ?? 0],
      'published',
      'a-own-and-public',
    );
    expect(own.status, own.text.slice(0, 300)).toBe(201);
    const byOrganiser = await work(organiser.token, [photos.bPrivate?.id ?? 0], 'draft', 'organiser-uses-b');
    expect(byOrganiser.status, byOrganiser.text.slice(0, 300)).toBe(201);
  });

  it('a photo a work already has stays when a curator who may edit it saves', async () => {
    const shared = await payload.create({
      collection: 'works',
      draft: true,
      data: {
        title: 'Shared',
        slug: 'shared',
        artisans: [artisanId],
        photos: [photos.bPrivate?.id ?? 0],
        createdBy: a.id,
        _status: 'draft',
      },
    });
    const saved = await rest('PATCH', `/api/works/${shared.id}?draft=true`, {
      token: a.token,
      body: { title: 'Shared, renamed' },
    });
    expect(saved.status, saved.text.slice(0, 300)).toBe(200);
  });
});
