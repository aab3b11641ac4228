import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { published } from './demo';
import { sharedStack } from './stack';

/** What the pages load besides their HTML: scripts only where needed, a self-hosted font. */
const { outDir, read, htmlFiles } = sharedStack();

describe('scripts and fonts', () => {
  it('ships JavaScript only to the pages that need it', () => {
    const executable = (html: string) =>
      [...html.matchAll(/<script(?![^>]*type="application\/(?:ld\+)?json")[^>]*>/g)].length +
      [...html.matchAll(/<astro-island/g)].length;
    // The language chooser, the photo viewer, search and the browse island.
    const needsScript = /^(index\.html|(en|ru|kk)\/(works\/[^/]+|search|browse)\/index\.html)$/;
    const withScript = htmlFiles().filter((file) => executable(read(file)) > 0);
    expect(withScript.filter((file) => !needsScript.test(file))).toEqual([]);
    expect(withScript.length).toBe(1 + 3 * (published.length + 2));
    // React is loaded by the browse island alone.
    const react = htmlFiles().filter((file) => read(file).includes('<astro-island'));
    expect(react.sort()).toEqual(['en/browse/index.html', 'kk/browse/index.html', 'ru/browse/index.html']);
  });

  it('self-hosts a heading font that covers Kazakh', () => {
    const html = read('kk/index.html');
    // The page's styles, inline or in the stylesheets it links.
    const sheets = [...html.matchAll(/href="\/(_astro\/[^"]+\.css)"/g)].map((m) => read(m[1] ?? ''));
    const css = [html, ...sheets].join('\n');
    const fontFace = css.match(/@font-face\{[^}]*noto-serif-cyrillic-ext-600-normal[^}]*\}/)?.[0] ?? '';
    // Cyrillic Extended holds ә ғ қ ң ө ұ ү һ: U+0460–052F.
    expect(fontFace).toMatch(/unicode-range:[^;}]*U\+0?460-0?52F/i);
    const file =
      fontFace.match(/\/_astro\/(noto-serif-cyrillic-ext-600-normal\.[\w-]+\.woff2)/)?.[1] ?? 'missing';
    expect(fs.existsSync(path.join(outDir, '_astro', file))).toBe(true);
  });
});
