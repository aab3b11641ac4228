import { spawn } from 'node:child_process';
import type { Payload } from 'payload';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env } from '../../src/env';
import { testPayload } from '../helpers';

/** Another process (sqlite3 via Python) holding the write lock, as a seed or an import would. */
function holdWriteLock(ms: number): Promise<void> {
  const file = env.databaseUri.replace(/^file:/, '');
  const script = `import sqlite3,time; c=sqlite3.connect(${JSON.stringify(file)}, isolation_level=None); c.execute('BEGIN IMMEDIATE'); print('locked', flush=True); time.sleep(${ms / 1000}); c.execute('COMMIT')`;
  return new Promise((resolve, reject) => {
    const child = spawn('python3', ['-c', script]);
    child.stdout.once('data', () => resolve());
    child.once('error', reject);
  });
}

let payload: Payload;
beforeAll(async () => {
  payload = await testPayload();
});
afterAll(async () => {
  await payload.destroy();
});

const artisan = (slug: string) =>
  payload.create({ collection: 'artisans', data: { name: slug, slug, country: 'KZ' } });

describe.runIf(env.dialect === 'sqlite')('SQLite under concurrent writes', () => {
  it('queues concurrent writes in one process instead of failing', async () => {
    const results = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => artisan(`parallel-${i}`)));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(
      (await payload.count({ collection: 'artisans', where: { slug: { like: 'parallel-' } } })).totalDocs,
    ).toBe(12);
  });

  it('waits for another process that holds the lock, every time', async () => {
    for (const round of [1, 2, 3]) {
      await holdWriteLock(800);
      const started = Date.now();
      await artisan(`waited-${round}`);
      expect(Date.now() - started).toBeGreaterThan(300);
    }
  });

  it('gives up with an error after the busy timeout, writing nothing', async () => {
    await holdWriteLock(env.sqliteBusyTimeoutMs + 2000);
    const started = Date.now();
    await expect(artisan('too-late')).rejects.toThrow(/locked|busy/i);
    expect(Date.now() - started).toBeGreaterThanOrEqual(env.sqliteBusyTimeoutMs - 100);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(
      (await payload.count({ collection: 'artisans', where: { slug: { equals: 'too-late' } } })).totalDocs,
    ).toBe(0);
    // And the next write goes through once the lock is gone.
    await expect(artisan('after-the-lock')).resolves.toMatchObject({ slug: 'after-the-lock' });
  }, 20_000);
});
