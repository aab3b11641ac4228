import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { readLanguage, writeLanguage } from '../src/lib/searchIntegration';
import { startSearchUpdate } from '../src/lib/searchUpdate';

/**
 * The publisher's search index is written once its release is live, into the live folder:
 * with real Pagefind, three releases in a row, as a visitor's search would load them.
 */
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'oyu-search-update-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const page = (title: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>${title} made by hand.</p></main></body></html>`;

function release(name: string, titles: Record<string, string>) {
  const dir = path.join(root, name);
  for (const [slug, title] of Object.entries(titles)) {
    fs.mkdirSync(path.join(dir, 'en', 'works', slug), { recursive: true });
    fs.writeFileSync(path.join(dir, 'en', 'works', slug, 'index.html'), page(title));
  }
  return dir;
}

const languageDir = (dir: string) => path.join(dir, 'pagefind', 'en');
const entryOf = (dir: string) => path.join(languageDir(dir), 'pagefind-entry.json');

/** The text of every fragment the folder holds. */
function fragments(dir: string): string {
  const folder = path.join(languageDir(dir), 'fragment');
  return fs
    .readdirSync(folder)
    .map((file) => zlib.gunzipSync(fs.readFileSync(path.join(folder, file))).toString())
    .join('\n');
}

/** The files the entry names directly: the language's metadata, which names the rest. */
function metaOf(dir: string): string {
  const entry = JSON.parse(fs.readFileSync(entryOf(dir), 'utf8')) as { languages: { en: { hash: string } } };
  return path.join(languageDir(dir), `pagefind.${entry.languages.en.hash}.pf_meta`);
}

/** A partial build of `titles` from `base`: the base linked, the changed pages rewritten. */
async function publishAfter(base: string, name: string, titles: Record<string, string>) {
  const dir = path.join(root, name);
  fs.cpSync(base, dir, { recursive: true });
  const rewritten = new Set<string>();
  for (const [slug, title] of Object.entries(titles)) {
    const file = `en/works/${slug}/index.html`;
    fs.rmSync(path.join(dir, file));
    fs.writeFileSync(path.join(dir, file), page(title));
    rewritten.add(file);
  }
  const scratch = `${dir}.search`;
  const update = await startSearchUpdate(dir, { baseDir: base, rewritten }, scratch);
  // Published once its pages are linked: the folder is renamed while the index is made, and
  // the index put in after.
  await update.copied;
  const published = `${dir}-live`;
  fs.renameSync(dir, published);
  const counts = await update.finish(published);
  expect(fs.existsSync(scratch)).toBe(false);
  return { dir: published, languages: update.languages, counts };
}

describe('search index written into a live release', () => {
  it('adds the new index beside the old, switches the entry, and keeps one index back', async () => {
    const first = release('first', { ring: 'Silver ring', cuff: 'Gold cuff' });
    await writeLanguage(await readLanguage(first, 'en'), 'en', languageDir(first));
    const firstEntry = fs.statSync(entryOf(first)).ino;

    const second = await publishAfter(first, 'second', { ring: 'Felted brooch' });
    expect(second.languages).toEqual(['en']);
    expect(second.counts).toEqual(['en 2']);
    expect(fs.statSync(entryOf(second.dir)).ino).not.toBe(firstEntry);
    expect(fs.existsSync(metaOf(second.dir))).toBe(true);
    expect(fragments(second.dir)).toContain('Felted brooch');
    // A page that loaded the first entry still finds its files.
    expect(fragments(second.dir)).toContain('Silver ring');
    // The release it started from is as it was.
    expect(fragments(first)).not.toContain('Felted brooch');
    expect(fs.statSync(entryOf(first)).ino).toBe(firstEntry);

    const third = await publishAfter(second.dir, 'third', { cuff: 'Enamel pendant' });
    expect(fragments(third.dir)).toContain('Enamel pendant');
    expect(fragments(third.dir)).toContain('Gold cuff');
    // Two indexes back: taken out.
    expect(fragments(third.dir)).not.toContain('Silver ring');
    expect(fs.existsSync(metaOf(third.dir))).toBe(true);
  }, 60_000);

  it('makes nothing again when no indexed page changed', async () => {
    const base = release('unchanged', { ring: 'Silver ring' });
    await writeLanguage(await readLanguage(base, 'en'), 'en', languageDir(base));
    const entry = fs.statSync(entryOf(base)).ino;
    const { languages, counts, dir } = await publishAfter(base, 'unchanged-next', {});
    expect([languages, counts]).toEqual([[], []]);
    expect(fs.readFileSync(entryOf(dir), 'utf8')).toBe(fs.readFileSync(entryOf(base), 'utf8'));
    expect(fs.statSync(entryOf(base)).ino).toBe(entry);
  }, 60_000);
});
