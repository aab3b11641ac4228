import fs from 'node:fs';
import path from 'node:path';
import { type BrowseData, unpackBrowseData } from '@oyu/site/browse-data';
import { describe, expect, it } from 'vitest';
import { siteFolders } from '../../lib/siteBuild';
import { hasBrowser } from '../browser';
import { drafts, published } from './demo';
import { inBrowser } from './site';
import { sharedStack } from './stack';

/** The photos: copied from the CMS's folder by the build, shown in the viewer and lightbox. */
const { dataDir, outDir, read, htmlFiles, firstBuildLog } = sharedStack();

describe('photos', () => {
  it('copies the photos of published documents from the CMS folder, downloading none', () => {
    const counts = { downloaded: 0, copied: 0, cached: 0 };
    for (const line of firstBuildLog) {
      const match = line.match(/photos (\d+) downloaded, (\d+) copied, (\d+) cached/);
      if (!match) continue;
      counts.downloaded += Number(match[1]);
      counts.copied += Number(match[2]);
      counts.cached += Number(match[3]);
    }
    expect(counts).toMatchObject({ downloaded: 0, cached: 0 });
    const cache = fs.readdirSync(siteFolders(dataDir).mediaCacheDir);
    expect(counts.copied).toBe(cache.length);
    // Renditions of published photos only: no original, nothing of a draft work.
    const folder = new Set(fs.readdirSync(path.join(dataDir, 'media')));
    expect(cache.every((name) => folder.has(name))).toBe(true);
    // Every file is a rendition (a name ending -<width>x<height>), never an upload as sent.
    expect(cache.filter((name) => !/-\d+x\d+\.(avif|webp|jpg)$/.test(name))).toEqual([]);
    for (const draft of drafts) {
      const own = new RegExp(`^${draft.slug.replace(/[^a-z0-9]/g, '\\$&')}-\\d+-`);
      expect(folder.has(`${draft.slug}-1.jpg`), draft.slug).toBe(true);
      expect(cache.filter((name) => own.test(name))).toEqual([]);
    }
  });

  it('copies only the photo files the pages and works.json use', () => {
    const referenced = new Set(
      htmlFiles().flatMap((file) => [...read(file).matchAll(/\/media\/([^"\s&?,]+)/g)].map((m) => m[1])),
    );
    const cards = ['en', 'ru', 'kk'].flatMap((lang) =>
      unpackBrowseData(JSON.parse(read(`${lang}/browse/works.json`)) as BrowseData).map((item) =>
        item.image?.src.replace(/^\/media\//, ''),
      ),
    );
    expect(cards.every(Boolean)).toBe(true);
    for (const file of cards) referenced.add(file);
    const shipped = fs.readdirSync(path.join(outDir, 'media'));
    expect(new Set(shipped)).toEqual(referenced);
  });

  it.runIf(hasBrowser)(
    'shows the photos in a browser, with a lightbox and zoom by keyboard, and the site without JavaScript',
    async () => {
      await inBrowser(outDir, async (browser, base) => {
        const work = published.find((w) => w.views.length === 3);
        const url = `${base}/en/works/${work?.slug}/`;
        const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
        const requested: string[] = [];
        const problems: string[] = [];
        page.on('request', (request) => requested.push(request.url()));
        page.on('pageerror', (error) => problems.push(error.message));
        page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
        await page.goto(url, { waitUntil: 'networkidle' });
        await page.waitForSelector('[data-viewer][data-ready]', { timeout: 15_000 });
        const main = page.locator('.viewer .stage img');
        const caption = page.locator('.viewer figcaption');
        await expect.poll(() => caption.textContent()).toContain('Photo 1 of 3');
        await page.locator('.viewer .thumbs a').nth(1).click();
        await expect.poll(() => caption.textContent()).toContain('Photo 2 of 3');
        expect(await main.getAttribute('src')).toMatch(/-2-\d+x\d+\.webp$/);
        expect(page.url()).toBe(url);
        // Keyboard: focus a thumbnail, then step with the arrow keys.
        await page.locator('.viewer .thumbs a').nth(1).focus();
        await page.keyboard.press('ArrowRight');
        await expect.poll(() => caption.textContent()).toContain('Photo 3 of 3');
        await page.keyboard.press('ArrowRight');
        await expect.poll(() => caption.textContent()).toContain('Photo 1 of 3');

        // The lightbox, by keyboard only: Enter on the photo opens it, + zooms, arrows pan,
        // 0 resets, arrows then change photo, Escape closes and gives focus back.
        const dialog = page.locator('dialog.lightbox');
        const big = dialog.locator('.canvas img');
        const transform = () => big.evaluate((img: HTMLImageElement) => img.style.transform);
        await page.locator('.viewer .stage').focus();
        await page.keyboard.press('Enter');
        await expect.poll(() => dialog.evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
        expect(await dialog.locator('.count').textContent()).toBe('Photo 1 of 3');
        await page.keyboard.press('+');
        await expect.poll(transform).toContain('scale(1.5)');
        await page.keyboard.press('ArrowRight');
        await expect.poll(transform).toMatch(/translate\(-\d+(\.\d+)?px, 0px\) scale\(1\.5\)/);
        expect(await dialog.locator('.count').textContent()).toBe('Photo 1 of 3');
        await page.keyboard.press('0');
        await expect.poll(transform).toBe('translate(0px, 0px) scale(1)');
        await page.keyboard.press('ArrowRight');
        await expect.poll(() => dialog.locator('.count').textContent()).toBe('Photo 2 of 3');
        await expect
          .poll(() => big.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
          .toBe(true);
        // The zoom buttons work too, and say when they cannot go further.
        const zoomOut = dialog.getByRole('button', { name: 'Zoom out' });
        expect(await zoomOut.isDisabled()).toBe(true);
        // 1 → 1.5 → 2.25 → 3.375 → 4, the most.
        for (let i = 0; i < 4; i++) await dialog.getByRole('button', { name: 'Zoom in' }).click();
        await expect.poll(transform).toContain('scale(4)');
        expect(await dialog.getByRole('button', { name: 'Zoom in' }).isDisabled()).toBe(true);
        await page.keyboard.press('Escape');
        await expect.poll(() => dialog.evaluate((d: HTMLDialogElement) => d.open)).toBe(false);
        expect(await page.evaluate(() => document.activeElement?.className)).toContain('stage');
        await expect.poll(() => caption.textContent()).toContain('Photo 2 of 3');
        // Touch: tap opens the lightbox, a swipe changes photo, a pinch zooms, a double tap
        // zooms back out (touches sent as Chromium receives them from a touch screen).
        const touchContext = await browser.newContext({
          viewport: { width: 390, height: 844 },
          hasTouch: true,
          isMobile: true,
        });
        const phone = await touchContext.newPage();
        await phone.goto(url, { waitUntil: 'networkidle' });
        await phone.waitForSelector('[data-viewer][data-ready]');
        await phone.tap('.viewer .stage');
        await phone.waitForSelector('dialog.lightbox[open]');
        const cdp = await touchContext.newCDPSession(phone);
        const canvas = await phone.locator('dialog .canvas').boundingBox();
        if (!canvas) throw new Error('the lightbox has no canvas');
        const [cx, cy] = [canvas.x + canvas.width / 2, canvas.y + canvas.height / 2];
        const touches = (type: 'touchStart' | 'touchMove' | 'touchEnd', points: number[][]) =>
          cdp.send('Input.dispatchTouchEvent', {
            type,
            touchPoints: points.map(([x = 0, y = 0], id) => ({ x, y, id })),
          });
        const gesture = async (from: number[][], to: number[][]) => {
          await touches('touchStart', from);
          for (let step = 1; step <= 8; step++) {
            await touches(
              'touchMove',
              from.map(([x = 0, y = 0], i) => [
                x + (((to[i]?.[0] ?? x) - x) * step) / 8,
                y + (((to[i]?.[1] ?? y) - y) * step) / 8,
              ]),
            );
          }
          await touches('touchEnd', []);
        };
        const phoneCount = () => phone.locator('dialog .count').textContent();
        const phoneTransform = () =>
          phone.locator('dialog .canvas img').evaluate((img: HTMLImageElement) => img.style.transform);
        await gesture([[cx + 100, cy]], [[cx - 100, cy]]);
        await expect.poll(phoneCount).toBe('Photo 2 of 3');
        await gesture(
          [
            [cx - 50, cy],
            [cx + 50, cy],
          ],
          [
            [cx - 120, cy],
            [cx + 120, cy],
          ],
        );
        await expect.poll(phoneTransform).toContain('scale(2.4)');
        await phone.touchscreen.tap(cx, cy);
        await phone.touchscreen.tap(cx, cy);
        await expect.poll(phoneTransform).toBe('translate(0px, 0px) scale(1)');
        expect(await phoneCount()).toBe('Photo 2 of 3');
        await touchContext.close();

        // No React on a work page: its one small script is the viewer.
        expect(await page.locator('astro-island').count()).toBe(0);

        // The photo actually loaded, from the site itself.
        expect(await main.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(
          true,
        );
        expect(requested.filter((r) => !r.startsWith(`${base}/`) && !r.startsWith('data:'))).toEqual([]);
        expect(problems).toEqual([]);

        // The language switcher leads to the same work in Kazakh.
        await page
          .getByRole('navigation', { name: 'Language' })
          .getByRole('link', { name: 'Қазақша' })
          .click();
        await page.waitForURL(`${base}/kk/works/${work?.slug}/`);
        expect(await page.locator('h1').textContent()).toBe(work?.title.kk);
        expect(await page.locator('html').getAttribute('lang')).toBe('kk');

        // Without JavaScript the first photo shows and each thumbnail links to its file.
        const noScript = await browser.newContext({ javaScriptEnabled: false });
        const plain = await noScript.newPage();
        await plain.goto(url);
        const href = await plain.locator('.viewer .thumbs a').nth(2).getAttribute('href');
        const file = await plain.request.get(`${base}${href}`);
        expect(file.status()).toBe(200);
        expect(file.headers()['content-type']).toBe('image/webp');
        await noScript.close();
      });
    },
    60_000,
  );
});
