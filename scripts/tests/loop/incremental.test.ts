import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureSite } from '../../lib/checkSite';
import { adminToken, snapshotDocs } from './cms';
import { nameOf, published } from './demo';
import { liveFingerprint, siteFiles } from './site';
import { type OwnStack, ownStack } from './stack';

/** Partial builds after each kind of edit, checked against a full build: an install of its own. */
let stack: OwnStack;

describe('incremental builds', () => {
  beforeAll(async () => {
    stack = await ownStack('incremental');
  }, 180_000);
  afterAll(async () => {
    await stack?.stop();
  }, 30_000);

  it('renders only the pages an edit touches, reads only what changed, and publishes what a full build would', async () => {
    const cms = `http://127.0.0.1:${stack.cmsPort}`;
    const headers = { 'content-type': 'application/json', authorization: `JWT ${await adminToken(stack)}` };
    const patch = (url: string, body: unknown) =>
      fetch(`${cms}${url}`, { method: 'PATCH', headers, body: JSON.stringify(body) });
    const files = () => siteFiles(stack.outDir);
    const first = await stack.buildFromCms({ full: true });
    expect(first.mode).toBe('full');
    // Nothing changed: nothing is rendered again, and no document is read again.
    const log: string[] = [];
    const same = await stack.buildFromCms({ onLog: (line) => log.push(line) });
    expect([same.mode, same.rendered], same.reason).toEqual(['partial', 0]);
    expect(same.pages).toBe(first.pages);
    const reads = () => log.filter((line) => / read, \d+ taken from the last build/.test(line));
    expect(reads().length, log.join('\n')).toBe(5);
    for (const line of reads()) expect(line).toMatch(/ 0 read, /);

    const work = published[3];
    const found = (await (
      await fetch(`${cms}/api/works?where[slug][equals]=${work?.slug}&depth=0`, { headers })
    ).json()) as {
      docs: {
        id: number;
        title: string;
        materials: number[];
        photos: number[];
        editions: number[];
        artisans: number[];
      }[];
    };
    const doc = found.docs[0];
    if (!doc) throw new Error('no work to edit');
    const artisanKey = work?.artisans[0];
    const artisans = (await (
      await fetch(`${cms}/api/artisans?limit=100&depth=0&locale=en`, { headers })
    ).json()) as {
      docs: { id: number; name: string; country: string }[];
    };
    const maker = artisans.docs.find((a) => a.name === nameOf(artisanKey ?? ''));
    if (!maker) throw new Error('no artisan to edit');
    // Another maker from the same country and another edition: the filter pages stay the same.
    const otherMaker = artisans.docs.find((a) => a.country === maker.country && !doc.artisans.includes(a.id));
    const editions = (await (await fetch(`${cms}/api/editions?depth=0`, { headers })).json()) as {
      docs: { id: number; frozen?: boolean }[];
    };
    const otherEdition = editions.docs.find((e) => !e.frozen && !doc.editions.includes(e.id));
    if (!otherMaker || !otherEdition) throw new Error('no other maker or edition to move the work to');
    const photo = (await (
      await fetch(`${cms}/api/media/${doc.photos[0]}?depth=0&locale=ru`, { headers })
    ).json()) as {
      alt: string;
    };
    const edits: [string, () => Promise<Response>, () => Promise<Response>][] = [
      [
        'a work’s title',
        () => patch(`/api/works/${doc.id}?locale=en`, { title: 'Retitled for the partial build' }),
        () => patch(`/api/works/${doc.id}?locale=en`, { title: doc.title }),
      ],
      [
        'a work’s materials (related works change)',
        () => patch(`/api/works/${doc.id}`, { materials: doc.materials.slice(0, 1) }),
        () => patch(`/api/works/${doc.id}`, { materials: doc.materials }),
      ],
      [
        'an artisan’s name (shown on the cards of their works)',
        () => patch(`/api/artisans/${maker.id}?locale=en`, { name: 'Renamed Maker' }),
        () => patch(`/api/artisans/${maker.id}?locale=en`, { name: maker.name }),
      ],
      [
        'a photo’s Russian alt text (embedded in its work, not the work’s own edit)',
        () => patch(`/api/media/${doc.photos[0]}?locale=ru`, { alt: 'Новый текст для фото' }),
        () => patch(`/api/media/${doc.photos[0]}?locale=ru`, { alt: photo.alt }),
      ],
      // Last: the work is no longer the renamed maker's, nor in its edition.
      [
        'a work’s edition (edition pages list their works, linked or not)',
        () => patch(`/api/works/${doc.id}`, { editions: [otherEdition.id] }),
        () => patch(`/api/works/${doc.id}`, { editions: doc.editions }),
      ],
      [
        'a work’s maker (artisan pages list their works, linked or not)',
        () => patch(`/api/works/${doc.id}`, { artisans: [otherMaker.id] }),
        () => patch(`/api/works/${doc.id}`, { artisans: doc.artisans }),
      ],
    ];
    // The search index of each language: the file the site loads first, and the text it holds.
    const searchEntry = (lang: string) =>
      fs.statSync(path.join(stack.outDir, 'pagefind', lang, 'pagefind-entry.json'));
    const searchText = (lang: string) =>
      fs
        .readdirSync(path.join(stack.outDir, 'pagefind', lang, 'fragment'))
        .map((file) =>
          zlib.gunzipSync(fs.readFileSync(path.join(stack.outDir, 'pagefind', lang, 'fragment', file))),
        )
        .join('\n');
    // What the build records for the next one: every page's links, and who uses which photo.
    const indexes = () => ({
      links: JSON.parse(stack.read('oyu-links.json')) as unknown,
      media: JSON.parse(stack.read('oyu-media.json')) as unknown,
    });
    try {
      for (const [what, edit] of edits) {
        expect((await edit()).status, what).toBe(200);
        log.length = 0;
        const entriesBefore = Object.fromEntries(
          ['en', 'ru', 'kk'].map((lang) => [lang, searchEntry(lang).ino]),
        );
        const before = fs.realpathSync(stack.outDir);
        const beforeFiles = liveFingerprint(before);
        const partial = await stack.buildFromCms({ onLog: (line) => log.push(line) });
        expect(partial.mode, `${what}: ${partial.reason}`).toBe('partial');
        // The new build started as hard links to the live one's files; it replaced the files
        // it changed and left the release it started from (kept for rollback) as it was.
        expect(fs.realpathSync(stack.outDir), what).not.toBe(before);
        expect(liveFingerprint(before), what).toBe(beforeFiles);
        // Rendered again as it was (robots.txt, every time): left linked to the live one's.
        const robots = (dir: string) => fs.statSync(path.join(dir, 'robots.txt')).ino;
        expect(robots(stack.outDir), what).toBe(robots(before));
        // Rendered by the publisher's render app, not by a whole `astro build`.
        expect(log.join('\n'), what).toMatch(/partial build by the publisher: rendered \d+ pages/);
        expect(partial.rendered, what).toBeGreaterThan(0);
        expect(partial.rendered, what).toBeLessThan(partial.pages);
        // The changed documents were read again, not the other works.
        const worksRead = reads().find((line) => line.includes('[oyu-works]'));
        expect(Number(worksRead?.match(/ (\d+) read, /)?.[1]), `${what}\n${log.join('\n')}`).toBeLessThan(
          published.length / 2,
        );
        if (what === 'a work’s title') {
          // Saved in English: the other languages' documents are as they were, but for the
          // time of the save (left out of what the plan compares: see DataIndex.updated).
          expect(partial.reason).toBe(`changed: oyu-works.en/${doc.id}`);
          // Only the English pages changed: only the English search index is made again.
          expect(searchEntry('en').ino).not.toBe(entriesBefore.en);
          expect(searchEntry('ru').ino).toBe(entriesBefore.ru);
          expect(searchEntry('kk').ino).toBe(entriesBefore.kk);
          expect(searchText('en')).toContain('Retitled for the partial build');
          expect(searchText('ru')).not.toContain('Retitled for the partial build');
        }
        // Counted before it went live and measured after: what the release holds.
        const size = await measureSite(stack.outDir);
        expect({ pages: partial.pages, bytes: partial.bytes }, what).toEqual(size);
        const manifest = JSON.parse(stack.read('oyu-release.json')) as { pages: number; bytes: number };
        expect({ pages: manifest.pages, bytes: manifest.bytes }, what).toEqual(size);
        const afterPartial = files();
        const readAfterPartial = snapshotDocs(stack.dataDir);
        const indexesAfterPartial = indexes();
        await stack.buildFromCms({ full: true });
        expect(files(), what).toEqual(afterPartial);
        expect(snapshotDocs(stack.dataDir), what).toEqual(readAfterPartial);
        expect(indexes(), what).toEqual(indexesAfterPartial);
        if (what.startsWith('an artisan’s name'))
          expect(stack.read(`en/works/${work?.slug}/index.html`)).toContain('Renamed Maker');
        if (what.startsWith('a photo’s Russian alt'))
          expect(stack.read(`ru/works/${work?.slug}/index.html`)).toContain('Новый текст для фото');
      }
    } finally {
      for (const [, , undo] of edits) await undo();
    }
  }, 600_000);
});
