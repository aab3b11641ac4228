import type { Payload } from 'payload';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testPayload } from '../helpers';

let payload: Payload;
beforeAll(async () => {
  payload = await testPayload();
});
afterAll(async () => {
  await payload.destroy();
});

it('publishes a draft at its scheduled time, through the jobs queue', async () => {
  const data = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#806040' } })
    .jpeg()
    .toBuffer();
  const image = await payload.create({
    collection: 'media',
    data: { alt: 'scheduled' },
    file: { data, mimetype: 'image/jpeg', name: 'scheduled.jpg', size: data.length },
  });
  const maker = await payload.create({
    collection: 'artisans',
    data: { name: 'Scheduled maker', slug: 'scheduled-maker', country: 'TJ', _status: 'published' },
  });
  const work = await payload.create({
    collection: 'works',
    draft: true,
    data: { title: 'Later', slug: 'later', artisans: [maker.id], photos: [image.id], _status: 'draft' },
  });
  await payload.jobs.queue({
    task: 'schedulePublish',
    input: { type: 'publish', doc: { relationTo: 'works', value: work.id } },
    waitUntil: new Date(Date.now() + 500),
  });
  await payload.jobs.run();
  expect((await payload.findByID({ collection: 'works', id: work.id, depth: 0 }))._status).toBe('draft');
  await new Promise((resolve) => setTimeout(resolve, 700));
  await payload.jobs.run();
  const published = await payload.find({
    collection: 'works',
    where: { slug: { equals: 'later' } },
    overrideAccess: false,
    user: null,
    depth: 0,
  });
  expect(published.docs.map((doc) => doc.title)).toEqual(['Later']);
  // Publishing made its photo public.
  expect((await payload.findByID({ collection: 'media', id: image.id })).isPublic).toBe(true);
});

it('a scheduled publish that the site could not build fails, says why, and publishes nothing', async () => {
  const data = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#604080' } })
    .jpeg()
    .toBuffer();
  const image = await payload.create({
    collection: 'media',
    data: { alt: 'scheduled too' },
    file: { data, mimetype: 'image/jpeg', name: 'scheduled-2.jpg', size: data.length },
  });
  const draftMaker = await payload.create({
    collection: 'artisans',
    draft: true,
    data: { name: 'Unready maker', slug: 'unready-maker', country: 'US', _status: 'draft' },
  });
  const work = await payload.create({
    collection: 'works',
    draft: true,
    data: {
      title: 'Too soon',
      slug: 'too-soon',
      artisans: [draftMaker.id],
      photos: [image.id],
      _status: 'draft',
    },
  });
  const job = await payload.jobs.queue({
    task: 'schedulePublish',
    input: { type: 'publish', doc: { relationTo: 'works', value: work.id } },
    waitUntil: new Date(Date.now() + 200),
  });
  await new Promise((resolve) => setTimeout(resolve, 400));
  await payload.jobs.run();
  expect((await payload.findByID({ collection: 'works', id: work.id, depth: 0 }))._status).toBe('draft');
  expect((await payload.findByID({ collection: 'media', id: image.id })).isPublic).toBe(false);
  const ran = await payload.findByID({ collection: 'payload-jobs', id: job.id, depth: 0 });
  expect(JSON.stringify(ran.log ?? ran.error)).toMatch(/Unready maker.*not published yet/);
});
