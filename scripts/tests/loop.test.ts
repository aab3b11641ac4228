import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import zlib from 'node:zlib';
import { AxeBuilder } from '@axe-core/playwright';
import { s3SettingsOf } from '@oyu/cms/media/s3-settings';
import { mediaStore } from '@oyu/cms/media/storage';
import { signPreviewToken } from '@oyu/cms/preview-token';
import { demoArtisans, demoEditions, demoWorks as makeDemoWorks } from '@oyu/cms/seed/demo';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCms } from '../lib/cmsBuild';
import { startCms } from '../lib/cmsServer';
import { repoRoot } from '../lib/env';
import { buildPreviewApp, loadPreviewApp } from '../lib/previewApp';
import { freePort, run } from '../lib/processes';
import { buildSite, siteFolders } from '../lib/siteBuild';
import { serveSite } from '../lib/siteServer';
import { describeStack, paths } from '../lib/stack';
import { hasBrowser, launchBrowser } from './browser';
import { startS3Server } from './s3Server';

/**
 * The whole loop against a real CMS: a fresh SQLite database seeded with the demo, the CMS's
 * production server, and `astro build` reading its public REST API.
 */
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'oyu-build-test-'));
let outDir = '';
let cmsPort: number;
let previewPort: number;
let dataDir: string;
let stopCms: (() => Promise<void>) | undefined;
let cmsEnv: Record<string, string | undefined> = {};
let buildFromCms: (options?: {
  fromSnapshot?: boolean;
  full?: boolean;
  onLog?: (line: string) => void;
}) => ReturnType<typeof buildSite>;

const read = (file: string) => fs.readFileSync(path.join(outDir, file), 'utf8');
const htmlFiles = () =>
  fs.readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
/** The text of the page's one h1. */
const heading = (html: string) => html.match(/<h1[^>]*>(.*?)<\/h1>/s)?.[1];
const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Every page and file of a built site by content, but the search index (Pagefind does not write
 * it byte for byte the same twice) and the build's own records.
 */
function siteFiles(dir: string): Record<string, string> {
  const root = fs.realpathSync(dir);
  const result: Record<string, string> = {};
  for (const file of fs.readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    const full = path.join(root, file);
    if (file.startsWith('pagefind') || file.startsWith('oyu-') || !fs.statSync(full).isFile()) continue;
    result[file] = crypto.createHash('sha1').update(fs.readFileSync(full)).digest('hex');
  }
  return result;
}

beforeAll(async () => {
  cmsPort = await freePort();
  const sitePort = await freePort();
  dataDir = path.join(tmp, 'data');
  const stack = describeStack({
    dataDir,
    cmsPort,
    sitePort,
    databaseUri: undefined,
    mediaDir: path.join(dataDir, 'media'),
    s3: undefined,
    seedDemo: true,
    demoPhotoSize: undefined,
    verbose: false,
  });
  await Promise.all([
    // Small photographs: this test reads pages, not pixels, and the seed is four times faster.
    run(paths.tsxBin, [paths.seedScript], {
      cwd: repoRoot,
      env: { ...stack.cmsEnv, OYU_DEMO_PHOTO_SIZE: '480x360' },
    }),
    buildCms(stack.cmsEnv),
  ]);
  // Builds the CMS starts use the same public address as the builds this test starts; its
  // preview links lead to the preview server the draft preview tests start.
  previewPort = await freePort();
  cmsEnv = {
    ...stack.cmsEnv,
    SITE_URL: 'https://oyu.example',
    PREVIEW_URL: `http://127.0.0.1:${previewPort}/preview`,
  };
  const cms = await startCms(cmsEnv, cmsPort);
  stopCms = cms.stop;
  // As the CMS's build job does on its own machine: photos copied from its folder.
  buildFromCms = (options = {}) =>
    buildSite({
      cmsMediaDir: path.join(dataDir, 'media'),
      ...options,
      cmsUrl: `http://127.0.0.1:${cmsPort}`,
      siteUrl: 'https://oyu.example',
      dataDir,
    });
  outDir = siteFolders(dataDir).live;
  await buildFromCms();
}, 600_000);

afterAll(async () => {
  await stopCms?.();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const demoWorks = makeDemoWorks();
const published = demoWorks.filter((work) => !work.draft);
const drafts = demoWorks.filter((work) => work.draft);
const nameOf = (key: string) => demoArtisans.find((artisan) => artisan.key === key)?.name ?? key;

/** Serves the live site and opens Chromium for `check`; both are stopped afterwards. */
async function inBrowser(check: (browser: Browser, base: string) => Promise<void>) {
  const site = await serveSite(outDir, await freePort());
  const launched = launchBrowser();
  try {
    await check((await launched).browser, `http://127.0.0.1:${site.port}`);
  } finally {
    await (await launched.catch(() => null))?.close();
    await site.stop();
  }
}

describe('site built from a running CMS', () => {
  it.runIf(hasBrowser)(
    'lets a curator create a work in the admin: three photos dropped at once, a draft, then published',
    async () => {
      const cms = `http://127.0.0.1:${cmsPort}`;
      const saved = fs.readFileSync(path.join(dataDir, 'admin-credentials.txt'), 'utf8');
      const adminLogin = await fetch(`${cms}/api/users/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          email: saved.match(/^email: (.+)$/m)?.[1],
          password: saved.match(/^password: (.+)$/m)?.[1],
        }),
      });
      const { token } = (await adminLogin.json()) as { token: string };
      const curator = { email: `curator-${Date.now()}@oyu.test`, password: 'a long curator password' };
      const account = await fetch(`${cms}/api/users`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
        body: JSON.stringify({ ...curator, roles: ['curator'], name: 'Browser Curator' }),
      });
      expect(account.status).toBe(201);

      const { browser, close } = await launchBrowser();
      try {
        const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
        await page.goto(`${cms}/admin`, { waitUntil: 'networkidle' });
        await page.fill('input[name="email"]', curator.email);
        await page.fill('input[name="password"]', curator.password);
        await page.click('button[type="submit"]');
        await page.waitForURL(/\/admin$/, { timeout: 30_000 });
        await page.goto(`${cms}/admin/collections/works/create`, { waitUntil: 'networkidle' });
        await page.fill('#field-title', 'Browser Test Ring');
        await page.locator('#field-artisans').click();
        await page.keyboard.type(demoArtisans[0]?.name.split(' ')[0] ?? '');
        await page.getByRole('option', { name: demoArtisans[0]?.name }).click();
        // Bulk upload: three files dropped into the photos field at once, an alt text each.
        await page.getByRole('button', { name: 'Create New' }).first().click();
        const mediaDir = path.join(dataDir, 'media');
        const originals = fs
          .readdirSync(mediaDir)
          .filter((file) => /-\d\.jpg$/.test(file))
          .slice(0, 3);
        await page
          .locator('input[type=file]')
          .first()
          .setInputFiles(
            originals.map((file, i) => ({
              name: `browser-${i + 1}.jpg`,
              mimeType: 'image/jpeg',
              buffer: fs.readFileSync(path.join(mediaDir, file)),
            })),
          );
        for (const i of [1, 2, 3]) {
          await page.getByText(`browser-${i}.jpg`).first().click();
          await page.locator('#field-alt').fill(`Browser photo ${i}`);
        }
        await page.getByRole('button', { name: 'Save', exact: true }).last().click();
        await expect
          .poll(() => page.locator('text=browser-3.jpg').count(), { timeout: 30_000 })
          .toBeGreaterThan(0);
        // Autosave keeps a draft; the public cannot see it.
        await page.waitForURL(/\/admin\/collections\/works\/\d+/, { timeout: 30_000 });
        const id = page.url().match(/works\/(\d+)/)?.[1];
        const query = `/api/works?where[title][equals]=Browser%20Test%20Ring&draft=true&depth=1`;
        await expect
          .poll(
            async () =>
              (
                (await (
                  await fetch(`${cms}${query}`, { headers: { authorization: `JWT ${token}` } })
                ).json()) as { totalDocs: number }
              ).totalDocs,
            { timeout: 30_000 },
          )
          .toBe(1);
        expect(((await (await fetch(`${cms}${query}`)).json()) as { totalDocs: number }).totalDocs).toBe(0);
        await page.getByRole('button', { name: 'Publish changes' }).click();
        await expect
          .poll(async () => (await fetch(`${cms}/api/works/${id}?depth=1`)).status, { timeout: 30_000 })
          .toBe(200);
        const work = (await (await fetch(`${cms}/api/works/${id}?depth=1`)).json()) as {
          photos: { alt: string }[];
          createdBy: { email?: string } | number;
        };
        expect(work.photos.map((photo) => photo.alt)).toEqual([
          'Browser photo 1',
          'Browser photo 2',
          'Browser photo 3',
        ]);
      } finally {
        await close();
      }
    },
    120_000,
  );

  /** An admin's token, from the credentials the first run saved. */
  const adminToken = async () => {
    const saved = fs.readFileSync(path.join(dataDir, 'admin-credentials.txt'), 'utf8');
    const login = await fetch(`http://127.0.0.1:${cmsPort}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: saved.match(/^email: (.+)$/m)?.[1],
        password: saved.match(/^password: (.+)$/m)?.[1],
      }),
    });
    return ((await login.json()) as { token: string }).token;
  };
  type BuildRecord = {
    id: number;
    status: string;
    phase?: string | null;
    pages?: number;
    release?: string;
    live?: boolean;
    log?: string;
    error?: string;
  };
  const buildRecord = async (id: number, token: string) =>
    (await (
      await fetch(`http://127.0.0.1:${cmsPort}/api/site-builds/${id}?depth=0`, {
        headers: { authorization: `JWT ${token}` },
      })
    ).json()) as BuildRecord;
  const startRebuild = async (token: string) => {
    const response = await fetch(`http://127.0.0.1:${cmsPort}/api/site-builds/rebuild`, {
      method: 'POST',
      headers: { authorization: `JWT ${token}` },
    });
    expect(response.status).toBe(202);
    return ((await response.json()) as { build: { id: number } }).build.id;
  };
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const liveRelease = () => path.basename(fs.readlinkSync(outDir));
  /** A fingerprint of every file of the live site. */
  const liveFingerprint = () => {
    const hash = crypto.createHash('sha256');
    const root = fs.realpathSync(outDir);
    for (const file of fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).sort()) {
      const full = path.join(root, file);
      if (fs.statSync(full).isFile()) hash.update(file).update(fs.readFileSync(full));
    }
    return hash.digest('hex');
  };

  /** The documents a build recorded, by snapshot file (without the time they were taken). */
  const snapshotDocs = () => {
    const dir = siteFolders(dataDir).snapshotDir;
    return Object.fromEntries(
      fs
        .readdirSync(dir)
        .filter((file) => /\.(en|ru|kk)\.json$/.test(file))
        .map((file) => [
          file,
          (JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as { docs: unknown }).docs,
        ]),
    );
  };

  it('renders only the pages an edit touches, reads only what changed, and publishes what a full build would', async () => {
    const cms = `http://127.0.0.1:${cmsPort}`;
    const headers = { 'content-type': 'application/json', authorization: `JWT ${await adminToken()}` };
    const patch = (url: string, body: unknown) =>
      fetch(`${cms}${url}`, { method: 'PATCH', headers, body: JSON.stringify(body) });
    const files = () => siteFiles(outDir);
    const first = await buildFromCms({ full: true });
    expect(first.mode).toBe('full');
    // Nothing changed: nothing is rendered again, and no document is read again.
    const log: string[] = [];
    const same = await buildFromCms({ onLog: (line) => log.push(line) });
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
      fs.statSync(path.join(outDir, 'pagefind', lang, 'pagefind-entry.json'));
    const searchText = (lang: string) =>
      fs
        .readdirSync(path.join(outDir, 'pagefind', lang, 'fragment'))
        .map((file) =>
          zlib.gunzipSync(fs.readFileSync(path.join(outDir, 'pagefind', lang, 'fragment', file))),
        )
        .join('\n');
    // What the build records for the next one: every page's links, and who uses which photo.
    const indexes = () => ({
      links: JSON.parse(read('oyu-links.json')) as unknown,
      media: JSON.parse(read('oyu-media.json')) as unknown,
    });
    try {
      for (const [what, edit] of edits) {
        expect((await edit()).status, what).toBe(200);
        log.length = 0;
        const entriesBefore = Object.fromEntries(
          ['en', 'ru', 'kk'].map((lang) => [lang, searchEntry(lang).ino]),
        );
        const partial = await buildFromCms({ onLog: (line) => log.push(line) });
        expect(partial.mode, `${what}: ${partial.reason}`).toBe('partial');
        expect(partial.rendered, what).toBeGreaterThan(0);
        expect(partial.rendered, what).toBeLessThan(partial.pages);
        // The changed documents were read again, not the other works.
        const worksRead = reads().find((line) => line.includes('[oyu-works]'));
        expect(Number(worksRead?.match(/ (\d+) read, /)?.[1]), `${what}\n${log.join('\n')}`).toBeLessThan(
          published.length / 2,
        );
        if (what === 'a work’s title') {
          // Only the English pages changed: only the English search index is made again.
          expect(searchEntry('en').ino).not.toBe(entriesBefore.en);
          expect(searchEntry('ru').ino).toBe(entriesBefore.ru);
          expect(searchEntry('kk').ino).toBe(entriesBefore.kk);
          expect(searchText('en')).toContain('Retitled for the partial build');
          expect(searchText('ru')).not.toContain('Retitled for the partial build');
        }
        const afterPartial = files();
        const readAfterPartial = snapshotDocs();
        const indexesAfterPartial = indexes();
        await buildFromCms({ full: true });
        expect(files(), what).toEqual(afterPartial);
        expect(snapshotDocs(), what).toEqual(readAfterPartial);
        expect(indexes(), what).toEqual(indexesAfterPartial);
        if (what.startsWith('an artisan’s name'))
          expect(read(`en/works/${work?.slug}/index.html`)).toContain('Renamed Maker');
        if (what.startsWith('a photo’s Russian alt'))
          expect(read(`ru/works/${work?.slug}/index.html`)).toContain('Новый текст для фото');
      }
    } finally {
      for (const [, , undo] of edits) await undo();
    }
  }, 600_000);

  it('keeps a frozen edition’s pages while shared data changes, and lets them follow again once unfrozen', async () => {
    const cms = `http://127.0.0.1:${cmsPort}`;
    const headers = { 'content-type': 'application/json', authorization: `JWT ${await adminToken()}` };
    const year = demoEditions[0]?.year;
    const found = (await (
      await fetch(`${cms}/api/editions?where[year][equals]=${year}&depth=0`, { headers })
    ).json()) as {
      docs: { id: number }[];
    };
    const editionId = found.docs[0]?.id;
    const patch = (url: string, body: unknown) =>
      fetch(`${cms}${url}`, { method: 'PATCH', headers, body: JSON.stringify(body) });
    const frozen = await patch(`/api/editions/${editionId}`, { frozen: true });
    expect(frozen.status).toBe(200);
    expect(((await frozen.json()) as { doc: { frozenAt: string } }).doc.frozenAt).toBeTruthy();
    await buildFromCms();
    const page = `en/editions/${year}/index.html`;
    const before = read(page);
    const slug = before.match(/href="\/en\/works\/([^/]+)\/"/)?.[1];
    const work = (await (
      await fetch(`${cms}/api/works?where[slug][equals]=${slug}&depth=0`, { headers })
    ).json()) as {
      docs: { id: number; title: string }[];
    };
    const { id: workId, title } = work.docs[0] ?? { id: 0, title: '' };
    expect(
      (await patch(`/api/works/${workId}?locale=en`, { title: 'Renamed after the edition' })).status,
    ).toBe(200);
    try {
      await buildFromCms();
      // The edition's archive is as it was, byte for byte; the work's own page is current.
      expect(read(page)).toBe(before);
      expect(heading(read(`en/works/${slug}/index.html`))).toBe('Renamed after the edition');
      expect(fs.existsSync(path.join(siteFolders(dataDir).root, 'frozen', String(year), 'frozen.json'))).toBe(
        true,
      );

      expect((await patch(`/api/editions/${editionId}`, { frozen: false })).status).toBe(200);
      await buildFromCms();
      expect(read(page)).toContain('Renamed after the edition');
    } finally {
      await patch(`/api/works/${workId}?locale=en`, { title });
      await patch(`/api/editions/${editionId}`, { frozen: false });
    }
  }, 300_000);

  it('rebuilds as a job when an admin asks, keeps the history, and puts an earlier build back', async () => {
    const token = await adminToken();
    expect(
      (await fetch(`http://127.0.0.1:${cmsPort}/api/site-builds/rebuild`, { method: 'POST' })).status,
    ).toBe(403);
    const rebuild = async () => {
      const id = await startRebuild(token);
      let record = await buildRecord(id, token);
      const phases = new Set<string>();
      for (let i = 0; i < 900 && ['queued', 'running'].includes(record.status); i++) {
        await sleep(200);
        record = await buildRecord(id, token);
        if (record.phase) phases.add(record.phase);
      }
      return { record, phases };
    };
    const first = await rebuild();
    expect(first.record.status, first.record.error).toBe('succeeded');
    expect(first.record.live).toBe(true);
    expect(first.record.release).toBe(liveRelease());
    expect(first.record.pages).toBe(htmlFiles().length);
    // The record followed the build as it went: phases while running, the log at the end.
    expect(first.phases.size).toBeGreaterThan(0);
    expect(first.record.log).toContain(`published build ${first.record.release}`);
    const firstPage = read('en/index.html');
    const firstFingerprint = liveFingerprint();

    const second = await rebuild();
    expect(second.record.status, second.record.error).toBe('succeeded');
    expect(second.record.release).not.toBe(first.record.release);
    expect(liveRelease()).toBe(second.record.release);
    expect((await buildRecord(first.record.id, token)).live).toBe(false);

    // Rollback: the first build is live again, byte for byte, and the history says so.
    const back = await fetch(`http://127.0.0.1:${cmsPort}/api/site-builds/${first.record.id}/publish`, {
      method: 'POST',
      headers: { authorization: `JWT ${token}` },
    });
    expect(back.status).toBe(200);
    expect(liveRelease()).toBe(first.record.release);
    expect(read('en/index.html')).toBe(firstPage);
    expect(liveFingerprint()).toBe(firstFingerprint);
    expect((await buildRecord(first.record.id, token)).live).toBe(true);
    expect((await buildRecord(second.record.id, token)).live).toBe(false);
  }, 300_000);

  it.runIf(hasBrowser)(
    'lets an organiser rebuild from the Site page of the admin and watch it finish',
    async () => {
      const cms = `http://127.0.0.1:${cmsPort}`;
      const token = await adminToken();
      const organiser = { email: `organiser-${Date.now()}@oyu.test`, password: 'a long organiser password' };
      const account = await fetch(`${cms}/api/users`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
        body: JSON.stringify({ ...organiser, roles: ['organiser'], name: 'Site Organiser' }),
      });
      expect(account.status).toBe(201);
      const before = liveRelease();
      const { browser, close } = await launchBrowser();
      try {
        const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
        await page.goto(`${cms}/admin`, { waitUntil: 'networkidle' });
        await page.fill('input[name="email"]', organiser.email);
        await page.fill('input[name="password"]', organiser.password);
        await page.click('button[type="submit"]');
        await page.waitForURL(/\/admin$/, { timeout: 30_000 });
        // The navigation offers the page (organisers and admins only).
        expect(await page.locator('a[href="/admin/site"]').count()).toBe(1);
        await page.goto(`${cms}/admin/site`, { waitUntil: 'networkidle' });
        const latest = (await (
          await fetch(`${cms}/api/site-builds?sort=-id&limit=1&depth=0`, {
            headers: { authorization: `JWT ${token}` },
          })
        ).json()) as { docs: { id: number }[] };
        const next = (latest.docs[0]?.id ?? 0) + 1;
        await page.getByRole('button', { name: 'Rebuild the site' }).click();
        // The panel follows the new build to its end and shows the result.
        await page.waitForSelector(`#current-build:has-text("#${next} · published")`, { timeout: 120_000 });
        const release = liveRelease();
        expect(release).not.toBe(before);
        const heading = await page.locator('#current-build').textContent();
        const id = Number(heading?.match(/#(\d+)/)?.[1]);
        expect((await buildRecord(id, token)).release).toBe(release);
        expect(await page.locator('pre').textContent()).toContain(`published build ${release}`);
        // Earlier kept builds can be put back from the history.
        expect(await page.getByRole('button', { name: 'Put this build back' }).count()).toBeGreaterThan(0);
        expect(await page.locator('table tbody tr').count()).toBeGreaterThanOrEqual(3);
      } finally {
        await close();
      }
    },
    180_000,
  );

  it('leaves the live site byte for byte when the CMS stops during a rebuild, and says so once it is back', async () => {
    const token = await adminToken();
    // Nothing else is building: the fingerprint is that of the site visitors see.
    for (let i = 0; i < 600; i++) {
      const busy = (await (
        await fetch(`http://127.0.0.1:${cmsPort}/api/site-builds?where[status][in]=queued,running&depth=0`, {
          headers: { authorization: `JWT ${token}` },
        })
      ).json()) as { totalDocs: number };
      if (busy.totalDocs === 0) break;
      await sleep(200);
    }
    const before = liveFingerprint();
    const id = await startRebuild(token);
    let record = await buildRecord(id, token);
    for (let i = 0; i < 300 && !(record.status === 'running' && record.log); i++) {
      await sleep(100);
      record = await buildRecord(id, token);
    }
    expect(record.status).toBe('running');
    await stopCms?.();
    let afterStop: string;
    try {
      afterStop = liveFingerprint();
    } finally {
      const cms = await startCms(cmsEnv, cmsPort);
      stopCms = cms.stop;
    }
    expect(afterStop).toBe(before);
    record = await buildRecord(id, await adminToken());
    expect(record.status).toBe('failed');
    expect(record.error).toMatch(/the live site was not changed/);
    expect(liveFingerprint()).toBe(before);
  }, 180_000);

  it('refuses to publish a build that lost most of its works since the last good one', async () => {
    const record = path.join(siteFolders(dataDir).snapshotDir, 'last-good-build.json');
    const good = fs.readFileSync(record, 'utf8');
    // The demo's works, and the one the curator published in the admin test.
    expect(JSON.parse(good).publishedWorks).toBe(fs.readdirSync(path.join(outDir, 'en', 'works')).length);
    const before = read('index.html');
    fs.writeFileSync(
      record,
      JSON.stringify({ finishedAt: '2026-01-01T00:00:00.000Z', publishedWorks: 1000 }),
    );
    try {
      await expect(buildFromCms()).rejects.toThrow(/lists \d+ published works, 1000 at the last good build/);
      expect(read('index.html')).toBe(before);
    } finally {
      fs.writeFileSync(record, good);
    }
  }, 120_000);

  describe('draft preview', () => {
    const cms = () => `http://127.0.0.1:${cmsPort}`;
    let preview: Awaited<ReturnType<typeof serveSite>>;
    let token = '';
    const draft = drafts[0];
    const open = (pathname: string) => fetch(`http://127.0.0.1:${preview.port}${pathname}`);
    const linkPath = (url: string) => new URL(url).pathname;

    beforeAll(async () => {
      // The preview pages read the CMS from this process's environment, as `pnpm start`'s do.
      process.env.CMS_URL = cms();
      const app = await buildPreviewApp({ dir: path.join(tmp, 'preview-app') });
      preview = await serveSite(outDir, previewPort, { preview: await loadPreviewApp(app.dir) });
    }, 180_000);
    afterAll(async () => {
      await preview?.stop();
    });

    /** A link made the way the admin's Preview button makes it. */
    async function linkTo(collection: string, id: number, locale = 'en') {
      const made = await fetch(
        `${cms()}/api/preview/open?collection=${collection}&id=${id}&locale=${locale}`,
        {
          headers: { authorization: `JWT ${await adminToken()}` },
          redirect: 'manual',
        },
      );
      expect(made.status).toBe(303);
      return made.headers.get('location') ?? '';
    }
    async function draftWorkId(slug: string) {
      const found = await fetch(`${cms()}/api/works?where[slug][equals]=${slug}&draft=true&depth=0`, {
        headers: { authorization: `JWT ${await adminToken()}` },
      });
      return ((await found.json()) as { docs: { id: number }[] }).docs[0]?.id as number;
    }

    it('renders a draft work with the site’s components, its photos served through the link', async () => {
      expect(draft).toBeDefined();
      if (!draft) return;
      const url = await linkTo('works', await draftWorkId(draft.slug));
      // The CMS's link points at PREVIEW_URL, where this test serves the preview.
      expect(url.startsWith(`http://127.0.0.1:${previewPort}/preview/en/`)).toBe(true);
      token = linkPath(url).split('/').filter(Boolean).at(-1) as string;
      const response = await open(linkPath(url));
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      // Astro's policy: the page's inline scripts by hash, never framed.
      const policy = response.headers.get('content-security-policy') ?? '';
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).toContain("object-src 'none'");
      expect(policy).toMatch(/script-src 'self' 'sha256-/);
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      const html = await response.text();
      expect(heading(html)).toBe(escapeHtml(draft.title.en));
      expect(html).toContain('Preview of a draft');
      expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
      // The live site never had this draft.
      expect(fs.existsSync(path.join(outDir, 'en', 'works', draft.slug))).toBe(false);
      // Languages stay in the preview.
      expect(html).toContain(`href="/preview/kk/${token}/"`);
      const ru = await (await open(`/preview/ru/${token}/`)).text();
      expect(heading(ru)).toBe(escapeHtml(draft.title.ru));
      // The photos: the draft's own files, fetched from the CMS with the link.
      const photos = [...html.matchAll(/\/preview\/media\/([^"\s,]+\.(?:webp|avif))/g)].map((m) => m[0]);
      expect(photos.length).toBeGreaterThan(0);
      expect(photos.every((photo) => photo.startsWith(`/preview/media/${token}~`))).toBe(true);
      const photo = await open(photos[0] as string);
      expect(photo.status).toBe(200);
      expect(photo.headers.get('content-type')).toMatch(/^image\/(webp|avif)$/);
      // Not public: neither on the live site nor from the CMS without the link.
      const file = (photos[0] as string).split('~')[1] as string;
      expect((await open(`/media/${file}`)).status).toBe(404);
      expect((await fetch(`${cms()}/media/${file}`)).status).toBeGreaterThanOrEqual(400);
    });

    it.runIf(hasBrowser)(
      'opens from a curator’s Preview button in the admin, with its styles, photos and viewer, and no accessibility violations',
      async () => {
        if (!draft) return;
        const curator = { email: `previewer-${Date.now()}@oyu.test`, password: 'a long previewer password' };
        const account = await fetch(`${cms()}/api/users`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `JWT ${await adminToken()}` },
          body: JSON.stringify({ ...curator, roles: ['curator'], name: 'Preview Curator' }),
        });
        expect(account.status).toBe(201);
        const launched = launchBrowser();
        try {
          const { browser } = await launched;
          const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
          const admin = await context.newPage();
          await admin.goto(`${cms()}/admin`, { waitUntil: 'networkidle' });
          await admin.fill('input[name="email"]', curator.email);
          await admin.fill('input[name="password"]', curator.password);
          await admin.click('button[type="submit"]');
          await admin.waitForURL(/\/admin$/, { timeout: 30_000 });
          await admin.goto(`${cms()}/admin/collections/works/${await draftWorkId(draft.slug)}?locale=kk`, {
            waitUntil: 'networkidle',
          });
          const [page] = await Promise.all([
            context.waitForEvent('page'),
            admin.locator('#preview-button').click(),
          ]);
          const failed: string[] = [];
          page.on('response', (response) => {
            if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
          });
          // The preview's Content-Security-Policy holds everything the page does.
          page.on('console', (message) => {
            if (/Content.Security.Policy/i.test(message.text())) failed.push(message.text());
          });
          await page.waitForLoadState('networkidle');
          const policy = (await fetch(page.url())).headers.get('content-security-policy');
          expect(policy).toMatch(/script-src 'self' 'sha256-/);
          expect(page.url()).toMatch(
            new RegExp(`^http://127\\.0\\.0\\.1:${previewPort}/preview/kk/[\\w-]+\\.[\\w-]+/$`),
          );
          await expect(page.locator('h1').textContent()).resolves.toBe(draft.title.kk);
          await expect(page.locator('.preview-banner').textContent()).resolves.toContain('алдын ала қарау');
          // The preview's own stylesheet applied, its photo loaded, its viewer works.
          const columns = await page
            .locator('.work')
            .evaluate((el) => getComputedStyle(el).gridTemplateColumns);
          expect(columns.split(' ')).toHaveLength(2);
          const width = await page
            .locator('.viewer img')
            .first()
            .evaluate((img) => (img as HTMLImageElement).naturalWidth);
          expect(width).toBeGreaterThan(0);
          await page.locator('.viewer .stage').click();
          await page.waitForSelector('dialog.lightbox[open]');
          await page.keyboard.press('Escape');
          expect(failed).toEqual([]);
          const result = await new AxeBuilder({ page }).analyze();
          expect(result.violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
        } finally {
          await (await launched.catch(() => null))?.close();
        }
      },
      120_000,
    );

    it('refuses an altered or expired link with a page that says why, in the reader’s language', async () => {
      const [body, signature] = token.split('.') as [string, string];
      const altered = `${body}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
      const refused = await open(`/preview/ru/${altered}/`);
      expect(refused.status).toBe(403);
      const html = await refused.text();
      expect(html).toContain('Ссылка на предпросмотр изменена, поэтому отклонена.');
      expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
      expect(html).not.toContain(escapeHtml(draft?.title.ru ?? '-'));
      // Its photos are refused too.
      expect((await open(`/preview/media/${altered}~anything.webp`)).status).toBe(403);

      const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
      const expired = signPreviewToken(
        { ...claims, exp: Math.floor(Date.now() / 1000) - 5 },
        cmsEnv.PAYLOAD_SECRET as string,
      );
      const gone = await open(`/preview/en/${expired}/`);
      expect(gone.status).toBe(410);
      expect(await gone.text()).toContain('This preview link has expired.');
      expect((await open('/preview/en/not-a-link/')).status).toBe(400);
    });

    it('previews a draft artisan, and says what an unfinished draft still needs', async () => {
      const headers = { 'content-type': 'application/json', authorization: `JWT ${await adminToken()}` };
      const made = await fetch(`${cms()}/api/artisans?draft=true`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          name: 'Preview Draftkyzy',
          country: 'KZ',
          city: 'Turkistan',
          _status: 'draft',
        }),
      });
      const artisan = ((await made.json()) as { doc: { id: number } }).doc;
      const page = await open(linkPath(await linkTo('artisans', artisan.id)));
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(heading(html)).toBe('Preview Draftkyzy');
      expect(html).toContain('Turkistan');

      const bare = await fetch(`${cms()}/api/works?draft=true`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ title: 'Half-made ring', _status: 'draft' }),
      });
      const work = ((await bare.json()) as { doc: { id: number } }).doc;
      const unfinished = await open(linkPath(await linkTo('works', work.id)));
      expect(unfinished.status).toBe(200);
      const text = await unfinished.text();
      expect(heading(text)).toBe('Half-made ring');
      expect(text).toContain('This draft cannot be shown yet');
      expect(text).toMatch(/Photos: has no photo/);
      for (const [collection, id] of [
        ['artisans', artisan.id],
        ['works', work.id],
      ] as const) {
        await fetch(`${cms()}/api/${collection}/${id}`, { method: 'DELETE', headers });
      }
    });

    it('is not served without the preview server, and has no pages but previews', async () => {
      expect((await open('/preview/en/')).status).toBe(404);
      const plain = await serveSite(outDir, await freePort());
      try {
        const response = await fetch(`http://127.0.0.1:${plain.port}/preview/en/${token}/`);
        expect(response.status).toBe(404);
      } finally {
        await plain.stop();
      }
    });
  });

  it('backs up the running install, restores it with its photos in an S3 bucket, and rebuilds the same site', async () => {
    await buildFromCms({ full: true });
    const archive = path.join(tmp, 'backup.tar.gz');
    const script = (name: string) => path.join(repoRoot, 'scripts', `${name}.ts`);
    // While the CMS runs, as an organiser would.
    await run(paths.tsxBin, [script('backup'), '--out', archive], {
      cwd: repoRoot,
      env: { OYU_DATA_DIR: dataDir },
    });
    // Restored into a new data folder, with the photos moved into a bucket on a local S3 server:
    // the way an install moves to object storage.
    const s3 = await startS3Server('oyu-restored-photos');
    const restoredDir = path.join(tmp, 'restored');
    let cms: Awaited<ReturnType<typeof startCms>> | undefined;
    try {
      await run(paths.tsxBin, [script('restore'), archive], {
        cwd: repoRoot,
        env: { OYU_DATA_DIR: restoredDir, ...s3.env },
      });
      const photos = fs.readdirSync(path.join(dataDir, 'media')).sort();
      const bucket = mediaStore({ mediaDir: path.join(restoredDir, 'media'), s3: s3SettingsOf(s3.env) });
      expect((await bucket.list()).map((file) => file.name)).toEqual(photos);
      expect(fs.existsSync(path.join(restoredDir, 'media'))).toBe(false);

      const port = await freePort();
      const restored = describeStack({
        dataDir: restoredDir,
        cmsPort: port,
        sitePort: await freePort(),
        databaseUri: undefined,
        mediaDir: path.join(restoredDir, 'media'),
        s3: s3SettingsOf(s3.env),
        seedDemo: false,
        demoPhotoSize: undefined,
        verbose: false,
      });
      cms = await startCms({ ...restored.cmsEnv, ...s3.env, SITE_URL: 'https://oyu.example' }, port);
      // Every photo the site shows comes from the bucket, through the CMS.
      const build = await buildSite({
        cmsUrl: `http://127.0.0.1:${port}`,
        siteUrl: 'https://oyu.example',
        dataDir: restoredDir,
      });
      expect(build.pages).toBeGreaterThan(300);
      const before = siteFiles(outDir);
      const after = siteFiles(siteFolders(restoredDir).live);
      expect(Object.keys(after).length).toBe(Object.keys(before).length);
      expect(after).toEqual(before);
      expect(fs.existsSync(path.join(restoredDir, 'media'))).toBe(false);
    } finally {
      await cms?.stop();
      await s3.close();
    }
  }, 300_000);

  it.runIf(hasBrowser)(
    'shows a corpus of script payloads in every text and rich-text field as text: escaped in the pages, never run',
    async () => {
      const token = await adminToken();
      const cms = `http://127.0.0.1:${cmsPort}`;
      const call = async (method: string, url: string, body: unknown) => {
        const response = await fetch(`${cms}${url}`, {
          method,
          headers: { authorization: `JWT ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        const json = (await response.json()) as { doc?: { id: number }; errors?: { message: string }[] };
        return { status: response.status, json };
      };
      // Each payload sets window.xssRan if it ever runs.
      const payloads = [
        '<script>window.xssRan=1</script>',
        '"><img src=x onerror="window.xssRan=2">',
        "'><svg onload=window.xssRan=3>",
        '</script><script>window.xssRan=4</script>',
        '<iframe srcdoc="<script>parent.xssRan=5</script>"></iframe>',
        '{{constructor.constructor("window.xssRan=6")()}}',
        '<a href="javascript:window.xssRan=7">link</a>',
        '\u2028</script><script>window.xssRan=8</script>',
      ];
      const corpus = payloads.join(' ¦ ');
      const textNode = (text: string) => ({
        type: 'text',
        version: 1,
        text,
        format: 0,
        detail: 0,
        mode: 'normal',
        style: '',
      });
      const linkNode = (fields: Record<string, unknown>, text = 'more') => ({
        type: 'link',
        version: 3,
        format: '',
        indent: 0,
        direction: 'ltr',
        fields: { newTab: false, ...fields },
        children: [textNode(text)],
      });
      const address = (url: string) => linkNode({ linkType: 'custom', url });
      const paragraph = (text: string, link?: Record<string, unknown>) => ({
        type: 'paragraph',
        version: 1,
        format: '',
        indent: 0,
        direction: 'ltr',
        children: [textNode(text), ...(link ? [link] : [])],
      });
      const richText = (text: string, links: Record<string, unknown>[]) => ({
        root: {
          type: 'root',
          version: 1,
          format: '',
          indent: 0,
          direction: 'ltr',
          children: links.length ? links.map((link) => paragraph(text, link)) : [paragraph(text)],
        },
      });
      // An address that is allowed, with markup in it: the attribute must hold it as text.
      const markupInAddress = address('https://example.com/"><script>window.xssRan=12</script>');
      // Refused wherever the CMS takes rich text (cms/tests/int/richTextLinks.test.ts), drafts
      // included; a database written around the CMS (restored, or from before the check) may
      // still hold them, so they are written straight into it below, and the site must drop them.
      const scriptLinks = [
        address('javascript:window.xssRan=9'),
        address('data:text/html,<script>alert(1)</script>'),
      ];
      // Links that are not http(s) are refused where the CMS checks them.
      const refusedSite = await call('POST', '/api/artisans', {
        name: 'Refused',
        country: 'KZ',
        website: 'javascript:window.xssRan=10',
      });
      expect(refusedSite.status).toBe(400);
      const refusedText = await call('POST', '/api/artisans?draft=true', {
        name: 'Refused',
        country: 'KZ',
        bio: richText(corpus, scriptLinks),
        _status: 'draft',
      });
      expect(refusedText.status).toBe(400);

      const photo = (await (await fetch(`${cms}/api/media?limit=1&depth=0`)).json()) as {
        docs: { id: number }[];
      };
      const artisan = await call('POST', '/api/artisans?locale=en', {
        name: `Xss ${payloads[0]}`,
        country: 'KZ',
        city: corpus,
        bio: richText(corpus, [markupInAddress]),
        socialLinks: [
          { platform: 'instagram', url: 'https://example.com/"><script>window.xssRan=11</script>' },
        ],
        _status: 'published',
      });
      expect(artisan.status, JSON.stringify(artisan.json.errors)).toBe(201);
      const artisanId = artisan.json.doc?.id;
      // An internal link: each language's page links to the artisan's page in that language.
      const toMaker = linkNode(
        { linkType: 'internal', doc: { relationTo: 'artisans', value: artisanId } },
        'the maker',
      );
      const work = await call('POST', '/api/works?locale=en', {
        title: `Xss work ${payloads[1]}`,
        artisans: [artisanId],
        photos: [photo.docs[0]?.id],
        description: richText(corpus, [markupInAddress, toMaker]),
        provenance: richText(corpus, [markupInAddress]),
        hallmark: payloads[3],
        rightsHolder: payloads[2],
        exhibitionHistory: [{ year: 2024, title: corpus, venue: payloads[4], city: payloads[5] }],
        _status: 'published',
      });
      expect(work.status, JSON.stringify(work.json.errors)).toBe(201);
      for (const locale of ['ru', 'kk']) {
        await call('PATCH', `/api/works/${work.json.doc?.id}?locale=${locale}`, {
          title: `Xss ${locale} ${payloads[7]}`,
          description: richText(corpus, [markupInAddress, toMaker]),
        });
      }
      // The refused links, straight into the database, beside the ones the CMS took. The stamp
      // tells the running CMS that its public cache is stale (cms/src/api/publicCache.ts).
      const database = new DatabaseSync(path.join(dataDir, 'oyu.db'));
      try {
        database.exec('PRAGMA busy_timeout = 5000');
        database
          .prepare('UPDATE works_locales SET description = ?, provenance = ? WHERE _parent_id = ?')
          .run(
            JSON.stringify(richText(corpus, [...scriptLinks, markupInAddress, toMaker])),
            JSON.stringify(richText(corpus, scriptLinks)),
            work.json.doc?.id ?? 0,
          );
        database
          .prepare('UPDATE artisans_locales SET bio = ? WHERE _parent_id = ?')
          .run(JSON.stringify(richText(corpus, [...scriptLinks, markupInAddress])), artisanId ?? 0);
        database
          .prepare(
            `INSERT INTO payload_kv (key, data) VALUES ('oyu-public-content', ?)
             ON CONFLICT (key) DO UPDATE SET data = excluded.data`,
          )
          .run(JSON.stringify({ stamp: crypto.randomUUID() }));
      } finally {
        database.close();
      }
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      await buildFromCms();

      const slugOf = async (collection: string, id: number | undefined) =>
        ((await (await fetch(`${cms}/api/${collection}/${id}?depth=0`)).json()) as { slug: string }).slug;
      const workSlug = await slugOf('works', work.json.doc?.id);
      const artisanSlug = await slugOf('artisans', artisan.json.doc?.id);
      const pages = ['en', 'ru', 'kk'].flatMap((lang) => [
        `${lang}/works/${workSlug}/index.html`,
        `${lang}/artisans/${artisanSlug}/index.html`,
      ]);
      let tried = 0;
      for (const file of pages) {
        const html = read(file);
        // What a browser would run: a tag or attribute the payloads tried to add. Inside a
        // quoted attribute value (a description meta tag) "<script>" is text, so values are
        // left out; a quote in a value is always written &quot;, so each ends at the next ".
        const markup = html.replace(/="[^"]*"/g, '=""');
        expect(markup, file).not.toMatch(
          /<script>window\.xssRan|<(img|svg|iframe)\b[^>]*\s(onerror|onload|srcdoc)=/i,
        );
        expect(html, file).not.toMatch(/href="\s*(javascript|data):/i);
        expect(html, file).toContain('xssRan');
        // Inside the quoted attribute `<` is text; the quote that would end it is escaped.
        expect(html, file).toContain(
          '<a href="https://example.com/&quot;><script>window.xssRan=12</script>" rel="noopener noreferrer">',
        );
        tried += payloads.length;
      }
      for (const lang of ['en', 'ru', 'kk']) {
        expect(read(`${lang}/works/${workSlug}/index.html`)).toContain(
          `<a href="/${lang}/artisans/${artisanSlug}/">the maker</a>`,
        );
      }
      // The open data and the search index carry the text too, as data.
      expect(read('en/browse/works.json')).toContain('Xss work');

      await inBrowser(async (browser, base) => {
        const page = await browser.newPage();
        const dialogs: string[] = [];
        page.on('dialog', async (dialog) => {
          dialogs.push(dialog.message());
          await dialog.dismiss();
        });
        for (const file of pages) {
          await page.goto(`${base}/${file.replace(/index\.html$/, '')}`, { waitUntil: 'networkidle' });
          expect(
            await page.evaluate(() => (window as unknown as { xssRan?: number }).xssRan),
            file,
          ).toBeUndefined();
          // The payload is on the page as text.
          expect(await page.locator('h1').textContent(), file).toContain('Xss');
        }
        await page.goto(`${base}/en/browse/?q=Xss`, { waitUntil: 'networkidle' });
        await page.goto(`${base}/en/search/?q=xss`, { waitUntil: 'networkidle' });
        await page.waitForSelector('.results li');
        expect(await page.evaluate(() => (window as unknown as { xssRan?: number }).xssRan)).toBeUndefined();
        expect(dialogs).toEqual([]);
      });
      console.info(`XSS corpus: ${payloads.length} payloads in ${pages.length} pages (${tried} checks)`);
    },
    240_000,
  );

  it('keeps the last good site when the CMS is down, and says why', async () => {
    const before = read('index.html');
    await stopCms?.();
    stopCms = undefined;
    await expect(buildFromCms()).rejects.toThrow(/did not answer at http:\/\/127\.0\.0\.1:\d+\/api\//);
    expect(read('index.html')).toBe(before);
    // The data of the last build was recorded: the same site is rebuilt from it.
    const page = read(`ru/works/${published[0]?.slug}/index.html`);
    await buildFromCms({ fromSnapshot: true });
    expect(read(`ru/works/${published[0]?.slug}/index.html`)).toBe(page);
  }, 120_000);
});
