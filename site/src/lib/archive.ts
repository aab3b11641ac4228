import fs from 'node:fs/promises';
import path from 'node:path';
import { type Edition, type Locale, locales, type Showcase } from '@oyu/shared-types';
import { internalLinks } from './checkLinks';
import { replaceFile, replaceWithCopy } from './replaceFile';
import { collectionPath, editionPath, fileOfPath } from './routes';

/**
 * Frozen editions. When organisers freeze an edition, the next build keeps its pages — the
 * edition page and the pages of its collections, in every language — exactly as that build
 * wrote them, with the photos and styles they use, in a store beside the builds:
 *
 *   <store>/<year>/   the pages, their /media/ and /_astro/ files, and frozen.json
 *
 * Every later build puts those files back over what it rendered, so edits to shared data (an
 * artisan's name, a work's title, a vocabulary label, a photo) no longer change that
 * edition's archive. Work and artisan pages are not frozen: they describe the work and the
 * maker as they are now. A link in a frozen page to a page that no longer exists (a work
 * since unpublished) is kept as plain text, so the archive never sends anyone nowhere.
 * Unfreezing deletes the store, and the pages follow the CMS again.
 */
export type FrozenEdition = { id: number; year: number; frozenAt: string | null };

/** The pages of an edition, relative to the output, in every language. */
export function editionPages(edition: { id: number; year: number }, showcases: Showcase[]): string[] {
  const members = showcases.filter((showcase) => showcase.edition.id === edition.id);
  return locales.flatMap((locale: Locale) => [
    fileOfPath(editionPath(locale, edition)),
    ...members.map((showcase) => fileOfPath(collectionPath(locale, showcase))),
  ]);
}

export function frozenEditions(editions: Edition[]): FrozenEdition[] {
  return editions
    .filter((edition) => edition.frozen)
    .map((edition) => ({ id: edition.id, year: edition.year, frozenAt: edition.frozenAt ?? null }));
}

const exists = (file: string) =>
  fs
    .stat(file)
    .then(() => true)
    .catch(() => false);

/**
 * Keeps the pages of frozen editions that have no store yet, from the build in `outDir`
 * (whose photos are already copied). Returns the years stored.
 */
export async function captureFrozen(
  outDir: string,
  store: string,
  frozen: FrozenEdition[],
  showcases: Showcase[],
): Promise<number[]> {
  const captured: number[] = [];
  for (const edition of frozen) {
    const dir = path.join(store, String(edition.year));
    if (await exists(dir)) continue;
    const partial = `${dir}.partial`;
    await fs.rm(partial, { recursive: true, force: true });
    const files = new Set<string>();
    for (const page of editionPages(edition, showcases)) {
      if (!(await exists(path.join(outDir, page)))) continue;
      files.add(page);
      for (const url of internalLinks(await fs.readFile(path.join(outDir, page), 'utf8'))) {
        if (url.startsWith('/media/') || url.startsWith('/_astro/'))
          files.add(decodeURIComponent(url.slice(1)));
      }
    }
    for (const file of files) {
      await fs.mkdir(path.dirname(path.join(partial, file)), { recursive: true });
      await fs.copyFile(path.join(outDir, file), path.join(partial, file));
    }
    await fs.writeFile(
      path.join(partial, 'frozen.json'),
      `${JSON.stringify({ year: edition.year, frozenAt: edition.frozenAt, files: [...files].sort() }, null, 2)}\n`,
    );
    await fs.rename(partial, dir);
    captured.push(edition.year);
  }
  return captured;
}

/** Unwraps links to pages that do not exist in `outDir`, keeping their text. */
async function unwrapDeadLinks(html: string, outDir: string): Promise<string> {
  const anchors = [...html.matchAll(/<a\b([^>]*?)\shref="(\/[^"#?]*)"([^>]*)>([\s\S]*?)<\/a>/g)];
  let result = html;
  for (const [whole, , href = '', , inner = ''] of anchors) {
    if (/^\/(media|_astro|pagefind)\//.test(href)) continue;
    const target = href.endsWith('/') ? path.join(outDir, href, 'index.html') : path.join(outDir, href);
    if (!(await exists(target))) result = result.replace(whole, `<span>${inner}</span>`);
  }
  return result;
}

/**
 * Puts the kept pages of frozen editions back over this build's, with their files, and
 * drops the stores of editions no longer frozen. Runs before the search index and the photo
 * copy, so both see the archived pages. Returns the years restored; `written` gains the files
 * put back. The files are replaced, never written into: in a partial build they may be the
 * live release's own (see replaceFile.ts).
 */
export async function restoreFrozen(
  outDir: string,
  store: string,
  frozen: FrozenEdition[],
  written?: Set<string>,
): Promise<number[]> {
  const years = new Set(frozen.map((edition) => String(edition.year)));
  const entries = await fs.readdir(store).catch(() => [] as string[]);
  for (const entry of entries) {
    if (!years.has(entry)) await fs.rm(path.join(store, entry), { recursive: true, force: true });
  }
  const restored: number[] = [];
  for (const edition of frozen) {
    const dir = path.join(store, String(edition.year));
    const manifest = await fs.readFile(path.join(dir, 'frozen.json'), 'utf8').catch(() => undefined);
    if (!manifest) continue;
    const { files } = JSON.parse(manifest) as { files: string[] };
    for (const file of files.filter((name) => !name.endsWith('.html'))) {
      await replaceWithCopy(path.join(dir, file), path.join(outDir, file));
      written?.add(file);
    }
    for (const file of files.filter((name) => name.endsWith('.html'))) {
      const html = await fs.readFile(path.join(dir, file), 'utf8');
      await replaceFile(path.join(outDir, file), await unwrapDeadLinks(html, outDir));
      written?.add(file);
    }
    restored.push(edition.year);
  }
  return restored;
}
