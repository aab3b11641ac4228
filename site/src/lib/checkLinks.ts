import fs from 'node:fs/promises';
import path from 'node:path';
import { pathOfFile } from './routes';
import { type InlineHashes, inlineHashes, mergeHashes } from './securityHeaders';

/**
 * The last check of a build, after the photos are copied: every link and file a page points
 * to inside the site must exist. A build with a broken link is not published. The same read
 * of each page collects its inline scripts' and styles' hashes (securityHeaders.ts).
 */
const attribute = /\s(?:href|src|srcset|poster)="([^"]*)"/g;

/** The site-internal URLs of one page: `/…` paths in links, sources and srcsets. */
export function internalLinks(html: string): string[] {
  const found = new Set<string>();
  for (const match of html.matchAll(attribute)) {
    const value = (match[1] ?? '').replace(/&amp;/g, '&');
    const candidates = match[0].trimStart().startsWith('srcset')
      ? value.split(',').map((entry) => entry.trim().split(/\s+/)[0] ?? '')
      : [value];
    for (const url of candidates) {
      if (url.startsWith('/') && !url.startsWith('//')) found.add(url.split(/[?#]/)[0] ?? url);
    }
  }
  return [...found];
}

async function exists(file: string): Promise<boolean> {
  return fs
    .stat(file)
    .then((stat) => stat.isFile())
    .catch(() => false);
}

/**
 * Whether `url` leads to a file of the site at `dir`. `pages`, when given, are the site's
 * pages (relative paths): a link to a page is looked up there rather than on disk.
 */
async function resolves(dir: string, url: string, pages?: Set<string>): Promise<boolean> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    return false;
  }
  const target = path.join(dir, path.posix.normalize(decoded));
  if (!target.startsWith(dir)) return false;
  if (decoded.endsWith('/')) {
    const page = path.relative(dir, path.join(target, 'index.html')).split(path.sep).join('/');
    return pages ? pages.has(page) : exists(path.join(target, 'index.html'));
  }
  return (await exists(target)) || exists(path.join(target, 'index.html'));
}

/**
 * Every internal link of the site at `dir` that leads nowhere, as "page → target", and the
 * internal links of each page (for the next build's plan, see incremental.ts).
 *
 * A partial build passes what it took from its base: the pages it did not write keep the page
 * links the base recorded for them (their photos and assets were checked by the base build and
 * come with them), and those links are checked again against this build's pages. Only the
 * pages it wrote are read. A staged one (src/publish/stage.ts) holds every page of its base but
 * those it deleted (`removed`), so the base's links still lead where they led but to those:
 * only the written pages' are checked, and the others' recorded links against the pages
 * deleted (18,737 pages' links at M took 1.2 s).
 */
export async function scanLinks(
  dir: string,
  base?: {
    rewritten: Set<string>;
    links: Record<string, string[]>;
    staged?: boolean;
    removed?: Set<string>;
  },
): Promise<{ broken: string[]; links: Record<string, string[]>; hashes: InlineHashes }> {
  const root = path.resolve(dir);
  const broken: string[] = [];
  const known = new Map<string, Promise<boolean>>();
  // The inline scripts and styles of the pages read, for the Content-Security-Policy.
  const hashes: InlineHashes[] = [];
  const staged = base?.staged ? base : undefined;
  const written = staged ? [...staged.rewritten].filter((file) => file.endsWith('.html')) : [];
  const removed = staged?.removed ?? new Set<string>();
  // Known without listing its folders or a `stat` per link (2.5-3 s of 18,737 pages at M).
  const pages = staged
    ? new Set([...Object.keys(staged.links), ...written].filter((page) => !removed.has(page)))
    : undefined;
  const links: Record<string, string[]> = staged ? { ...staged.links } : {};
  for (const page of removed) delete links[page];
  if (staged && removed.size) broken.push(...linksToRemoved(links, staged.rewritten, removed));
  const files = staged ? written.map((page) => path.join(root, page)) : await htmlFiles(root);
  for (const file of files) {
    const relative = path.relative(root, file).split(path.sep).join('/');
    const recorded = base && !base.rewritten.has(relative) ? base.links[relative] : undefined;
    let found = recorded;
    if (!found) {
      const html = await fs.readFile(file, 'utf8');
      found = internalLinks(html);
      hashes.push(inlineHashes(html));
    }
    links[relative] = found;
    for (const url of found) {
      if (!known.has(url)) known.set(url, resolves(root, url, pages));
      if (!(await known.get(url))) broken.push(`/${relative} → ${url}`);
    }
  }
  return { broken, links, hashes: mergeHashes(...hashes) };
}

/** The links of the pages not written (`rewritten`) to pages deleted (`removed`), as "page → target". */
function linksToRemoved(
  links: Record<string, string[]>,
  rewritten: Set<string>,
  removed: Set<string>,
): string[] {
  const addresses = new Set([...removed].map(pathOfFile));
  const broken: string[] = [];
  for (const [page, found] of Object.entries(links)) {
    if (rewritten.has(page)) continue;
    for (const url of found) if (addresses.has(safeDecode(url))) broken.push(`/${page} → ${url}`);
  }
  return broken;
}

const safeDecode = (url: string) => {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
};

/**
 * The pages of a build: every `.html` file but in the folders that hold none (photos, Astro's
 * assets, the search index). Those are the largest by far (a photo folder of 160,000 files at
 * size M), and the search index is being rewritten beside this check.
 */
async function htmlFiles(root: string): Promise<string[]> {
  const files: string[] = [];
  for (const top of await fs.readdir(root, { withFileTypes: true })) {
    const full = path.join(root, top.name);
    if (top.isFile() && top.name.endsWith('.html')) files.push(full);
    if (!top.isDirectory() || noPages.has(top.name)) continue;
    for (const entry of await fs.readdir(full, { withFileTypes: true, recursive: true }))
      if (entry.isFile() && entry.name.endsWith('.html')) files.push(path.join(entry.parentPath, entry.name));
  }
  return files;
}

const noPages = new Set(['media', '_astro', 'pagefind']);

/** The pages of the build at `dir`, relative to it (`en/works/ring/index.html`). */
export async function sitePages(dir: string): Promise<string[]> {
  const root = path.resolve(dir);
  return (await htmlFiles(root)).map((file) => path.relative(root, file).split(path.sep).join('/'));
}

export async function findBrokenLinks(dir: string): Promise<string[]> {
  return (await scanLinks(dir)).broken;
}

export function brokenLinksMessage(broken: string[]): string {
  const shown = broken.slice(0, 5).join('; ');
  const more = broken.length > 5 ? ` and ${broken.length - 5} more` : '';
  return `${broken.length} links point to nothing: ${shown}${more}`;
}
