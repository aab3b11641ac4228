import type { CollectionSlug, Payload } from 'payload';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Actor,
  accessMatrix,
  actors,
  internalCollections,
  type Operation,
  type Outcome,
  operations,
} from '../../src/access/matrix';
import { makeUser, testPayload } from '../helpers';

/**
 * The access matrix, cell by cell, through the Local API with access control on. Each cell of
 * src/access/matrix.ts is checked against fixtures that differ in status, owner and edition,
 * and the suite fails if the matrix leaves out a collection, a global or an operation.
 */
type User = Awaited<ReturnType<typeof makeUser>> & { collection: 'users' };
type Fixture = {
  id: number;
  published: boolean;
  owner: 'curator' | 'other';
  assigned: boolean;
  shown: boolean;
};

let payload: Payload;
const staff = {} as Record<Exclude<Actor, 'public'>, User>;
let otherCurator: User;
let assignedEdition: number;
let photo: Buffer;
let unique = 0;
/** Edition years must be unique and within the validator's range. */
let editionYear = 2000;
const next = () => {
  unique += 1;
  return `${Date.now().toString(36)}-${unique}`;
};

const asUser = (user: User | undefined) => ({ overrideAccess: false, user: user ?? null }) as const;

/** Minimal valid data for one document of each collection. */
async function makeDoc(collection: string, published: boolean, owner: User): Promise<Fixture> {
  const id = next();
  const status = { _status: published ? 'published' : 'draft' } as const;
  const as = { user: owner, overrideAccess: true, draft: !published } as const;
  const ownerKey = owner.id === staff.curator.id ? 'curator' : 'other';
  const base = { published, owner: ownerKey, assigned: false, shown: false } as Fixture;
  switch (collection) {
    case 'works': {
      const maker = await payload.create({
        collection: 'artisans',
        data: { name: `Maker ${id}`, slug: `maker-${id}`, country: 'KZ', _status: 'published' },
        overrideAccess: true,
      });
      const image = await payload.create({
        collection: 'media',
        data: { alt: 'photo' },
        file: { data: photo, mimetype: 'image/jpeg', name: `w-${id}.jpg`, size: photo.length },
        overrideAccess: true,
      });
      const doc = await payload.create({
        collection: 'works',
        data: {
          title: `Work ${id}`,
          slug: `work-${id}`,
          artisans: [maker.id],
          photos: [image.id],
          ...status,
        },
        ...as,
      });
      return { ...base, id: doc.id };
    }
    case 'artisans': {
      const doc = await payload.create({
        collection: 'artisans',
        data: { name: `Artisan ${id}`, slug: `artisan-${id}`, country: 'UZ', ...status },
        ...as,
      });
      return { ...base, id: doc.id };
    }
    case 'media': {
      const doc = await payload.create({
        collection: 'media',
        data: { alt: `Photo ${id}` },
        file: { data: photo, mimetype: 'image/jpeg', name: `m-${id}.jpg`, size: photo.length },
        user: owner,
        overrideAccess: true,
      });
      if (published) {
        // Shown: used by a published work.
        const maker = await payload.create({
          collection: 'artisans',
          data: { name: `M ${id}`, slug: `m-${id}`, country: 'KZ', _status: 'published' },
          overrideAccess: true,
        });
        await payload.create({
          collection: 'works',
          data: {
            title: `Uses ${id}`,
            slug: `uses-${id}`,
            artisans: [maker.id],
            photos: [doc.id],
            _status: 'published',
          },
          overrideAccess: true,
        });
      }
      return { ...base, id: doc.id, shown: published };
    }
    case 'editions': {
      const year = editionYear++;
      const doc = await payload.create({
        collection: 'editions',
        data: { year, title: `Edition ${year}`, stage: 'upcoming', ...status },
        ...as,
      });
      return { ...base, id: doc.id };
    }
    case 'showcases': {
      const doc = await payload.create({
        collection: 'showcases',
        data: { title: `Collection ${id}`, slug: `collection-${id}`, edition: assignedEdition, ...status },
        ...as,
      });
      return { ...base, id: doc.id };
    }
    case 'venues': {
      const doc = await payload.create({
        collection: 'venues',
        data: { name: `Venue ${id}`, slug: `venue-${id}` },
        ...as,
      });
      return { ...base, id: doc.id, published: true };
    }
    case 'materials':
    case 'techniques':
    case 'piece-types': {
      const doc = await payload.create({
        collection,
        data: {
          label: `Term ${id}`,
          slug: `term-${id}`,
          ...(collection === 'materials' ? { kind: 'metal' } : {}),
        } as never,
        ...as,
      });
      return { ...base, id: doc.id, published: true };
    }
    case 'users': {
      const doc = await makeUser(payload, 'curator');
      return { ...base, id: doc.id, published: true };
    }
    case 'site-builds': {
      const doc = await payload.create({
        collection: 'site-builds',
        data: {
          status: 'succeeded',
          trigger: 'admin',
          queuedAt: new Date().toISOString(),
          startedBy: owner.id,
        },
        overrideAccess: true,
      });
      return { ...base, id: doc.id, published: true };
    }
    default:
      throw new Error(`no fixture for ${collection}: add one when adding a collection`);
  }
}

/** The fixtures an outcome allows an actor to reach. */
function allowed(outcome: Outcome, fixtures: Fixture[], actor: Actor): number[] {
  const actorId = actor === 'public' ? undefined : staff[actor].id;
  return fixtures
    .filter((f) => {
      switch (outcome) {
        case 'all':
          return true;
        case 'published':
          return f.published;
        case 'shown':
          return f.shown;
        case 'own':
          return f.owner === 'curator' && actor === 'curator';
        case 'assigned':
          return actor === 'curator' && (f.owner === 'curator' || f.assigned);
        case 'self':
          return f.id === actorId;
        case 'none':
          return false;
      }
      return false;
    })
    .map((f) => f.id);
}

const changes: Record<string, Record<string, unknown>> = {
  works: { title: 'Changed' },
  artisans: { name: 'Changed' },
  media: { alt: 'Changed' },
  editions: { theme: 'Changed' },
  showcases: { title: 'Changed' },
  venues: { name: 'Changed' },
  materials: { label: 'Changed' },
  techniques: { label: 'Changed' },
  'piece-types': { label: 'Changed' },
  users: { name: 'Changed' },
};

beforeAll(async () => {
  payload = await testPayload();
  photo = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#a08060' } })
    .jpeg()
    .toBuffer();
  for (const role of ['admin', 'organiser', 'curator'] as const) {
    staff[role] = { ...(await makeUser(payload, role)), collection: 'users' };
  }
  otherCurator = { ...(await makeUser(payload, 'curator')), collection: 'users' };
  assignedEdition = (
    await payload.create({
      collection: 'editions',
      data: {
        year: 2030,
        title: 'Assigned',
        stage: 'current',
        curators: [staff.curator.id],
        _status: 'published',
      },
      overrideAccess: true,
    })
  ).id;
}, 120_000);

afterAll(async () => {
  await payload.destroy();
});

const collections = () => Object.keys(accessMatrix).filter((key) => !key.startsWith('global:'));

describe('the access matrix', () => {
  it('has a cell for every collection, global, operation and actor', () => {
    const missing: string[] = [];
    for (const collection of payload.config.collections.map((c) => c.slug)) {
      if (internalCollections.has(collection)) continue;
      for (const op of operations) {
        for (const actor of actors) {
          if (!accessMatrix[collection]?.[op]?.[actor]) missing.push(`${collection} ${op} ${actor}`);
        }
      }
    }
    for (const global of payload.config.globals.map((g) => g.slug)) {
      for (const op of ['read', 'update'] as Operation[]) {
        for (const actor of actors) {
          if (!accessMatrix[`global:${global}`]?.[op]?.[actor])
            missing.push(`global ${global} ${op} ${actor}`);
        }
      }
    }
    const extra = collections().filter((c) => !payload.config.collections.some((cc) => cc.slug === c));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });
});

describe.each(collections())('%s', (collection) => {
  const rules = accessMatrix[collection] as Record<Operation, Record<Actor, Outcome>>;
  let fixtures: Fixture[];
  const slug = collection as CollectionSlug;

  beforeAll(async () => {
    const other = collection === 'users' ? staff.admin : staff.admin;
    fixtures = [
      await makeDoc(collection, true, staff.curator),
      await makeDoc(collection, false, staff.curator),
      await makeDoc(collection, true, other),
      await makeDoc(collection, false, other),
    ];
    if (collection === 'works') {
      const assigned = await makeDoc('works', true, otherCurator);
      await payload.update({
        collection: 'works',
        id: assigned.id,
        data: { editions: [assignedEdition] },
        overrideAccess: true,
      });
      fixtures.push({ ...assigned, assigned: true });
    }
    if (collection === 'users') {
      // Every account exists already: make the fixtures the staff themselves.
      fixtures = [staff.admin, staff.organiser, staff.curator, otherCurator].map((u) => ({
        id: u.id,
        published: true,
        owner: 'other',
        assigned: false,
        shown: false,
      }));
    }
  }, 120_000);

  it.each(actors)('read as %s', async (actor) => {
    const ids = fixtures.map((f) => f.id);
    const user = actor === 'public' ? undefined : staff[actor];
    let seen: number[] = [];
    try {
      const { docs } = await payload.find({
        collection: slug,
        where: { id: { in: ids } },
        limit: 100,
        depth: 0,
        draft: true,
        ...asUser(user),
      });
      seen = docs.map((doc) => doc.id as number);
    } catch {
      seen = [];
    }
    expect(seen.sort()).toEqual(allowed(rules.read[actor], fixtures, actor).sort());
  });

  it.each(actors)('update as %s', async (actor) => {
    const user = actor === 'public' ? undefined : staff[actor];
    const changed: number[] = [];
    for (const fixture of fixtures) {
      const before = await payload.findByID({
        collection: slug,
        id: fixture.id,
        overrideAccess: true,
        draft: true,
        depth: 0,
      });
      try {
        await payload.update({
          collection: slug,
          id: fixture.id,
          data: changes[collection] as never,
          draft: !fixture.published,
          ...asUser(user),
        });
        changed.push(fixture.id);
        await payload.update({
          collection: slug,
          id: fixture.id,
          data: before as never,
          overrideAccess: true,
          draft: !fixture.published,
        });
      } catch {
        // Refused: the stored document must be exactly as it was.
        const after = await payload.findByID({
          collection: slug,
          id: fixture.id,
          overrideAccess: true,
          draft: true,
          depth: 0,
        });
        expect(after).toEqual(before);
      }
    }
    expect(changed.sort()).toEqual(allowed(rules.update[actor], fixtures, actor).sort());
  });

  it.each(actors)('create as %s', async (actor) => {
    const user = actor === 'public' ? undefined : staff[actor];
    const before = (await payload.count({ collection: slug, overrideAccess: true })).totalDocs;
    let created = false;
    try {
      const data: Record<string, unknown> =
        collection === 'users'
          ? { email: `new-${next()}@test.local`, password: 'a long enough password', roles: ['curator'] }
          : collection === 'media'
            ? { alt: 'new' }
            : { ...(await sample(collection)), _status: 'draft' };
      await payload.create({
        collection: slug,
        data: data as never,
        draft: true,
        ...(collection === 'media'
          ? { file: { data: photo, mimetype: 'image/jpeg', name: `new-${next()}.jpg`, size: photo.length } }
          : {}),
        ...asUser(user),
      });
      created = true;
    } catch {
      expect((await payload.count({ collection: slug, overrideAccess: true })).totalDocs).toBe(before);
    }
    expect(created).toBe(rules.create[actor] !== 'none');
  });

  it.each(actors)(
    'delete as %s',
    async (actor) => {
      const user = actor === 'public' ? undefined : staff[actor];
      // Fresh documents of the same shapes, since deleting is for good.
      const victims =
        collection === 'users'
          ? []
          : [
              await makeDoc(collection, true, staff.curator),
              await makeDoc(collection, false, staff.curator),
              await makeDoc(collection, true, staff.admin),
            ];
      const deleted: number[] = [];
      for (const victim of victims) {
        try {
          await payload.delete({ collection: slug, id: victim.id, ...asUser(user) });
          deleted.push(victim.id);
        } catch {
          const still = await payload.findByID({
            collection: slug,
            id: victim.id,
            overrideAccess: true,
            draft: true,
            depth: 0,
          });
          expect(still.id).toBe(victim.id);
        }
      }
      // Beyond access: a photo a published work shows cannot be deleted by anyone while it
      // does (the publishing contract, publishContract.test.ts).
      const deletable = victims.filter((victim) => !(collection === 'media' && victim.shown));
      expect(deleted.sort()).toEqual(allowed(rules.delete[actor], deletable, actor).sort());
      if (collection === 'users') {
        // Accounts: try on a throw-away account.
        const account = await makeUser(payload, 'curator');
        let removed = false;
        try {
          await payload.delete({ collection: 'users', id: account.id, ...asUser(user) });
          removed = true;
        } catch {}
        expect(removed).toBe(rules.delete[actor] === 'all');
      }
    },
    60_000,
  );
});

/** Data for a new document, from a fixture's shape. */
async function sample(collection: string): Promise<Record<string, unknown>> {
  const id = next();
  switch (collection) {
    case 'works': {
      const maker = await payload.create({
        collection: 'artisans',
        data: { name: `S ${id}`, slug: `s-${id}`, country: 'KZ', _status: 'published' },
        overrideAccess: true,
      });
      return { title: `New ${id}`, slug: `new-${id}`, artisans: [maker.id], photos: [] };
    }
    case 'artisans':
      return { name: `New ${id}`, slug: `new-${id}`, country: 'KG' };
    case 'editions':
      return { year: editionYear++, title: `New ${id}`, stage: 'upcoming' };
    case 'showcases':
      return { title: `New ${id}`, slug: `new-${id}`, edition: assignedEdition };
    case 'venues':
      return { name: `New ${id}`, slug: `new-${id}` };
    case 'materials':
      return { label: `New ${id}`, slug: `new-${id}`, kind: 'other' };
    case 'site-builds':
      return { status: 'queued', trigger: 'admin', queuedAt: new Date().toISOString() };
    default:
      return { label: `New ${id}`, slug: `new-${id}` };
  }
}

describe('site settings (global)', () => {
  it.each(actors)('read and update as %s', async (actor) => {
    const rules = accessMatrix['global:site-settings'] as Record<Operation, Record<Actor, Outcome>>;
    const user = actor === 'public' ? undefined : staff[actor];
    const read = await payload
      .findGlobal({ slug: 'site-settings', ...asUser(user) })
      .then(() => true)
      .catch(() => false);
    expect(read).toBe(rules.read[actor] !== 'none');
    const updated = await payload
      .updateGlobal({
        slug: 'site-settings',
        data: { contact: { email: `${actor}@test.local` } },
        ...asUser(user),
      })
      .then(() => true)
      .catch(() => false);
    expect(updated).toBe(rules.update[actor] !== 'none');
  });
});
