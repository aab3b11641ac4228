import type { CollectionAfterChangeHook, Payload } from 'payload';
import { describe, expect, it } from 'vitest';
import { type AccessFixtures, rest, withAccessFixtures } from '../rest';

/**
 * A hook that throws in the middle of a REST request rolls the whole request back: the
 * document, the photos' visibility its hooks had already changed, and its new version. The
 * failing hook is added to the real configuration for the test, at
 * the end of the works' afterChange hooks, after every hook that writes something else.
 */
let payload: Payload;
let f: AccessFixtures;
withAccessFixtures((ready) => ({ payload, f } = ready));

const boom: CollectionAfterChangeHook = ({ doc }) => {
  if (String(doc.title).includes('BOOM')) throw new Error('a hook failed after the other writes');
  return doc;
};

async function state(workId: number, photoId: number) {
  const work = await payload.findByID({ collection: 'works', id: workId, draft: true, depth: 0 });
  const photo = await payload.findByID({ collection: 'media', id: photoId, depth: 0 });
  const versions = await payload.countVersions({
    collection: 'works',
    where: { parent: { equals: workId } },
  });
  const jobs = await payload.count({ collection: 'payload-jobs' });
  return {
    title: work.title,
    status: work._status,
    isPublic: photo.isPublic,
    versions: versions.totalDocs,
    jobs: jobs.totalDocs,
  };
}

describe('a hook that throws', () => {
  it('rolls back the whole publish: the work, its photo’s visibility and its version', async () => {
    const hooks = payload.collections.works.config.hooks;
    // The draft work's photo is private until the work is published.
    const before = await state(f.draftWork.id, f.media.p2.id);
    expect(before).toMatchObject({ status: 'draft', isPublic: false });
    hooks.afterChange.push(boom);
    try {
      const result = await rest('PATCH', `/api/works/${f.draftWork.id}`, {
        token: f.tokens.admin,
        body: { title: 'BOOM published', _status: 'published' },
      });

      expect(result.status).toBe(500);
      expect(await state(f.draftWork.id, f.media.p2.id)).toEqual(before);
      // Nothing of it reaches the public.
      expect((await rest('GET', `/api/works/${f.draftWork.id}`)).status).toBe(404);
      expect((await rest('GET', `/api/media/file/${f.media.p2.filename}`)).status).not.toBe(200);
    } finally {
      hooks.afterChange.splice(hooks.afterChange.indexOf(boom), 1);
    }

    // Without the failing hook, the same request publishes the work and its photo.
    const again = await rest('PATCH', `/api/works/${f.draftWork.id}`, {
      token: f.tokens.admin,
      body: { title: 'Published at last', _status: 'published' },
    });
    expect(again.status, again.text.slice(0, 200)).toBe(200);
    const after = await state(f.draftWork.id, f.media.p2.id);
    expect(after).toMatchObject({ title: 'Published at last', status: 'published', isPublic: true });
    // The writes the failed request undid are real: the photo made public, a new version.
    expect(after.versions).toBeGreaterThan(before.versions);
  });
});
