import type { Payload } from 'payload';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, testPayload } from '../helpers';

/** The public must never see a draft, whichever way it asks. */
let payload: Payload;
let publishedId: number;
let draftId: number;
let publishedThenDraftedId: number;

beforeAll(async () => {
  payload = await testPayload();
  const data = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#aa8866' } })
    .jpeg()
    .toBuffer();
  const image = await payload.create({
    collection: 'media',
    data: { alt: 'A photo' },
    file: { data, mimetype: 'image/jpeg', name: 'p.jpg', size: data.length },
  });
  const maker = await payload.create({
    collection: 'artisans',
    data: { name: 'Maker', slug: 'maker', country: 'KG', _status: 'published' },
  });
  const base = { artisans: [maker.id], photos: [image.id] };
  publishedId = (
    await payload.create({
      collection: 'works',
      data: { ...base, title: 'Public', slug: 'public', _status: 'published' },
    })
  ).id;
  draftId = (
    await payload.create({
      collection: 'works',
      draft: true,
      data: { ...base, title: 'Secret draft', slug: 'secret', _status: 'draft' },
    })
  ).id;
  // Published once, then edited as a draft: the public keeps seeing the published version.
  publishedThenDraftedId = (
    await payload.create({
      collection: 'works',
      data: { ...base, title: 'Live title', slug: 'live', _status: 'published' },
    })
  ).id;
  await payload.update({
    collection: 'works',
    id: publishedThenDraftedId,
    draft: true,
    data: { title: 'Unreleased new title', _status: 'draft' },
  });
});

afterAll(async () => {
  await payload.destroy();
});

const asPublic = { overrideAccess: false, user: null } as const;

describe('drafts and the public', () => {
  it('lists only published works', async () => {
    const { docs } = await payload.find({ collection: 'works', ...asPublic });
    expect(docs.map((d) => d.slug).sort()).toEqual(['live', 'public']);
  });

  it('hides a draft even when asked for drafts', async () => {
    const { docs } = await payload.find({ collection: 'works', draft: true, ...asPublic });
    expect(docs.map((d) => d.title)).not.toContain('Secret draft');
    expect(docs.map((d) => d.title)).not.toContain('Unreleased new title');
  });

  it('refuses a draft by id', async () => {
    await expect(payload.findByID({ collection: 'works', id: draftId, ...asPublic })).rejects.toThrow();
    await expect(
      payload.findByID({ collection: 'works', id: draftId, draft: true, ...asPublic }),
    ).rejects.toThrow();
  });

  it('shows the published version of a work that has a newer draft', async () => {
    const doc = await payload.findByID({
      collection: 'works',
      id: publishedThenDraftedId,
      draft: true,
      ...asPublic,
    });
    expect(doc.title).toBe('Live title');
  });

  it('gives server code (overrideAccess, no user) the newest draft when it asks for drafts', async () => {
    // The seed and the spreadsheet import read this way; the public's guard must not catch them.
    const doc = await payload.findByID({ collection: 'works', id: publishedThenDraftedId, draft: true });
    expect(doc.title).toBe('Unreleased new title');
    const listed = await payload.find({
      collection: 'works',
      where: { id: { equals: publishedThenDraftedId } },
      draft: true,
    });
    expect(listed.docs[0]?.title).toBe('Unreleased new title');
  });

  it('hides draft versions from the versions API', async () => {
    await expect(payload.findVersions({ collection: 'works', ...asPublic })).rejects.toThrow();
  });

  it('lets a signed-in curator see the draft', async () => {
    const curator = await makeUser(payload, 'curator');
    const doc = await payload.findByID({
      collection: 'works',
      id: draftId,
      draft: true,
      overrideAccess: false,
      user: { ...curator, collection: 'users' },
    });
    expect(doc.title).toBe('Secret draft');
    expect(publishedId).toBeGreaterThan(0);
  });
});

describe('accounts', () => {
  it('does not let a curator make themselves an admin', async () => {
    const curator = await makeUser(payload, 'curator');
    const updated = await payload.update({
      collection: 'users',
      id: curator.id,
      data: { roles: ['admin'] },
      overrideAccess: false,
      user: { ...curator, collection: 'users' },
    });
    expect(updated.roles).toEqual(['curator']);
  });

  it('does not let the public create accounts', async () => {
    await expect(
      payload.create({
        collection: 'users',
        data: { email: 'intruder@test.local', password: 'x-very-long-password', roles: ['admin'] },
        ...asPublic,
      }),
    ).rejects.toThrow();
  });
});
