import { describe, expect, it } from 'vitest';
import {
  type Dependencies,
  dependenciesOf,
  planCollection,
  type SyncSession,
  type SyncState,
} from '../src/lib/sync';

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
