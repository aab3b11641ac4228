import type { Payload } from 'payload';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, testPayload } from '../helpers';
import { login, password, rest } from '../rest';

/**
 * Two people editing the same work. The admin locks a document for whoever opens it (Payload's
 * document locking); while the lock holds, another person's save is refused with a 423 and
 * changes nothing, so nobody overwrites edits they have not seen. Once the holder has saved
 * and left, the other person saves, and the work's history keeps both.
 */
let payload: Payload;
let organiserA: { id: number; token: string };
let organiserB: { id: number; token: string };
let workId: number;

beforeAll(async () => {
  payload = await testPayload();
  const a = await makeUser(payload, 'organiser');
  const b = await makeUser(payload, 'organiser');
  organiserA = { id: a.id, token: await login(a.email, password) };
  organiserB = { id: b.id, token: await login(b.email, password) };
  const artisan = await payload.create({
    collection: 'artisans',
    data: { name: 'Lock Tester', slug: 'lock-tester', country: 'KZ', _status: 'published' },
  });
  const work = await payload.create({
    collection: 'works',
    draft: true,
    data: { title: 'Shared ring', slug: 'shared-ring', artisans: [artisan.id], _status: 'draft' },
  });
  workId = work.id;
});

afterAll(async () => {
  await payload.destroy();
});

const save = (token: string, title: string) =>
  rest('PATCH', `/api/works/${workId}?draft=true`, { token, body: { title } });
const titles = async () =>
  (
    await payload.findVersions({
      collection: 'works',
      where: { parent: { equals: workId } },
      sort: 'createdAt',
      limit: 100,
    })
  ).docs.map((version) => version.version.title);

describe('two people editing the same work', () => {
  it('the lock holder’s save goes through; the other’s is refused with a 423 and changes nothing', async () => {
    // What the admin does when A opens the work.
    const lock = await payload.create({
      collection: 'payload-locked-documents',
      data: {
        document: { relationTo: 'works', value: workId },
        user: { relationTo: 'users', value: organiserA.id },
      },
    });

    const refused = await save(organiserB.token, 'B’s title');
    expect(refused.status, refused.text.slice(0, 200)).toBe(423);
    expect((await payload.findByID({ collection: 'works', id: workId, draft: true, depth: 0 })).title).toBe(
      'Shared ring',
    );

    const saved = await save(organiserA.token, 'A’s title');
    expect(saved.status, saved.text.slice(0, 200)).toBe(200);

    // A leaves the work: the admin releases the lock (if A's save has not already). Now B
    // saves, over A's edit.
    await payload.delete({ collection: 'payload-locked-documents', where: { id: { equals: lock.id } } });
    const later = await save(organiserB.token, 'B’s title');
    expect(later.status, later.text.slice(0, 200)).toBe(200);

    expect((await payload.findByID({ collection: 'works', id: workId, draft: true, depth: 0 })).title).toBe(
      'B’s title',
    );
    // The history keeps both, in order.
    const history = await titles();
    expect(history.indexOf('A’s title')).toBeGreaterThanOrEqual(0);
    expect(history.indexOf('B’s title')).toBeGreaterThan(history.indexOf('A’s title'));
  });
});
