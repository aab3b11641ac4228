import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { published } from './demo';
import { escapeHtml } from './site';
import { sharedStack } from './stack';

/** What search engines and link previews read: Open Graph tags, the sitemap, robots.txt. */
const { outDir, read } = sharedStack();

describe('link previews and the sitemap', () => {
  it('gives every page a link preview: Open Graph and Twitter tags with a 1200×630 JPEG where the CMS made one', () => {
    const meta = (html: string, key: string) =>
      html.match(new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`))?.[1];
    const work = published[0];
    const html = read(`ru/works/${work?.slug}/index.html`);
    expect(meta(html, 'og:title')).toBe(`${escapeHtml(work?.title.ru ?? '')} · Oyu`);
    expect(meta(html, 'og:url')).toBe(`https://oyu.example/ru/works/${work?.slug}/`);
    expect(meta(html, 'og:locale')).toBe('ru_RU');
    expect(meta(html, 'twitter:card')).toBe('summary_large_image');
    const image = meta(html, 'og:image') ?? '';
    // The demo's photos are 480×360 here, too small for the 1200×630 crop: the widest WebP
    // stands in, with its real size.
    expect(image).toMatch(/^https:\/\/oyu\.example\/media\/.+\.(jpg|webp)$/);
    expect(fs.existsSync(path.join(outDir, new URL(image).pathname)), image).toBe(true);
    expect(Number(meta(html, 'og:image:width'))).toBeGreaterThan(0);
    expect(meta(html, 'og:image:alt')).toBeTruthy();
    // Pages without a photo of their own use the current edition's.
    for (const page of ['en/index.html', 'kk/about/index.html', 'en/browse/index.html']) {
      const shared = meta(read(page), 'og:image') ?? '';
      expect(fs.existsSync(path.join(outDir, new URL(shared).pathname)), page).toBe(true);
    }
  });

  it('writes a sitemap with every language and a robots.txt', () => {
    const sitemap = read('sitemap-0.xml');
    expect(sitemap).toContain('<loc>https://oyu.example/kk/works/');
    expect(sitemap).toContain('hreflang="ru"');
    expect(sitemap).not.toContain('/404');
    // The pages of the listing are pages like any other; works.json is not a page.
    expect(sitemap).toContain('<loc>https://oyu.example/ru/browse/page/2/</loc>');
    expect(sitemap).not.toContain('works.json');
    expect(read('robots.txt')).toContain('Sitemap: https://oyu.example/sitemap-index.xml');
  });
});
