import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scanLinks } from '../src/lib/checkLinks';
import { pageLinks } from '../src/lib/incremental';
import { laterIndexes } from '../src/lib/jsonFile';
import { mediaIndex, placeMedia, updatedMediaIndex } from '../src/lib/mediaIntegration';
import { fillFromBase, linkCopy, rewrittenFiles } from '../src/lib/partialOutput';

/**
 * A partial build takes most of its output from the live build it started from; the steps
 * after rendering read only the files it wrote, and take the rest from the base's records.
 */
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'oyu-partial-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function write(dir: string, files: Record<string, string>) {
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
}

const baseFiles = {
  'en/index.html': '<a href="/en/works/ring/"></a><a href="/en/works/cuff/"></a><img src="/media/hero.webp">',
  'en/works/ring/index.html':
    '<img src="/media/ring.webp"><img src="/media/shared.webp"><a href="/en/">home</a>',
  'en/works/cuff/index.html': '<img src="/media/cuff.webp"><img src="/media/shared.webp">',
  'en/about/index.html': '<p>about</p>',
  'media/hero.webp': 'h',
  'media/ring.webp': 'r',
  'media/cuff.webp': 'c',
  'media/shared.webp': 's',
  'pagefind/en/pagefind-entry.json': '{}',
};

/** A base release, and a partial build that rendered the ring's page again (now with a new photo). */
async function twoBuilds(name: string) {
  const base = path.join(root, name, 'base');
  const out = path.join(root, name, 'out');
  write(base, baseFiles);
  write(out, {
    'en/works/ring/index.html': '<img src="/media/ring-new.webp"><a href="/en/">home</a>',
    'media/ring-new.webp': 'n',
  });
  await fillFromBase(out, base, new Set());
  // The photo step puts the photos the pages use in place before the links are checked.
  for (const file of ['hero.webp', 'cuff.webp', 'shared.webp'])
    fs.linkSync(path.join(base, 'media', file), path.join(out, 'media', file));
  // Where hard links fail, a file is copied: it counts as written, and is read again.
  fs.rmSync(path.join(out, 'en', 'about', 'index.html'));
  fs.copyFileSync(path.join(base, 'en', 'about', 'index.html'), path.join(out, 'en', 'about', 'index.html'));
  return { base, out };
}

describe('the output of a partial build', () => {
  it('knows which files it wrote and which it took from the base', async () => {
    const { base, out } = await twoBuilds('rewritten');
    const written = await rewrittenFiles(out, base);
    expect([...written].sort()).toEqual(['en/about/index.html', 'en/works/ring/index.html']);
    // Worked out once per build: the steps after rendering share it.
    expect(await rewrittenFiles(out, base)).toBe(written);
  });

  it('updates the base’s photo index from the pages it wrote, as a full scan would find it', async () => {
    const { base, out } = await twoBuilds('media');
    const baseIndex = await mediaIndex(base);
    expect(baseIndex).toEqual({ 'hero.webp': 1, 'ring.webp': 1, 'cuff.webp': 1, 'shared.webp': 2 });
    const updated = await updatedMediaIndex(
      out,
      { baseDir: base, rewritten: await rewrittenFiles(out, base) },
      baseIndex,
    );
    // The ring's old photo is used by no page any more; the shared one by one page fewer.
    expect(updated).toEqual({ 'hero.webp': 1, 'ring-new.webp': 1, 'cuff.webp': 1, 'shared.webp': 1 });
    expect(updated).toEqual(await mediaIndex(out));
  });

  it('checks the links of the pages it wrote, and the recorded links of the others against its pages', async () => {
    const { base, out } = await twoBuilds('links');
    // What the base recorded: each page's links to other pages (see recordGoodBuild).
    const pagesOnly = (links: Record<string, string[]>) =>
      Object.fromEntries(Object.entries(links).map(([page, found]) => [page, pageLinks(found)]));
    const recorded = pagesOnly((await scanLinks(base)).links);
    const rewritten = await rewrittenFiles(out, base);
    const partial = await scanLinks(out, { rewritten, links: recorded });
    expect(partial.broken).toEqual([]);
    expect(pagesOnly(partial.links)).toEqual(pagesOnly((await scanLinks(out)).links));
    // Staged (the publisher's output: the base's pages, none taken out), the same links are
    // found without listing the folders.
    const staged = await scanLinks(out, { rewritten, links: recorded, staged: true });
    expect(staged.broken).toEqual([]);
    expect(pagesOnly(staged.links)).toEqual(pagesOnly(partial.links));
    // A page taken from the base is not read again: its recorded links are checked instead.
    fs.rmSync(path.join(out, 'en', 'works', 'cuff'), { recursive: true });
    fs.writeFileSync(path.join(out, 'en', 'index.html'), '<a href="/en/nowhere/"></a>');
    const afterLoss = await scanLinks(out, { rewritten, links: recorded });
    expect(afterLoss.broken).toEqual(['/en/index.html → /en/works/cuff/']);
    // A page it wrote is read: a broken link in it is found.
    fs.writeFileSync(path.join(out, 'en', 'works', 'ring', 'index.html'), '<img src="/media/missing.webp">');
    const written = await scanLinks(out, { rewritten, links: recorded });
    expect(written.broken).toContain('/en/works/ring/index.html → /media/missing.webp');
    // Staged: a link to a page the site does not have is found from the pages known.
    fs.writeFileSync(path.join(out, 'en', 'works', 'ring', 'index.html'), '<a href="/en/works/brooch/"></a>');
    const stagedBroken = await scanLinks(out, { rewritten, links: recorded, staged: true });
    expect(stagedBroken.broken).toEqual(['/en/works/ring/index.html → /en/works/brooch/']);
  });

  it('places the photos of a staged output from the base’s index, never writing into a base file', async () => {
    const base = path.join(root, 'staged', 'base');
    const cache = path.join(root, 'staged', 'cache');
    write(base, baseFiles);
    write(cache, { 'ring-new.webp': 'n', 'ring.webp': 'R' });
    const quiet = { info: () => undefined };
    await placeMedia(base, cache, undefined, quiet);
    const baseIndexFile = path.join(base, 'oyu-media.json');
    const inode = (file: string) => fs.statSync(file).ino;

    // The text of a page changed, not its photos: the index and the photos stay the base's.
    const text = path.join(root, 'staged', 'text');
    await linkCopy(base, text);
    fs.rmSync(path.join(text, 'en', 'about', 'index.html'));
    fs.writeFileSync(path.join(text, 'en', 'about', 'index.html'), '<p>about us</p>');
    const rewrittenText = new Set(['en/about/index.html']);
    await placeMedia(text, cache, { baseDir: base, rewritten: rewrittenText, staged: true }, quiet);
    expect(inode(path.join(text, 'oyu-media.json'))).toBe(inode(baseIndexFile));
    expect(fs.readdirSync(path.join(text, 'media')).sort()).toEqual(
      fs.readdirSync(path.join(base, 'media')).sort(),
    );

    // A page's photo replaced: the new one linked from the cache, the old one taken out, and
    // a frozen photo put back before (archive.ts) left as it is.
    const photo = path.join(root, 'staged', 'photo');
    await linkCopy(base, photo);
    fs.rmSync(path.join(photo, 'en', 'works', 'ring', 'index.html'));
    fs.writeFileSync(
      path.join(photo, 'en', 'works', 'ring', 'index.html'),
      '<img src="/media/ring-new.webp"><img src="/media/frozen.webp"><img src="/media/shared.webp">',
    );
    fs.writeFileSync(path.join(photo, 'media', 'frozen.webp'), 'f');
    const rewritten = new Set(['en/works/ring/index.html', 'media/frozen.webp']);
    await placeMedia(photo, cache, { baseDir: base, rewritten, staged: true }, quiet);
    expect(fs.readdirSync(path.join(photo, 'media')).sort()).toEqual([
      'cuff.webp',
      'frozen.webp',
      'hero.webp',
      'ring-new.webp',
      'shared.webp',
    ]);
    expect(JSON.parse(fs.readFileSync(path.join(photo, 'oyu-media.json'), 'utf8'))).toEqual(
      await mediaIndex(photo),
    );
    expect(fs.readFileSync(path.join(photo, 'media', 'frozen.webp'), 'utf8')).toBe('f');
    // The base release is as it was.
    expect(fs.readdirSync(path.join(base, 'media')).sort()).toEqual([
      'cuff.webp',
      'hero.webp',
      'ring.webp',
      'shared.webp',
    ]);
    expect(fs.readFileSync(path.join(base, 'media', 'ring.webp'), 'utf8')).toBe('r');
    expect(JSON.parse(fs.readFileSync(baseIndexFile, 'utf8'))).toEqual(await mediaIndex(base));

    // The publisher's: the index is written once the release is live. Until then the release
    // has none (not the base's, which no longer counts its pages right).
    const later = laterIndexes();
    const published = path.join(root, 'staged', 'published');
    await linkCopy(base, published);
    fs.rmSync(path.join(published, 'en', 'works', 'ring', 'index.html'));
    fs.writeFileSync(
      path.join(published, 'en', 'works', 'ring', 'index.html'),
      '<img src="/media/ring-new.webp">',
    );
    const ring = new Set(['en/works/ring/index.html']);
    await placeMedia(published, cache, { baseDir: base, rewritten: ring, staged: true }, quiet, later);
    expect(fs.existsSync(path.join(published, 'oyu-media.json'))).toBe(false);
    expect(fs.readdirSync(path.join(published, 'media'))).toContain('ring-new.webp');
    await later.write(published);
    expect(JSON.parse(fs.readFileSync(path.join(published, 'oyu-media.json'), 'utf8'))).toEqual(
      await mediaIndex(published),
    );
    expect(JSON.parse(fs.readFileSync(baseIndexFile, 'utf8'))).toEqual(await mediaIndex(base));
  });

  it('takes a page down: not taken from the base, its photos counted out, links to it found', async () => {
    const base = path.join(root, 'removed', 'base');
    const out = path.join(root, 'removed', 'out');
    write(base, baseFiles);
    // The cuff is taken down: the home page no longer links it.
    write(out, { 'en/index.html': '<a href="/en/works/ring/"></a><img src="/media/hero.webp">' });
    const removed = new Set(['en/works/cuff/index.html']);
    await fillFromBase(out, base, removed);
    expect(fs.existsSync(path.join(out, 'en', 'works', 'cuff'))).toBe(false);
    const partial = { baseDir: base, rewritten: await rewrittenFiles(out, base), removed };
    const updated = await updatedMediaIndex(out, partial, await mediaIndex(base));
    expect(updated).toEqual({ 'hero.webp': 1, 'ring.webp': 1, 'shared.webp': 1 });
    expect(updated).toEqual(await mediaIndex(out));

    // Staged, the base's pages are known from its records: the page deleted is not among
    // them, and a page not written again that still links it is a broken link.
    const recorded = (await scanLinks(base)).links;
    const staged = path.join(root, 'removed', 'staged');
    await linkCopy(base, staged);
    fs.rmSync(path.join(staged, 'en', 'works', 'cuff'), { recursive: true });
    const stale = await scanLinks(staged, { rewritten: new Set(), links: recorded, staged: true, removed });
    expect(stale.broken).toEqual(['/en/index.html → /en/works/cuff/']);
    expect(Object.keys(stale.links)).not.toContain('en/works/cuff/index.html');
    fs.rmSync(path.join(staged, 'en', 'index.html'));
    fs.writeFileSync(path.join(staged, 'en', 'index.html'), '<a href="/en/works/ring/"></a>');
    const rewritten = new Set(['en/index.html']);
    expect((await scanLinks(staged, { rewritten, links: recorded, staged: true, removed })).broken).toEqual(
      [],
    );
  });
});
