import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { brokenLinksMessage, findBrokenLinks, internalLinks } from '../src/lib/checkLinks';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'oyu-links-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('internal link check', () => {
  it('reads links, sources and every srcset entry, and ignores other sites', () => {
    const html = `<a href="/en/works/ring/">ring</a><a href="https://example.com/">x</a><a href="//cdn.example/x">y</a>
      <img src="/media/a.webp" srcset="/media/a-480.webp 480w, /media/a-960.webp 960w">
      <a href="/en/browse/?material=silver&amp;colour=red#top">filter</a><a href="mailto:a@b.c">mail</a>`;
    expect(internalLinks(html).sort()).toEqual(
      ['/en/browse/', '/en/works/ring/', '/media/a-480.webp', '/media/a-960.webp', '/media/a.webp'].sort(),
    );
  });

  it('finds every link that leads nowhere, by page', async () => {
    fs.mkdirSync(path.join(root, 'en', 'works', 'ring'), { recursive: true });
    fs.mkdirSync(path.join(root, 'media'));
    fs.writeFileSync(path.join(root, 'media', 'a.webp'), 'x');
    fs.writeFileSync(path.join(root, 'en', 'works', 'ring', 'index.html'), '<img src="/media/a.webp">');
    fs.writeFileSync(
      path.join(root, 'en', 'index.html'),
      '<a href="/en/works/ring/"></a><a href="/en/works/ring"></a><img src="/media/gone.webp"><a href="/en/works/cuff/"></a><a href="/../etc/passwd"></a>',
    );
    const broken = await findBrokenLinks(root);
    expect(broken.sort()).toEqual([
      '/en/index.html → /../etc/passwd',
      '/en/index.html → /en/works/cuff/',
      '/en/index.html → /media/gone.webp',
    ]);
    expect(brokenLinksMessage(broken)).toMatch(/^3 links point to nothing: /);
  });
});
