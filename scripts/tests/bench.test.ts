import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { dataset, sizes } from '../lib/bench/dataset';
import { peerBuild } from '../lib/bench/peer';
import { firstDifference } from '../lib/bench/postgresCopy';
import { probed } from '../lib/bench/probeRun';
import { benchReport } from '../lib/bench/report';
import { runBench, seedBench } from '../lib/bench/run';
import { onCi, repoRoot } from '../lib/env';
import { freePort, run } from '../lib/processes';
import { siteFolders } from '../lib/siteBuild';
import { hasBrowser } from './browser';
import { dropDatabase, freshDatabase, withClient } from './postgresServer';

/**
 * The benchmark itself: its dataset is the same on every run, and the S size runs end to end
 * (a smoke test: it checks that every figure is measured, never how fast).
 */
/** On CI the browser is always there (.ci/run installs it). */

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
    const l = dataset('L');
    expect(l.works).toHaveLength(20_000);
    expect(l.artisans).toHaveLength(1000);
    expect(l.photos).toHaveLength(2000);
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

describe('comparing two CMSes’ answers', () => {
  it('finds where two answers first differ, and nothing in equal ones', () => {
    const answer = { docs: [{ id: 1, photos: [{ url: '//cms/a.jpg', width: 800 }] }], totalDocs: 1 };
    expect(firstDifference(answer, structuredClone(answer))).toBeUndefined();
    expect(firstDifference(answer, { ...answer, totalDocs: 2 })).toBe('totalDocs (1 against 2)');
    const other = JSON.parse(JSON.stringify(answer).replace('"width":800', '"width":"800"'));
    expect(firstDifference(answer, other)).toBe('docs[0].photos[0].width (800 against "800")');
    expect(firstDifference(answer, { ...answer, docs: [] })).toBe('docs (1 items against 0)');
    expect(firstDifference({ a: 1 }, { a: 1, b: null })).toBe('b (undefined against null)');
  });
});

describe('the peer baseline', () => {
  it('reports a build that could not finish, with the reason, instead of throwing', {
    timeout: 120_000,
  }, async () => {
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oyu-bench-peer-'));
    try {
      // Nothing listens on a port just freed: the pages' first fetch fails.
      const peer = await peerBuild({ cmsUrl: `http://127.0.0.1:${await freePort()}`, outDir });
      expect(peer.failed).toBe('fetch failed');
      expect(peer).toMatchObject({ pages: 0, pagesPerSecond: 0 });
    } finally {
      fs.rmSync(outDir, { recursive: true, force: true });
    }
  });
});

describe('the build probe', () => {
  // Oyu's "zero image encodes" is only worth something if the probe sees encodes where they
  // happen: sharp loaded by `require`, and by `import` (its ES module build, as Astro loads it).
  const encode = "sharp({ create: { width: 8, height: 8, channels: 3, background: '#a87' } })";
  for (const [name, args] of [
    ['require', ['-e', `const sharp = require('sharp'); ${encode}.webp().toBuffer().then(() => {});`]],
    [
      'import',
      [
        '--input-type=module',
        '-e',
        `import sharp from 'sharp'; const image = await ${encode}.png().toBuffer(); await sharp(image).metadata(); await sharp(image).avif().toBuffer();`,
      ],
    ],
  ] as const) {
    it(`counts each encode of sharp loaded with ${name}, and nothing else`, async () => {
      const probe = await probed((nodeOptions) =>
        run(process.execPath, [...args], {
          cwd: path.join(repoRoot, 'scripts'),
          env: { NODE_OPTIONS: nodeOptions },
        }),
      );
      expect(probe.sharpLoaded).toBe(true);
      expect(probe.encodes).toBe(name === 'require' ? 1 : 2);
    });
  }
});

/** On CI a PostgreSQL server is always there (.ci/run starts it): the REST API is measured on it too. */
const postgresServer = process.env.TEST_POSTGRES_URI;
const withPostgres = Boolean(postgresServer) || onCi;

/** A step's figures, which a run that measured it must have. */
function measured<T>(value: T | undefined, step: string): T {
  expect(value, `${step} was not measured`).toBeDefined();
  return value as T;
}

describe('pnpm bench --size S --quick', () => {
  it('measures every figure and writes the report', { timeout: 1_200_000 }, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oyu-bench-'));
    const database = `oyu_bench_test_${process.pid}`;
    let postgresUri: string | undefined;
    if (withPostgres) {
      expect(postgresServer, 'CI must set TEST_POSTGRES_URI (see .ci/run)').toBeTruthy();
      postgresUri = await freshDatabase(postgresServer as string, database);
    }
    try {
      const result = await runBench({ size: 'S', quick: true, dataDir, postgresUri, onStep: () => {} });
      // Half of S's photos uploaded, the other half cloned from them (clonePhotos.ts).
      expect(result.seed).toMatchObject({ works: 500, artisans: 50, photos: 100, uploaded: 50, cloned: 50 });
      expect(result.seed.uploadMs.n).toBe(50);
      const builds = measured(result.builds, 'builds');
      const { cold, noChange, oneWork } = builds;
      // 500 works and 50 artisans in three languages, with the other pages.
      expect(cold.pages).toBeGreaterThan(1650);
      expect(cold).toMatchObject({ mode: 'full', rendered: cold.pages, encodes: 0 });
      expect(cold.peakRssMiB).toBeGreaterThan(0);
      expect(Object.keys(cold.phases)).toEqual(['data', 'pages', 'search', 'photos', 'check', 'publish']);
      // The search index is made beside the photos: Pagefind's own time comes from its report.
      expect(cold.searchSeconds).toBeGreaterThan(0);
      // After an English title edit only the English index is made again.
      expect(oneWork.searchSeconds).toBeLessThan(cold.searchSeconds as number);
      expect(noChange).toMatchObject({ mode: 'partial', rendered: 0, pages: cold.pages });
      // The cold build starts from an empty photo cache and copies every rendition from the
      // install's folder; later builds find them in the cache.
      expect(cold.photoFiles).toMatchObject({ downloaded: 0, cached: 0 });
      // 100 photos, at least five renditions each (S's photos are too small for some sizes).
      expect(cold.photoFiles?.copied).toBeGreaterThanOrEqual(100 * 5);
      expect(cold.photoFiles?.copied).toBe(fs.readdirSync(siteFolders(dataDir).mediaCacheDir).length);
      expect(noChange.photoFiles).toMatchObject({
        downloaded: 0,
        copied: 0,
        cached: cold.photoFiles?.copied,
      });
      expect(oneWork.mode).toBe('partial');
      expect(oneWork.rendered).toBeGreaterThan(0);
      expect(oneWork.rendered).toBeLessThan(cold.pages / 10);

      // As a visitor sees it: the site server answered each page with the change, after one
      // build the CMS ran on its own right after the write (countdown 0).
      const live = siteFolders(dataDir).live;
      const editLive = measured(builds.editLive, 'the live edit');
      expect(editLive.pages.map((page) => page.path)).toEqual([
        `/kk/works/${dataset('S').works[0]?.slug}/`,
        expect.stringMatching(/^\/kk\/artisans\/bench-artisan-\d+\/$/),
        '/kk/browse/works.json',
      ]);
      for (const page of editLive.pages) expect(page.seconds, page.name).toBeGreaterThan(0);
      expect(editLive.seconds).toBe(Math.max(...editLive.pages.map((page) => page.seconds)));
      expect(editLive.writeMs).toBeGreaterThan(0);
      expect(editLive.builds).toHaveLength(1);
      expect(editLive.builds[0]?.seconds).toBeGreaterThan(0);
      // The edited title is what the live site holds on each page it timed.
      const editedTitle = /«[^«»]+» [^<"]+ \(түзету \w+\)/;
      for (const page of editLive.pages) {
        const file = page.path.endsWith('/') ? `${page.path}index.html` : page.path;
        expect(fs.readFileSync(path.join(live, file), 'utf8'), page.path).toMatch(editedTitle);
      }
      // 100 drafts published in one request: every page sampled and the browse data served them
      // after one build; then they were taken away and the live build before them put back.
      const publishLive = measured(builds.publishLive, 'the live publish');
      expect(publishLive.works).toBe(100);
      expect(publishLive.pages).toHaveLength(11);
      expect(new Set(publishLive.pages.map((page) => page.path.split('/')[1]))).toEqual(
        new Set(['en', 'ru', 'kk']),
      );
      for (const page of publishLive.pages) expect(page.seconds, page.name).toBeGreaterThan(0);
      expect(publishLive.builds).toHaveLength(1);
      expect(publishLive.builds[0]?.seconds).toBeGreaterThan(0);
      expect(fs.existsSync(path.join(live, 'en', 'works', 'bench-publish-1'))).toBe(false);
      expect(fs.readFileSync(path.join(live, 'en', 'browse', 'works.json'), 'utf8')).not.toContain(
        'bench-publish-',
      );
      // A filter value with more works than a page holds goes on over pages of 48, every work
      // on exactly one of them (the demo scripts/tests/loop/ seeds has no such value).
      const materials = path.join(siteFolders(dataDir).live, 'en', 'browse', 'material');
      const paged = fs
        .readdirSync(materials)
        .filter((value) => fs.existsSync(path.join(materials, value, 'page', '2', 'index.html')));
      expect(paged.length).toBeGreaterThan(0);
      for (const value of paged) {
        const first = fs.readFileSync(path.join(materials, value, 'index.html'), 'utf8');
        const total = Number(first.match(/Works 1–48 of ([\d,]+)/)?.[1]?.replace(/,/g, ''));
        const cards: string[] = [];
        for (let n = 1; n <= Math.ceil(total / 48); n += 1) {
          const page =
            n === 1
              ? first
              : fs.readFileSync(path.join(materials, value, 'page', String(n), 'index.html'), 'utf8');
          const onPage = [...page.matchAll(/<li class="card[^>]*>\s*<a href="([^"]+)"/g)].map(
            (m) => m[1] ?? '',
          );
          expect(onPage.length, `${value} page ${n}`).toBe(Math.min(48, total - (n - 1) * 48));
          cards.push(...onPage);
        }
        expect(new Set(cards).size, value).toBe(total);
        expect(fs.existsSync(path.join(materials, value, 'page', String(Math.ceil(total / 48) + 1)))).toBe(
          false,
        );
      }
      // The peer baseline: a page per work and artisan and a home page, every photo downloaded
      // and encoded at the two sizes its pages use, as WebP files in the built site.
      const peer = measured(result.peer, 'peer');
      expect(peer.failed).toBeUndefined();
      expect(peer.pages).toBe(1 + 500 + 50);
      expect(peer.photosFetched).toBe(100);
      expect(peer.encodes).toBe(200);
      expect(peer.peakRssMiB).toBeGreaterThan(0);
      const peerWork = fs.readFileSync(
        path.join(dataDir, 'peer-site', 'works', dataset('S').works[0]?.slug ?? '', 'index.html'),
        'utf8',
      );
      const images = [...peerWork.matchAll(/<img [^>]*src="([^"]+)"/g)].map((match) => match[1] ?? '');
      expect(images.length).toBe(dataset('S').works[0]?.photos.length);
      for (const src of images) {
        expect(src).toMatch(/^\/_astro\/.+\.webp$/);
        expect(fs.existsSync(path.join(dataDir, 'peer-site', src))).toBe(true);
      }

      expect(result.restCache).toEqual(['MISS gzip', 'HIT gzip']);
      expect(result.rest.filter((entry) => entry.database === 'sqlite')).toHaveLength(12);
      expect(new Set(result.rest.map((entry) => entry.cache))).toEqual(new Set(['cached', 'uncached']));
      for (const entry of result.rest.filter((item) => item.database === 'sqlite')) {
        expect(entry.requests, `${entry.request} at ${entry.connections}`).toBeGreaterThan(0);
        expect(
          entry.errors + entry.non2xx,
          `${entry.request} at ${entry.connections}: ${JSON.stringify(entry.failures)}`,
        ).toBe(0);
      }
      const pages = measured(result.pages, 'pages');
      if (hasBrowser) {
        expect(pages.lighthouse?.map((page) => page.type).sort()).toEqual(['browse', 'work']);
        for (const page of pages.lighthouse ?? []) {
          expect(page.error, page.type).toBeUndefined();
          expect(page.bytesByType?.document, page.type).toBeGreaterThan(0);
        }
        expect(pages.pagefind?.indexBytes).toBeGreaterThan(0);
        expect(pages.pagefind?.firstSearchBytes).toBeGreaterThan(0);
      }
      const floors = measured(result.floors, 'floors');
      // The works published for the live figures are gone again: the site is the dataset's.
      expect(floors.html.pages).toBe(cold.pages);
      expect(floors.encode.encodes).toHaveLength(7);
      const report = benchReport(result, 'pnpm bench --size S --quick');
      for (const heading of [
        '## Targets',
        '## Seeding through the REST API',
        '## Site builds',
        '## REST API under load',
        '## Peer baseline',
        '### Changes as a visitor sees them',
      ])
        expect(report).toContain(heading);
      // Issue 26's targets, each with its figure, its ratio and whether it is met.
      for (const figure of [
        'one work edited, live as a visitor sees it \\(countdown 0\\)',
        'a build where nothing changed',
        '100 works published at once, live as a visitor sees them',
        'cold build',
        'cold build: its data phase',
      ])
        expect(report).toMatch(
          new RegExp(
            `\\| ${figure} \\| [\\d.]+ s \\| ≤ \\d+ s \\| \\d+\\.\\d\\d \\| (met|\\*\\*missed\\*\\*) \\|`,
          ),
        );
      expect(report).toContain('50 photos were uploaded through the REST API and 50 cloned from them');
      expect(report).not.toContain('did not finish');
      // A peer build that could not finish is reported as such, with no ratio to it.
      const stopped = benchReport(
        { ...result, peer: { ...peer, failed: 'FATAL ERROR: JavaScript heap out of memory' } },
        'pnpm bench --size S --quick',
      );
      expect(stopped).toMatch(
        /\| peer, cold \| \*\*did not finish\*\*: stopped after [\d.]+ s \(FATAL ERROR: JavaScript heap out of memory\)/,
      );
      expect(stopped).toContain("The peer's build did not get through this dataset");
      expect(stopped).not.toContain("the peer's cold build");
      // A run of the builds alone (`--only builds`) reports them and says what it left out.
      const { peer: _peer, pages: _pages, floors: _floors, restCache: _cache, ...buildsOnly } = result;
      const onlyBuilds = benchReport(
        { ...buildsOnly, rest: [], skipped: ['rest', 'pages', 'floors', 'peer', 'postgres'] },
        'pnpm bench --size S --only builds',
      );
      expect(onlyBuilds).toContain('Left out of this run (`--only`): rest, pages, floors, peer, postgres');
      expect(onlyBuilds).toContain('### Changes as a visitor sees them');
      for (const heading of ['## REST API under load', '## Peer baseline', '## Pages on a phone'])
        expect(onlyBuilds).not.toContain(heading);

      // A run stopped between its steps carries on: the steps it finished are kept, the rest
      // measured, and the report says which commit measured what.
      const journalPath = path.join(dataDir, 'bench-steps.json');
      const journal = JSON.parse(fs.readFileSync(journalPath, 'utf8'));
      expect(Object.keys(journal.steps)).toEqual(
        withPostgres
          ? ['builds', 'rest', 'pages', 'floors', 'peer', 'postgres']
          : ['builds', 'rest', 'pages', 'floors', 'peer'],
      );
      // One step measured again is enough to show it (the PostgreSQL copy, kept, would take
      // a minute of CI to copy and load again).
      delete journal.steps.floors;
      journal.steps.peer.commit = 'abc1234';
      fs.writeFileSync(journalPath, JSON.stringify(journal));
      fs.rmSync(path.join(dataDir, 'floor-html'), { recursive: true, force: true });
      const steps: string[] = [];
      const carried = await runBench({
        size: 'S',
        quick: true,
        dataDir,
        postgresUri,
        resume: true,
        onStep: (step) => steps.push(step),
      });
      expect(steps.filter((step) => step.includes('kept from the run stopped earlier'))).toHaveLength(
        withPostgres ? 5 : 4,
      );
      expect(steps).toContain('floors');
      expect(steps.some((step) => step.startsWith('site build'))).toBe(false);
      expect(carried.builds).toEqual(result.builds);
      expect(carried.peer).toEqual(result.peer);
      expect(measured(carried.floors, 'floors').html.pages).toBe(cold.pages);
      expect(carried.commits.peer).toBe('abc1234');
      expect(carried.postgresCopy).toEqual(result.postgresCopy);
      expect(carried.rest).toEqual(result.rest);
      expect(benchReport(carried, 'pnpm bench --size S --quick --resume')).toMatch(
        /Carried on over several runs; each step measured at: builds \S+.*, peer abc1234, .*floors \S+/,
      );

      // A seed stopped half-way carries on where it was: three works gone are made again, and
      // nothing else is written (the photos are all there: no upload).
      const db = new DatabaseSync(path.join(dataDir, 'oyu.db'));
      const count = (table: string) =>
        (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      const before = { works: count('works'), media: count('media'), showcases: count('showcases') };
      // Every photo has its own name, alt text and files, the cloned ones too.
      const photos = db
        .prepare(
          'SELECT filename, sizes_webp480_filename AS webp, sizes_square_filename AS square FROM media',
        )
        .all() as { filename: string; webp: string; square: string }[];
      expect(new Set(photos.map((photo) => photo.filename)).size).toBe(100);
      for (const photo of photos)
        for (const file of [photo.filename, photo.webp, photo.square])
          expect(fs.existsSync(path.join(dataDir, 'media', file)), file).toBe(true);
      expect(
        db.prepare("SELECT count(DISTINCT alt) AS n FROM media_locales WHERE _locale = 'en'").get(),
      ).toEqual({ n: 100 });
      db.exec('DELETE FROM works WHERE id IN (SELECT id FROM works ORDER BY id DESC LIMIT 3)');
      expect(count('works')).toBe(before.works - 3);
      const resumed = await seedBench({ size: 'S', dataDir, onStep: () => {} });
      expect({ works: count('works'), media: count('media'), showcases: count('showcases') }).toEqual(before);
      db.close();
      // The upload timings are kept between runs: the report still covers all 50 uploads.
      expect(resumed.uploadMs.n).toBe(50);
      expect(resumed.seconds).toBeGreaterThan(result.seed.seconds);

      if (withPostgres) {
        // A copy of the same install in PostgreSQL, answering as SQLite does, measured the same way.
        expect(result.postgresCopy?.checked).toEqual(['works list (100, depth 1)', 'one work (depth 1)']);
        expect(result.postgresCopy?.rows).toBeGreaterThan(500 + 50 + 100);
        expect(report).toMatch(/PostgreSQL holds a copy of the same install \([\d,]+ rows of \d+ tables/);
        const onPostgres = result.rest.filter((entry) => entry.database === 'postgres');
        expect(onPostgres).toHaveLength(12);
        for (const entry of onPostgres) {
          expect(entry.requests, `${entry.request} at ${entry.connections}`).toBeGreaterThan(0);
          expect(
            entry.errors + entry.non2xx,
            `${entry.request} at ${entry.connections}: ${JSON.stringify(entry.failures)}`,
          ).toBe(0);
        }
        expect(report).toMatch(/\| works list \(100, depth 1\) \| PostgreSQL \| uncached \| 50 \|/);
        // A database that holds anything is refused before a thing is written.
        await expect(
          runBench({ size: 'S', quick: true, dataDir, postgresUri, onStep: () => {} }),
        ).rejects.toThrow(/--postgres needs an empty database, and .* has \d+ tables/);
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.rmSync(`${dataDir}-postgres`, { recursive: true, force: true });
      if (postgresUri) await withClient(postgresServer as string, (client) => dropDatabase(client, database));
    }
  });
});
