import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { S3 } from '@aws-sdk/client-s3';
import { imageSizeNames, mapLimit } from '@oyu/shared-types';
import { commitTransaction, createLocalReq, initTransaction, type Payload } from 'payload';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s3ClientConfig } from '../../src/media/s3Settings';
import { MediaStorageError, mediaStore } from '../../src/media/storage';
import { startS3Server } from '../s3Server';

/**
 * Photos in an S3-compatible bucket (S3_BUCKET), through Payload's own adapter, against a real
 * local S3 server (s3rver): uploads land in the bucket and not on disk; files are served through
 * the CMS behind the same access rules; replacing and deleting a photo removes its objects; a
 * refused upload or a failed import leaves nothing in the bucket; the orphan sweep, the draft
 * preview and the import's duplicate check all read the bucket.
 */
const s3 = await startS3Server();
// Before the CMS config is imported: it reads the environment once, on import.
Object.assign(process.env, s3.env);
const { env } = await import('../../src/env');
const { testPayload } = await import('../helpers');
const { accessFixtures, jpeg, rest } = await import('../rest');
const { sweepOrphanFiles } = await import('../../src/media/orphans');
const { importSpreadsheets } = await import('../../src/import');

let payload: Payload;
let f: Awaited<ReturnType<typeof accessFixtures>>;
const client = new S3(s3ClientConfig(env.s3 as NonNullable<typeof env.s3>));
const photos = fs.mkdtempSync(path.join(os.tmpdir(), 'oyu-s3-photos-'));

beforeAll(async () => {
  payload = await testPayload();
  f = await accessFixtures(payload);
}, 120_000);

afterAll(async () => {
  await payload?.destroy();
  client.destroy();
  await s3.close();
  fs.rmSync(photos, { recursive: true, force: true });
});

/** The bucket's keys, read with a client of the test's own. */
async function keys(): Promise<string[]> {
  const listed = await client.listObjectsV2({ Bucket: s3.bucket });
  return (listed.Contents ?? []).map((item) => item.Key as string).sort();
}

async function object(key: string): Promise<{ type: string | undefined; bytes: Buffer }> {
  const got = await client.getObject({ Bucket: s3.bucket, Key: key });
  return { type: got.ContentType, bytes: Buffer.from(await (got.Body?.transformToByteArray() ?? [])) };
}

type MediaDoc = {
  id: number;
  filename?: string | null;
  sizes?: Record<string, { filename?: string | null } | undefined> | null;
};
const filesOf = (doc: MediaDoc) =>
  [doc.filename, ...Object.values(doc.sizes ?? {}).map((size) => size?.filename)].filter(
    (name): name is string => Boolean(name),
  );

const localFiles = () => (fs.existsSync(env.mediaDir) ? fs.readdirSync(env.mediaDir) : []);

function form(data: Buffer, name: string, type: string) {
  const body = new FormData();
  body.append('file', new File([new Uint8Array(data)], name, { type }));
  body.append('_payload', JSON.stringify({ alt: 'A ring' }));
  return body;
}

describe('photos in an S3 bucket', () => {
  it('is selected by the environment', () => {
    expect(env.s3).toMatchObject({ bucket: s3.bucket, endpoint: s3.endpoint, forcePathStyle: true });
    expect(mediaStore(env).description).toBe(`the S3 bucket ${s3.bucket} at ${s3.endpoint}`);
  });

  it('stores an upload and every rendition in the bucket, with its type, and nothing on disk', async () => {
    const before = await keys();
    const data = await jpeg(1200, 900, '#a87');
    const { status, json } = await rest('POST', '/api/media', {
      token: f.tokens.curator,
      formData: form(data, 'bucket-ring.jpg', 'image/jpeg'),
    });
    expect(status, JSON.stringify(json)).toBe(201);
    const doc = json.doc as MediaDoc;
    expect(Object.keys(doc.sizes ?? {}).sort()).toEqual([...imageSizeNames].sort());
    const added = (await keys()).filter((key) => !before.includes(key));
    expect(added).toEqual(filesOf(doc).sort());
    expect((await object(doc.filename as string)).bytes.equals(data)).toBe(true);
    expect((await object(doc.sizes?.webp480?.filename as string)).type).toBe('image/webp');
    expect((await object(doc.sizes?.avif480?.filename as string)).type).toBe('image/avif');
    expect(localFiles()).toEqual([]);
  });

  it('serves photos through the CMS behind the same access: a published work’s to all, a draft’s to staff', async () => {
    const published = (await payload.findByID({ collection: 'media', id: f.media.p1.id })) as MediaDoc;
    const draft = (await payload.findByID({ collection: 'media', id: f.media.p2.id })) as MediaDoc;
    const rendition = published.sizes?.webp480?.filename as string;
    const got = await rest('GET', `/api/media/file/${rendition}`);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/webp');
    expect(got.bytes.equals((await object(rendition)).bytes)).toBe(true);

    const hidden = draft.sizes?.webp480?.filename as string;
    expect(await keys()).toContain(hidden);
    expect((await rest('GET', `/api/media/file/${hidden}`)).status).toBe(403);
    expect((await rest('GET', `/api/media/file/${draft.filename}`)).status).toBe(403);
    const staff = await rest('GET', `/api/media/file/${hidden}`, { token: f.tokens.curator });
    expect(staff.status).toBe(200);
    expect(staff.bytes.length).toBeGreaterThan(0);
  });

  it('writes nothing to the bucket for a refused upload', async () => {
    const before = await keys();
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const { status } = await rest('POST', '/api/media', {
      token: f.tokens.curator,
      formData: form(svg, 'drawing.svg', 'image/svg+xml'),
    });
    expect(status).toBe(400);
    expect(await keys()).toEqual(before);
  });

  it('removes the old objects when a photo is replaced, and all of them when it is deleted', async () => {
    const first = (await payload.create({
      collection: 'media',
      data: { alt: 'Before' },
      file: { data: await jpeg(800, 600, '#335'), mimetype: 'image/jpeg', name: 'swap.jpg', size: 1 },
    })) as MediaDoc;
    const oldFiles = filesOf(first);
    expect(await keys()).toEqual(expect.arrayContaining(oldFiles));

    const replacement = await jpeg(900, 600, '#533');
    const second = (await payload.update({
      collection: 'media',
      id: first.id,
      data: {},
      file: { data: replacement, mimetype: 'image/jpeg', name: 'swapped.jpg', size: replacement.length },
    })) as MediaDoc;
    const newFiles = filesOf(second);
    const now = await keys();
    expect(now).toEqual(expect.arrayContaining(newFiles));
    for (const name of oldFiles.filter((file) => !newFiles.includes(file))) expect(now).not.toContain(name);

    await payload.delete({ collection: 'media', id: first.id });
    const after = await keys();
    for (const name of newFiles) expect(after).not.toContain(name);
  });

  it('stores each photo’s own bytes when one request carries several uploads and updates', async () => {
    // As the seed and the import do: one request and one transaction for many photos, a
    // context object reused, then updates without a file (the visibility refresh).
    const req = await createLocalReq({}, payload);
    const context = { fromTest: true };
    await initTransaction(req);
    const datas = await Promise.all(['#a00', '#0a0', '#00a'].map((colour) => jpeg(640, 480, colour)));
    const docs: MediaDoc[] = [];
    for (const [index, data] of datas.entries()) {
      docs.push(
        (await payload.create({
          collection: 'media',
          data: { alt: `Shared request ${index}` },
          file: { data, mimetype: 'image/jpeg', name: `shared-${index}.jpg`, size: data.length },
          locale: 'en',
          req,
          context,
        })) as MediaDoc,
      );
    }
    for (const doc of docs) {
      await payload.update({
        collection: 'media',
        id: doc.id,
        data: { credit: 'Photo: test' },
        req,
        context,
      });
    }
    await commitTransaction(req);
    for (const [index, doc] of docs.entries()) {
      expect(
        (await object(doc.filename as string)).bytes.equals(datas[index] as Buffer),
        doc.filename ?? '',
      ).toBe(true);
    }
    const renditions = await Promise.all(docs.map((doc) => object(doc.sizes?.webp480?.filename as string)));
    expect(new Set(renditions.map((rendition) => rendition.bytes.toString('base64'))).size).toBe(3);
  });

  it('shows a draft’s photos from the bucket through a preview link', async () => {
    const made = await rest('GET', `/api/preview/open?collection=works&id=${f.draftWork.id}&format=json`, {
      token: f.tokens.curator,
    });
    expect(made.status).toBe(200);
    const token = new URL(made.json.url).pathname.split('/').filter(Boolean).at(-1) as string;
    const draft = (await payload.findByID({ collection: 'media', id: f.media.p2.id })) as MediaDoc;
    const rendition = draft.sizes?.webp960?.filename as string;
    const got = await rest('GET', `/api/preview/media/${rendition}?token=${encodeURIComponent(token)}`);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/webp');
    expect(got.bytes.equals((await object(rendition)).bytes)).toBe(true);
    // A file the bucket lost is a clear 404, not a crash.
    await client.deleteObject({ Bucket: s3.bucket, Key: rendition });
    const lost = await rest('GET', `/api/preview/media/${rendition}?token=${encodeURIComponent(token)}`);
    expect(lost.status).toBe(404);
    expect(lost.json.errors[0].message).toContain(`the S3 bucket ${s3.bucket}`);
  });

  it('sweeps objects no record names, sparing recent ones and every referenced file', async () => {
    const referenced = await keys();
    await client.putObject({ Bucket: s3.bucket, Key: 'left-by-a-killed-upload.webp', Body: 'x' });
    await client.putObject({ Bucket: s3.bucket, Key: 'not-oyu/nested.txt', Body: 'x' });
    expect((await sweepOrphanFiles(payload)).removed).toEqual([]);
    const swept = await sweepOrphanFiles(payload, { graceMs: 0 });
    expect(swept.removed).toEqual(['left-by-a-killed-upload.webp']);
    // Only top-level photo names are Oyu's: anything else in the bucket is left alone.
    expect(await keys()).toEqual([...referenced, 'not-oyu/nested.txt'].sort());
    await client.deleteObject({ Bucket: s3.bucket, Key: 'not-oyu/nested.txt' });
  });

  it('lists and sweeps past the first thousand objects (S3 answers in pages of 1,000)', async () => {
    const referenced = await keys();
    const orphans = Array.from(
      { length: 1001 },
      (_, index) => `orphan-${String(index).padStart(4, '0')}.webp`,
    );
    await mapLimit(orphans, 16, (Key) => client.putObject({ Bucket: s3.bucket, Key, Body: 'x' }));
    expect((await mediaStore(env).list()).length).toBe(referenced.length + orphans.length);
    const swept = await sweepOrphanFiles(payload, { graceMs: 0 });
    expect(swept.removed).toEqual(orphans);
    expect(await keys()).toEqual(referenced);
  });

  it('imports photos into the bucket, knows them again on a second run, and cleans up a failed run', async () => {
    for (const [name, colour] of [
      ['brooch.jpg', '#a87'],
      ['broken.jpg', ''],
    ] as const) {
      const file = path.join(photos, name);
      if (colour)
        await sharp({ create: { width: 640, height: 480, channels: 3, background: colour } })
          .jpeg()
          .toFile(file);
      else fs.writeFileSync(file, 'not a photo');
    }
    await sharp({ create: { width: 640, height: 480, channels: 3, background: '#5a5' } })
      .jpeg()
      .toFile(path.join(photos, 'pendant.jpg'));
    const works = (photo: string, title = 'Bucket Brooch') => ({
      name: 'works.csv',
      text:
        'title.en,artisans,photos,status\r\n' +
        `${title},Aigerim Published,${photo},draft\r\n` +
        'Bucket Pendant,Aigerim Published,pendant.jpg,draft\r\n',
    });
    const before = await keys();
    const first = await importSpreadsheets(payload, { works: works('brooch.jpg'), photosDir: photos });
    expect(first).toMatchObject({ ok: true, summary: { photos: { uploaded: 2, reused: 0 } } });
    const imported = (await keys()).filter((key) => !before.includes(key));
    const firstPhoto = async (slug: string) =>
      (
        await payload.find({
          collection: 'works',
          where: { slug: { equals: slug } },
          draft: true,
          depth: 1,
          overrideAccess: true,
        })
      ).docs[0]?.photos?.[0] as MediaDoc;
    const broochPhoto = await firstPhoto('bucket-brooch');
    const pendantPhoto = await firstPhoto('bucket-pendant');
    expect(imported).toEqual([...new Set([...filesOf(broochPhoto), ...filesOf(pendantPhoto)])].sort());
    // Each photo in the bucket is its own file, not the first one of the run.
    for (const [photo, file] of [
      [broochPhoto, 'brooch.jpg'],
      [pendantPhoto, 'pendant.jpg'],
    ] as const) {
      expect(
        (await object(photo?.filename as string)).bytes.equals(fs.readFileSync(path.join(photos, file))),
      ).toBe(true);
    }

    const again = await importSpreadsheets(payload, { works: works('brooch.jpg'), photosDir: photos });
    expect(again).toMatchObject({
      ok: true,
      summary: { works: { updated: 2 }, photos: { uploaded: 0, reused: 2 } },
    });

    const withBrokenRow = {
      name: 'works.csv',
      text:
        'title.en,artisans,photos,status\r\n' +
        'Second Brooch,Aigerim Published,brooch-copy.jpg,draft\r\n' +
        'Broken Pendant,Aigerim Published,broken.jpg,draft\r\n',
    };
    fs.copyFileSync(path.join(photos, 'brooch.jpg'), path.join(photos, 'brooch-copy.jpg'));
    await sharp(path.join(photos, 'brooch.jpg')).flip().toFile(path.join(photos, 'brooch-copy.jpg'));
    const keysBefore = await keys();
    const seen = s3.requests.length;
    await expect(importSpreadsheets(payload, { works: withBrokenRow, photosDir: photos })).rejects.toThrow(
      /broken\.jpg/,
    );
    // The good row's photo did reach the bucket, and was taken out again.
    expect(s3.requests.slice(seen)).toContainEqual(
      expect.stringMatching(/^PUT \/oyu-test-photos\/brooch-copy\.jpg/),
    );
    expect(await keys()).toEqual(keysBefore);
  });
});

describe('a bucket that cannot be used', () => {
  const settings = (overrides: Partial<NonNullable<typeof env.s3>>) => ({
    mediaDir: env.mediaDir,
    s3: { ...(env.s3 as NonNullable<typeof env.s3>), ...overrides },
  });

  it('is named with what to fix: a missing bucket, refused credentials, no server', async () => {
    await expect(mediaStore(settings({ bucket: 'no-such-bucket' })).check()).rejects.toThrow(
      /bucket no-such-bucket does not exist .*create it, or correct S3_BUCKET/,
    );
    await expect(mediaStore(settings({ endpoint: 'http://127.0.0.1:9' })).check()).rejects.toThrow(
      /http:\/\/127\.0\.0\.1:9 did not answer as S3 does .*check S3_ENDPOINT/,
    );
    await expect(mediaStore(settings({ endpoint: 'http://127.0.0.1:9' })).check()).rejects.toBeInstanceOf(
      MediaStorageError,
    );
  });
});
