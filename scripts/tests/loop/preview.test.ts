import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { signPreviewToken } from '@oyu/cms/preview-token';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPreviewApp, loadPreviewApp } from '../../lib/previewApp';
import { freePort } from '../../lib/processes';
import { serveSite } from '../../lib/siteServer';
import { hasBrowser, launchBrowser } from '../browser';
import { adminToken } from './cms';
import { drafts } from './demo';
import { escapeHtml, heading } from './site';
import { type OwnStack, ownStack } from './stack';

/** Drafts previewed through signed links, beside the live site. It makes drafts: an install of its own. */
let stack: OwnStack;

describe('draft preview', () => {
  const cms = () => `http://127.0.0.1:${stack.cmsPort}`;
  let preview: Awaited<ReturnType<typeof serveSite>>;
  let token = '';
  const draft = drafts[0];
  const open = (pathname: string) => fetch(`http://127.0.0.1:${preview.port}${pathname}`);
  const linkPath = (url: string) => new URL(url).pathname;

  beforeAll(async () => {
    stack = await ownStack('preview');
    // The preview pages read the CMS from this process's environment, as `pnpm start`'s do.
    process.env.CMS_URL = cms();
    const app = await buildPreviewApp({ dir: path.join(stack.root, 'preview-app') });
    preview = await serveSite(stack.outDir, stack.previewPort, { preview: await loadPreviewApp(app.dir) });
  }, 360_000);
  afterAll(async () => {
    await preview?.stop();
    await stack?.stop();
  }, 30_000);

  /** A link made the way the admin's Preview button makes it. */
  async function linkTo(collection: string, id: number, locale = 'en') {
    const made = await fetch(`${cms()}/api/preview/open?collection=${collection}&id=${id}&locale=${locale}`, {
      headers: { authorization: `JWT ${await adminToken(stack)}` },
      redirect: 'manual',
    });
    expect(made.status).toBe(303);
    return made.headers.get('location') ?? '';
  }
  async function draftWorkId(slug: string) {
    const found = await fetch(`${cms()}/api/works?where[slug][equals]=${slug}&draft=true&depth=0`, {
      headers: { authorization: `JWT ${await adminToken(stack)}` },
    });
    return ((await found.json()) as { docs: { id: number }[] }).docs[0]?.id as number;
  }
  const tokenOf = (url: string) => linkPath(url).split('/').filter(Boolean).at(-1) as string;
  /** The token of a link to the draft work: the one the first test made, or a new one. */
  async function draftToken() {
    if (!token && draft) token = tokenOf(await linkTo('works', await draftWorkId(draft.slug)));
    return token;
  }

  it('renders a draft work with the site’s components, its photos served through the link', async () => {
    expect(draft).toBeDefined();
    if (!draft) return;
    const url = await linkTo('works', await draftWorkId(draft.slug));
    // The CMS's link points at PREVIEW_URL, where this test serves the preview.
    expect(url.startsWith(`http://127.0.0.1:${stack.previewPort}/preview/en/`)).toBe(true);
    token = tokenOf(url);
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
    expect(fs.existsSync(path.join(stack.outDir, 'en', 'works', draft.slug))).toBe(false);
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
        headers: { 'content-type': 'application/json', authorization: `JWT ${await adminToken(stack)}` },
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
          new RegExp(`^http://127\\.0\\.0\\.1:${stack.previewPort}/preview/kk/[\\w-]+\\.[\\w-]+/$`),
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
    const [body, signature] = (await draftToken()).split('.') as [string, string];
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
      stack.cmsEnv.PAYLOAD_SECRET as string,
    );
    const gone = await open(`/preview/en/${expired}/`);
    expect(gone.status).toBe(410);
    expect(await gone.text()).toContain('This preview link has expired.');
    expect((await open('/preview/en/not-a-link/')).status).toBe(400);
  });

  it('previews a draft artisan, and says what an unfinished draft still needs', async () => {
    const headers = { 'content-type': 'application/json', authorization: `JWT ${await adminToken(stack)}` };
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
    const plain = await serveSite(stack.outDir, await freePort());
    try {
      const response = await fetch(`http://127.0.0.1:${plain.port}/preview/en/${await draftToken()}/`);
      expect(response.status).toBe(404);
    } finally {
      await plain.stop();
    }
  });
});
