import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataset, sizes } from '../lib/bench/dataset';
import { benchReport } from '../lib/bench/report';
import { runBench } from '../lib/bench/run';
import { chromiumPath } from '../lib/browser';

/**
 * The benchmark itself: its dataset is the same on every run, and the S size runs end to end
 * (a smoke test: it checks that every figure is measured, never how fast).
 */
/** On CI the browser is always there (.ci/run installs it). */
const hasChromium = fs.existsSync(chromiumPath) || process.env.CI === 'true';

describe('benchmark dataset', () => {
  it('is the same on every run', () => {
    expect(JSON.stringify(dataset('S'))).toBe(JSON.stringify(dataset('S')));
    expect(dataset('S').works[123]).toEqual(dataset('S').works[123]);
  });

  it('has the sizes the issue names', () => {
    const m = dataset('M');
    expect(m.works).toHaveLength(5000);
    expect(m.artisans).toHaveLength(500);
    expect(m.photos).toHaveLength(20_000);
    expect(m.photos.filter((photo) => photo.width === 6000)).toHaveLength(400);
    expect(sizes.L.works).toBe(20_000);
    const s = dataset('S');
    expect(s.works).toHaveLength(500);
    expect(s.photos).toHaveLength(100);
    // Every work has a photo, artisans and an edition the dataset defines.
    for (const work of s.works) {
      expect(work.photos.every((index) => index >= 0 && index < s.photos.length)).toBe(true);
      expect(work.artisans.every((index) => index >= 0 && index < s.artisans.length)).toBe(true);
      expect(sizes.S.editions).toContain(work.edition);
    }
    expect(new Set(s.works.map((work) => work.slug)).size).toBe(500);
  });
});

describe('pnpm bench --size S --quick', () => {
  it('measures every figure and writes the report', { timeout: 900_000 }, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oyu-bench-'));
    try {
      const result = await runBench({ size: 'S', quick: true, dataDir, onStep: () => {} });
      expect(result.seed).toMatchObject({ works: 500, artisans: 50, photos: 100 });
      expect(result.seed.uploadMs.n).toBe(100);
      const { cold, noChange, oneWork } = result.builds;
      // 500 works and 50 artisans in three languages, with the other pages.
      expect(cold.pages).toBeGreaterThan(1650);
      expect(cold).toMatchObject({ mode: 'full', rendered: cold.pages, encodes: 0 });
      expect(cold.peakRssMiB).toBeGreaterThan(0);
      expect(Object.keys(cold.phases)).toEqual(expect.arrayContaining(['data', 'pages', 'search', 'photos']));
      expect(noChange).toMatchObject({ mode: 'partial', rendered: 0, pages: cold.pages });
      expect(oneWork.mode).toBe('partial');
      expect(oneWork.rendered).toBeGreaterThan(0);
      expect(oneWork.rendered).toBeLessThan(cold.pages / 10);
      expect(result.rest).toHaveLength(6);
      for (const entry of result.rest) {
        expect(entry.requests, `${entry.request} at ${entry.connections}`).toBeGreaterThan(0);
        expect(entry.errors + entry.non2xx, `${entry.request} at ${entry.connections}`).toBe(0);
      }
      if (hasChromium) {
        expect(result.pages.lighthouse?.map((page) => page.type).sort()).toEqual(['browse', 'work']);
        for (const page of result.pages.lighthouse ?? []) {
          expect(page.error, page.type).toBeUndefined();
          expect(page.bytesByType?.document, page.type).toBeGreaterThan(0);
        }
        expect(result.pages.pagefind?.indexBytes).toBeGreaterThan(0);
        expect(result.pages.pagefind?.firstSearchBytes).toBeGreaterThan(0);
      }
      expect(result.floors.html.pages).toBe(cold.pages);
      expect(result.floors.encode.encodes).toHaveLength(7);
      const report = benchReport(result, 'pnpm bench --size S --quick');
      for (const heading of [
        '## Targets',
        '## Seeding through the REST API',
        '## Site builds',
        '## REST API under load',
      ])
        expect(report).toContain(heading);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
