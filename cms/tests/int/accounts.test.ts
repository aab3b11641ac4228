import type { Payload } from 'payload';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, testPayload } from '../helpers';

let payload: Payload;
beforeAll(async () => {
  payload = await testPayload();
});
afterAll(async () => {
  await payload.destroy();
});

const password = 'correct horse battery staple';

describe('accounts', () => {
  it('locks no account, however many wrong passwords: the right one still signs in (auth/limits.ts)', async () => {
    const user = await makeUser(payload, 'curator');
    for (let attempt = 0; attempt < 8; attempt += 1) {
      await expect(
        payload.login({ collection: 'users', data: { email: user.email, password: 'wrong' } }),
      ).rejects.toThrow();
    }
    await expect(
      payload.login({ collection: 'users', data: { email: user.email, password } }),
    ).resolves.toMatchObject({ user: { email: user.email } });
  });

  it('has no API keys', () => {
    const users = payload.collections.users?.config;
    expect(users?.auth && typeof users.auth === 'object' ? users.auth.useAPIKey : undefined).toBeFalsy();
    expect(users?.fields.some((field) => 'name' in field && field.name === 'apiKey')).toBe(false);
  });

  it('does not let an organiser give anyone a role', async () => {
    const organiser = { ...(await makeUser(payload, 'organiser')), collection: 'users' as const };
    const updated = await payload.update({
      collection: 'users',
      id: organiser.id,
      data: { roles: ['admin'] },
      overrideAccess: false,
      user: organiser,
    });
    expect(updated.roles).toEqual(['organiser']);
    const stored = await payload.findByID({ collection: 'users', id: organiser.id });
    expect(stored.roles).toEqual(['organiser']);
  });
});

describe('ownership', () => {
  it('stamps the creator, whatever the request says, and keeps it on update', async () => {
    const curator = { ...(await makeUser(payload, 'curator')), collection: 'users' as const };
    const admin = await makeUser(payload, 'admin');
    const maker = await payload.create({
      collection: 'artisans',
      data: { name: 'Owner test', slug: 'owner-test', country: 'KZ', _status: 'published' },
    });
    const work = await payload.create({
      collection: 'works',
      draft: true,
      data: {
        title: 'Mine',
        slug: 'mine',
        artisans: [maker.id],
        photos: [],
        createdBy: admin.id,
        _status: 'draft',
      },
      overrideAccess: false,
      user: curator,
    });
    expect(typeof work.createdBy === 'object' ? work.createdBy?.id : work.createdBy).toBe(curator.id);
    await payload.update({
      collection: 'works',
      id: work.id,
      draft: true,
      data: { createdBy: admin.id, title: 'Still mine' },
      overrideAccess: false,
      user: curator,
    });
    const stored = await payload.findByID({ collection: 'works', id: work.id, draft: true, depth: 0 });
    expect(stored.createdBy).toBe(curator.id);
  });
});
