import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { imageSizeNames, MediaSchema, ogSize } from '@oyu/shared-types';
import type { Payload } from 'payload';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env } from '../../src/env';
import { cameraExif, cameraLeaks as leaks, cameraXmp as xmp } from '../cameraMetadata';
import { makeUser, testPayload } from '../helpers';
import { login, password, rest } from '../rest';

/**
 * Photo uploads over the real REST handler, as multipart/form-data the way the admin sends
 * them (`file` + `_payload`). Anything that is not a real photo of an allowed type is refused
 * before a byte is written: no document, no file in the media folder, nothing outside it.
 */
let payload: Payload;
let token: string;
let curatorId: number;
/** A real 1200×900 JPEG with noise, so that cutting it really loses image data. */
let photo: Buffer;

const dataDir = path.dirname(env.mediaDir);

beforeAll(async () => {
  payload = await testPayload();
  const curator = await makeUser(payload, 'curator', 'uploader@test.local');
  curatorId = curator.id;
  token = await login(curator.email, password);
  photo = await sharp({
    create: {
      width: 1200,
      height: 900,
      channels: 3,
      background: '#a87',
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  })
    .jpeg({ quality: 85 })
    .toBuffer();
});

afterAll(async () => {
  await payload.destroy();
});

/** Every file under a folder, as paths relative to it (empty when the folder is missing). */
function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** The state a refused upload must leave untouched: documents, the data folder (media inside). */
async function snapshot() {
  return {
    media: (await payload.count({ collection: 'media' })).totalDocs,
    files: filesUnder(dataDir),
  };
}

function form(data: Buffer, name: string, type: string, fields: Record<string, unknown> = { alt: 'x' }) {
  const body = new FormData();
  body.append('file', new File([new Uint8Array(data)], name, { type }));
  body.append('_payload', JSON.stringify(fields));
  return body;
}

async function upload(data: Buffer, name: string, type: string, fields?: Record<string, unknown>) {
  return rest('POST', '/api/media', { token, formData: form(data, name, type, fields) });
}

/**
 * The same multipart body as `form()`, built by hand in one buffer. Used for the oversized
 * upload: the handler stops reading at the limit, and undici's FormData stream would then
 * throw an unhandled error in this process (a real server just closes the socket).
 */
function multipart(data: Buffer, name: string, type: string, fields: Record<string, unknown> = { alt: 'x' }) {
  const boundary = `----oyu-test-${Date.now()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n${JSON.stringify(fields)}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n` +
      `Content-Type: ${type}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    rawBody: Buffer.concat([head, data, tail]),
    headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** Uploads, expects a refusal with one of `statuses`, and checks that nothing was stored. */
async function expectRefused(data: Buffer, name: string, type: string, statuses: number[], raw = false) {
  const before = await snapshot();
  const result = raw
    ? await rest('POST', '/api/media', { token, ...multipart(data, name, type) })
    : await upload(data, name, type);
  expect(statuses, `${name}: ${result.status} ${result.text.slice(0, 300)}`).toContain(result.status);
  expect(await snapshot()).toEqual(before);
  return result;
}

const message = (json: { errors?: { message?: string }[] } | undefined) =>
  (json?.errors ?? []).map((error) => error.message ?? '').join(' ');

const svg =
  '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><script>alert(1)</script>' +
  '<rect width="100" height="100" fill="#a87"/></svg>';

/** A valid greyscale PNG header claiming `width`×`height`, with all-zero pixels. */
function hugePng(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const byte of buf) c = (crcTable[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  // Rows of zeros (filter byte 0 + pixels), compressed: about 1000:1.
  const raw = Buffer.alloc((width + 1) * height);
  const idat = zlib.deflateSync(raw, { level: 9 });
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('refused uploads store nothing', () => {
  it('(a) refuses a text file renamed .jpg and sent as image/jpeg', async () => {
    const text = Buffer.from('This is not a photo, only text pretending to be one.\n'.repeat(20));
    const { json } = await expectRefused(text, 'notes.jpg', 'image/jpeg', [400, 415]);
    expect(message(json)).toMatch(/could not be read|not an image|invalid|file type/i);
  });

  it('(b) refuses an SVG', async () => {
    await expectRefused(Buffer.from(svg), 'drawing.svg', 'image/svg+xml', [400, 415]);
  });

  it('(c) refuses an SVG renamed .png and sent as image/png', async () => {
    const { json } = await expectRefused(Buffer.from(svg), 'drawing.png', 'image/png', [400, 415]);
    expect(message(json)).toMatch(/svg|could not be read|invalid|file type/i);
  });

  it('(d) refuses a truncated JPEG with a message saying it could not be read', async () => {
    const truncated = photo.subarray(0, Math.floor(photo.length * 0.6));
    const { json } = await expectRefused(truncated, 'cut.jpg', 'image/jpeg', [400]);
    expect(message(json)).toMatch(/could not be read/);
    expect(message(json)).toContain('cut.jpg');
  });

  it('says why in the admin’s language', async () => {
    const truncated = photo.subarray(0, Math.floor(photo.length * 0.6));
    const result = await rest('POST', '/api/media', {
      token,
      formData: form(truncated, 'обрезано.jpg', 'image/jpeg'),
      headers: { 'Accept-Language': 'ru' },
    });
    expect(result.status).toBe(400);
    expect(message(result.json)).toMatch(
      /^обрезано\.jpg не читается как фото \(.+\)\. Возможно, файл обрезан/,
    );
  });

  it('(e) refuses a file over the 40 MB limit with 413', async () => {
    const big = Buffer.concat([photo, Buffer.alloc(41 * 1024 * 1024 - photo.length, 0x20)]);
    expect(big.length).toBeGreaterThan(40 * 1024 * 1024);
    const { json } = await expectRefused(big, 'huge.jpg', 'image/jpeg', [413], true);
    expect(message(json)).toMatch(/limit/i);
  });

  it('refuses a decompression bomb (a small PNG of more than 100 megapixels)', async () => {
    const bomb = hugePng(12_000, 10_000);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const { json } = await expectRefused(bomb, 'bomb.png', 'image/png', [400]);
    expect(message(json)).toMatch(/megapixels/);
  });
});

describe('file names', () => {
  it('(f) stores a path-traversal name inside the media folder, under a sanitized name', async () => {
    const names = [
      '../../evil.jpg',
      '..\\..\\evil-backslash.jpg',
      '/etc/evil-absolute.jpg',
      '..%2F..%2Fevil-encoded.jpg',
    ];
    const outside = (name: string) => [
      path.resolve(env.mediaDir, name),
      path.resolve(env.mediaDir, decodeURIComponent(name)),
      path.resolve(dataDir, path.basename(name)),
      path.resolve(dataDir, '..', path.basename(name)),
    ];
    const small = await sharp(photo).resize(300).jpeg().toBuffer();
    for (const name of names) {
      const before = await snapshot();
      const result = await upload(small, name, 'image/jpeg');
      for (const file of outside(name)) {
        if (path.dirname(file) !== env.mediaDir) expect(fs.existsSync(file), file).toBe(false);
      }
      if (result.status >= 400 && result.status < 500) {
        expect(await snapshot()).toEqual(before);
        continue;
      }
      expect(result.status, `${name}: ${result.text.slice(0, 300)}`).toBe(201);
      const filename = result.json.doc.filename as string;
      expect(filename).not.toMatch(/[/\\]/);
      expect(path.dirname(path.resolve(env.mediaDir, filename))).toBe(env.mediaDir);
      expect(fs.existsSync(path.join(env.mediaDir, filename)), filename).toBe(true);
      // Every new file is inside the media folder.
      const added = (await snapshot()).files.filter((file) => !before.files.includes(file));
      expect(added.length).toBeGreaterThan(0);
      for (const file of added) expect(file.startsWith(`media${path.sep}`), file).toBe(true);
    }
  });

  it('does not serve files outside the media folder, even to staff', async () => {
    for (const name of ['../oyu.db', '..\\oyu.db', '../../etc/passwd']) {
      const { status } = await rest('GET', `/api/media/file/${encodeURIComponent(name)}`, { token });
      expect([400, 403, 404], name).toContain(status);
    }
  });

  it('ignores a filename smuggled in _payload', async () => {
    const small = await sharp(photo).resize(200).jpeg().toBuffer();
    const before = await snapshot();
    const result = await upload(small, 'honest.jpg', 'image/jpeg', {
      alt: 'x',
      filename: '../../smuggled.jpg',
    });
    expect(path.resolve(dataDir, '..', 'smuggled.jpg')).not.toSatisfy(fs.existsSync);
    expect(path.resolve(dataDir, 'smuggled.jpg')).not.toSatisfy(fs.existsSync);
    if (result.status === 201) {
      expect(result.json.doc.filename).not.toMatch(/[/\\]/);
      expect(fs.existsSync(path.join(env.mediaDir, result.json.doc.filename))).toBe(true);
    } else {
      // Payload refuses it: 400 "Invalid filename."
      expect(result.status).toBeGreaterThanOrEqual(400);
      expect(result.status).toBeLessThan(500);
      expect(await snapshot()).toEqual(before);
    }
  });
});

describe('a valid photo', () => {
  it('(g) is stored with every image size on disk, owned by the uploader and private', async () => {
    const before = await snapshot();
    const { status, json } = await upload(photo, 'ring.jpg', 'image/jpeg', {
      alt: 'x',
      isPublic: true,
      createdBy: 999,
    });
    expect(status).toBe(201);
    const doc = json.doc;
    expect(doc.filename).toBe('ring.jpg');
    expect(doc.mimeType).toBe('image/jpeg');
    expect([doc.width, doc.height]).toEqual([1200, 900]);
    expect(fs.existsSync(path.join(env.mediaDir, doc.filename))).toBe(true);
    for (const name of imageSizeNames) {
      const size = doc.sizes?.[name];
      expect(size?.filename, name).toBeTruthy();
      expect(fs.existsSync(path.join(env.mediaDir, size.filename)), `${name}: ${size.filename}`).toBe(true);
    }
    expect(doc.dominantColor).toMatch(/^#[0-9a-f]{6}$/);
    const stored = await payload.findByID({ collection: 'media', id: doc.id, depth: 0 });
    expect(stored.isPublic).toBe(false);
    expect(stored.createdBy).toBe(curatorId);
    expect((await snapshot()).media).toBe(before.media + 1);
    // Not public yet: the public cannot fetch it.
    expect((await rest('GET', `/api/media/file/${doc.filename}`)).status).not.toBe(200);
    expect((await rest('GET', `/api/media/file/${doc.filename}`, { token })).status).toBe(200);
  });

  it('is refused to the public', async () => {
    const before = await snapshot();
    const result = await rest('POST', '/api/media', { formData: form(photo, 'anon.jpg', 'image/jpeg') });
    expect(result.status).toBe(403);
    expect(await snapshot()).toEqual(before);
  });
});

describe('camera metadata', () => {
  it.each([
    ['jpeg', 'image/jpeg'],
    ['png', 'image/png'],
    ['webp', 'image/webp'],
    ['avif', 'image/avif'],
  ] as const)(
    'is taken out of a %s before it is stored: the original and every size keep no position, camera or owner',
    async (format, type) => {
      // Held sideways, as a phone records a portrait: 1200×900 pixels, orientation 6.
      const sent = await sharp(photo)
        .withMetadata({ orientation: 6 })
        .withExif(cameraExif)
        .withXmp(xmp)
        // AVIF at its fastest effort: the default effort spends many seconds on this noisy picture.
        [format](format === 'avif' ? { effort: 0 } : {})
        .toBuffer();
      expect(leaks(sent).length).toBeGreaterThan(0);

      const { status, json } = await upload(sent, `phone.${format === 'jpeg' ? 'jpg' : format}`, type);

      expect(status, JSON.stringify(json)).toBe(201);
      const doc = json.doc;
      const original = fs.readFileSync(path.join(env.mediaDir, doc.filename));
      expect(leaks(original)).toEqual([]);
      expect(doc.filesize).toBe(original.length);
      // What the file route sends is the stored file.
      const served = await rest('GET', `/api/media/file/${doc.filename}`, { token });
      expect(served.bytes.equals(original)).toBe(true);
      for (const name of imageSizeNames) {
        const size = doc.sizes?.[name];
        if (!size?.filename) continue;
        const file = fs.readFileSync(path.join(env.mediaDir, size.filename));
        expect(leaks(file), size.filename).toEqual([]);
        expect(size.filesize).toBe(file.length);
      }
      // Still shown upright: the orientation is kept (AVIF is turned when encoded again).
      const largest = doc.sizes?.webp1600 ?? doc.sizes?.webp960;
      const upright = await sharp(path.join(env.mediaDir, largest.filename)).metadata();
      expect(upright.height).toBeGreaterThan(upright.width ?? 0);
      const stored = await sharp(original).rotate().toBuffer({ resolveWithObject: true });
      expect([stored.info.width, stored.info.height]).toEqual([900, 1200]);
    },
  );

  it('is taken out of a replacement photo too', async () => {
    const first = await upload(photo, 'plain.jpg', 'image/jpeg');
    expect(first.status).toBe(201);
    const sent = await sharp(photo).withExif(cameraExif).jpeg().toBuffer();
    const replaced = await rest('PATCH', `/api/media/${first.json.doc.id}`, {
      token,
      formData: form(sent, 'replacement.jpg', 'image/jpeg', {}),
    });
    expect(replaced.status, replaced.text.slice(0, 300)).toBe(200);
    const original = fs.readFileSync(path.join(env.mediaDir, replaced.json.doc.filename));
    expect(leaks(original)).toEqual([]);
  });
});

describe('renditions, every size in one field', () => {
  /** What the site reads of a photo, through the public read model, next to Payload's own sizes. */
  const readModel = (doc: object) => MediaSchema.parse({ ...doc, sizes: undefined, alt: 'x' }).sizes;

  it('holds each size Payload made, and the read model gives each the address Payload gives it', async () => {
    const { status, json } = await upload(photo, 'renditions.jpg', 'image/jpeg');
    expect(status).toBe(201);
    const doc = await payload.findByID({ collection: 'media', id: json.doc.id, depth: 0 });
    const sizes = doc.sizes as Record<string, Record<string, unknown>>;
    const renditions = doc.renditions as Record<string, Record<string, unknown> | null>;
    expect(Object.keys(renditions).sort()).toEqual([...imageSizeNames].sort());
    for (const name of imageSizeNames) {
      const { url, ...size } = sizes[name] ?? {};
      expect(renditions[name], name).toEqual(size);
      expect(readModel(doc)[name]?.url, name).toBe(url);
    }
  });

  it('follows a replacement, and stays as it was when only the text changes', async () => {
    const first = await upload(photo, 'before.jpg', 'image/jpeg');
    const replaced = await rest('PATCH', `/api/media/${first.json.doc.id}`, {
      token,
      formData: form(await sharp(photo).resize(1000, 750).jpeg().toBuffer(), 'after.jpg', 'image/jpeg', {}),
    });
    expect(replaced.status, replaced.text.slice(0, 300)).toBe(200);
    const doc = await payload.findByID({ collection: 'media', id: first.json.doc.id, depth: 0 });
    const renditions = doc.renditions as Record<string, { filename: string; width: number } | null>;
    expect(renditions.webp960?.filename).toMatch(/^after-/);
    expect(renditions.webp1600?.width).toBe(1000);
    await rest('PATCH', `/api/media/${doc.id}`, { token, body: { alt: 'Only the text' } });
    const edited = await payload.findByID({ collection: 'media', id: doc.id, depth: 0 });
    expect(edited.renditions).toEqual(doc.renditions);
  });

  it('cannot be written by anyone', async () => {
    const { json } = await upload(photo, 'forged.jpg', 'image/jpeg', {
      alt: 'x',
      renditions: {
        webp480: { filename: '../../etc/passwd', width: 1, height: 1, mimeType: 'x', filesize: 1 },
      },
    });
    const doc = await payload.findByID({ collection: 'media', id: json.doc.id, depth: 0 });
    expect((doc.renditions as Record<string, { filename: string }>).webp480?.filename).toMatch(/^forged-/);
  });
});

describe('the Open Graph rendition', () => {
  /** A portrait photo whose top half is red and bottom half blue, 1200×1800. */
  async function halves(): Promise<Buffer> {
    const half = (background: string) =>
      sharp({ create: { width: 1200, height: 900, channels: 3, background } })
        .png()
        .toBuffer();
    return sharp({ create: { width: 1200, height: 1800, channels: 3, background: '#000' } })
      .composite([
        { input: await half('#d00000'), top: 0, left: 0 },
        { input: await half('#0000d0'), top: 900, left: 0 },
      ])
      .jpeg({ quality: 90 })
      .toBuffer();
  }

  /** Mean colour of a 1200-wide band of the rendition, as [r, g, b]. */
  async function bandColour(file: string, top: number): Promise<number[]> {
    const { channels } = await sharp(file).extract({ left: 0, top, width: 1200, height: 20 }).stats();
    return channels.slice(0, 3).map((channel) => Math.round(channel.mean));
  }

  it('is a progressive 1200×630 JPEG cropped around the focal point', async () => {
    // A centred crop (rows 585–1215) would straddle both halves; a focal point low in the
    // picture must give a crop from the blue half only.
    const { status, json, text } = await upload(await halves(), 'halves.jpg', 'image/jpeg', {
      alt: 'x',
      focalX: 50,
      focalY: 85,
    });
    expect(status, text.slice(0, 300)).toBe(201);
    const og = json.doc.sizes?.[ogSize.name];
    expect([og?.width, og?.height, og?.mimeType]).toEqual([1200, 630, 'image/jpeg']);
    const file = path.join(env.mediaDir, og.filename);
    const meta = await sharp(file).metadata();
    expect([meta.format, meta.width, meta.height, meta.isProgressive]).toEqual(['jpeg', 1200, 630, true]);
    for (const top of [0, 610]) {
      const [red, , blue] = await bandColour(file, top);
      expect(blue, `row ${top}`).toBeGreaterThan(150);
      expect(red, `row ${top}`).toBeLessThan(60);
    }
  });

  it('is not made from a photo smaller than 1200×630, rather than scaled up', async () => {
    const small = await sharp(photo).resize(800, 600).jpeg().toBuffer();
    const { status, json } = await upload(small, 'small-og.jpg', 'image/jpeg');
    expect(status).toBe(201);
    expect(json.doc.sizes?.[ogSize.name]?.filename ?? null).toBeNull();
    expect(json.doc.sizes?.webp480?.filename).toBeTruthy();
  });
});
