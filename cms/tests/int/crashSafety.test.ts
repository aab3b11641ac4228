import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Payload } from 'payload';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env } from '../../src/env';
import { registerMediaWriter, sweepOrphanFiles } from '../../src/media/orphans';
import { testPayload } from '../helpers';

/**
 * SIGKILL during an import or a photo upload: the database keeps no half-written record (the
 * transaction never committed), and the photo files the killed process had written are removed
 * by the sweep the CMS runs when it starts again.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const child = path.join(here, 'fixtures', 'crashChild.ts');
const photos = fs.mkdtempSync(path.join(os.tmpdir(), 'oyu-crash-photos-'));
let payload: Payload;

beforeAll(async () => {
  payload = await testPayload();
  // Large enough that each upload takes a while: the kill lands between files and commit.
  for (let i = 0; i < 12; i += 1) {
    await sharp({
      create: { width: 2400, height: 1800, channels: 3, background: { r: 90 + i * 10, g: 120, b: 150 } },
    })
      .jpeg()
      .toFile(path.join(photos, `crash-${String(i).padStart(2, '0')}.jpg`));
  }
}, 120_000);

afterAll(async () => {
  await payload.destroy();
  fs.rmSync(photos, { recursive: true, force: true });
});

const mediaFiles = () => (fs.existsSync(env.mediaDir) ? fs.readdirSync(env.mediaDir).sort() : []);
const counts = async () => ({
  works: (await payload.count({ collection: 'works', overrideAccess: true })).totalDocs,
  artisans: (await payload.count({ collection: 'artisans', overrideAccess: true })).totalDocs,
  media: (await payload.count({ collection: 'media', overrideAccess: true })).totalDocs,
});

/** Starts the child and kills it with SIGKILL once `ready` says so. */
async function killWhen(mode: string, ready: (output: string, files: number) => boolean) {
  const before = mediaFiles().length;
  // One process (tsx as a loader, not its CLI, which would run the script in a grandchild that
  // outlives the kill).
  const proc: ChildProcess = spawn(process.execPath, ['--import', 'tsx', child, mode, photos], {
    cwd: path.resolve(here, '../..'),
    env: process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  proc.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  proc.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 90_000;
  while (!ready(output, mediaFiles().length - before)) {
    if (output.includes('done') || Date.now() > deadline) {
      proc.kill('SIGKILL');
      throw new Error(`the child finished or stalled before it could be killed:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  proc.kill('SIGKILL');
  await exited;
  return output;
}

/** Every record's files are on disk, and (after a sweep) every file belongs to a record. */
async function consistent() {
  const docs = (await payload.find({ collection: 'media', limit: 0, depth: 0, overrideAccess: true })).docs;
  const named = new Set<string>();
  for (const doc of docs) {
    for (const name of [doc.filename, ...Object.values(doc.sizes ?? {}).map((size) => size?.filename)]) {
      if (!name) continue;
      named.add(name);
      expect(fs.existsSync(path.join(env.mediaDir, name)), `${name} of media ${doc.id}`).toBe(true);
    }
  }
  return mediaFiles().filter((name) => !named.has(name));
}

async function integrityOk() {
  if (env.dialect !== 'sqlite') return true;
  const db = (
    payload.db as unknown as { drizzle: { all: (q: unknown) => Promise<{ integrity_check: string }[]> } }
  ).drizzle;
  const { sql } = await import('@payloadcms/db-sqlite');
  return (await db.all(sql`PRAGMA integrity_check`))[0]?.integrity_check === 'ok';
}

describe('a process killed mid-write', () => {
  it('leaves no record of a killed import, and its photo files go at the next start', async () => {
    const before = await counts();
    const filesBefore = mediaFiles();
    // Killed once several photos are written but before the import's transaction commits.
    await killWhen('import', (output, files) => output.includes('importing') && files >= 20);
    expect(await counts()).toEqual(before);
    expect(await integrityOk()).toBe(true);
    const orphans = await consistent();
    expect(orphans.length).toBeGreaterThanOrEqual(20);
    // What the CMS does when it starts again (with no grace period, for the test).
    const swept = await sweepOrphanFiles(payload, { graceMs: 0 });
    expect(swept.removed.sort()).toEqual(orphans.sort());
    expect(mediaFiles()).toEqual(filesBefore);
  }, 120_000);

  it('keeps every uploaded photo whole when an upload is killed, and sweeps what it left', async () => {
    // Killed while writing the files of a later photo. Whether the kill lands before or after
    // that photo's commit depends on timing (its files are written moments before), so what
    // is checked holds either way: every record whole, every file a record's after the sweep.
    let seen = 0;
    await killWhen('upload', (output, files) => {
      const uploaded = (output.match(/uploaded /g) ?? []).length;
      if (uploaded >= 2 && seen === 0) seen = files;
      return uploaded >= 2 && seen > 0 && files > seen;
    });
    expect(await integrityOk()).toBe(true);
    expect((await counts()).media).toBeGreaterThanOrEqual(2);
    const orphans = await consistent();
    const swept = await sweepOrphanFiles(payload, { graceMs: 0 });
    expect(swept.removed.sort()).toEqual(orphans.sort());
    expect(await consistent()).toEqual([]);
  }, 120_000);

  it('leaves files alone while a live import is writing, and young files always', async () => {
    fs.mkdirSync(env.mediaDir, { recursive: true });
    fs.writeFileSync(path.join(env.mediaDir, 'in-flight.webp'), 'x');
    const writer = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    const unregister = await registerMediaWriter();
    // This process's own registration does not block it; another live writer does.
    fs.renameSync(
      path.join(env.dataDir, 'locks', `media-writer-${process.pid}`),
      path.join(env.dataDir, 'locks', `media-writer-${writer.pid}`),
    );
    const busy = await sweepOrphanFiles(payload, { graceMs: 0 });
    expect(busy.skipped).toMatch(/an import \(process \d+\) is writing photos/);
    writer.kill('SIGKILL');
    await new Promise((resolve) => writer.on('exit', resolve));
    expect((await sweepOrphanFiles(payload)).removed).toEqual([]);
    expect((await sweepOrphanFiles(payload, { graceMs: 0 })).removed).toEqual(['in-flight.webp']);
    await unregister();
  });
});
