import fs from 'node:fs';
import path from 'node:path';
import type { Payload } from 'payload';
import { describe, expect, it } from 'vitest';
import { env } from '../../src/env';
import { type AccessFixtures, rest, withAccessFixtures } from '../rest';

/**
 * Duplicating a document (the admin's "Duplicate", `POST /api/<collection>/<id>/duplicate`)
 * makes a new document of the person who asks: a draft nobody outside sees, with a new slug,
 * its own photo files and its own history. Nothing of the original's owner, publication or
 * account data comes with it.
 */
let payload: Payload;
let f: AccessFixtures;
withAccessFixtures((ready) => ({ payload, f } = ready));

const counts = async () =>
  Object.fromEntries(
    await Promise.all(
      (['works', 'artisans', 'media', 'editions', 'showcases', 'users'] as const).map(
        async (collection) => [collection, (await payload.count({ collection })).totalDocs] as const,
      ),
    ),
  );

describe('duplicating', () => {
  it('is refused to the public, for every collection, and makes nothing', async () => {
    const before = await counts();
    for (const [collection, id] of [
      ['works', f.pubWork.id],
      ['artisans', f.pubArtisan.id],
      ['media', f.media.p1.id],
      ['editions', f.pubEdition.id],
      ['showcases', f.draftShowcase.id],
    ] as const) {
      const result = await rest('POST', `/api/${collection}/${id}/duplicate`);
      expect(result.status, collection).toBe(403);
    }
    expect(await counts()).toEqual(before);
  });

  it('a curator’s copy of someone else’s published work is their own draft, with a new slug and its own history', async () => {
    const result = await rest('POST', `/api/works/${f.pubWork.id}/duplicate?depth=0`, {
      token: f.tokens.curator,
    });
    expect(result.status, result.text.slice(0, 200)).toBe(200);
    const copy = result.json.doc;
    expect(copy).toMatchObject({ title: 'Live work', _status: 'draft', createdBy: f.users.curator.id });
    expect(copy.slug).not.toBe(f.pubWork.slug);
    // Nobody outside sees the copy; the original stays published, owned by its maker.
    expect((await rest('GET', `/api/works/${copy.id}`)).status).toBe(404);
    const original = await rest('GET', `/api/works/${f.pubWork.id}?depth=0`);
    expect(original.json).toMatchObject({
      _status: 'published',
      createdBy: f.users.admin.id,
      slug: f.pubWork.slug,
    });
    // The copy's history is its own.
    const versions = await payload.findVersions({
      collection: 'works',
      where: { parent: { equals: copy.id } },
    });
    expect(versions.docs.every((version) => version.parent === copy.id)).toBe(true);
    const originals = await payload.findVersions({
      collection: 'works',
      where: { parent: { equals: f.pubWork.id } },
    });
    expect(originals.docs.some((version) => String(version.parent) === String(copy.id))).toBe(false);
  });

  it('a copy of a photo is a private photo of the one who copied it, with files of its own', async () => {
    const result = await rest('POST', `/api/media/${f.media.p1.id}/duplicate?depth=0`, {
      token: f.tokens.curator,
    });
    expect(result.status, result.text.slice(0, 200)).toBe(200);
    const copy = result.json.doc;
    expect(copy).toMatchObject({ isPublic: false, createdBy: f.users.curator.id });
    expect(copy.filename).not.toBe(f.media.p1.filename);
    expect(fs.existsSync(path.join(env.mediaDir, copy.filename))).toBe(true);
    for (const size of Object.values(copy.sizes as Record<string, { filename: string | null }>)) {
      if (size.filename)
        expect(fs.existsSync(path.join(env.mediaDir, size.filename)), size.filename).toBe(true);
    }
    expect((await rest('GET', `/api/media/file/${copy.filename}`)).status).not.toBe(200);
    // The original is untouched and still public.
    expect((await rest('GET', `/api/media/file/${f.media.p1.filename}`)).status).toBe(200);
  });

  it('only those who may create a document may copy it: a curator cannot copy a collection', async () => {
    const before = await counts();
    const result = await rest('POST', `/api/showcases/${f.draftShowcase.id}/duplicate`, {
      token: f.tokens.curator,
    });
    expect(result.status).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('an edition cannot be copied into a second one of the same year: a 400 naming the year, nothing made', async () => {
    const before = await counts();
    const result = await rest('POST', `/api/editions/${f.pubEdition.id}/duplicate`, {
      token: f.tokens.organiser,
    });
    expect(result.status).toBe(400);
    expect(result.json.errors[0].message).toContain('year');
    expect(await counts()).toEqual(before);
  });

  it('accounts cannot be copied, not even by an admin: no password hash or e-mail travels', async () => {
    const before = await counts();
    const result = await rest('POST', `/api/users/${f.users.curator.id}/duplicate`, {
      token: f.tokens.admin,
    });
    expect(result.status).toBe(404);
    expect(await counts()).toEqual(before);
  });
});
