import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { hasBrowser } from '../browser';
import { demoEditions, published } from './demo';
import { inBrowser } from './site';
import { sharedStack } from './stack';

/** Every page type checked by axe in Chromium, at a phone's width and a desktop's. */
const { outDir, read } = sharedStack();

describe('accessibility', () => {
  it.runIf(hasBrowser)(
    'has no accessibility violations (axe) on any page type',
    async () => {
      await inBrowser(outDir, async (browser, base) => {
        const work = published[0]?.slug;
        const artisan = read('en/artisans/index.html').match(/href="\/en\/artisans\/([^/]+)\/"/)?.[1];
        const showcase = demoEditions[0]?.showcases[0]?.key;
        const pages = [
          '/',
          '/en/',
          `/en/works/${work}/`,
          `/kk/works/${work}/`,
          `/en/artisans/${artisan}/`,
          '/ru/artisans/',
          '/en/editions/',
          '/kk/editions/2026/',
          `/en/collections/${showcase}/`,
          '/ru/about/',
          '/missing/',
          '/en/browse/',
          '/ru/browse/?material=silver',
          '/kk/browse/material/silver/',
          '/ru/browse/page/2/',
          '/en/search/?q=silver',
          '/kk/search/?q=күміс',
          // The work page with its lightbox open.
          `/en/works/${work}/#lightbox`,
        ];
        const violations: string[] = [];
        for (const pagePath of pages) {
          for (const width of [390, 1280]) {
            // axe needs a page of its own context.
            const context = await browser.newContext({ viewport: { width, height: 900 } });
            const page = await context.newPage();
            await page.goto(`${base}${pagePath}`, { waitUntil: 'networkidle' });
            if (pagePath.endsWith('#lightbox')) {
              await page.locator('.viewer .stage').click();
              await page.waitForSelector('dialog.lightbox[open]');
            }
            if (pagePath.includes('/search/')) await page.waitForSelector('.results li');
            const result = await new AxeBuilder({ page }).analyze();
            for (const v of result.violations) {
              violations.push(
                `${pagePath} @${width}px: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`,
              );
            }
            await context.close();
          }
        }
        expect(violations).toEqual([]);
      });
    },
    // Every page type in turn, in Chromium: a machine busy with other work takes several times
    // as long as a quiet CI run (docs/performance.notes.md).
    360_000,
  );
});
