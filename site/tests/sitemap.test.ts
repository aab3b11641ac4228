import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSitemap } from '../src/lib/sitemap';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'oyu-sitemap-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/**
 * A partial build whose pages came or went writes the sitemap again from the release's pages,
 * through @astrojs/sitemap's own last step (a full build's comparison: the loop's
 * equivalence test). Here: what it lists, and that the live release's files are left alone.
 */
describe('the sitemap of a partial build', () => {
  it('lists every page but the 404, each with its translations, and replaces the staged files', async () => {
    const live = path.join(root, 'live');
    const out = path.join(root, 'out');
    fs.mkdirSync(live, { recursive: true });
    fs.mkdirSync(out, { recursive: true });
    // The staged release's sitemap files are hard links to the live release's.
    for (const name of ['sitemap-index.xml', 'sitemap-0.xml', 'sitemap-1.xml']) {
      fs.writeFileSync(path.join(live, name), 'live');
      fs.linkSync(path.join(live, name), path.join(out, name));
    }
    await writeSitemap(out, 'https://oyu.example/', [
      'index.html',
      '404.html',
      'en/works/ring/index.html',
      'ru/works/ring/index.html',
      'kk/works/ring/index.html',
      'en/works/cuff/index.html',
      'en/browse/works.json',
    ]);
    const xml = fs.readFileSync(path.join(out, 'sitemap-0.xml'), 'utf8');
    const urls = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);
    expect(urls).toEqual([
      'https://oyu.example/',
      'https://oyu.example/en/works/cuff/',
      'https://oyu.example/en/works/ring/',
      'https://oyu.example/kk/works/ring/',
      'https://oyu.example/ru/works/ring/',
    ]);
    expect(xml).toContain('hreflang="kk" href="https://oyu.example/kk/works/ring/"');
    expect(fs.readFileSync(path.join(out, 'sitemap-index.xml'), 'utf8')).toContain(
      'https://oyu.example/sitemap-0.xml',
    );
    // A part the site no longer needs is gone; the live release's files are as they were.
    expect(fs.existsSync(path.join(out, 'sitemap-1.xml'))).toBe(false);
    for (const name of ['sitemap-index.xml', 'sitemap-0.xml', 'sitemap-1.xml'])
      expect(fs.readFileSync(path.join(live, name), 'utf8')).toBe('live');
    expect(fs.readdirSync(root).sort()).toEqual(['live', 'out']);
  });
});
