import type { Payload } from 'payload';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPreviewToken } from '../../src/endpoints/previewToken';
import { env } from '../../src/env';
import { makeUser, testPayload } from '../helpers';
import { type AccessFixtures, accessFixtures, login, password, rest } from '../rest';

/**
 * Draft preview links: who may make one, what a link shows (the draft, in the site's read
 * model and nothing more), its photos, and every way a link is refused: damaged, altered,
 * expired, made by an account since deleted, or pointing at a deleted document.
 */
let payload: Payload;
let f: AccessFixtures;

beforeAll(async () => {
  payload = await testPayload();
  f = await accessFixtures(payload);
}, 120_000);

afterAll(async () => {
  await payload.destroy();
});

const open = (query: string, token?: string) => rest('GET', `/api/preview/open?${query}`, { token });

/** A fresh link for a document, made by `who` through the open endpoint. */
async function linkFor(collection: string, id: number, who: keyof AccessFixtures['tokens'] = 'curator') {
  const made = await open(`collection=${collection}&id=${id}&format=json`, f.tokens[who]);
  expect(made.status).toBe(200);
  const token = new URL(made.json.url).pathname.split('/').filter(Boolean).at(-1) as string;
  return { token, url: made.json.url as string, expiresAt: made.json.expiresAt as string };
}

const documentFor = (token: string, locale = 'en') =>
  rest('GET', `/api/preview/document?token=${encodeURIComponent(token)}&locale=${locale}`);
const photoFor = (token: string, filename: string) =>
  rest('GET', `/api/preview/media/${encodeURIComponent(filename)}?token=${encodeURIComponent(token)}`);

describe('making a preview link', () => {
  it('is for signed-in staff only', async () => {
    const anonymous = await open(`collection=works&id=${f.draftWork.id}`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.json.errors[0].message).toMatch(/sign in/i);
  });

  it('sends a curator to the preview page with a fresh link that lasts the configured time', async () => {
    const before = Date.now();
    const made = await open(`collection=works&id=${f.draftWork.id}&locale=kk`, f.tokens.curator);
    expect(made.status).toBe(303);
    const location = made.headers.get('location') ?? '';
    expect(location.startsWith(`${env.previewUrl}/kk/`)).toBe(true);
    expect(made.headers.get('cache-control')).toBe('no-store');
    const { expiresAt } = await linkFor('works', f.draftWork.id);
    const minutes = (Date.parse(expiresAt) - before) / 60_000;
    expect(minutes).toBeGreaterThan(env.previewLinkMinutes - 1);
    expect(minutes).toBeLessThanOrEqual(env.previewLinkMinutes + 1);
  });

  it.each([
    ['a collection that has no preview', 'collection=users&id=1', 400, /works and artisans/],
    ['an id that is not a number', 'collection=works&id=abc', 400, /document number/],
    ['an unknown language', 'collection=works&id=1&locale=de', 400, /en, ru, kk/],
    ['a document that does not exist', 'collection=works&id=999999', 404, /no such document/],
  ])('refuses %s', async (_, query, status, message) => {
    const made = await open(query, f.tokens.curator);
    expect(made.status).toBe(status);
    expect(made.json.errors[0].message).toMatch(message);
  });
});

describe('what a link shows', () => {
  it('shows the draft in the site’s read model, without fields the public never sees', async () => {
    const { token } = await linkFor('works', f.draftWork.id);
    const shown = await documentFor(token);
    expect(shown.status).toBe(200);
    expect(shown.headers.get('cache-control')).toBe('no-store');
    expect(shown.json).toMatchObject({ collection: 'works', title: 'SECRET draft work', problems: [] });
    expect(shown.json.doc).toMatchObject({
      id: f.draftWork.id,
      title: 'SECRET draft work',
      _status: 'draft',
    });
    expect(shown.json.doc.photos[0].id).toBe(f.media.p2.id);
    expect(shown.json.doc.artisans[0]).toMatchObject({ id: f.pubArtisan.id, name: 'Aigerim Published' });
    // Staff-only fields stay in the CMS: the read model has no createdBy, no version data.
    expect(shown.json.doc).not.toHaveProperty('createdBy');
    expect(shown.text).not.toContain(f.users.admin.email);
  });

  it('shows the newest draft of a published work, not the published version', async () => {
    const { token } = await linkFor('works', f.redraftedWork.id);
    const shown = await documentFor(token);
    expect(shown.json.doc.title).toBe('SECRET newer draft');
    expect(shown.json.doc.photos.map((photo: { id: number }) => photo.id)).toEqual([
      f.media.p1.id,
      f.media.p3.id,
    ]);
  });

  it('shows a draft artisan with their portrait', async () => {
    const { token } = await linkFor('artisans', f.draftArtisan.id);
    const shown = await documentFor(token, 'ru');
    expect(shown.json).toMatchObject({ collection: 'artisans', title: 'SECRET Draftova', problems: [] });
    expect(shown.json.doc.portrait.id).toBe(f.media.p4.id);
  });

  it('says what a draft lacks instead of showing it half-made', async () => {
    const bare = await payload.create({
      collection: 'works',
      draft: true,
      data: { title: 'Unfinished ring', _status: 'draft' },
    });
    const { token } = await linkFor('works', bare.id);
    const shown = await documentFor(token);
    expect(shown.status).toBe(200);
    expect(shown.json.title).toBe('Unfinished ring');
    expect(shown.json.doc).toBeNull();
    expect(shown.json.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Artisans: /),
        expect.stringMatching(/^Photos: has no photo/),
      ]),
    );
    // In the page's language.
    const ru = await documentFor(token, 'ru');
    expect(ru.json.problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/нет ни одной фотографии/)]),
    );
  });

  it('serves the photos the draft shows, and public ones, but nothing else', async () => {
    const { token } = await linkFor('works', f.draftWork.id);
    const rendition = (media: { sizes?: unknown }) =>
      Object.values(media.sizes as Record<string, { filename?: string | null }>).find(
        (size) => size?.filename,
      )?.filename as string;
    const own = await photoFor(token, rendition(f.media.p2));
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toMatch(/^image\//);
    expect(own.bytes.length).toBeGreaterThan(100);
    // A public photo (cards of published works on the page).
    expect((await photoFor(token, rendition(f.media.p1))).status).toBe(200);
    // Another draft's photo, the original upload (which keeps its EXIF), and paths out.
    expect((await photoFor(token, rendition(f.media.p4))).status).toBe(404);
    expect((await photoFor(token, f.media.p2.filename as string)).status).toBe(404);
    expect((await photoFor(token, '../secrets.env')).status).toBe(404);
    expect((await photoFor('not-a-token', rendition(f.media.p2))).status).toBe(400);
  });
});

describe('links that are refused', () => {
  it('refuses an altered link, whichever part was changed', async () => {
    const { token } = await linkFor('works', f.draftWork.id);
    const [body, signature] = token.split('.') as [string, string];
    const flip = (text: string, at: number) =>
      `${text.slice(0, at)}${text[at] === 'x' ? 'y' : 'x'}${text.slice(at + 1)}`;
    for (const altered of [`${flip(body, 5)}.${signature}`, `${body}.${flip(signature, 5)}`]) {
      const shown = await documentFor(altered);
      expect(shown.status).toBe(403);
      expect(shown.json.error.code).toBe('altered');
      expect(shown.text).not.toMatch(/secret/i);
    }
    // Pointing a link at another document by editing its claims is an alteration too.
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
    const retargeted = Buffer.from(JSON.stringify({ ...claims, id: f.redraftedWork.id })).toString(
      'base64url',
    );
    expect((await documentFor(`${retargeted}.${signature}`)).json.error.code).toBe('altered');
  });

  it('refuses a damaged link', async () => {
    const { token } = await linkFor('works', f.draftWork.id);
    const shown = await documentFor(token.slice(0, token.indexOf('.')));
    expect(shown.status).toBe(400);
    expect(shown.json.error).toMatchObject({ code: 'malformed' });
    expect(shown.json.error.message).toMatch(/press Preview for a new link/);
  });

  it('refuses an expired link, and says when it expired', async () => {
    const exp = Math.floor(Date.now() / 1000) - 60;
    const token = signPreviewToken(
      { c: 'works', id: f.draftWork.id, u: f.users.curator.id, exp },
      env.payloadSecret,
    );
    const shown = await documentFor(token);
    expect(shown.status).toBe(410);
    expect(shown.json.error.code).toBe('expired');
    expect(shown.json.error.message).toContain(new Date(exp * 1000).toISOString());
    expect((await photoFor(token, 'anything.webp')).status).toBe(410);
  });

  it('stops working when the account that made it is deleted', async () => {
    const leaving = await makeUser(payload, 'curator', 'leaving@test.local');
    const made = await open(
      `collection=works&id=${f.draftWork.id}&format=json`,
      await login('leaving@test.local', password),
    );
    const token = new URL(made.json.url).pathname.split('/').filter(Boolean).at(-1) as string;
    expect((await documentFor(token)).status).toBe(200);
    await payload.delete({ collection: 'users', id: leaving.id });
    const shown = await documentFor(token);
    expect(shown.status).toBe(403);
    expect(shown.json.error.code).toBe('revoked');
  });

  it('says so when the document has been deleted', async () => {
    const doomed = await payload.create({
      collection: 'works',
      draft: true,
      data: { title: 'Short-lived', _status: 'draft' },
    });
    const { token } = await linkFor('works', doomed.id);
    await payload.delete({ collection: 'works', id: doomed.id });
    const shown = await documentFor(token);
    expect(shown.status).toBe(404);
    expect(shown.json.error.code).toBe('gone');
  });
});
