import { type Showcase, ShowcaseSchema, type Work, WorkSchema } from '@oyu/shared-types';
import { describe, expect, it } from 'vitest';
import { featuredArtisans, featuredWorks } from '../src/lib/featured';
import { relatedIndex } from '../src/lib/related';
import { clampView, fitInside, identity, maxScale, zoomAt } from '../src/lib/zoom';
import { makeWork } from './fixtures/documents';

const term = (id: number, label: string) => ({ id, label, slug: label });
const maker = (id: number) => ({ id, name: `Artisan ${id}`, slug: `artisan-${id}`, country: 'KZ' });
const work = (id: number, overrides: Parameters<typeof makeWork>[1] = {}) =>
  WorkSchema.parse(makeWork(id, { artisans: [maker(100 + id)], ...overrides }));
const showcase = (id: number, works: number[]): Showcase =>
  ShowcaseSchema.parse({
    id,
    title: `Collection ${id}`,
    slug: `collection-${id}`,
    edition: { id: 1, year: 2025, title: 'AJW 2025' },
    works,
    updatedAt: '2025-01-01T00:00:00.000Z',
  });

describe('related works', () => {
  const ring = term(1, 'ring');
  const silver = term(2, 'silver');
  const filigree = term(3, 'filigree');
  const subject = work(1, {
    artisans: [maker(7)],
    pieceType: ring,
    materials: [silver],
    techniques: [filigree],
  });
  const sameMaker = work(2, { artisans: [maker(7)] });
  const sameCollection = work(3);
  const sameKindAndTechnique = work(4, { pieceType: ring, techniques: [filigree] });
  const sameMaterial = work(5, { materials: [silver] });
  const unrelated = work(6);
  const all = [unrelated, sameMaterial, sameKindAndTechnique, sameCollection, sameMaker, subject];
  const related = relatedIndex(all, [showcase(1, [1, 3])]);

  it('ranks the same maker, then the same collection, then kind and technique, then material', () => {
    expect(related(subject).map((w) => w.id)).toEqual([2, 4, 3, 5]);
  });

  it('never lists the work itself or works sharing nothing with it, and honours the limit', () => {
    expect(related(subject, 10).map((w) => w.id)).not.toContain(1);
    expect(related(subject, 10).map((w) => w.id)).not.toContain(6);
    expect(related(subject, 2)).toHaveLength(2);
    expect(related(unrelated)).toEqual([]);
  });

  it('breaks ties by slug, so two builds list the same works', () => {
    const a = work(10, { materials: [silver], slug: 'b-cuff' });
    const b = work(11, { materials: [silver], slug: 'a-cuff' });
    expect(relatedIndex([a, b, subject], [])(subject).map((w) => w.slug)).toEqual(['a-cuff', 'b-cuff']);
  });

  it('ranks exactly as comparing every pair would, on 300 works with repeats and ties', () => {
    // The ranking's definition, pair by pair: what the index must reproduce.
    const byPairs = (works: Work[], showcases: Showcase[], subject: Work, limit: number) => {
      const showcasesOf = new Map<number, number[]>();
      for (const s of showcases)
        for (const id of s.works) showcasesOf.set(id, [...(showcasesOf.get(id) ?? []), s.id]);
      const shared = (a: number[], b: number[]) => b.filter((item) => new Set(a).has(item)).length;
      const ids = (terms: { id: number }[]) => terms.map((t) => t.id);
      return works
        .filter((other) => other.id !== subject.id)
        .map((other) => ({
          other,
          score:
            8 * shared(ids(subject.artisans), ids(other.artisans)) +
            4 * shared(showcasesOf.get(subject.id) ?? [], showcasesOf.get(other.id) ?? []) +
            (subject.pieceType && subject.pieceType.id === other.pieceType?.id ? 3 : 0) +
            2 * shared(ids(subject.techniques), ids(other.techniques)) +
            shared(ids(subject.materials), ids(other.materials)) +
            shared(ids(subject.editions), ids(other.editions)),
        }))
        .filter(({ score }) => score > 0)
        .sort((a, b) => b.score - a.score || a.other.slug.localeCompare(b.other.slug))
        .slice(0, limit)
        .map(({ other }) => other.id);
    };
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const some = (n: number, most: number) => Array.from({ length: next(most + 1) }, () => next(n));
    const works = Array.from({ length: 300 }, (_, i) =>
      work(i + 1, {
        slug: `w-${next(40)}-${i}`,
        artisans: [maker(next(30)), ...some(30, 1).map((id) => maker(id))],
        pieceType: next(3) ? term(next(6), `kind-${next(6)}`) : null,
        materials: some(8, 3).map((id) => term(id, `m${id}`)),
        techniques: some(10, 2).map((id) => term(id, `t${id}`)),
        editions: some(4, 1).map((id) => ({ id, year: 2020 + id, title: `AJW ${2020 + id}` })),
      }),
    );
    const showcases = [showcase(1, [1, 2, 3, 3, 40]), showcase(2, [3, 4, 5, 6, 7, 8]), showcase(3, [9, 10])];
    const index = relatedIndex(works, showcases);
    for (const subject of works) {
      for (const limit of [4, 9]) {
        expect(
          index(subject, limit).map((w) => w.id),
          `work ${subject.id}`,
        ).toEqual(byPairs(works, showcases, subject, limit));
      }
    }
  });
});

describe('lightbox zoom', () => {
  const viewport = { width: 400, height: 800 };
  const fitted = fitInside({ width: 1600, height: 1200 }, viewport);

  it('fits a landscape photo to the width of a portrait screen', () => {
    expect(fitted).toEqual({ width: 400, height: 300 });
  });

  it('does not pan at scale 1 and keeps the scale between 1 and the maximum', () => {
    expect(clampView({ scale: 1, x: 50, y: -20 }, fitted, viewport)).toEqual(identity);
    expect(clampView({ scale: 0.2, x: 0, y: 0 }, fitted, viewport).scale).toBe(1);
    expect(clampView({ scale: 99, x: 0, y: 0 }, fitted, viewport).scale).toBe(maxScale);
  });

  it('stops panning at the edge of the enlarged photo', () => {
    // At 2× the photo is 800×600: 200 px to spare on each side horizontally, none vertically.
    expect(clampView({ scale: 2, x: 500, y: 500 }, fitted, viewport)).toEqual({ scale: 2, x: 200, y: 0 });
  });

  it('zooms towards the point under the finger or pointer', () => {
    // Zooming 2× at 100 px right of centre keeps that image point under it: the image shifts left.
    expect(zoomAt(identity, 2, { x: 100, y: 0 }, fitted, viewport)).toEqual({ scale: 2, x: -100, y: 0 });
    expect(zoomAt({ scale: 2, x: -100, y: 0 }, 1, { x: 0, y: 0 }, fitted, viewport)).toEqual(identity);
  });
});

describe('featured works on the home page', () => {
  const works = [1, 2, 3, 4, 5, 6].map((id) => work(id, { updatedAt: `2025-01-0${id}T00:00:00.000Z` }));
  const inEdition = (id: number, edition: number, ids: number[]) =>
    ShowcaseSchema.parse({
      id,
      title: `Collection ${id}`,
      slug: `collection-${id}`,
      edition: { id: edition, year: 2020 + edition, title: `AJW ${2020 + edition}` },
      works: ids,
      updatedAt: '2025-01-01T00:00:00.000Z',
    });

  it('takes the curators’ first picks of each collection of the edition in turn', () => {
    const showcases = [inEdition(1, 6, [3, 1]), inEdition(2, 6, [2, 5]), inEdition(3, 5, [6])];
    expect(featuredWorks(works, showcases, 6, 3).map((w) => w.id)).toEqual([3, 2, 1]);
  });

  it('tops up with the most recently updated works, never twice the same', () => {
    const showcases = [inEdition(1, 6, [3, 99])];
    expect(featuredWorks(works, showcases, 6, 4).map((w) => w.id)).toEqual([3, 6, 5, 4]);
    expect(featuredWorks(works, [], undefined, 10)).toHaveLength(6);
  });
});

describe('artisans on the home page', () => {
  const people = ['Zarina', 'Aibek', 'Marat', 'Dana', 'Ерлан'].map((name, i) => ({ id: i + 1, name }));
  const by = (id: number, edition: number) =>
    work(100 + id * 10 + edition, {
      artisans: [{ id, name: `A${id}`, slug: `a-${id}`, country: 'KZ' }],
      editions: [{ id: edition, year: 2020 + edition, title: `AJW ${2020 + edition}` }],
    });
  // In edition 6: Marat 3 works, Dana 2, Zarina 1; in edition 5 Aibek has 4.
  const works = [
    by(3, 6),
    by(3, 6),
    by(3, 6),
    by(4, 6),
    by(4, 6),
    by(1, 6),
    ...[1, 2, 3, 4].map(() => by(2, 5)),
  ];
  const names = (list: { name: string }[]) => list.map((a) => a.name);

  it('shows everyone, by name, when they all fit', () => {
    expect(names(featuredArtisans(people, works, 6, 5, 'en'))).toEqual([
      'Aibek',
      'Dana',
      'Marat',
      'Zarina',
      'Ерлан',
    ]);
  });

  it('else those with the most works in the current edition, still by name', () => {
    expect(names(featuredArtisans(people, works, 6, 2, 'en'))).toEqual(['Dana', 'Marat']);
    // A tie (Zarina 1, everyone else 0) goes by name.
    expect(names(featuredArtisans(people, works, 6, 4, 'en'))).toEqual(['Aibek', 'Dana', 'Marat', 'Zarina']);
    // Without a current edition, works of every edition count.
    expect(names(featuredArtisans(people, works, undefined, 1, 'en'))).toEqual(['Aibek']);
  });
});
