import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Showcase, ShowcaseSchema } from '@oyu/shared-types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureFrozen, editionPages, restoreFrozen } from '../src/lib/archive';

let root: string;
let out: string;
let store: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'oyu-archive-'));
  out = path.join(root, 'out');
  store = path.join(root, 'frozen');
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const showcase = (id: number, slug: string, edition: number): Showcase =>
  ShowcaseSchema.parse({
    id,
    title: slug,
    slug,
    edition: { id: edition, year: 2020 + edition, title: `AJW ${2020 + edition}` },
    works: [],
    updatedAt: '2025-01-01T00:00:00.000Z',
  });
const showcases = [showcase(1, 'heirlooms', 4), showcase(2, 'new-forms', 5)];
const edition2024 = { id: 4, year: 2024, frozenAt: '2025-01-01T00:00:00.000Z' };

/** Writes a built site: the 2024 edition page, its collection and a work, in every language. */
function build(title: string, workTitle: string) {
  fs.rmSync(out, { recursive: true, force: true });
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
    fs.writeFileSync(path.join(out, file), text);
  };
  for (const lang of ['en', 'ru', 'kk']) {
    write(
      `${lang}/editions/2024/index.html`,
      `<link rel="stylesheet" href="/_astro/a.css"><h1>${title}</h1><a href="/${lang}/works/ring/">${workTitle}</a><img src="/media/ring.webp">`,
    );
    write(`${lang}/collections/heirlooms/index.html`, `<h1>Heirlooms ${title}</h1>`);
    write(`${lang}/collections/new-forms/index.html`, `<h1>New forms ${title}</h1>`);
    write(`${lang}/works/ring/index.html`, `<h1>${workTitle}</h1>`);
  }
  write('_astro/a.css', `/* ${title} */`);
  write('media/ring.webp', title);
}
const read = (file: string) => fs.readFileSync(path.join(out, file), 'utf8');

describe('frozen editions', () => {
  it('lists an edition’s page and its collections’ pages in every language', () => {
    expect(editionPages(edition2024, showcases).sort()).toEqual(
      ['en', 'ru', 'kk']
        .flatMap((l) => [`${l}/editions/2024/index.html`, `${l}/collections/heirlooms/index.html`])
        .sort(),
    );
  });

  it('keeps the pages as frozen, with their photos and styles, while work pages follow the CMS', async () => {
    build('Old', 'Silver ring');
    expect(await captureFrozen(out, store, [edition2024], showcases)).toEqual([2024]);
    // Later, shared data changes: a work is renamed, a photo and the styles are re-made.
    build('New', 'Renamed ring');
    expect(await restoreFrozen(out, store, [edition2024])).toEqual([2024]);
    expect(read('kk/editions/2024/index.html')).toContain('<h1>Old</h1>');
    expect(read('kk/editions/2024/index.html')).toContain('Silver ring');
    expect(read('ru/collections/heirlooms/index.html')).toBe('<h1>Heirlooms Old</h1>');
    expect(read('media/ring.webp')).toBe('Old');
    expect(read('_astro/a.css')).toBe('/* Old */');
    // Not frozen: the work page, and the collection of another edition.
    expect(read('en/works/ring/index.html')).toBe('<h1>Renamed ring</h1>');
    expect(read('en/collections/new-forms/index.html')).toBe('<h1>New forms New</h1>');
    // A second capture does not replace what was frozen.
    expect(await captureFrozen(out, store, [edition2024], showcases)).toEqual([]);
  });

  it('keeps the text of a link whose page has gone', async () => {
    build('Old', 'Silver ring');
    await captureFrozen(out, store, [edition2024], showcases);
    build('New', 'Ring');
    for (const lang of ['en', 'ru', 'kk']) fs.rmSync(path.join(out, lang, 'works'), { recursive: true });
    await restoreFrozen(out, store, [edition2024]);
    expect(read('en/editions/2024/index.html')).toContain('<span>Silver ring</span>');
    expect(read('en/editions/2024/index.html')).not.toContain('href="/en/works/ring/"');
  });

  it('lets the pages follow the CMS again once the edition is unfrozen', async () => {
    build('Old', 'Silver ring');
    await captureFrozen(out, store, [edition2024], showcases);
    build('New', 'Ring');
    expect(await restoreFrozen(out, store, [])).toEqual([]);
    expect(read('en/editions/2024/index.html')).toContain('<h1>New</h1>');
    expect(fs.readdirSync(store)).toEqual([]);
  });
});
