import { inlineHashes, mergeHashes } from '@oyu/site/security-headers';
import { describe, expect, it } from 'vitest';
import { headersFor, parseHeadersFile } from '../../lib/headersFile';
import { hasBrowser } from '../browser';
import { demoEditions, published } from './demo';
import { inBrowser } from './site';
import { sharedStack } from './stack';

/** The _headers file each build writes, and its Content-Security-Policy in Chromium. */
const { outDir, read, htmlFiles } = sharedStack();

describe('security headers', () => {
  it('ships the security headers as a _headers file whose policy allows every inline script and style the pages hold', () => {
    const rules = parseHeadersFile(read('_headers'));
    const headers = headersFor(rules, '/en/');
    expect(Object.keys(headers).sort()).toEqual(
      [
        'content-security-policy',
        'cross-origin-opener-policy',
        'permissions-policy',
        'referrer-policy',
        'strict-transport-security',
        'x-content-type-options',
        'x-frame-options',
      ].sort(),
    );
    const csp = headers['content-security-policy'] ?? '';
    const all = mergeHashes(...htmlFiles().map((file) => inlineHashes(read(file))));
    expect(all.scripts.length).toBeGreaterThan(0);
    for (const hash of [...all.scripts, ...all.styles]) expect(csp).toContain(hash);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  });

  it.runIf(hasBrowser)(
    'reports no Content-Security-Policy violation on any page type, in any language, with the headers applied',
    async () => {
      await inBrowser(outDir, async (browser, base) => {
        const work = published[0]?.slug;
        const artisan = read('en/artisans/index.html').match(/href="\/en\/artisans\/([^/]+)\/"/)?.[1];
        const showcase = demoEditions[0]?.showcases[0]?.key;
        const pages = ['/', '/missing/'];
        for (const lang of ['en', 'ru', 'kk']) {
          pages.push(
            `/${lang}/`,
            `/${lang}/works/${work}/`,
            `/${lang}/artisans/${artisan}/`,
            `/${lang}/artisans/`,
            `/${lang}/editions/`,
            `/${lang}/editions/2026/`,
            `/${lang}/collections/${showcase}/`,
            `/${lang}/about/`,
            `/${lang}/browse/`,
            `/${lang}/browse/?material=silver`,
            `/${lang}/browse/material/silver/`,
            `/${lang}/browse/page/2/`,
            `/${lang}/search/?q=${encodeURIComponent({ en: 'silver', ru: 'серебро', kk: 'күміс' }[lang] ?? '')}`,
          );
        }
        const violations: string[] = [];
        const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
        await context.addInitScript(() => {
          const seen: string[] = [];
          (window as unknown as { cspViolations: string[] }).cspViolations = seen;
          document.addEventListener('securitypolicyviolation', (event) =>
            seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`),
          );
        });
        for (const pagePath of pages) {
          const page = await context.newPage();
          page.on('console', (message) => {
            if (/Content.Security.Policy/i.test(message.text()))
              violations.push(`${pagePath}: ${message.text()}`);
          });
          const response = await page.goto(`${base}${pagePath}`, { waitUntil: 'networkidle' });
          expect(response?.headers()['content-security-policy'], pagePath).toContain("script-src 'self'");
          // What the page's scripts do must still work under the policy.
          const works = async (what: string, action: () => Promise<unknown>) =>
            action().catch((error: Error) =>
              violations.push(`${pagePath}: ${what} (${error.message.split('\n')[0]})`),
            );
          if (pagePath.includes('/search/'))
            await works('no search results', () => page.waitForSelector('.results li', { timeout: 15_000 }));
          if (await page.locator('.browse').count()) {
            await works('the browse island never became ready', () =>
              page.waitForSelector('.browse[data-ready]', { timeout: 15_000 }),
            );
          }
          if (pagePath.includes('/works/')) {
            await works('the lightbox did not open', async () => {
              await page.locator('.viewer .stage').click();
              await page.waitForSelector('dialog.lightbox[open]', { timeout: 15_000 });
            });
          }
          const seen = await page.evaluate(
            () => (window as unknown as { cspViolations: string[] }).cspViolations,
          );
          violations.push(...seen.map((violation) => `${pagePath}: ${violation}`));
          await page.close();
        }
        await context.close();
        expect(violations).toEqual([]);
      });
    },
    240_000,
  );
});
