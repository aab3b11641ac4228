import type { Payload } from 'payload';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPayload } from '../helpers';
import { type AccessFixtures, accessFixtures, graphql, rest } from '../rest';

/**
 * Filtering or sorting on what a requester may not read must not work as an oracle: a
 * `where` on another user's e-mail, password hash or reset token, or a sort by them, answers
 * the same whether the guess is right or wrong (Payload refuses such paths with a 400). Each
 * case asks twice, once with a guess that matches the real value and once with one that does
 * not, and compares the answers.
 */
let payload: Payload;
let f: AccessFixtures;

beforeAll(async () => {
  payload = await testPayload();
  f = await accessFixtures(payload);
  // A second owner with a different e-mail, so that a sort by the owner's e-mail has an order
  // to give away.
  await payload.create({
    collection: 'works',
    data: {
      title: 'Curator work',
      slug: 'curator-work',
      artisans: [f.pubArtisan.id],
      photos: [f.media.p1.id],
      createdBy: f.users.curator.id,
      _status: 'published',
    },
  });
  await payload.update({
    collection: 'users',
    id: f.users.admin.id,
    data: {
      resetPasswordToken: 'resettoken123',
      resetPasswordExpiration: new Date(Date.now() + 3_600_000).toISOString(),
    },
  });
});

afterAll(async () => {
  await payload.destroy();
});

type Requester = 'anonymous' | 'curator';
const tokenOf = (who: Requester) => (who === 'curator' ? f.tokens.curator : undefined);

/** The answer, reduced to what a guesser could compare: the status and the ids in order. */
async function answer(path: string, who: Requester) {
  const result = await rest('GET', path, { token: tokenOf(who) });
  const docs = (result.json?.docs ?? []) as { id: number }[];
  return { status: result.status, ids: docs.map((doc) => doc.id), total: result.json?.totalDocs };
}

/** The admin's real values, and guesses that do not match them. */
const guesses = () => ({
  email: { right: 'admin@', wrong: 'nobody-at-all@' },
  hash: { right: '', wrong: 'zz-not-a-hash' },
  salt: { right: '', wrong: 'zz-not-a-salt' },
  resetPasswordToken: { right: 'resettoken', wrong: 'wrongtoken' },
  roles: { right: 'admin', wrong: 'organiser' },
});

describe('filtering on fields the requester may not read', () => {
  const cases = (['anonymous', 'curator'] as const).flatMap((who) =>
    (['email', 'hash', 'salt', 'resetPasswordToken', 'roles'] as const).map((field) => [who, field] as const),
  );

  it.each(cases)(
    '%s: works by createdBy.%s answer the same for a right and a wrong guess',
    async (who, field) => {
      const guess = guesses()[field];
      const operator = field === 'roles' ? 'in' : 'like';
      const ask = (value: string) =>
        answer(`/api/works?where[createdBy.${field}][${operator}]=${encodeURIComponent(value)}`, who);
      const right = await ask(guess.right);
      const wrong = await ask(guess.wrong);
      expect(right).toEqual(wrong);
      // Neither the public nor a curator may read other accounts: refused outright.
      expect(right.status, JSON.stringify(right)).toBe(400);
    },
  );

  // Payload keeps a published read's `where` within the requester's rights, but not a draft
  // read's, a count's or a bulk write's: a curator spelled out the admin's e-mail with these.
  const oracles = (['email', 'name', 'roles'] as const).flatMap((field) =>
    (field === 'roles' ? ['in'] : ['equals', 'like']).flatMap((operator) =>
      [
        '/api/works?draft=true&select[id]=true&',
        '/api/works?draft=true&trash=true&',
        '/api/works/count?draft=true&',
        '/api/media?draft=true&',
      ].map((query) => [field, operator, query] as const),
    ),
  );
  it.each(oracles)('curator: createdBy.%s %s on %s… is refused', async (field, operator, query) => {
    const value = { email: 'admin@test.local', name: 'Admin', roles: 'admin' }[field];
    const guess = operator === 'like' ? value.slice(0, 3) : value;
    const result = await rest(
      'GET',
      `${query}where[createdBy.${field}][${operator}]=${encodeURIComponent(guess)}`,
      {
        token: f.tokens.curator,
      },
    );
    expect(result.status, result.text.slice(0, 200)).toBe(400);
    expect(result.json.errors[0].message).toBe(
      `Filtering by createdBy.${field} is not allowed: it reads users, which you may not read in full. Filter by createdBy itself (an id).`,
    );
  });

  it('curator: versions filtered by version.createdBy.email answer the same for a right and a wrong guess', async () => {
    const ask = async (guess: string) => {
      const result = await rest('GET', `/api/works/versions?where[version.createdBy.email][like]=${guess}`, {
        token: f.tokens.curator,
      });
      return { status: result.status, total: result.json?.totalDocs };
    };
    expect(await ask('admin@')).toEqual(await ask('nobody-at-all@'));
  });

  it('curator: a bulk edit or delete filtered by createdBy.email is refused and changes nothing', async () => {
    const where = `where[createdBy.email][like]=curator`;
    for (const method of ['PATCH', 'DELETE'] as const) {
      const result = await rest(method, `/api/works?draft=true&${where}`, {
        token: f.tokens.curator,
        ...(method === 'PATCH' ? { body: { title: 'Renamed by a probe' } } : {}),
      });
      expect(result.status, `${method} ${result.text.slice(0, 200)}`).toBe(400);
    }
    const { totalDocs } = await payload.count({
      collection: 'works',
      where: { title: { equals: 'Renamed by a probe' } },
    });
    expect(totalDocs).toBe(0);
  });

  it('curator: filtering by the owner itself still works, also with draft=true', async () => {
    for (const path of ['createdBy', 'createdBy.id']) {
      const result = await rest('GET', `/api/works?draft=true&where[${path}][equals]=${f.users.curator.id}`, {
        token: f.tokens.curator,
      });
      expect(result.status, `${path} ${result.text.slice(0, 200)}`).toBe(200);
      expect(result.json.totalDocs).toBeGreaterThan(0);
    }
  });

  it.each(['anonymous', 'curator'] as const)(
    '%s: photos by createdBy.email answer the same for any guess',
    async (who) => {
      const ask = (value: string) => answer(`/api/media?where[createdBy.email][like]=${value}`, who);
      expect(await ask('admin')).toEqual(await ask('nobody-at-all'));
    },
  );

  it('curator: their own account cannot be searched by its hidden fields', async () => {
    const ask = (field: string, value: string) =>
      answer(`/api/users?where[${field}][like]=${encodeURIComponent(value)}`, 'curator');
    for (const field of ['hash', 'salt', 'resetPasswordToken']) {
      expect(await ask(field, ''), field).toEqual(await ask(field, 'zz-not-there'));
    }
  });

  it('anonymous: where on a draft-only version field is refused or finds nothing', async () => {
    const ask = (value: string) => answer(`/api/works?where[version.title][like]=${value}`, 'anonymous');
    expect(await ask('SECRET')).toEqual(await ask('nothing-like-it'));
  });

  it('the guesses are not vacuous: an organiser, who may read users, finds the admin by e-mail', async () => {
    const organiser = await rest('GET', '/api/works?where[createdBy.email][like]=admin@', {
      token: f.tokens.organiser,
    });
    const everyone = await rest('GET', '/api/works?where[createdBy.email][like]=nobody-at-all@', {
      token: f.tokens.organiser,
    });
    expect(organiser.status).toBe(200);
    expect(organiser.json.totalDocs).toBeGreaterThan(0);
    expect(everyone.json.totalDocs).toBe(0);
  });
});

describe('sorting on fields the requester may not read', () => {
  it.each(['anonymous', 'curator'] as const)(
    '%s: works sorted by createdBy.email are refused, in either order',
    async (who) => {
      for (const sort of [
        'createdBy.email',
        '-createdBy.email',
        'title,-createdBy.email',
        'createdBy.roles',
      ]) {
        const result = await rest('GET', `/api/works?sort=${sort}`, { token: tokenOf(who) });
        expect(result.status, `${sort}: ${result.text.slice(0, 200)}`).toBe(400);
        expect(result.json?.docs).toBeUndefined();
      }
      if (who === 'curator') {
        const result = await rest('GET', '/api/works?sort=-createdBy.email', { token: tokenOf(who) });
        expect(result.json.errors[0].message).toMatch(/Sorting by createdBy.email is not allowed/);
      }
    },
  );

  it('anonymous: works sorted by their artisans’ names are refused: a draft artisan’s name would move them', async () => {
    const result = await rest('GET', '/api/works?sort=artisans.name');
    expect(result.status).toBe(400);
    expect(result.json.errors[0].message).toMatch(
      /Sorting by artisans.name is not allowed: it reads artisans/,
    );
    // A curator reads every artisan, drafts included: allowed.
    expect((await answer('/api/works?sort=artisans.name', 'curator')).status).toBe(200);
  });

  it('also over GraphQL', async () => {
    const result = await graphql('{ Works(sort: "createdBy.email") { docs { id } } }', f.tokens.curator);
    expect(JSON.stringify(result.json)).toMatch(/not allowed/);
    expect(result.json.data?.Works?.docs ?? null).toBeNull();
  });

  it('an organiser, who may read every account, may sort works by their owner’s e-mail; anyone may sort by the works’ own fields', async () => {
    const organiser = await rest('GET', '/api/works?sort=-createdBy.email', { token: f.tokens.organiser });
    expect(organiser.status).toBe(200);
    expect(organiser.json.docs.length).toBeGreaterThan(1);
    for (const who of ['anonymous', 'curator'] as const) {
      for (const sort of ['title', '-updatedAt', 'slug,-title', 'createdBy']) {
        expect((await answer(`/api/works?sort=${sort}`, who)).status, `${who} ${sort}`).toBe(200);
      }
    }
  });

  it.each(['hash', 'salt', 'resetPasswordToken'])(
    'curator: users sorted by %s give nothing away',
    async (field) => {
      const up = await answer(`/api/users?sort=${field}`, 'curator');
      const down = await answer(`/api/users?sort=-${field}`, 'curator');
      expect(up).toEqual(down);
    },
  );
});

describe('sorting and filtering joined documents', () => {
  /** The ids of the works an artisan's join field lists. */
  async function joined(query: string, who: Requester) {
    const result = await rest('GET', `/api/artisans/${f.pubArtisan.id}?depth=0&${query}`, {
      token: tokenOf(who),
    });
    const docs = (result.json?.works?.docs ?? []) as (number | { id: number })[];
    return { status: result.status, ids: docs.map((doc) => (typeof doc === 'number' ? doc : doc.id)) };
  }

  it.each(['anonymous', 'curator'] as const)(
    '%s: an artisan’s works sorted by their owner’s e-mail give nothing away',
    async (who) => {
      const up = await joined('joins[works][sort]=createdBy.email', who);
      const down = await joined('joins[works][sort]=-createdBy.email', who);
      expect(up.status === 400 || up.ids.join() === down.ids.join(), JSON.stringify({ up, down })).toBe(true);
    },
  );

  it('sorts a join only by a field of the joined documents that is the same in every language', async () => {
    for (const token of [undefined, f.tokens.organiser]) {
      for (const sort of ['createdBy.email', 'title', 'artisans.name']) {
        const result = await rest(
          'GET',
          `/api/artisans/${f.pubArtisan.id}?depth=0&joins[works][sort]=${sort}`,
          {
            token,
          },
        );
        // Without the guard, Payload's SQL for a translated field fails with a 500.
        expect(result.status, `${sort}: ${result.text.slice(0, 200)}`).toBe(400);
        expect(result.json.errors[0].message).toContain(
          `The works of artisans cannot be sorted by ${sort}: use one of id,`,
        );
      }
      const ask = async (sort: string) =>
        (await rest('GET', `/api/artisans/${f.pubArtisan.id}?depth=0&joins[works][sort]=${sort}`, { token }))
          .json.works.docs as number[];
      const up = await ask('createdAt');
      expect(up.length).toBeGreaterThan(1);
      expect(await ask('-createdAt')).toEqual([...up].reverse());
    }
  });

  it.each(['anonymous', 'curator'] as const)(
    '%s: an artisan’s works filtered by their owner’s e-mail give nothing away',
    async (who) => {
      const right = await joined('joins[works][where][createdBy.email][like]=admin@', who);
      const wrong = await joined('joins[works][where][createdBy.email][like]=nobody-at-all@', who);
      expect(right).toEqual(wrong);
    },
  );
});
