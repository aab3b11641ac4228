import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { demoArtisans, demoWorks } from '@oyu/cms/seed/content';
import { buildCms } from '@oyu/scripts/lib/cmsBuild';
import { startCms } from '@oyu/scripts/lib/cmsServer';
import { repoRoot } from '@oyu/scripts/lib/env';
import { freePort, run } from '@oyu/scripts/lib/processes';
import { buildSite } from '@oyu/scripts/lib/siteBuild';
import { describeStack, paths } from '@oyu/scripts/lib/stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The whole loop against a real CMS: a fresh SQLite database seeded with the demo, the CMS's
 * production server, and `astro build` reading its public REST API.
 */
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'oyu-build-test-'));
const outDir = path.join(tmp, 'dist');
let cmsPort: number;
let stopCms: (() => Promise<void>) | undefined;
let buildFromCms: () => ReturnType<typeof buildSite>;

const read = (file: string) => fs.readFileSync(path.join(outDir, file), 'utf8');
const htmlFiles = () =>
  fs.readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
/** The text of the page's one h1. */
const heading = (html: string) => html.match(/<h1[^>]*>(.*?)<\/h1>/s)?.[1];
const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

beforeAll(async () => {
  cmsPort = await freePort();
  const sitePort = await freePort();
  const stack = describeStack({
    dataDir: path.join(tmp, 'data'),
    cmsPort,
    sitePort,
    databaseUri: undefined,
    seedDemo: true,
  });
  await Promise.all([
    run(paths.tsxBin, [paths.seedScript], { cwd: repoRoot, env: stack.cmsEnv }),
    buildCms(stack.cmsEnv),
  ]);
  const cms = await startCms(stack.cmsEnv, cmsPort);
  stopCms = cms.stop;
  buildFromCms = () =>
    buildSite({
      cmsUrl: `http://127.0.0.1:${cmsPort}`,
      siteUrl: 'https://oyu.example',
      outDir,
      mediaCacheDir: path.join(tmp, 'media-cache'),
      cacheDir: path.join(tmp, 'astro-cache'),
      quiet: true,
    });
  await buildFromCms();
}, 600_000);

afterAll(async () => {
  await stopCms?.();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const published = demoWorks.filter((work) => !work.draft);
const drafts = demoWorks.filter((work) => work.draft);

describe('site built from a running CMS', () => {
  it.each(published.map((work) => [work.title.en, work] as const))('has a page for "%s"', (_title, work) => {
    const slug = work.title.en
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    const html = read(`works/${slug}/index.html`);
    expect(heading(html)).toBe(escapeHtml(work.title.en));
    const artisan = demoArtisans.find((a) => a.key === work.artisan);
    expect(html.includes(escapeHtml(artisan?.name ?? 'missing artisan')), 'artisan name').toBe(true);
    // Every photo of the work is in the viewer, in AVIF and WebP, and its files were copied.
    const sources = [...html.matchAll(/srcset="([^"]+)"/gi)].flatMap((m) => (m[1] ?? '').split(', '));
    expect(sources.some((s) => s.includes('.avif'))).toBe(true);
    const files = [...html.matchAll(/\/media\/([^"\s&?]+\.(?:webp|avif))/g)].map((m) => m[1] ?? '');
    const photosOfWork = new Set(files.map((file) => file.replace(/-\d+x\d+\.(webp|avif)$/, '')));
    expect(photosOfWork.size).toBe(work.captions.length);
    for (const file of files) expect(fs.existsSync(path.join(outDir, 'media', file)), file).toBe(true);
  });

  it('lists every published work on the home page', () => {
    const html = read('index.html');
    const links = new Set([...html.matchAll(/href="\/works\/([^/]+)\/"/g)].map((m) => m[1]));
    expect(links.size).toBe(published.length);
  });

  it('has a page for every artisan', () => {
    for (const artisan of demoArtisans) {
      const slug = artisan.name
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-');
      expect(heading(read(`artisans/${slug}/index.html`))).toBe(escapeHtml(artisan.name));
    }
  });

  it('never shows a draft', () => {
    for (const file of htmlFiles()) {
      for (const draft of drafts) expect(read(file), file).not.toContain(escapeHtml(draft.title.en));
    }
  });

  it('never sends a visitor to the CMS', () => {
    for (const file of htmlFiles()) {
      const html = read(file);
      expect(html, file).not.toContain(`:${cmsPort}`);
      expect(html, file).not.toContain('/api/media');
    }
  });

  it('copies only the photo files the pages use', () => {
    const referenced = new Set(
      htmlFiles().flatMap((file) => [...read(file).matchAll(/\/media\/([^"\s&?,]+)/g)].map((m) => m[1])),
    );
    const shipped = fs.readdirSync(path.join(outDir, 'media'));
    expect(new Set(shipped)).toEqual(referenced);
  });

  it('keeps the last good site when the CMS is down, and says why', async () => {
    const before = read('index.html');
    await stopCms?.();
    stopCms = undefined;
    await expect(buildFromCms()).rejects.toThrow(/did not answer at http:\/\/127\.0\.0\.1:\d+\/api\//);
    expect(read('index.html')).toBe(before);
  }, 120_000);
});
