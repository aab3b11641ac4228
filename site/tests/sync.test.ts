import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Dependencies,
  dependenciesOf,
  openSync,
  planCollection,
  type SyncSession,
  type SyncState,
} from '../src/lib/sync';
import { type FixtureServer, sendJson, startServer } from './fixtures/cmsServer';
import { listPage } from './fixtures/documents';

const state = (indexes: SyncState['indexes']): SyncState => ({
  version: 1,
  cmsUrl: 'http://cms',
  code: 'c1',
  takenAt: '2026-11-28T00:00:00.000Z',
  indexes,
});
const session = (before: SyncState['indexes'], now: SyncState['indexes']): SyncSession => ({
  full: undefined,
  previous: state(before),
  state: state(now),
  wholeIndexes: [],
});

describe('dependenciesOf', () => {
  it('names the documents a work embeds, populated or as bare ids, and those its rich text names', () => {
    const work = {
      id: 7,
      artisans: [{ id: 3, name: 'A' }, 4],
      photos: [{ id: 10 }, { id: 11 }],
      pieceType: { id: 2 },
      materials: [{ id: 5 }],
      gemstones: [],
      techniques: null,
      editions: [{ id: 1 }],
      createdBy: 9,
      description: {
        root: {
          type: 'root',
          children: [
            { type: 'upload', relationTo: 'media', value: { id: 12 } },
            { type: 'link', fields: { linkType: 'internal', doc: { relationTo: 'artisans', value: 8 } } },
          ],
        },
      },
    };
    expect(dependenciesOf('works', work)).toEqual([
      'artisans:3',
      'artisans:4',
      'artisans:8',
      'editions:1',
      'materials:5',
      'media:10',
      'media:11',
      'media:12',
      'piece-types:2',
    ]);
  });

  it('has nothing to name for a document without relations', () => {
    expect(dependenciesOf('venues', { id: 1, name: 'Hall' })).toEqual([]);
    expect(dependenciesOf('works', null)).toEqual([]);
  });
});

describe('planCollection', () => {
  const before = {
    works: { '1': 't1', '2': 't1', '3': 't1' },
    media: { '10': 't1', '11': 't1' },
    artisans: { '5': 't1' },
  };
  const deps: Dependencies = {
    '1': ['artisans:5', 'media:10'],
    '2': ['artisans:5', 'media:11'],
    '3': ['artisans:6', 'media:11'],
  };
  const plan = (now: SyncState['indexes']) => planCollection(session(before, now), 'works', deps);

  it('reads nothing when nothing changed', () => {
    const result = plan(before);
    expect(result.mode === 'partial' && [result.fetch, [...result.keep]]).toEqual([[], [1, 2, 3]]);
  });

  it('reads a work whose own time changed, and a new one; leaves out one that is gone', () => {
    const result = plan({ ...before, works: { '1': 't1', '2': 't2', '4': 't2' } });
    expect(result.mode === 'partial' && [result.fetch, [...result.keep]]).toEqual([[2, 4], [1]]);
  });

  it('reads the works embedding a photo that changed', () => {
    const result = plan({ ...before, media: { '10': 't1', '11': 't2' } });
    expect(result.mode === 'partial' && result.fetch).toEqual([2, 3]);
  });

  it('reads the works of a maker who disappeared for the public, and of one who appeared', () => {
    // Artisan 5 unpublished, 6 (a draft until now, so a bare id) published.
    const result = plan({ ...before, artisans: { '6': 't2' } });
    expect(result.mode === 'partial' && result.fetch).toEqual([1, 2, 3]);
  });

  it('reads everything without a record of the last build', () => {
    expect(planCollection(session(before, before), 'works', undefined).mode).toBe('full');
    expect(planCollection({ ...session(before, before), full: 'asked' }, 'works', deps)).toEqual({
      mode: 'full',
      reason: 'asked',
    });
  });
});

describe('openSync', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it('asks for what changed since the margin before the CMS’s time of the last read', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'oyu-sync-'));
    // Photos last written long ago (an import): the CMS's clock has moved on since.
    const old = '2026-01-01T10:00:00.000Z';
    server.handle((_req, res, url) => {
      const limit = Number(url.searchParams.get('limit'));
      const since = url.searchParams.get('where[updatedAt][greater_than]');
      const docs = [1, 2, 3]
        .map((id) => ({ id, updatedAt: old }))
        .filter((doc) => !since || doc.updatedAt > since);
      sendJson(res, 200, listPage(docs, Number(url.searchParams.get('page') ?? 1), limit));
    });
    const open = () =>
      openSync({ dir, pendingDir: dir, client: { baseUrl: server.baseUrl }, code: 'c1', incremental: true });
    const first = await open();
    expect(first.wholeIndexes).toContain('media');
    const readAt = first.state.readAt?.media;
    // Node's server sends its time in `Date`, to the second.
    expect(Math.abs(Date.parse(readAt ?? '') - Date.now())).toBeLessThan(5_000);
    server.reset();
    const second = await open();
    expect(second.wholeIndexes).toEqual([]);
    const asked = server.requests
      .filter((url) => url.pathname === '/api/media')
      .map((url) => url.searchParams.get('where[updatedAt][greater_than]'))
      .filter(Boolean);
    // Ten minutes before the last read, not before the photos' own time: nothing to list again.
    expect(asked).toEqual([new Date(Date.parse(readAt ?? '') - 10 * 60_000).toISOString()]);
    expect(second.state.indexes.media).toEqual({ '1': old, '2': old, '3': old });
  });
});
