import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkWorksDrop,
  promoteSnapshot,
  readLastGoodBuild,
  readSnapshot,
  writeLastGoodBuild,
  writeSnapshot,
} from '../src/lib/snapshot';

describe('the published-works guard', () => {
  const previous = { finishedAt: '2026-11-01T10:00:00.000Z', publishedWorks: 100 };

  it('lets a build through with up to the allowed drop', () => {
    expect(() => checkWorksDrop(previous, 75, 0.25)).not.toThrow();
    expect(() => checkWorksDrop(previous, 140, 0.25)).not.toThrow();
    expect(() => checkWorksDrop(null, 0, 0.25)).not.toThrow();
  });

  it('refuses a larger drop, saying what happened and how to override', () => {
    expect(() => checkWorksDrop(previous, 74, 0.25)).toThrow(
      /lists 74 published works, 100 at the last good build \(2026-11-01T10:00:00.000Z\): a drop of 26%, more than the 25% allowed.*MAX_WORKS_DROP=1/,
    );
    expect(() => checkWorksDrop(previous, 0, 0.99)).toThrow(/drop of 100%/);
    expect(() => checkWorksDrop(previous, 0, 1)).not.toThrow();
  });
});

describe('snapshots', () => {
  it('round-trips the documents of a collection and language', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oyu-snapshot-'));
    await writeSnapshot(dir, 'oyu-works', 'kk', [{ id: 1, title: 'Жүзік' }]);
    // Only a build that succeeded replaces the snapshot.
    await expect(readSnapshot(dir, 'oyu-works', 'kk')).rejects.toThrow(/no snapshot/);
    await promoteSnapshot(dir);
    expect(await readSnapshot(dir, 'oyu-works', 'kk')).toEqual([{ id: 1, title: 'Жүзік' }]);
    await expect(readSnapshot(dir, 'oyu-works', 'ru')).rejects.toThrow(
      /no snapshot of oyu-works \(ru\).*build once from the CMS/,
    );
    expect(await readLastGoodBuild(dir)).toBeNull();
    await writeLastGoodBuild(dir, { finishedAt: 'now', publishedWorks: 3 });
    expect(await readLastGoodBuild(dir)).toEqual({ finishedAt: 'now', publishedWorks: 3 });
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('the snapshot as a process kept between builds reads it', () => {
  it('reads a file again only when it changed, and links one whose documents did not change', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oyu-snapshot-cache-'));
    try {
      await writeSnapshot(dir, 'oyu-works', 'kk', [{ id: 1, title: 'Сақина' }]);
      await promoteSnapshot(dir);
      const first = await readSnapshot(dir, 'oyu-works', 'kk');
      // Unchanged: the same documents, not parsed again.
      expect(await readSnapshot(dir, 'oyu-works', 'kk')).toBe(first);

      // A build that read nothing new records the same list: linked, not written again.
      await writeSnapshot(dir, 'oyu-works', 'kk', first);
      const pending = path.join(dir, 'pending', 'oyu-works.kk.json');
      const current = path.join(dir, 'oyu-works.kk.json');
      expect(fs.statSync(pending).ino).toBe(fs.statSync(current).ino);
      await promoteSnapshot(dir);
      expect(fs.readdirSync(path.join(dir, 'pending'))).toEqual([]);
      expect(await readSnapshot(dir, 'oyu-works', 'kk')).toBe(first);

      // Replaced by another process (a restore, a build elsewhere): read again.
      fs.writeFileSync(`${current}.new`, JSON.stringify({ docs: [{ id: 1, title: 'Білезік' }] }));
      fs.renameSync(`${current}.new`, current);
      expect(await readSnapshot(dir, 'oyu-works', 'kk')).toEqual([{ id: 1, title: 'Білезік' }]);

      // A changed list is written as a file of its own: the snapshot keeps its documents.
      await writeSnapshot(dir, 'oyu-works', 'kk', [{ id: 1, title: 'Алқа' }]);
      expect(fs.statSync(pending).ino).not.toBe(fs.statSync(current).ino);
      expect(await readSnapshot(dir, 'oyu-works', 'kk')).toEqual([{ id: 1, title: 'Білезік' }]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
