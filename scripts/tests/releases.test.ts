import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readySpare, stageFromRelease } from '@oyu/site/publish';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireBuildLock, BuildBusy } from '../lib/buildLock';
import { type BuildProgress, explainFailure, siteEvents, withHeapLimit } from '../lib/buildRelease';
import { measureInNode, measureSite, refusals } from '../lib/checkSite';
import {
  discardRelease,
  finishRelease,
  listReleases,
  liveRelease,
  newReleaseId,
  pruneReleases,
  publishRelease,
  type ReleaseStore,
  releaseStore,
  startRelease,
} from '../lib/releases';

let root: string;
let store: ReleaseStore;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'oyu-releases-'));
  store = releaseStore(root);
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

/** A release holding one page that says `text`. */
async function release(id: string, text: string) {
  const dir = await startRelease(store, id);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'index.html'), text);
  return finishRelease(store, id);
}
const livePage = () => fs.readFileSync(path.join(store.current, 'index.html'), 'utf8');

describe('releases', () => {
  it('names releases so that they sort by time', () => {
    const a = newReleaseId(new Date('2026-11-27T09:05:03.004Z'));
    expect(a).toBe('20261127-090503-004');
    expect(newReleaseId(new Date('2026-11-27T10:00:00.000Z')) > a).toBe(true);
  });

  it('publishes a release by switching one link, and puts an older one back', async () => {
    expect(await liveRelease(store)).toBeUndefined();
    await release('20260101-000000-000', 'first');
    await publishRelease(store, '20260101-000000-000');
    expect(livePage()).toBe('first');
    await release('20260102-000000-000', 'second');
    // Built but not yet published: visitors still see the first.
    expect(livePage()).toBe('first');
    await publishRelease(store, '20260102-000000-000');
    expect([livePage(), await liveRelease(store)]).toEqual(['second', '20260102-000000-000']);
    await publishRelease(store, '20260101-000000-000');
    expect(livePage()).toBe('first');
    expect(fs.lstatSync(store.current).isSymbolicLink()).toBe(true);
    // The link is relative: the data folder can move.
    expect(fs.readlinkSync(store.current)).toBe(path.join('releases', '20260101-000000-000'));
  });

  it('refuses to publish a release that is not kept, or an id that is not one', async () => {
    await expect(publishRelease(store, '20260101-000000-000')).rejects.toThrow(/no longer kept/);
    await expect(publishRelease(store, '../../etc')).rejects.toThrow(/not a release id/);
  });

  it('keeps the newest releases and the live one, and clears interrupted builds', async () => {
    for (const day of [1, 2, 3, 4]) await release(`2026010${day}-000000-000`, `day ${day}`);
    await publishRelease(store, '20260101-000000-000');
    fs.mkdirSync(path.join(store.releasesDir, '20260105-000000-000.building'));
    // A deletion an earlier process did not finish.
    fs.mkdirSync(path.join(store.releasesDir, '20251231-000000-000.removing', 'en'), { recursive: true });
    const { removed, deleted } = await pruneReleases(store, 2);
    expect(removed).toEqual(['20260102-000000-000']);
    // Out of the store at once, before its files are deleted.
    expect(await listReleases(store)).toEqual([
      '20260101-000000-000',
      '20260103-000000-000',
      '20260104-000000-000',
    ]);
    await expect(publishRelease(store, '20260102-000000-000')).rejects.toThrow(/no longer kept/);
    await deleted;
    expect(fs.readdirSync(store.releasesDir).sort()).toEqual([
      '20260101-000000-000',
      '20260103-000000-000',
      '20260104-000000-000',
    ]);
    expect(livePage()).toBe('day 1');
    // Nothing left to take out: nothing to delete.
    const again = await pruneReleases(store, 2);
    expect(again.removed).toEqual([]);
    await again.deleted;
    expect(await listReleases(store)).toHaveLength(3);
  });

  it('links a spare of the live release for the next build, which takes it whole', async () => {
    const live = await release('20260101-000000-000', 'live');
    await publishRelease(store, '20260101-000000-000');
    await Promise.all([readySpare(live), readySpare(live)]);
    const spare = `${live}.spare`;
    // Linked, not copied: the same file as the live release's.
    expect(fs.statSync(path.join(spare, 'index.html')).ino).toBe(
      fs.statSync(path.join(live, 'index.html')).ino,
    );
    const first = await startRelease(store, '20260102-000000-000');
    expect(await stageFromRelease(live, first)).toBe('spare');
    expect(fs.existsSync(spare)).toBe(false);
    expect(fs.readFileSync(path.join(first, 'index.html'), 'utf8')).toBe('live');
    // None left: the next build links its copy itself.
    const second = await startRelease(store, '20260103-000000-000');
    expect(await stageFromRelease(live, second)).toBe('linked');
    expect(fs.readFileSync(path.join(second, 'index.html'), 'utf8')).toBe('live');
    // A spare is never taken half made: one cut short is made again.
    fs.mkdirSync(`${spare}.making`);
    await readySpare(live);
    expect(fs.readdirSync(spare)).toEqual(['index.html']);
    expect(fs.existsSync(`${spare}.making`)).toBe(false);
  });

  it('prunes the spares and search scratch of releases no longer live', async () => {
    const first = await release('20260101-000000-000', 'first');
    const second = await release('20260102-000000-000', 'second');
    await publishRelease(store, '20260101-000000-000');
    await readySpare(first);
    await readySpare(second);
    fs.mkdirSync(`${second}.spare.making`);
    // The search index the publisher writes into its release once live (searchUpdate.ts).
    fs.mkdirSync(`${first}.building.search`);
    fs.mkdirSync(`${second}.building.search`);
    await (await pruneReleases(store, 5)).deleted;
    expect(fs.readdirSync(store.releasesDir).sort()).toEqual([
      '20260101-000000-000',
      '20260101-000000-000.building.search',
      '20260101-000000-000.spare',
      '20260102-000000-000',
    ]);
    await publishRelease(store, '20260102-000000-000');
    await (await pruneReleases(store, 5)).deleted;
    expect(fs.readdirSync(store.releasesDir).sort()).toEqual(['20260101-000000-000', '20260102-000000-000']);
    expect(livePage()).toBe('second');
  });

  it('leaves the live site alone when a build is discarded', async () => {
    await release('20260101-000000-000', 'live');
    await publishRelease(store, '20260101-000000-000');
    const dir = await startRelease(store, '20260102-000000-000');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'index.html'), 'half');
    await discardRelease(store, '20260102-000000-000');
    expect(fs.existsSync(dir)).toBe(false);
    expect(livePage()).toBe('live');
  });
});

describe('build lock', () => {
  it('lets one build run at a time', async () => {
    const lock = await acquireBuildLock(root);
    // Another process holding it is refused (this process is alive, so use a child's pid).
    fs.writeFileSync(path.join(root, 'build.lock'), JSON.stringify({ pid: process.ppid, since: 'noon' }));
    await expect(acquireBuildLock(root)).rejects.toBeInstanceOf(BuildBusy);
    await expect(acquireBuildLock(root)).rejects.toThrow(
      /another build of the site is running \(since noon\)/,
    );
    await lock.release();
    expect(fs.existsSync(path.join(root, 'build.lock'))).toBe(false);
  });

  it('takes over the lock of a build whose process died', async () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    fs.writeFileSync(path.join(root, 'build.lock'), JSON.stringify({ pid: dead, since: 'yesterday' }));
    const lock = await acquireBuildLock(root);
    expect(JSON.parse(fs.readFileSync(path.join(root, 'build.lock'), 'utf8')).pid).toBe(process.pid);
    await lock.release();
  });
});

describe('build checks and messages', () => {
  it('measures pages and bytes, and refuses empty builds and large losses', async () => {
    fs.mkdirSync(path.join(root, 'a'));
    fs.writeFileSync(path.join(root, 'index.html'), '12345');
    fs.writeFileSync(path.join(root, 'a', 'index.html'), '123');
    fs.writeFileSync(path.join(root, 'a', 'photo.webp'), '12');
    // A name with a space and a newline, as a build never writes but a deploy might.
    fs.writeFileSync(path.join(root, 'a', 'odd name.html\n.txt'), '1');
    const size = await measureSite(root);
    expect(size).toEqual({ pages: 2, bytes: 11 });
    expect(await measureInNode(root)).toEqual(size);
    // Through a link to it, as the live site is (`current`).
    fs.symlinkSync(root, `${root}-link`);
    try {
      expect(await measureSite(`${root}-link`)).toEqual(size);
    } finally {
      fs.rmSync(`${root}-link`);
    }
    expect(refusals(size, 2, 0.25)).toEqual([]);
    expect(refusals(size, undefined, 0.25)).toEqual([]);
    expect(refusals({ pages: 0, bytes: 0 }, undefined, 0.25)).toEqual(['the build produced no pages']);
    expect(refusals({ pages: 70, bytes: 1 }, 100, 0.25)[0]).toMatch(
      /70 pages where the live site has 100: more than 25% would disappear/,
    );
  });

  it('finds the sentence that says why a build failed', () => {
    expect(
      explainFailure([
        '12:00:01 [content] Syncing content',
        '\u001b[31m12:00:02 [ERROR] [oyu-works] The CMS did not answer at http://127.0.0.1:3000/api/works?limit=100 (fetch failed, 4 attempts). Check that it is running and that CMS_URL points to it.\u001b[39m',
        '    at load (file:///x.js:1:1)',
      ]),
    ).toBe(
      'The CMS did not answer at http://127.0.0.1:3000/api/works?limit=100 (fetch failed, 4 attempts). Check that it is running and that CMS_URL points to it.',
    );
    expect(
      explainFailure([
        '[build] building',
        '12:00:02 [ERROR] [oyu-media] The site was not published: 1 links point to nothing: /en/ → /x/',
      ]),
    ).toBe('The site was not published: 1 links point to nothing: /en/ → /x/');
    expect(explainFailure(['something odd'])).toBe('the site build stopped: something odd');
    // An invalid document: its first line names it and where to fix it, never a stack frame.
    expect(
      explainFailure([
        '12:00:02 [ERROR] [oyu-works] The CMS sent 1 published works that the site cannot build: work "ring" (id 7): photos.0: Invalid input: expected object, received number (http://127.0.0.1:3000/admin/collections/works/7). Fix or unpublish them in the admin, then build again.',
        '    at async run (file:///x/node_modules/p-queue/dist/index.js:406:36)',
      ]),
    ).toMatch(/^The CMS sent 1 published works that the site cannot build: work "ring" \(id 7\)/);
    expect(explainFailure(['stopping', '    at async run (file:///x/p-queue/dist/index.js:406:36)'])).toBe(
      'the site build stopped: stopping',
    );
  });

  it('follows the site build by its events, not by its output', () => {
    const seen: BuildProgress[] = [];
    const events = siteEvents((progress) => seen.push(progress));
    for (const line of [
      '{"type":"progress","phase":"pages"}',
      '{"type":"progress","phase":"pages","done":0,"total":398}',
      // Astro's own words, even those that look like the old progress, are not events.
      ' generating static routes ',
      '  ├─ /en/works/ring/index.html (+2ms)',
      '{"type":"progress","phase":"rendering"}',
      '{"type":"progress","phase":"pages","done":398,"total":398}',
      '{"type":"plan","mode":"partial","rendered":12,"reason":"changed: works 3"}',
      '{"type":"progress","phase":"search"}',
      '{"type":"failed","message":"The CMS did not answer at http://127.0.0.1:3000/api/works"}',
      '{"type":"failed","message":"a consequence of the first failure"}',
    ]) {
      events.read(line);
    }
    expect(seen).toEqual([
      { phase: 'pages' },
      { phase: 'pages', done: 0, total: 398 },
      { phase: 'pages', done: 398, total: 398 },
      { phase: 'search' },
    ]);
    expect(events.plan()).toEqual({ mode: 'partial', rendered: 12, reason: 'changed: works 3' });
    // The first failure is the cause; what fails after it follows from it.
    expect(events.failure()).toBe('The CMS did not answer at http://127.0.0.1:3000/api/works');
    expect(siteEvents(() => {}).plan()).toEqual({ mode: 'full', rendered: 0, reason: '' });
  });

  it('gives the site build half the machine’s memory, never less than Node’s default, and keeps a limit set by hand', () => {
    const gib = 2 ** 30;
    expect(withHeapLimit(undefined, 24 * gib)).toBe('--max-old-space-size=12288');
    expect(withHeapLimit(undefined, 4 * gib)).toBe('--max-old-space-size=4096');
    // The benchmark's probe stays.
    expect(withHeapLimit('--require /tmp/probe.cjs', 24 * gib)).toBe(
      '--require /tmp/probe.cjs --max-old-space-size=12288',
    );
    expect(withHeapLimit('--max-old-space-size=2048', 24 * gib)).toBe('--max-old-space-size=2048');
  });
});
