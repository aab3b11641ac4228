import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { BrowseData } from '@oyu/site/browse-data';
import { describe, expect, it } from 'vitest';
import { hasBrowser } from '../browser';
import { demoEditions, published } from './demo';
import { inBrowser } from './site';
import { sharedStack } from './stack';

/** The browse page: its static listing and works.json, and its filters in a browser. */
const { outDir, read } = sharedStack();

describe('browsing the works', () => {
  it('lists the works a page at a time from the browse page, all of them in works.json, and a few featured ones on the home page', () => {
    const pageSize = 48;
    const pageCount = Math.ceil(published.length / pageSize);
    // The demo has more works than one page holds, so the listing goes on.
    expect(pageCount).toBeGreaterThan(1);
    for (const lang of ['en', 'ru', 'kk']) {
      const links = (html: string) =>
        new Set([...html.matchAll(new RegExp(`href="/${lang}/works/([^/]+)/"`, 'g'))].map((m) => m[1]));
      const browse = read(`${lang}/browse/index.html`);
      expect(links(browse).size, lang).toBe(pageSize);
      expect(browse).toContain(`href="/${lang}/browse/page/2/"`);
      const status = {
        en: `${pageSize} of ${published.length} works`,
        ru: `Работ: ${pageSize} из ${published.length}`,
        kk: `${published.length} жұмыстың ${pageSize}-і`,
      }[lang];
      expect(browse).toContain(`role="status">${status}</p>`);
      // Pages 2 and on: each work on exactly one page of the listing.
      const pages = fs.readdirSync(path.join(outDir, lang, 'browse', 'page')).sort();
      expect(pages, lang).toEqual(Array.from({ length: pageCount - 1 }, (_, i) => String(i + 2)).sort());
      const listed = [browse, ...pages.map((n) => read(`${lang}/browse/page/${n}/index.html`))].flatMap(
        (html) => [...links(html)],
      );
      expect(new Set(listed).size, lang).toBe(listed.length);
      expect(new Set(listed), lang).toEqual(new Set(published.map((work) => work.slug)));
      const last = read(`${lang}/browse/page/${pageCount}/index.html`);
      const previous = pageCount === 2 ? `/${lang}/browse/` : `/${lang}/browse/page/${pageCount - 1}/`;
      expect(last).toContain(`href="${previous}"`);
      expect(last).toContain(
        `<link rel="canonical" href="https://oyu.example/${lang}/browse/page/${pageCount}/">`,
      );
      expect(last).toMatch(/<nav aria-label="[^"]+" class="pager/);
      // works.json: every work, with its title in the language, and no whitespace.
      const json = read(`${lang}/browse/works.json`);
      const data = JSON.parse(json) as BrowseData;
      expect(data.pages).toBe(`/${lang}/works/`);
      // The page fetches it by an address that changes with its content.
      const version = crypto.createHash('sha1').update(json).digest('hex').slice(0, 12);
      expect(read(`${lang}/browse/index.html`)).toContain(`/${lang}/browse/works.json?v=${version}`);
      expect(data.works.map(([slug]) => slug).sort(), lang).toEqual(
        published.map((work) => work.slug).sort(),
      );
      for (const work of published)
        expect(data.works.find(([slug]) => slug === work.slug)?.[1]).toBe(
          work.title[lang as 'en' | 'ru' | 'kk'],
        );
      expect(json).not.toMatch(/\n|": /);
      const home = read(`${lang}/index.html`);
      expect(links(home).size, lang).toBe(8);
      expect(home).toContain(`href="/${lang}/browse/"`);
      // The current edition and its collections lead the home page.
      const current = demoEditions.find((edition) => edition.stage === 'current') ?? demoEditions[0];
      expect(home).toContain(`href="/${lang}/editions/${current?.year}/"`);
    }
  });

  it.runIf(hasBrowser)(
    'filters the works by facets with live counts, keeps the filters in the URL, and lists them without JavaScript',
    async () => {
      await inBrowser(outDir, async (browser, base) => {
        /** The works a static one-value page lists, e.g. `en/browse/material/silver/`. */
        const listed = (page: string) =>
          new Set(
            [
              ...read(`${page}index.html`).matchAll(
                /<li class="card"[^>]*>\s*<a href="\/en\/works\/([^/]+)\/"/g,
              ),
            ].map((m) => m[1]),
          );
        const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
        const problems: string[] = [];
        page.on('pageerror', (error) => problems.push(error.message));
        await page.goto(`${base}/en/browse/`, { waitUntil: 'networkidle' });
        await page.waitForSelector('.facets input[type="checkbox"]', { state: 'attached', timeout: 15_000 });
        const total = published.length;
        const status = page.locator('.browse .status');
        expect(await status.textContent()).toBe(`${total} of ${total} works`);

        // One material: the same works as its static page.
        const silver = listed('en/browse/material/silver/');
        expect(silver.size).toBeGreaterThan(1);
        await page.locator('summary', { hasText: 'Materials' }).click();
        const silverBox = page.getByRole('checkbox', { name: /^Silver/ });
        expect(await silverBox.locator('xpath=..').locator('.n').textContent()).toBe(String(silver.size));
        await silverBox.check();
        await expect.poll(() => status.textContent()).toBe(`${silver.size} of ${total} works`);
        expect(new URL(page.url()).search).toBe('?material=silver');
        const cards = async () =>
          new Set(
            (
              await page
                .locator('.browse .card > a')
                .evaluateAll((links) => links.map((a) => a.getAttribute('href')))
            ).map((href) => href?.split('/')[3]),
          );
        expect(await cards()).toEqual(silver);

        // A second facet narrows (AND), and its count said beforehand how far.
        const rings = listed('en/browse/type/ring/');
        const both = [...silver].filter((slug) => rings.has(slug));
        await page.locator('summary', { hasText: 'Type of piece' }).click();
        const ringBox = page.getByRole('checkbox', { name: /^Ring/ });
        expect(await ringBox.locator('xpath=..').locator('.n').textContent()).toBe(String(both.length));
        await ringBox.check();
        await expect.poll(() => status.textContent()).toBe(`${both.length} of ${total} works`);
        expect(await cards()).toEqual(new Set(both));
        // A second value of the same facet widens (OR).
        const gold = listed('en/browse/material/gold/');
        await page.getByRole('checkbox', { name: /^Gold/ }).check();
        const either = [...rings].filter((slug) => silver.has(slug) || gold.has(slug));
        await expect.poll(() => status.textContent()).toBe(`${either.length} of ${total} works`);
        expect(new URL(page.url()).search).toBe('?type=ring&material=silver,gold');

        // The URL brings the same selection back, e.g. when shared or reloaded.
        await page.reload({ waitUntil: 'networkidle' });
        await expect.poll(() => status.textContent()).toBe(`${either.length} of ${total} works`);
        expect(await page.getByRole('checkbox', { name: /^Ring/ }).isChecked()).toBe(true);
        await page.getByRole('button', { name: 'Clear all filters' }).click();
        await expect.poll(() => status.textContent()).toBe(`${total} of ${total} works`);
        expect(new URL(page.url()).search).toBe('');
        expect(problems).toEqual([]);

        // In Kazakh, labels and counts come in Kazakh.
        await page.goto(`${base}/kk/browse/?country=kz`, { waitUntil: 'networkidle' });
        const kazakh = listed('en/browse/country/kz/');
        await expect
          .poll(() => page.locator('.browse .status').textContent())
          .toBe(`${total} жұмыстың ${kazakh.size}-і`);

        // Without JavaScript: the first page, a link to the rest, and each value links to its
        // static page.
        const noScript = await browser.newContext({ javaScriptEnabled: false });
        const plain = await noScript.newPage();
        await plain.goto(`${base}/en/browse/`);
        expect(await plain.locator('.browse .card').count()).toBe(48);
        expect(await plain.locator('.browse .status').textContent()).toBe(`48 of ${total} works`);
        await plain
          .getByRole('navigation', { name: 'Pages' })
          .getByRole('link', { name: /Next page/ })
          .click();
        await plain.waitForURL(`${base}/en/browse/page/2/`);
        expect(await plain.locator('main .card').count()).toBe(Math.min(48, total - 48));
        await plain.getByRole('link', { name: /Previous page/ }).click();
        await plain.waitForURL(`${base}/en/browse/`);
        await plain.locator('summary', { hasText: 'Materials' }).click();
        await plain.getByRole('link', { name: /^Silver/ }).click();
        await plain.waitForURL(`${base}/en/browse/material/silver/`);
        expect(await plain.locator('h1').textContent()).toBe('Materials: Silver');
        expect(await plain.locator('main .card').count()).toBe(silver.size);
        await noScript.close();
      });
    },
    60_000,
  );

  it.runIf(hasBrowser)(
    'opens a shared selection before the works arrive, and nothing moves when they do',
    async () => {
      await inBrowser(outDir, async (browser, base) => {
        const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
        await page.addInitScript(() => {
          const shifts: number[] = [];
          (window as unknown as { shifts: number[] }).shifts = shifts;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries() as (PerformanceEntry & { value: number })[])
              shifts.push(entry.value);
          }).observe({ type: 'layout-shift', buffered: true });
        });
        // works.json is held back until the page as first painted has been looked at.
        let release: () => void = () => {};
        const held = new Promise<void>((resolve) => {
          release = resolve;
        });
        await page.route('**/works.json*', async (route) => {
          await held;
          await route.continue();
        });
        // A browser may paint before the script after the island has run (a slow phone does):
        // the page as it stands then, without that script, shows nothing of the browse area.
        const early = await browser.newPage({ viewport: { width: 390, height: 844 } });
        await early.route('**/en/browse/?*', async (route) => {
          const response = await route.fetch();
          const html = (await response.text()).replace(
            /<script>\(\(\) => \{\s*const root = [\s\S]*?<\/script>/,
            '',
          );
          expect(html).not.toContain('details.open = true');
          await route.fulfill({ response, body: html });
        });
        await early.goto(`${base}/en/browse/?material=silver`);
        expect(await early.locator('.browse').evaluate((el) => getComputedStyle(el).visibility)).toBe(
          'hidden',
        );
        await early.close();

        await page.goto(`${base}/en/browse/?material=silver&colour=no-such-colour`);
        // Before the works: the chosen filter is open, the other ones closed, and the first
        // works of all are not shown in place of the matches.
        expect(await page.locator('details[data-facet="material"]').getAttribute('open')).not.toBeNull();
        expect(await page.locator('details[data-facet="type"]').getAttribute('open')).toBeNull();
        expect(
          await page.locator('.browse .grid').evaluate((grid) => getComputedStyle(grid).visibility),
        ).toBe('hidden');
        release();
        await expect
          .poll(() => page.locator('.browse .grid').evaluate((grid) => getComputedStyle(grid).visibility))
          .toBe('visible');
        // No colour is called that: no work matches, and the footer stays where it was.
        expect(await page.locator('.browse .card').count()).toBe(0);
        const shifted = await page.evaluate(() =>
          (window as unknown as { shifts: number[] }).shifts.reduce((sum, value) => sum + value, 0),
        );
        expect(shifted).toBeLessThan(0.05);
      });
    },
    60_000,
  );
});
