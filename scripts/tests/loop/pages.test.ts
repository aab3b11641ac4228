import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { artisanSlug, demoArtisans, demoEditions, drafts, nameOf, published } from './demo';
import { escapeHtml, heading } from './site';
import { sharedStack } from './stack';

/** The pages of the first build: one per work, artisan, edition and collection, in every language. */
const { outDir, cmsPort, read, htmlFiles } = sharedStack();

describe('pages of the site built from a running CMS', () => {
  it.each(published.map((work) => [work.title.en, work] as const))('has a page for "%s"', (_title, work) => {
    const html = read(`en/works/${work.slug}/index.html`);
    expect(heading(html)).toBe(escapeHtml(work.title.en));
    // The same work in Russian and Kazakh, each page pointing at the others.
    for (const lang of ['ru', 'kk'] as const) {
      const translated = read(`${lang}/works/${work.slug}/index.html`);
      expect(heading(translated)).toBe(escapeHtml(work.title[lang]));
      expect(translated).toContain(`<html lang="${lang}"`);
    }
    expect(html).toContain(`hreflang="kk" href="https://oyu.example/kk/works/${work.slug}/"`);
    for (const key of work.artisans)
      expect(html.includes(escapeHtml(nameOf(key))), `maker ${key}`).toBe(true);
    // Every photo of the work is in the viewer, in AVIF and WebP, and its files were copied.
    // The viewer and the text, not the related works below them.
    const viewer = html.slice(html.indexOf('data-viewer'), html.indexOf('</article>'));
    const sources = [...viewer.matchAll(/srcset="([^"]+)"/gi)].flatMap((m) => (m[1] ?? '').split(', '));
    expect(sources.some((s) => s.includes('.avif'))).toBe(true);
    const files = [...viewer.matchAll(/\/media\/([^"\s&?]+\.(?:webp|avif))/g)].map((m) => m[1] ?? '');
    const photosOfWork = new Set(files.map((file) => file.replace(/-\d+x\d+\.(webp|avif)$/, '')));
    expect(photosOfWork.size).toBe(work.views.length);
    for (const file of files) expect(fs.existsSync(path.join(outDir, 'media', file)), file).toBe(true);
  });

  it('sends visitors from / to their language, with links for everyone else', () => {
    const html = read('index.html');
    for (const lang of ['en', 'ru', 'kk']) expect(html).toContain(`href="/${lang}/"`);
    expect(html).toContain('navigator.languages');
  });

  it('has a page for every artisan', () => {
    for (const artisan of demoArtisans) {
      const slug = artisanSlug(artisan.name);
      expect(heading(read(`en/artisans/${slug}/index.html`))).toBe(escapeHtml(artisan.name));
      expect(heading(read(`kk/artisans/${slug}/index.html`))).toBe(escapeHtml(artisan.name));
    }
  });

  it('shows each artisan’s editions as a timeline, and links a work’s facts to the works sharing them', () => {
    for (const artisan of demoArtisans) {
      const years = [
        ...new Set(published.filter((w) => w.artisans.includes(artisan.key)).flatMap((w) => w.editions)),
      ].sort((a, b) => b - a);
      const html = read(`ru/artisans/${artisanSlug(artisan.name)}/index.html`);
      const timeline = html.slice(html.indexOf('timeline-heading'), html.indexOf('works-heading'));
      const shown = [...timeline.matchAll(/class="year"[^>]*>(\d{4})</g)].map((m) => Number(m[1]));
      expect(shown, artisan.name).toEqual(years);
    }
    const work = published.find((w) => w.colours?.length) ?? published[0];
    const html = read(`kk/works/${work?.slug}/index.html`);
    const facts = html.slice(html.indexOf('class="facts"'), html.indexOf('</dl>'));
    const links = [...facts.matchAll(/href="(\/kk\/browse\/[^"]+)"/g)].map((m) => m[1] ?? '');
    expect(links.some((link) => link.startsWith('/kk/browse/material/'))).toBe(true);
    expect(links.some((link) => link.startsWith('/kk/browse/colour/'))).toBe(true);
    for (const link of links) expect(fs.existsSync(path.join(outDir, link, 'index.html')), link).toBe(true);
    expect(facts).toContain(`href="/kk/editions/${work?.editions[0]}/"`);
  });

  it('has every edition, with its collections in the curator’s order, in every language', () => {
    for (const edition of demoEditions) {
      for (const lang of ['en', 'ru', 'kk'] as const) {
        const html = read(`${lang}/editions/${edition.year}/index.html`);
        expect(heading(html)).toBe(`Almaty Jewelry Week ${edition.year}`);
        expect(html).toContain(escapeHtml(edition.theme[lang]));
      }
      for (const showcase of edition.showcases) {
        const html = read(`en/collections/${showcase.key}/index.html`);
        expect(heading(html)).toBe(escapeHtml(showcase.title.en));
        const shown = [...html.matchAll(/href="\/en\/works\/([^/]+)\/"/g)].map((m) => m[1]);
        const expected = published.filter((work) => work.showcase === showcase.key).map((work) => work.slug);
        expect(shown).toEqual(expected);
      }
    }
  });

  it('has the artisans index, grouped by country, and the about page', () => {
    const artisans = read('ru/artisans/index.html');
    for (const artisan of demoArtisans) expect(artisans).toContain(escapeHtml(artisan.name));
    expect(artisans).toContain('Казахстан');
    expect(read('en/about/index.html')).toContain('hello@oyu.example');
    expect(heading(read('kk/about/index.html'))).toBe('Жоба туралы');
  });

  it('never shows a draft', () => {
    for (const file of htmlFiles()) {
      for (const draft of drafts) {
        for (const title of Object.values(draft.title))
          expect(read(file), file).not.toContain(escapeHtml(title));
      }
    }
  });

  it('never sends a visitor to the CMS', () => {
    for (const file of htmlFiles()) {
      const html = read(file);
      expect(html, file).not.toContain(`:${cmsPort}`);
      expect(html, file).not.toContain('/api/media');
    }
  });
});
