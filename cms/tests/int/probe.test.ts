import type { Payload } from 'payload';
import { describe, expect, it } from 'vitest';
import { type AccessFixtures, graphql, leaks, type RestResult, rest, withAccessFixtures } from '../rest';

/**
 * A randomized probe of the public API: 1,200 anonymous requests, REST and GraphQL, each a
 * random mix of `where`, `sort`, `depth`, `select`, `populate`, `draft`, `locale`,
 * `fallback-locale`, `limit`, `page`, `trash` and `joins`, over every collection, by list and
 * by id (drafts' ids included). Whatever it asks, an answer must never hold a draft's text
 * (the SECRET marker), a draft's photo, an account's e-mail or any of its hidden fields, and
 * must never be a server error: bad input is a 4xx.
 *
 * The seed is fixed, so a failure names a request that fails again. OYU_PROBE_SEED and
 * OYU_PROBE_COUNT run other or more probes.
 */
let payload: Payload;
let f: AccessFixtures;
withAccessFixtures((ready) => ({ payload, f } = ready));

const seed = Number(process.env.OYU_PROBE_SEED ?? 20261128);
const count = Number(process.env.OYU_PROBE_COUNT ?? 1200);

/** A small deterministic generator (mulberry32). */
function generator(start: number) {
  let state = start >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const chance = (p: number) => next() < p;
  return { next, pick, chance };
}

const collections = {
  works: [
    'title',
    'slug',
    '_status',
    'artisans',
    'photos',
    'editions',
    'showcases',
    'createdBy',
    'description',
    'year',
    'materials',
    'updatedAt',
  ],
  artisans: ['name', 'slug', '_status', 'bio', 'portrait', 'country', 'works', 'updatedAt'],
  editions: ['title', 'year', '_status', 'stage', 'heroImage', 'showcases', 'curators', 'description'],
  showcases: ['title', 'slug', '_status', 'edition', 'works', 'curators', 'introduction'],
  venues: ['name', 'slug', 'openingHours', 'openingHours.edition', 'location'],
  media: ['alt', 'filename', 'isPublic', 'createdBy', 'sizes', 'url', 'credit'],
  materials: ['name', 'slug'],
  techniques: ['name', 'slug'],
  'piece-types': ['name', 'slug'],
  users: ['email', 'roles', 'name', 'hash'],
} as const;
type Slug = keyof typeof collections;

/** Everything a public answer must never contain. */
function forbidden(): { label: string; test: (text: string) => boolean }[] {
  const emails = Object.values(f.users).map((user) => user.email);
  const draftPhotos = ['p2-draft-work', 'p3-newer-draft', 'p4-draft-artisan'];
  return [
    { label: 'draft text (SECRET)', test: (text) => leaks.test(text) },
    ...draftPhotos.map((name) => ({
      label: `draft photo ${name}`,
      test: (text: string) => text.includes(name),
    })),
    ...emails.map((email) => ({ label: `e-mail ${email}`, test: (text: string) => text.includes(email) })),
    ...['hash', 'salt', 'resetPasswordToken', 'loginAttempts', 'lockUntil', 'sessions', 'apiKey'].map(
      (key) => ({
        label: `account field ${key}`,
        test: (text: string) => text.includes(`"${key}"`),
      }),
    ),
  ];
}

function randomRest(g: ReturnType<typeof generator>): string {
  const slug = g.pick(Object.keys(collections) as Slug[]);
  const fields = collections[slug];
  const draftIds: Partial<Record<Slug, number[]>> = {
    works: [f.draftWork.id, f.redraftedWork.id, f.pubWork.id],
    artisans: [f.draftArtisan.id, f.pubArtisan.id],
    editions: [f.draftEdition.id, f.pubEdition.id],
    showcases: [f.draftShowcase.id],
    media: [f.media.p1.id, f.media.p2.id, f.media.p3.id, f.media.p4.id],
    venues: [f.venue.id],
    users: Object.values(f.users).map((user) => user.id),
  };
  const values = [
    'SECRET',
    'secret',
    'draft',
    'published',
    'true',
    'false',
    '%',
    '*',
    '',
    String(f.draftWork.id),
    String(f.draftEdition.id),
    String(f.media.p2.id),
    'admin@test.local',
    "' OR 1=1 --",
    '{"$ne":null}',
  ];
  const params: string[] = [];
  const add = (key: string, value: string) => params.push(`${key}=${encodeURIComponent(value)}`);
  for (let n = g.chance(0.7) ? 1 + Math.floor(g.next() * 3) : 0; n > 0; n -= 1) {
    const field = g.chance(0.2)
      ? `${g.pick(fields)}.${g.pick(['title', 'name', 'email', '_status', 'alt', 'filename', 'id'])}`
      : g.pick(fields);
    const operator = g.pick([
      'equals',
      'not_equals',
      'like',
      'contains',
      'exists',
      'in',
      'not_in',
      'greater_than',
      'less_than_equal',
    ]);
    const prefix = g.chance(0.3) ? `where[or][${n}][and][0]` : 'where';
    add(
      `${prefix}[${field}][${operator}]`,
      operator === 'exists' ? g.pick(['true', 'false']) : g.pick(values),
    );
  }
  if (g.chance(0.4))
    add(
      'sort',
      `${g.pick(['', '-'])}${g.chance(0.3) ? `${g.pick(fields)}.${g.pick(['name', 'title', 'email'])}` : g.pick(fields)}`,
    );
  if (g.chance(0.5)) add('depth', String(Math.floor(g.next() * 6)));
  if (g.chance(0.4)) add('draft', g.pick(['true', 'false', '1']));
  if (g.chance(0.4)) add('locale', g.pick(['en', 'ru', 'kk', 'all', '*', 'xx']));
  if (g.chance(0.2)) add('fallback-locale', g.pick(['none', 'en', 'null']));
  if (g.chance(0.3)) add(`select[${g.pick(fields)}]`, 'true');
  if (g.chance(0.15))
    add(
      `populate[${g.pick(['artisans', 'media', 'editions', 'works', 'users'])}][${g.pick(['name', 'title', 'email', 'alt'])}]`,
      'true',
    );
  if (g.chance(0.3)) add('limit', g.pick(['0', '1', '5', '1001', '-1', 'abc']));
  if (g.chance(0.15)) add('page', g.pick(['0', '2', '99', '-1']));
  if (g.chance(0.1)) add('pagination', 'false');
  if (g.chance(0.1)) add('trash', 'true');
  if (slug === 'artisans' && g.chance(0.4)) {
    add('joins[works][limit]', g.pick(['0', '1', '5000']));
    if (g.chance(0.5))
      add('joins[works][sort]', g.pick(['createdAt', '-updatedAt', 'title', 'createdBy.email', '_status']));
    if (g.chance(0.5))
      add(`joins[works][where][${g.pick(['title', '_status', 'createdBy.email'])}][like]`, g.pick(values));
  }
  const ids = draftIds[slug];
  const byId = ids && g.chance(0.4);
  const path = byId ? `/api/${slug}/${g.pick(ids)}` : `/api/${slug}`;
  return `${path}${params.length ? `?${params.join('&')}` : ''}`;
}

function randomGraphql(g: ReturnType<typeof generator>): string {
  const draft = g.pick(['', 'draft: true, ', 'draft: false, ']);
  const locale = g.pick(['', 'locale: en, ', 'locale: ru, ', 'locale: all, ']);
  const where = g.pick([
    '',
    'where: { title: { like: "SECRET" } }, ',
    'where: { _status: { equals: draft } }, ',
    'where: { OR: [{ title: { contains: "secret" } }, { slug: { exists: false } }] }, ',
    `where: { id: { equals: ${f.draftWork.id} } }, `,
  ]);
  const artisanWhere = g.pick([
    '',
    'where: { name: { like: "SECRET" } }, ',
    'where: { _status: { equals: draft } }, ',
  ]);
  const queries = [
    `{ Works(${draft}${locale}${where}limit: 50) { docs { id title slug _status artisans { id name bio } photos { id alt filename url } editions { title } createdBy { id email } } } }`,
    `{ Work(id: ${g.pick([f.draftWork.id, f.redraftedWork.id, f.pubWork.id])}, ${draft}${locale.replace(/, $/, '')}) { id title _status photos { filename } } }`.replace(
      ', )',
      ')',
    ),
    `{ Artisans(${draft}${locale}${artisanWhere}limit: 50) { docs { id name _status portrait { filename alt } } } }`,
    `{ Editions(${draft}${locale}limit: 10) { docs { id title year _status } } }`,
    `{ Showcases(${draft}limit: 10) { docs { id title works { title } } } }`,
    `{ Venues { docs { name openingHours { edition { title _status } hours } } } }`,
    `{ allMedia(${where.includes('title') ? '' : where}limit: 50) { docs { id alt filename isPublic } } }`,
    `{ Users { docs { id email roles } } }`,
    `{ SiteSetting { currentEdition { title _status } } }`,
    `{ versionsWorks { docs { id version { title } } } }`,
  ];
  return g.pick(queries);
}

describe(`a randomized probe of ${count} anonymous requests (seed ${seed})`, () => {
  it('finds no draft, no draft photo, no account field and no server error', {
    timeout: 600_000,
  }, async () => {
    const g = generator(seed);
    const rules = forbidden();
    const findings: string[] = [];
    const tally = { rest: 0, graphql: 0, ok: 0, refused: 0 };
    for (let n = 0; n < count; n += 1) {
      let result: RestResult;
      let label: string;
      if (g.chance(0.75)) {
        label = randomRest(g);
        result = await rest('GET', label);
        tally.rest += 1;
      } else {
        label = `graphql ${randomGraphql(g)}`;
        result = await graphql(label.slice('graphql '.length));
        tally.graphql += 1;
      }
      if (result.status >= 500)
        findings.push(`HTTP ${result.status}: ${label}: ${result.text.slice(0, 200)}`);
      if (result.status < 300) tally.ok += 1;
      else tally.refused += 1;
      for (const rule of rules) if (rule.test(result.text)) findings.push(`${rule.label}: ${label}`);
    }
    console.info(`probe: ${JSON.stringify(tally)}`);
    expect(findings).toEqual([]);
    expect(tally.rest + tally.graphql).toBe(count);
    // Not vacuous: most requests are answered, and the answers do hold published documents.
    expect(tally.ok).toBeGreaterThan(count / 3);
  });

  it('the forbidden patterns are not vacuous: an admin’s answers hold them', async () => {
    const texts = [
      (await rest('GET', '/api/works?draft=true&depth=0', { token: f.tokens.admin })).text,
      (await rest('GET', '/api/media?depth=0', { token: f.tokens.admin })).text,
      (await rest('GET', '/api/users?depth=0', { token: f.tokens.admin })).text,
    ].join('\n');
    const rules = forbidden();
    for (const label of [
      'draft text (SECRET)',
      'draft photo p2-draft-work',
      `e-mail ${f.users.curator.email}`,
    ]) {
      const rule = rules.find((candidate) => candidate.label === label);
      expect(rule?.test(texts), label).toBe(true);
    }
  });
});

describe('a query with values a field cannot hold', () => {
  it.each([
    ['/api/works?where[artisans][in]=abc', 'where[artisans][in] needs an id (a number).'],
    ['/api/works?where[artisans][contains]=abc', 'where[artisans][contains] needs an id (a number).'],
    ['/api/works?where[artisans][like]=1', 'where[artisans][like] compares text; artisans is an id'],
    [
      '/api/works?where[updatedAt][greater_than]=soon',
      'where[updatedAt][greater_than] needs a date, e.g. 2026-05-01',
    ],
    ['/api/works?where[updatedAt][like]=2026', 'where[updatedAt][like] compares text; updatedAt is a date'],
    [
      '/api/works?where[updatedAt.title][equals]=x',
      'where[updatedAt.title]: updatedAt has no fields inside it',
    ],
    [
      '/api/showcases?where[introduction][like]=x',
      'cannot search inside introduction: only exists works on rich text',
    ],
    [
      '/api/works?where[_status][like]=pub',
      'where[_status][like] compares text; _status is one of a list: use equals or in.',
    ],
    ['/api/editions?where[stage][in]=current,soon', 'where[stage][in] needs one of '],
    [
      '/api/works?sort=_status.name',
      'Sorting by _status.name is not possible: _status has no fields inside it.',
    ],
    [
      '/api/showcases?where[introduction.alt][equals]=x',
      'where[introduction.alt]: introduction has no fields inside it',
    ],
    [
      '/api/materials?where[slug][equals]=a&where[slug][equals]=b',
      'where[slug][equals] takes one value (it was given 2)',
    ],
    ['/api/works?where[_status][exists]=maybe', 'where[_status][exists] needs true or false.'],
    ['/api/works?limit=-1&page=2', 'limit must be a whole number, 0 or more.'],
    ['/api/works?page=-1', 'page must be a whole number, 1 or more.'],
    [`/api/artisans/1?joins[works][limit]=-5`, 'joins[works][limit] must be a whole number, 0 or more.'],
    // Without guardIds, each is a 500 from the database.
    ...['works/abc', 'artisans/1.5', 'media/-1', 'users/abc', 'payload-locked-documents/x'].map((path) => [
      `/api/${path}`,
      'The id in the address is not one: ids are whole numbers, such as 42.',
    ]),
  ])('%s is a 400 saying what to fix', async (path, message) => {
    for (const token of [undefined, f.tokens.admin]) {
      const result = await rest('GET', path, { token });
      expect(result.status, result.text.slice(0, 200)).toBe(400);
      expect(result.json.errors[0].message).toContain(message);
    }
  });

  it('an id past what the database holds is no document (404); writes by a malformed id are 400s', async () => {
    const far = await rest('GET', '/api/works/99999999999999999999', { token: f.tokens.admin });
    expect(far.status, far.text.slice(0, 200)).toBe(404);
    // Payload's own answer, already a 400.
    expect((await rest('GET', '/api/works/versions/abc', { token: f.tokens.admin })).status).toBe(400);
    for (const method of ['PATCH', 'DELETE'] as const) {
      const result = await rest(method, '/api/works/abc', { token: f.tokens.admin, body: { title: 'x' } });
      expect(result.status, `${method} ${result.text.slice(0, 200)}`).toBe(400);
    }
  });

  it('the same values of the right kind are answered', async () => {
    for (const path of [
      `/api/works?where[artisans][in]=${f.pubArtisan.id},${f.draftArtisan.id}`,
      `/api/works?where[artisans][contains]=${f.pubArtisan.id}`,
      '/api/works?where[updatedAt][greater_than]=2020-01-01',
      '/api/works?where[_status][exists]=true&limit=0&page=1',
      '/api/showcases?where[introduction][exists]=true',
      // The id of a row in an array is a string, not a document's number.
      '/api/artisans?where[socialLinks.id][equals]=65f1c0ffee',
      '/api/editions?where[stage][in]=current,upcoming&where[_status][equals]=published',
    ]) {
      expect((await rest('GET', path)).status, path).toBe(200);
    }
  });
});
