import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Payload } from 'payload';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The media folder on a small file system of its own (tmpfs, 24 MiB), so that it can really
// fill up. Mounting needs root, which CI has; elsewhere the tests below are skipped, saying so.
const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oyu-full-media-'));
let mounted = false;
try {
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=24m', 'tmpfs', mediaDir], { stdio: 'pipe' });
  mounted = true;
} catch (error) {
  console.warn(
    `disk-full tests skipped: cannot mount a small file system (${(error as Error).message.split('\n')[0]})`,
  );
}
process.env.MEDIA_DIR = mediaDir;
const { makeUser, testPayload } = await import('../helpers');
const { login, password, rest } = await import('../rest');

/**
 * A disk that fills up during an upload: the curator gets a clear error, and nothing is left
 * behind, neither a record nor a file. Photos stored before stay whole, and uploads work again
 * once there is room.
 */
let payload: Payload;
let token: string;

beforeAll(async () => {
  if (!mounted) return;
  payload = await testPayload();
  const curator = await makeUser(payload, 'curator');
  token = await login(curator.email, password);
});

afterAll(async () => {
  await payload?.destroy();
  if (mounted) execFileSync('umount', [mediaDir]);
  fs.rmSync(mediaDir, { recursive: true, force: true });
});

/** A noisy JPEG, which compresses badly: about 1 MB at 1600×1200. */
const noisy = (width: number, height: number) =>
  sharp({
    create: {
      width,
      height,
      channels: 3,
      background: '#a87',
      noise: { type: 'gaussian', mean: 128, sigma: 60 },
    },
  })
    .jpeg({ quality: 95 })
    .toBuffer();

function upload(data: Buffer, name: string) {
  const body = new FormData();
  body.append('file', new File([new Uint8Array(data)], name, { type: 'image/jpeg' }));
  body.append('_payload', JSON.stringify({ alt: name }));
  return rest('POST', '/api/media', { token, formData: body });
}

/** The photo files in the media folder (not the filler, nor a holding folder). */
const files = () =>
  fs
    .readdirSync(mediaDir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name !== 'filler')
    .map((entry) => entry.name)
    .sort();
const records = async () => (await payload.count({ collection: 'media' })).totalDocs;

/** Leaves `bytes` free in the media folder (a filler file takes the rest). */
function leaveFree(bytes: number) {
  const filler = path.join(mediaDir, 'filler');
  fs.rmSync(filler, { force: true });
  const stats = fs.statfsSync(mediaDir);
  fs.writeFileSync(filler, Buffer.alloc(Math.max(0, stats.bavail * stats.bsize - bytes)));
}
const makeRoom = () => fs.rmSync(path.join(mediaDir, 'filler'), { force: true });
const snapshot = () =>
  Object.fromEntries(files().map((name) => [name, fs.readFileSync(path.join(mediaDir, name))]));

describe.runIf(mounted)('a disk that fills up during an upload', () => {
  let photo: Buffer;
  beforeAll(async () => {
    photo = await noisy(1600, 1200);
  });

  it('refuses a photo there is no room for before writing anything: a 507 saying what to do', async () => {
    const first = await upload(await noisy(400, 300), 'before.jpg');
    expect(first.status, first.text.slice(0, 200)).toBe(201);
    const before = { records: await records(), files: snapshot() };
    leaveFree(300 * 1024);

    const result = await upload(photo, 'too-big.jpg');

    expect(result.status, result.text.slice(0, 300)).toBe(507);
    expect(result.json.errors[0].message).toMatch(
      /^There is no room left in the media folder for this photo: [\d.]+ MB free/,
    );
    expect(await records()).toBe(before.records);
    expect(snapshot()).toEqual(before.files);
    makeRoom();
  });

  it('a disk that fills up while the sizes are written: 507, no record, none of the files', async () => {
    const before = { records: await records(), files: snapshot() };
    // Room for the original and the 2 MB the check asks more, not for the sizes of a noisy
    // picture, which weigh more than its original.
    leaveFree(photo.length + 2.1 * 1024 * 1024);

    const result = await upload(photo, 'fills-the-disk.jpg');

    expect(result.status, result.text.slice(0, 300)).toBe(507);
    expect(result.json.errors[0].message).toMatch(/no room left in the media folder/);
    expect(await records()).toBe(before.records);
    expect(snapshot()).toEqual(before.files);

    // Once there is room again, the same photo goes in.
    makeRoom();
    const again = await upload(photo, 'fills-the-disk.jpg');
    expect(again.status, again.text.slice(0, 200)).toBe(201);
    expect(await records()).toBe(before.records + 1);
  });

  it('a replacement that fails keeps the old photo: its record, every file, still served', async () => {
    const original = await upload(await noisy(400, 300), 'kept.jpg');
    expect(original.status).toBe(201);
    const id = original.json.doc.id as number;
    const before = { doc: await payload.findByID({ collection: 'media', id, depth: 0 }), files: snapshot() };
    leaveFree(photo.length + 2.1 * 1024 * 1024);

    const body = new FormData();
    body.append('file', new File([new Uint8Array(photo)], 'replacement.jpg', { type: 'image/jpeg' }));
    body.append('_payload', JSON.stringify({}));
    const result = await rest('PATCH', `/api/media/${id}`, { token, formData: body });

    expect(result.status, result.text.slice(0, 300)).toBe(507);
    const after = await payload.findByID({ collection: 'media', id, depth: 0 });
    expect(after.filename).toBe(before.doc.filename);
    expect(after.sizes).toEqual(before.doc.sizes);
    expect(snapshot()).toEqual(before.files);
    expect((await rest('GET', `/api/media/file/${after.filename}`, { token })).status).toBe(200);
    expect(fs.existsSync(path.join(mediaDir, '.replacing'))).toBe(false);
    makeRoom();
  });
});

describe.runIf(mounted)('a replacement that works', () => {
  it('replaces the files and keeps nothing of the old photo aside', async () => {
    const original = await upload(await noisy(400, 300), 'old.jpg');
    const id = original.json.doc.id as number;
    const oldFiles = [original.json.doc.filename as string];
    const body = new FormData();
    body.append('file', new File([new Uint8Array(await noisy(500, 400))], 'new.jpg', { type: 'image/jpeg' }));
    body.append('_payload', JSON.stringify({}));
    const result = await rest('PATCH', `/api/media/${id}`, { token, formData: body });
    expect(result.status, result.text.slice(0, 300)).toBe(200);
    expect(result.json.doc.filename).not.toBe(oldFiles[0]);
    expect(fs.existsSync(path.join(mediaDir, result.json.doc.filename))).toBe(true);
    expect(fs.existsSync(path.join(mediaDir, oldFiles[0] as string))).toBe(false);
    expect(fs.existsSync(path.join(mediaDir, '.replacing'))).toBe(false);
  });
});

describe.runIf(mounted)('a replacement killed halfway', () => {
  it('gets its old files back when the CMS starts again', async () => {
    const { restoreReplacedFiles } = await import('../../src/media/safeUpload');
    const original = await upload(await noisy(300, 200), 'interrupted.jpg');
    const name = original.json.doc.filename as string;
    const bytes = fs.readFileSync(path.join(mediaDir, name));
    // What a process killed between Payload's delete and the new files leaves: the old file
    // held aside, gone from the folder.
    const holding = path.join(mediaDir, '.replacing', `${original.json.doc.id}-killed`);
    fs.mkdirSync(holding, { recursive: true });
    fs.linkSync(path.join(mediaDir, name), path.join(holding, name));
    fs.rmSync(path.join(mediaDir, name));

    expect(await restoreReplacedFiles()).toBe(1);

    expect(fs.readFileSync(path.join(mediaDir, name)).equals(bytes)).toBe(true);
    expect(fs.existsSync(path.join(mediaDir, '.replacing'))).toBe(false);
  });
});
