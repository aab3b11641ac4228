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
let curator: { id: number; token: string };
let curatorWorkId: number;

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
  const c = await makeUser(payload, 'curator');
  curator = { id: c.id, token: await login(c.email, password) };
  curatorWorkId = (
    await payload.create({
      collection: 'works',
      draft: true,
      data: {
        title: 'Curator ring',
        slug: 'curator-ring',
        artisans: [artisan.id],
        createdBy: c.id,
        _status: 'draft',
      },
    })
  ).id;
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

describe('who may lock what', () => {
  const lockOver = (token: string, id: number, user: number) =>
    rest('POST', '/api/payload-locked-documents', {
      token,
      body: { document: { relationTo: 'works', value: id }, user: { relationTo: 'users', value: user } },
    });
  const clearLocks = () =>
    payload.delete({ collection: 'payload-locked-documents', where: { id: { exists: true } } });

  it('a curator cannot lock a work they may not edit, in anyone’s name; the organiser’s save goes through', async () => {
    await clearLocks();
    for (const user of [curator.id, organiserA.id]) {
      const forged = await lockOver(curator.token, workId, user);
      expect(forged.status, forged.text.slice(0, 200)).toBe(403);
      expect(forged.json.errors[0].message).toBe(
        user === curator.id
          ? 'You may lock only documents you may edit.'
          : 'A document lock can be taken only in your own name.',
      );
    }
    expect((await payload.count({ collection: 'payload-locked-documents' })).totalDocs).toBe(0);
    expect((await save(organiserA.token, 'Saved while nobody holds it')).status).toBe(200);
  });

  it('a lock is taken only in one’s own name, also on one’s own work; in one’s own name it is', async () => {
    await clearLocks();
    expect((await lockOver(curator.token, curatorWorkId, organiserA.id)).status).toBe(403);
    const own = await lockOver(curator.token, curatorWorkId, curator.id);
    expect(own.status, own.text.slice(0, 200)).toBe(201);
    // Handing it to someone else is refused too.
    const handed = await rest('PATCH', `/api/payload-locked-documents/${own.json.doc.id}`, {
      token: curator.token,
      body: { user: { relationTo: 'users', value: organiserA.id } },
    });
    expect(handed.status).toBe(403);
    // An organiser, who may edit the work, takes it over (the admin's "Take over") and saves.
    const takeOver = await rest('PATCH', `/api/payload-locked-documents/${own.json.doc.id}`, {
      token: organiserA.token,
      body: { user: { relationTo: 'users', value: organiserA.id } },
    });
    expect(takeOver.status, takeOver.text.slice(0, 200)).toBe(200);
    const saved = await rest('PATCH', `/api/works/${curatorWorkId}?draft=true`, {
      token: organiserA.token,
      body: { title: 'Taken over' },
    });
    expect(saved.status, saved.text.slice(0, 200)).toBe(200);
  });

  it('a curator cannot take over, lift or bulk-lift an organiser’s lock on a work they may not edit', async () => {
    await clearLocks();
    const lock = await lockOver(organiserA.token, workId, organiserA.id);
    expect(lock.status, lock.text.slice(0, 200)).toBe(201);
    const id = lock.json.doc.id;
    const takeOver = await rest('PATCH', `/api/payload-locked-documents/${id}`, {
      token: curator.token,
      body: { user: { relationTo: 'users', value: curator.id } },
    });
    expect(takeOver.status).toBe(403);
    expect(
      (await rest('DELETE', `/api/payload-locked-documents/${id}`, { token: curator.token })).status,
    ).toBe(403);
    await rest('DELETE', '/api/payload-locked-documents?where[id][exists]=true', { token: curator.token });
    await rest('PATCH', '/api/payload-locked-documents?where[id][exists]=true', {
      token: curator.token,
      body: { globalSlug: 'x' },
    });
    const kept = await payload.findByID({ collection: 'payload-locked-documents', id, depth: 0 });
    expect(kept.user).toMatchObject({ value: organiserA.id });
    expect(kept.globalSlug ?? null).toBeNull();
    // The holder lifts their own lock.
    expect(
      (await rest('DELETE', `/api/payload-locked-documents/${id}`, { token: organiserA.token })).status,
    ).toBe(200);
  });

  it('a curator cannot lock the site settings, which only organisers edit', async () => {
    await clearLocks();
    const forged = await rest('POST', '/api/payload-locked-documents', {
      token: curator.token,
      body: { globalSlug: 'site-settings', user: { relationTo: 'users', value: curator.id } },
    });
    expect(forged.status).toBe(403);
  });
});
