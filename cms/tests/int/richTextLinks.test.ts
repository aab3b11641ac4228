import { readModels, WorkSchema } from '@oyu/shared-types';
import { initI18n } from '@payloadcms/translations';
import { fieldSchemasToFormState } from '@payloadcms/ui/forms/fieldSchemasToFormState';
import { createLocalReq, type Field, type Payload } from 'payload';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOptions } from '../../src/contract/publishable';
import { internalLinks } from '../../src/contract/richTextLinks';
import { makeUser, testPayload } from '../helpers';
import { graphql, jpeg, login, password, rest } from '../rest';

/**
 * Links in rich text (src/contract/richTextLinks.ts, src/fields/linkUrl.ts): only web and
 * e-mail addresses and internal links to the site's pages are stored, at every save, drafts
 * included; an internal link must lead to a document that exists, and to a published one while
 * the linking document is published; what published rich text links to can be neither
 * unpublished nor deleted.
 */
let payload: Payload;
let curator: string;
let organiser: string;
let photoId: number;
let maker: { id: number; slug: string };
let draftMaker: number;

type Json = Record<string, unknown>;

const text = (value: string): Json => ({
  type: 'text',
  version: 1,
  text: value,
  format: 0,
  detail: 0,
  mode: 'normal',
  style: '',
});

const paragraph = (...children: Json[]): Json => ({
  type: 'paragraph',
  version: 1,
  format: '',
  indent: 0,
  direction: 'ltr',
  textFormat: 0,
  children,
});

/** A link node as the admin's editor writes it. */
const link = (fields: Json, type = 'link'): Json => ({
  type,
  version: 3,
  format: '',
  indent: 0,
  direction: 'ltr',
  fields: { newTab: false, ...fields },
  children: [text('more')],
});
const customLink = (url: string, type = 'link') => link({ linkType: 'custom', url }, type);
const internalLink = (relationTo: string, value: number | string) =>
  link({ linkType: 'internal', doc: { relationTo, value } });

/** Rich text whose first paragraph holds the nodes; a link deep in a list too, when asked. */
const richText = (...nodes: Json[]): Json => ({
  root: {
    type: 'root',
    version: 1,
    format: '',
    indent: 0,
    direction: 'ltr',
    children: [paragraph(text('See '), ...nodes)],
  },
});
const inList = (node: Json): Json => ({
  root: {
    type: 'root',
    version: 1,
    format: '',
    indent: 0,
    direction: 'ltr',
    children: [
      {
        type: 'list',
        version: 1,
        listType: 'bullet',
        tag: 'ul',
        start: 1,
        format: '',
        indent: 0,
        direction: 'ltr',
        children: [
          {
            type: 'listitem',
            version: 1,
            value: 1,
            format: '',
            indent: 0,
            direction: 'ltr',
            children: [node],
          },
        ],
      },
    ],
  },
});

let counter = 0;
const work = (extra: Json = {}): Json => {
  counter += 1;
  return {
    title: `Linked work ${counter}`,
    slug: `linked-work-${counter}`,
    artisans: [maker.id],
    photos: [photoId],
    ...extra,
  };
};

const messages = (json: {
  errors?: { message: string; data?: { errors?: { message: string; path?: string }[] } }[];
}) =>
  (json.errors ?? [])
    .flatMap((error) => [error.message, ...(error.data?.errors ?? []).map((e) => e.message)])
    .join('\n');
const paths = (json: { errors?: { data?: { errors?: { path?: string }[] } }[] }) =>
  (json.errors ?? []).flatMap((error) => (error.data?.errors ?? []).map((e) => e.path));

/** Every link node stored for the work, in every language, as the database has it. */
async function storedLinks(id: number) {
  const doc = (await payload.findByID({
    collection: 'works',
    id,
    draft: true,
    depth: 0,
    locale: 'all',
  })) as unknown as Json;
  return JSON.stringify([doc.description, doc.provenance]);
}

beforeAll(async () => {
  payload = await testPayload();
  const curatorUser = await makeUser(payload, 'curator');
  const organiserUser = await makeUser(payload, 'organiser');
  curator = await login(curatorUser.email, password);
  organiser = await login(organiserUser.email, password);
  const data = await jpeg(320, 240);
  photoId = (
    await payload.create({
      collection: 'media',
      data: { alt: 'A photo' },
      file: { data, mimetype: 'image/jpeg', name: 'photo.jpg', size: data.length },
    })
  ).id;
  const created = await payload.create({
    collection: 'artisans',
    data: { name: 'Linked Maker', slug: 'linked-maker', country: 'KZ', _status: 'published' },
  });
  maker = { id: created.id, slug: 'linked-maker' };
  draftMaker = (
    await payload.create({
      collection: 'artisans',
      draft: true,
      data: { name: 'Draft Maker', slug: 'draft-maker', country: 'UZ', _status: 'draft' },
    })
  ).id;
}, 120_000);

afterAll(async () => {
  await payload.destroy();
});

describe('addresses', () => {
  const dangerous = [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0000javascript:alert(1)',
    'javascript:alert(1)\u200b',
    'javascript&colon;alert(1)',
    '&#106;avascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox(1)',
    'https:alert(1)',
    'https://',
    'https://localhost/',
  ];

  it.each(dangerous)('refuses %j in a draft, naming the field, and stores nothing', async (url) => {
    const answer = await rest('POST', '/api/works?draft=true', {
      token: curator,
      body: { ...work({ description: richText(customLink(url)) }), _status: 'draft' },
    });
    expect(answer.status).toBe(400);
    expect(paths(answer.json)).toContain('description');
    expect(messages(answer.json)).toMatch(/^Description: (Links starting with|Link “)/m);
    const found = await payload.find({
      collection: 'works',
      where: { title: { equals: `Linked work ${counter}` } },
      draft: true,
    });
    expect(found.totalDocs).toBe(0);
  });

  it.each(dangerous)(
    'refuses %j as an autolink, deep in a list, when published, and on an existing draft',
    async (url) => {
      const published = await rest('POST', '/api/works', {
        token: curator,
        body: { ...work({ provenance: inList(customLink(url, 'autolink')) }), _status: 'published' },
      });
      expect(published.status).toBe(400);
      expect(paths(published.json)).toContain('provenance');
      const draft = await payload.create({
        collection: 'works',
        draft: true,
        data: { ...work(), _status: 'draft' } as never,
      });
      // The admin's autosave: a draft saved over a draft.
      const saved = await rest('PATCH', `/api/works/${draft.id}?draft=true&autosave=true`, {
        token: organiser,
        body: { description: richText(customLink(url)) },
      });
      expect(saved.status).toBe(400);
      expect(await storedLinks(draft.id)).not.toMatch(/script|data:|https:alert|"https:\/\/"/i);
    },
  );

  it.each([
    '/en/works/no-such-work/',
    'en/works/no-such-work',
    '#top',
    '?page=2',
    '//evil.example/x',
    'www.example.com',
  ])('refuses the site path %j and says to use an internal link', async (url) => {
    const answer = await rest('POST', '/api/works?draft=true', {
      token: curator,
      body: { ...work({ description: richText(customLink(url)) }), _status: 'draft' },
    });
    expect(answer.status).toBe(400);
    expect(messages(answer.json)).toMatch(
      /is not a full address: for a page of this site choose Internal Link/,
    );
  });

  it.each([
    'https://example.com/a?b=1#c',
    'http://example.com',
    'HTTPS://EXAMPLE.COM/',
    'mailto:curator@oyu.example',
    'mailto:curator@oyu.example?subject=Hello%20there',
  ])('keeps %j', async (url) => {
    const answer = await rest('POST', '/api/works', {
      token: curator,
      body: { ...work({ description: richText(customLink(url)) }), _status: 'published' },
    });
    expect(answer.status, messages(answer.json)).toBe(201);
    expect(await storedLinks(answer.json.doc.id)).toContain(JSON.stringify(url));
  });

  it('says so in Russian to an admin that speaks Russian', async () => {
    const answer = await rest('POST', '/api/works?draft=true', {
      token: curator,
      headers: { 'Accept-Language': 'ru' },
      body: {
        ...work({ description: richText(customLink('javascript:alert(1)'), customLink('/ru/works/x/')) }),
        _status: 'draft',
      },
    });
    expect(answer.status).toBe(400);
    expect(messages(answer.json)).toMatch(/Ссылки на «javascript:» не допускаются/);
    expect(messages(answer.json)).toMatch(
      /не полный адрес: для страницы этого сайта выберите «Внутренняя ссылка»/,
    );
  });

  it('refuses a GraphQL write the same way', async () => {
    const answer = await graphql(
      'mutation ($data: mutationWorkInput!) { createWork(data: $data, draft: true) { id } }',
      curator,
      { data: { ...work({ description: richText(customLink('vbscript:msgbox(1)')) }), _status: 'draft' } },
    );
    expect(JSON.stringify(answer.json.errors)).toMatch(/Links starting with “vbscript:” are not allowed/);
    expect(answer.json.data?.createWork ?? null).toBeNull();
  });

  it('refuses them in the site settings too', async () => {
    const answer = await rest('POST', '/api/globals/site-settings', {
      token: organiser,
      body: { about: richText(customLink('javascript:alert(1)')) },
    });
    expect(answer.status).toBe(400);
    expect(paths(answer.json)).toContain('about');
  });

  it('drops the address of an internal link, which the site never uses', async () => {
    const answer = await rest('POST', '/api/works?draft=true', {
      token: curator,
      body: {
        ...work({
          description: richText(
            link({
              linkType: 'internal',
              url: 'javascript:alert(1)',
              doc: { relationTo: 'artisans', value: maker.id },
            }),
          ),
        }),
        _status: 'draft',
      },
    });
    expect(answer.status, messages(answer.json)).toBe(201);
    expect(await storedLinks(answer.json.doc.id)).not.toMatch(/javascript/);
  });

  it('shows the refusal in the admin’s link form, in the admin’s language', async () => {
    // The link drawer's fields, as the admin builds its form state from them.
    const editor = payload.config.editor as unknown as {
      editorConfig: { resolvedFeatureMap: Map<string, { sanitizedServerFeatureProps: { fields: Field[] } }> };
    };
    const fields =
      editor.editorConfig.resolvedFeatureMap.get('link')?.sanitizedServerFeatureProps.fields ?? [];
    const formState = async (language: 'en' | 'ru', url: string) => {
      const req = await createLocalReq({}, payload);
      req.i18n = await initI18n({ config: payload.config.i18n, context: 'api', language });
      req.t = req.i18n.t;
      const state = await fieldSchemasToFormState({
        data: { linkType: 'custom', url },
        fields: fields.filter((field) => !('name' in field) || field.name !== 'text'),
        fieldSchemaMap: undefined,
        operation: 'update',
        permissions: {},
        preferences: { fields: {} },
        renderAllFields: false,
        req,
        schemaPath: '',
      });
      return state.url?.errorMessage;
    };
    expect(await formState('en', 'javascript:alert(1)')).toMatch(
      /Links starting with “javascript:” are not allowed/,
    );
    expect(await formState('ru', '/ru/works/x/')).toMatch(/выберите «Внутренняя ссылка»/);
    expect(await formState('en', 'https://example.com/')).toBeUndefined();
  });
});

describe('internal links', () => {
  it('must lead to a document that exists, even in a draft', async () => {
    const answer = await rest('POST', '/api/works?draft=true', {
      token: curator,
      body: { ...work({ description: richText(internalLink('works', 999_999)) }), _status: 'draft' },
    });
    expect(answer.status).toBe(400);
    expect(paths(answer.json)).toContain('description');
    expect(messages(answer.json)).toMatch(/Description: the link to work with id 999999 leads nowhere/);
  });

  it('may lead only to a page of the site', async () => {
    const answer = await rest('POST', '/api/works?draft=true', {
      token: curator,
      body: { ...work({ description: richText(internalLink('users', 1)) }), _status: 'draft' },
    });
    expect(answer.status).toBe(400);
    expect(messages(answer.json)).toMatch(/may lead only to a work/);
  });

  it('may lead to a draft from a draft, but not once published', async () => {
    const draft = await rest('POST', '/api/works?draft=true', {
      token: curator,
      body: { ...work({ description: richText(internalLink('artisans', draftMaker)) }), _status: 'draft' },
    });
    expect(draft.status, messages(draft.json)).toBe(201);
    const publish = await rest('PATCH', `/api/works/${draft.json.doc.id}`, {
      token: organiser,
      body: { _status: 'published' },
    });
    expect(publish.status).toBe(400);
    expect(messages(publish.json)).toMatch(
      /Description links to artisan “Draft Maker” which is not published yet/,
    );
    expect(paths(publish.json)).toContain('description');
    const live = await payload.findByID({
      collection: 'works',
      id: draft.json.doc.id,
      draft: false,
      depth: 0,
    });
    expect(live._status).toBe('draft');
  });

  it('in any language: a Russian link to a draft stops the publication too', async () => {
    const created = await payload.create({
      collection: 'works',
      data: { ...work(), _status: 'published' } as never,
    });
    const answer = await rest('PATCH', `/api/works/${created.id}?locale=ru`, {
      token: organiser,
      headers: { 'Accept-Language': 'ru' },
      body: { provenance: inList(internalLink('artisans', draftMaker)) },
    });
    expect(answer.status).toBe(400);
    expect(messages(answer.json)).toMatch(
      /ссылка ведёт на неопубликованную запись \(мастер: «Draft Maker»\)/,
    );
  });

  it('comes to the site as the target’s page: populated as a build reads it', async () => {
    const target = await payload.create({
      collection: 'works',
      data: { ...work(), _status: 'published' } as never,
    });
    const answer = await rest('POST', '/api/works', {
      token: curator,
      body: {
        ...work({
          description: richText(internalLink('works', target.id), internalLink('artisans', String(maker.id))),
        }),
        _status: 'published',
      },
    });
    expect(answer.status, messages(answer.json)).toBe(201);
    const model = readModels.works;
    const read = await payload.findByID({
      collection: 'works',
      id: answer.json.doc.id,
      depth: model.depth,
      overrideAccess: false,
      ...readOptions(model),
    });
    const parsed = WorkSchema.parse(read);
    const docs = JSON.stringify(parsed.description);
    expect(docs).toContain(`"relationTo":"works","value":{"id":${target.id},"slug":"${target.slug}"}`);
    expect(docs).toContain(`"relationTo":"artisans","value":{"id":${maker.id}`);
  });
});

describe('what published rich text links to', () => {
  let target: { id: number; title: string };
  let linker: { id: number; title: string };

  beforeAll(async () => {
    const made = await payload.create({
      collection: 'works',
      data: { ...work(), _status: 'published' } as never,
    });
    target = { id: made.id, title: made.title };
    const linking = await payload.create({
      collection: 'works',
      data: {
        ...work({ provenance: inList(internalLink('works', made.id)) }),
        _status: 'published',
      } as never,
    });
    linker = { id: linking.id, title: linking.title };
  });

  it('cannot be unpublished: the linking works are named', async () => {
    const answer = await rest('PATCH', `/api/works/${target.id}`, {
      token: organiser,
      body: { _status: 'draft' },
    });
    expect(answer.status).toBe(400);
    expect(messages(answer.json)).toContain(
      `cannot be unpublished: published works link to it (“${linker.title}”)`,
    );
    const live = await payload.findByID({ collection: 'works', id: target.id, draft: false, depth: 0 });
    expect(live._status).toBe('published');
  });

  it('cannot be deleted', async () => {
    const answer = await rest('DELETE', `/api/works/${target.id}`, { token: organiser });
    expect(answer.status).toBe(409);
    expect(messages(answer.json)).toContain(
      `cannot be deleted: published works link to it (“${linker.title}”)`,
    );
    expect(answer.json.errors[0].message).toBeTruthy();
    await expect(payload.findByID({ collection: 'works', id: target.id, depth: 0 })).resolves.toBeTruthy();
  });

  it('may get a new draft, and a draft that links to it does not hold it', async () => {
    const redraft = await rest('PATCH', `/api/works/${target.id}?draft=true`, {
      token: organiser,
      body: { title: 'A newer draft title' },
    });
    expect(redraft.status).toBe(200);
    const other = await payload.create({
      collection: 'works',
      data: { ...work(), _status: 'published' } as never,
    });
    await payload.create({
      collection: 'works',
      draft: true,
      data: {
        ...work({ description: richText(internalLink('works', other.id)) }),
        _status: 'draft',
      } as never,
    });
    const unpublish = await rest('PATCH', `/api/works/${other.id}`, {
      token: organiser,
      body: { _status: 'draft' },
    });
    expect(unpublish.status, messages(unpublish.json)).toBe(200);
  });

  it('is free again once the link is gone', async () => {
    const unlink = await rest('PATCH', `/api/works/${linker.id}`, {
      token: organiser,
      body: { provenance: richText(customLink('https://example.com/')) },
    });
    expect(unlink.status, messages(unlink.json)).toBe(200);
    const answer = await rest('PATCH', `/api/works/${target.id}`, {
      token: organiser,
      body: { _status: 'draft' },
    });
    expect(answer.status, messages(answer.json)).toBe(200);
  });

  it('from an artisan’s bio, an edition’s or a collection’s text alike', async () => {
    const edition = await payload.create({
      collection: 'editions',
      data: { year: 2031, title: 'AJW 2031', stage: 'upcoming', _status: 'published' },
    });
    const showcase = await payload.create({
      collection: 'showcases',
      data: { title: 'Gold', slug: 'gold', edition: edition.id, works: [], _status: 'published' },
    });
    const artisan = await payload.create({
      collection: 'artisans',
      data: {
        name: 'Bio Writer',
        slug: 'bio-writer',
        country: 'KG',
        bio: richText(internalLink('showcases', showcase.id)),
        _status: 'published',
      } as never,
    });
    await payload.update({
      collection: 'editions',
      id: edition.id,
      data: { description: richText(internalLink('artisans', artisan.id)) } as never,
    });
    const unpublishShowcase = await rest('PATCH', `/api/showcases/${showcase.id}`, {
      token: organiser,
      body: { _status: 'draft' },
    });
    expect(messages(unpublishShowcase.json)).toMatch(/published artisans link to it \(“Bio Writer”\)/);
    const deleteArtisan = await rest('DELETE', `/api/artisans/${artisan.id}`, { token: organiser });
    expect(deleteArtisan.status).toBe(409);
    expect(messages(deleteArtisan.json)).toMatch(/published editions link to it \(“AJW 2031”\)/);
  });

  it('from the site settings: they link only to what is published, and keep it published', async () => {
    const answer = await rest('POST', '/api/globals/site-settings', {
      token: organiser,
      body: { about: richText(internalLink('artisans', draftMaker)) },
    });
    expect(answer.status).toBe(400);
    expect(messages(answer.json)).toMatch(/About links to artisan “Draft Maker” which is not published yet/);
    // Refused after it was written: the transaction keeps nothing of it.
    const kept = await payload.findGlobal({ slug: 'site-settings', locale: 'all', depth: 0 });
    expect(internalLinks(kept.about)).not.toContainEqual({ relationTo: 'artisans', value: draftMaker });
    const about = await payload.create({
      collection: 'works',
      data: { ...work(), _status: 'published' } as never,
    });
    const saved = await rest('POST', '/api/globals/site-settings', {
      token: organiser,
      body: { about: richText(internalLink('works', about.id)) },
    });
    expect(saved.status, messages(saved.json)).toBe(200);
    const unpublish = await rest('PATCH', `/api/works/${about.id}`, {
      token: organiser,
      body: { _status: 'draft' },
    });
    expect(unpublish.status).toBe(400);
    expect(messages(unpublish.json)).toMatch(/cannot be unpublished: the site settings link to it \(About\)/);
    const missing = await rest('POST', '/api/globals/site-settings', {
      token: organiser,
      body: { about: richText(internalLink('editions', 987_654)) },
    });
    expect(missing.status).toBe(400);
    expect(messages(missing.json)).toMatch(/About: the link to edition with id 987654 leads nowhere/);
  });
});
