import type { Payload } from 'payload';
import { describe, expect, it } from 'vitest';
import { type AccessFixtures, graphql, leaks, withAccessFixtures } from '../rest';

/**
 * The same access rules over the real GraphQL handler (POST /api/graphql), called in-process.
 * Schema names, as generated: works → `Work`/`Works`/`versionsWorks`/`versionWork`,
 * media → `Media`/`allMedia`, users → `User`/`Users`.
 */
let payload: Payload;
let f: AccessFixtures;
withAccessFixtures((ready) => ({ payload, f } = ready));

/** The errors of a GraphQL answer, as their status codes (403, 404…). */
const statusCodes = (json: { errors?: { extensions?: { statusCode?: number } }[] }) =>
  (json.errors ?? []).map((error) => error.extensions?.statusCode);

describe('anonymous GraphQL', () => {
  it('lists only published works with Works(draft: true)', async () => {
    const { status, json, text } = await graphql('{ Works(draft: true) { docs { id title } } }');
    expect(status).toBe(200);
    expect(json.errors).toBeUndefined();
    expect(json.data.Works.docs.map((doc: { id: number }) => doc.id)).not.toContain(f.draftWork.id);
    expect(text).not.toMatch(leaks);
    const plain = await graphql('{ Works { docs { title slug } } }');
    expect(plain.json.data.Works.docs.map((doc: { title: string }) => doc.title).sort()).toEqual([
      'Live work',
      'Second live work',
    ]);
    expect(plain.text).not.toMatch(leaks);
  });

  it('refuses the draft work by id and keeps the published version of a redrafted one', async () => {
    for (const draft of [false, true]) {
      const { json, text } = await graphql(`{ Work(id: ${f.draftWork.id}, draft: ${draft}) { title slug } }`);
      expect(json.data?.Work ?? null).toBeNull();
      expect(statusCodes(json)).toEqual([404]);
      expect(text).not.toMatch(leaks);
    }
    const { json, text } = await graphql(`{ Work(id: ${f.redraftedWork.id}, draft: true) { title } }`);
    expect(json.data.Work.title).toBe('Second live work');
    expect(text).not.toMatch(leaks);
  });

  it('refuses the versions queries', async () => {
    const list = await graphql('{ versionsWorks { docs { id version { title } } } }');
    expect(list.json.data?.versionsWorks ?? null).toBeNull();
    expect(statusCodes(list.json)).toEqual([403]);
    expect(list.text).not.toMatch(leaks);

    const versions = await payload.findVersions({
      collection: 'works',
      where: { parent: { equals: f.draftWork.id } },
      depth: 0,
    });
    const versionId = versions.docs[0]?.id;
    expect(versionId).toBeDefined();
    const one = await graphql(`{ versionWork(id: ${versionId}) { version { title } } }`);
    expect(one.json.data?.versionWork ?? null).toBeNull();
    expect(one.text).not.toMatch(leaks);

    for (const query of [
      '{ versionsArtisans { docs { version { name } } } }',
      '{ versionsEditions { docs { version { title } } } }',
      '{ versionsShowcases { docs { version { title } } } }',
    ]) {
      const other = await graphql(query);
      expect(statusCodes(other.json), query).toEqual([403]);
      expect(other.text, query).not.toMatch(leaks);
    }
  });

  it('does not resolve the draft artisan through the published work', async () => {
    for (const draft of [false, true]) {
      const { json, text } = await graphql(
        `{ Work(id: ${f.pubWork.id}, draft: ${draft}) { title artisans { id name slug } } }`,
      );
      expect(json.data.Work.title).toBe('Live work');
      const artisans = json.data.Work.artisans.filter(Boolean);
      expect(artisans).toEqual([{ id: f.pubArtisan.id, name: 'Aigerim Published', slug: 'aigerim' }]);
      expect(text).not.toContain(f.draftArtisan.name);
      expect(text).not.toMatch(leaks);
    }
    const list = await graphql('{ Works(draft: true) { docs { artisans { name portrait { filename } } } } }');
    expect(list.text).not.toContain(f.draftArtisan.name);
    expect(list.text).not.toMatch(leaks);
  });

  it('hides drafts in join fields, even with draft: true', async () => {
    const queries = [
      `{ Work(id: ${f.pubWork.id}, draft: true) { showcases { docs { id title } } editions { title works { docs { id title } } showcases { docs { id title } } } artisans { works { docs { id title } } } } }`,
      `{ Artisan(id: ${f.pubArtisan.id}, draft: true) { name works { docs { id title } } } }`,
      '{ Editions(draft: true) { docs { title works { docs { id title } } showcases { docs { id title } } } } }',
      '{ Works(draft: true) { docs { showcases { docs { id title } } } } }',
    ];
    for (const query of queries) {
      const { json, text } = await graphql(query);
      expect(json.errors, query).toBeUndefined();
      expect(text, query).not.toMatch(leaks);
    }
    const editions = await graphql(
      '{ Editions(draft: true) { docs { works { docs { id } } showcases { docs { id } } } } }',
    );
    const [edition] = editions.json.data.Editions.docs;
    expect(edition.works.docs.map((doc: { id: number }) => doc.id)).toEqual([f.pubWork.id]);
    expect(edition.showcases.docs).toEqual([]);
    const work = await graphql(`{ Work(id: ${f.pubWork.id}, draft: true) { showcases { docs { id } } } }`);
    expect(work.json.data.Work.showcases.docs).toEqual([]);
    const artisan = await graphql(
      `{ Artisan(id: ${f.pubArtisan.id}, draft: true) { works { docs { id } } } }`,
    );
    expect(artisan.json.data.Artisan.works.docs.map((doc: { id: number }) => doc.id)).not.toContain(
      f.draftWork.id,
    );
  });

  it('finds no draft through where, and counts none', async () => {
    for (const query of [
      '{ Works(draft: true, where: { title: { like: "SECRET" } }) { docs { title } } }',
      '{ Works(draft: true, where: { _status: { equals: draft } }) { docs { title } } }',
      '{ Artisans(draft: true, where: { name: { like: "SECRET" } }) { docs { name } } }',
      '{ Showcases(draft: true) { docs { title } } }',
      '{ Editions(draft: true, where: { _status: { equals: draft } }) { docs { title } } }',
    ]) {
      const { json, text } = await graphql(query);
      const [result] = Object.values(json.data ?? {}) as { docs: unknown[] }[];
      expect(result?.docs ?? [], query).toEqual([]);
      expect(text, query).not.toMatch(leaks);
    }
    const count = await graphql('{ countWorks(where: { _status: { equals: draft } }) { totalDocs } }');
    expect(count.json.data.countWorks.totalDocs).toBe(0);
  });

  it('lists only public photos and refuses the photo of a draft', async () => {
    const list = await graphql('{ allMedia(limit: 100) { docs { id filename } } }');
    expect(list.json.data.allMedia.docs).toEqual([{ id: f.media.p1.id, filename: f.media.p1.filename }]);
    for (const hidden of [f.media.p2, f.media.p3, f.media.p4]) {
      const { json, text } = await graphql(`{ Media(id: ${hidden.id}) { filename url } }`);
      expect(json.data?.Media ?? null).toBeNull();
      expect(text).not.toContain(hidden.filename);
    }
  });

  it('refuses users and mutations', async () => {
    const users = await graphql('{ Users { docs { email } } }');
    expect(users.json.data?.Users ?? null).toBeNull();
    expect(statusCodes(users.json)).toEqual([403]);
    expect(users.text).not.toContain('@test.local');
    const created = await graphql(
      `mutation { createWork(data: { title: "Intruder", slug: "intruder", artisans: [${f.pubArtisan.id}], photos: [${f.media.p1.id}] }) { id } }`,
    );
    expect(statusCodes(created.json)).toEqual([403]);
    expect((await payload.count({ collection: 'works' })).totalDocs).toBe(3);
  });
});

describe('signed-in GraphQL', () => {
  it('a curator sees the drafts (control)', async () => {
    const token = f.tokens.curator;
    const one = await graphql(`{ Work(id: ${f.draftWork.id}, draft: true) { title } }`, token);
    expect(one.json.data.Work.title).toBe('SECRET draft work');
    const list = await graphql('{ Works(draft: true) { docs { title } } }', token);
    expect(list.json.data.Works.docs.map((doc: { title: string }) => doc.title)).toEqual(
      expect.arrayContaining(['SECRET draft work', 'SECRET newer draft']),
    );
    const versions = await graphql('{ versionsWorks { docs { version { title } } } }', token);
    expect(versions.json.errors).toBeUndefined();
    expect(versions.text).toMatch(leaks);
    const artisans = await graphql(`{ Work(id: ${f.pubWork.id}) { artisans { name } } }`, token);
    expect(artisans.json.data.Work.artisans.map((a: { name: string }) => a.name)).toContain(
      f.draftArtisan.name,
    );
  });

  it('a curator cannot make themselves an admin', async () => {
    await graphql(
      `mutation { updateUser(id: ${f.users.curator.id}, data: { roles: admin }) { roles } }`,
      f.tokens.curator,
    );
    const me = await payload.findByID({ collection: 'users', id: f.users.curator.id });
    expect(me.roles).toEqual(['curator']);
  });

  it("a curator cannot edit another user's work", async () => {
    const { json } = await graphql(
      `mutation { updateWork(id: ${f.pubWork.id}, data: { title: "Hijacked" }) { title } }`,
      f.tokens.curator,
    );
    expect(json.data?.updateWork ?? null).toBeNull();
    expect(statusCodes(json)[0]).toBeOneOf([403, 404]);
    const work = await payload.findByID({ collection: 'works', id: f.pubWork.id, draft: true });
    expect(work.title).toBe('Live work');
  });
});
