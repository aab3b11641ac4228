import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasBrowser } from '../browser';
import { demoArtisans, demoEditions, published } from './demo';
import { inBrowser } from './site';
import { sharedStack } from './stack';

/** The search index Pagefind writes per language, and the search page in a browser. */
const { outDir, read } = sharedStack();

describe('search', () => {
  it('writes one search index per language, holding works, artisans, collections and editions', () => {
    const showcases = demoEditions.flatMap((edition) => edition.showcases).length;
    const expected = published.length + demoArtisans.length + showcases + demoEditions.length;
    expect(fs.readdirSync(path.join(outDir, 'pagefind')).sort()).toEqual(['en', 'kk', 'ru']);
    for (const lang of ['en', 'ru', 'kk']) {
      const entry = JSON.parse(read(`pagefind/${lang}/pagefind-entry.json`)) as {
        languages: Record<string, { page_count: number }>;
      };
      expect(Object.keys(entry.languages), lang).toEqual([lang]);
      expect(entry.languages[lang]?.page_count, lang).toBe(expected);
      // Pagefind's own interfaces are not shipped: the site has its own search page.
      const files = fs.readdirSync(path.join(outDir, 'pagefind', lang));
      expect(
        files.filter((file) => file.includes('-ui')),
        lang,
      ).toEqual([]);
    }
  });

  it.runIf(hasBrowser)(
    'finds a seeded work by its title in each language, and a Kazakh word by its first letters',
    async () => {
      await inBrowser(outDir, async (browser, base) => {
        const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
        const problems: string[] = [];
        page.on('pageerror', (error) => problems.push(error.message));
        const work = published[5];
        if (!work) throw new Error('the demo has too few works');
        const resultLinks = () =>
          page.locator('.results li a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
        for (const lang of ['en', 'ru', 'kk'] as const) {
          await page.goto(`${base}/${lang}/search/`, { waitUntil: 'networkidle' });
          await page.getByRole('searchbox').fill(work.title[lang]);
          await expect.poll(resultLinks, { timeout: 15_000 }).toContain(`/${lang}/works/${work.slug}/`);
          expect(new URL(page.url()).searchParams.get('q')).toBe(work.title[lang]);
          // The first result is the work itself, with its thumbnail, served by the site.
          expect((await resultLinks())[0]).toBe(`/${lang}/works/${work.slug}/`);
          const thumb = page.locator('.results li img').first();
          expect(await thumb.getAttribute('src')).toMatch(/^\/media\/.+\.webp$/);
          await expect
            .poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
            .toBe(true);
          expect(await page.locator('.status').textContent()).toContain(work.title[lang]);
        }
        // Kazakh has no stemmer in Pagefind: the first letters of an inflected word find it.
        const word = work.title.kk.split(/\s+/).find((w) => w.length >= 6) ?? work.title.kk;
        await page.goto(`${base}/kk/search/?q=${encodeURIComponent(word.slice(0, 4))}`, {
          waitUntil: 'networkidle',
        });
        await expect.poll(resultLinks, { timeout: 15_000 }).toContain(`/kk/works/${work.slug}/`);
        // Nothing found says so, in the page's language.
        await page.getByRole('searchbox').fill('zzqxj');
        await expect.poll(() => page.locator('.status').textContent()).toContain('ештеңе табылмады');
        expect(await page.locator('.results li').count()).toBe(0);
        expect(problems).toEqual([]);

        // Without JavaScript the page says so and offers the other ways in.
        const noScript = await browser.newContext({ javaScriptEnabled: false });
        const plain = await noScript.newPage();
        await plain.goto(`${base}/en/search/`);
        expect(await plain.locator('.needs-js').textContent()).toContain('needs JavaScript');
        expect(await plain.locator('.needs-js a').first().getAttribute('href')).toBe('/en/browse/');
        await noScript.close();
      });
    },
    60_000,
  );
});
