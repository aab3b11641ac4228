import type { Payload } from 'payload';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capPublicReads, publicReadLimits } from '../../src/api/publicLimits';
import { testPayload } from '../helpers';
import { type AccessFixtures, accessFixtures, graphql, rest } from '../rest';

/**
 * One anonymous request cannot ask the CMS for everything at once: `limit` and `depth` are
 * capped for the public (src/api/publicLimits.ts), and GraphQL refuses over-complex queries.
 */
let payload: Payload;
let fx: AccessFixtures;
let showcaseId: number;
beforeAll(async () => {
  payload = await testPayload();
  fx = await accessFixtures(payload);
  // A published collection → work → artisan → portrait: four levels to populate.
  const artisan = await payload.create({
    collection: 'artisans',
    data: {
      name: 'Dana Portrait',
      slug: 'dana',
      country: 'KZ',
      portrait: fx.media.p1.id,
      _status: 'published',
    },
  });
  const work = await payload.create({
    collection: 'works',
    data: {
      title: 'Deep work',
      slug: 'deep-work',
      artisans: [artisan.id],
      photos: [fx.media.p1.id],
      editions: [fx.pubEdition.id],
      _status: 'published',
    },
  });
  const showcase = await payload.create({
    collection: 'showcases',
    data: {
      title: 'Deep collection',
      slug: 'deep-collection',
      edition: fx.pubEdition.id,
      works: [work.id],
      _status: 'published',
    },
  });
  showcaseId = showcase.id;
});
afterAll(async () => {
  await payload.destroy();
});

describe('limit, for the public', () => {
  for (const query of ['limit=0', 'pagination=false', 'limit=5000', 'limit=0&pagination=false']) {
    it(`caps ?${query} at ${publicReadLimits.limit} a page, paginated as usual`, async () => {
      const { status, json } = await rest('GET', `/api/works?${query}&depth=0`);
      expect(status).toBe(200);
      expect(json.limit).toBe(publicReadLimits.limit);
      expect(json).toHaveProperty('hasNextPage', false);
      expect(json.totalDocs).toBe(json.docs.length);
    });
  }

  it('caps the documents a join field lists, which limit=0 would make all of them', async () => {
    const req = { user: null } as unknown as Parameters<typeof capPublicReads>[0]['req'];
    const capped = (await capPublicReads({
      args: { joins: { works: { limit: 0 }, other: { limit: 20 }, off: false } },
      operation: 'read',
      req,
    } as unknown as Parameters<typeof capPublicReads>[0])) as unknown as { joins: Record<string, unknown> };
    expect(capped.joins).toEqual({
      works: { limit: publicReadLimits.limit },
      other: { limit: 20 },
      off: false,
    });
    // Over REST the answer is the artisan with its works, paginated as usual.
    const result = await rest('GET', `/api/artisans/${fx.pubArtisan.id}?joins[works][limit]=0`);
    expect(result.status).toBe(200);
    expect(result.json.works.docs.length).toBeGreaterThan(0);
  });

  it('leaves a smaller limit as asked, and signed-in people uncapped', async () => {
    expect((await rest('GET', '/api/works?limit=1&depth=0')).json).toMatchObject({
      limit: 1,
      hasNextPage: true,
    });
    const admin = await rest('GET', '/api/works?limit=5000&depth=0', { token: fx.tokens.admin });
    expect(admin.json.limit).toBe(5000);
  });
});

describe('depth, for the public', () => {
  const portraitOf = (json: { works: { artisans: { portrait: unknown }[] }[] }) =>
    json.works[0]?.artisans[0]?.portrait;

  it(`populates no deeper than ${publicReadLimits.depth}, whatever is asked`, async () => {
    for (const depth of [3, 10, 100]) {
      const { status, json } = await rest('GET', `/api/showcases/${showcaseId}?depth=${depth}`);
      expect(status).toBe(200);
      // Level 1 the work, level 2 its artisan, both populated; the artisan's portrait stays an id.
      expect(json.works[0].title).toBe('Deep work');
      expect(json.works[0].artisans[0].name).toBe('Dana Portrait');
      expect(portraitOf(json)).toBe(fx.media.p1.id);
    }
  });

  it('gives signed-in people the depth they ask for', async () => {
    const { json } = await rest('GET', `/api/showcases/${showcaseId}?depth=3`, { token: fx.tokens.admin });
    expect(portraitOf(json)).toMatchObject({ id: fx.media.p1.id, alt: 'Photo p1-public' });
  });
});

describe('GraphQL', () => {
  it('refuses a query too complex to answer, before reading anything', async () => {
    // The same list under 300 names: each alias is read and populated again.
    const fields = Array.from(
      { length: 300 },
      (_, index) => `w${index}: Works(limit: 1000) { docs { id title artisans { id name } } }`,
    ).join('\n');
    const { json } = await graphql(`query { ${fields} }`);
    // Refused in validation (GraphQL over HTTP answers that with an error list and no data).
    expect(json.errors?.[0]?.message ?? '', JSON.stringify(json).slice(0, 300)).toMatch(
      /exceeds the maximum complexity of 1000\. Actual complexity is \d+/,
    );
    expect(json.data ?? null).toBeNull();
  });

  it('answers an ordinary query', async () => {
    const { status, json } = await graphql('query { Works(limit: 10) { docs { id title } } }');
    expect(status).toBe(200);
    expect(json.data.Works.docs.length).toBeGreaterThan(0);
  });
});
