import fs from 'node:fs/promises';
import path from 'node:path';
import { browsePath, matchFile, pathOfFile, type RouteMatch, type RouteName } from '@oyu/site/routes';

/**
 * The page types `pnpm lighthouse` measures, each a page type of the site's routes
 * (@oyu/site/routes), narrowed by its params. To measure a new kind of page, add a line: the
 * first file (in sorted order) of that type stands for it, and a type with no file is skipped
 * with a note.
 */
export type PageType = {
  /** What the report calls it, e.g. "work (ru)". */
  name: string;
  /** Its page type, as the site's routes name it. */
  route: RouteName;
  /** The params its file must have, e.g. `{ lang: 'en' }`. */
  params?: Record<string, string>;
  /**
   * For the not-found page: a path that does not exist, where visitors see it with status 404
   * (which Lighthouse is told to accept).
   */
  notFoundAt?: string;
  /** Where the page is opened, from its file's route and params, when not at the file's own address. */
  at?: (page: RouteMatch) => string;
};

const en = { lang: 'en' };
const english: PageType[] = [
  { name: 'language chooser', route: 'languages' },
  { name: 'home', route: 'home', params: en },
  { name: 'editions', route: 'editions', params: en },
  { name: 'edition', route: 'edition', params: en },
  { name: 'collection', route: 'collection', params: en },
  { name: 'artisans', route: 'artisans', params: en },
  { name: 'artisan', route: 'artisan', params: en },
  { name: 'work', route: 'work', params: en },
  { name: 'about', route: 'about', params: en },
  { name: 'browse', route: 'browse', params: en },
  // A shared link with a selection: the filters open and the matches come in without a shift.
  {
    name: 'browse, shared selection',
    route: 'facet',
    params: { lang: 'en', facet: 'material' },
    at: (page) => `${browsePath('en')}?material=${page.route === 'facet' ? page.params.value : ''}`,
  },
  { name: 'search', route: 'search', params: en },
  { name: 'not found', route: 'notFound', notFoundAt: '/en/no-such-page/' },
];

/** The pages whose weight depends on the language: longer Cyrillic text, other font subsets. */
const otherLanguages: PageType[] = ['ru', 'kk'].flatMap((lang) => [
  { name: `home (${lang})`, route: 'home' as const, params: { lang } },
  { name: `work (${lang})`, route: 'work' as const, params: { lang } },
]);

export const pageTypes: PageType[] = [...english, ...otherLanguages];

export type PageToAudit = { type: string; path: string; notFound: boolean };

/** Every HTML file under `outDir`, relative, with forward slashes, sorted. */
export async function htmlFiles(outDir: string): Promise<string[]> {
  const entries = await fs.readdir(outDir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.relative(outDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

const isOfType = (page: RouteMatch, type: PageType) =>
  page.route === type.route &&
  Object.entries(type.params ?? {}).every(
    ([name, value]) => (page.params as Record<string, string>)[name] === value,
  );

/** One page per type that has a file in `files`, and the names of the types that have none. */
export function choosePages(
  files: string[],
  types: PageType[] = pageTypes,
): { pages: PageToAudit[]; missing: string[] } {
  const pages: PageToAudit[] = [];
  const missing: string[] = [];
  const matched = files.flatMap((file) => {
    const page = matchFile(file);
    return page ? [{ file, page }] : [];
  });
  for (const type of types) {
    const found = matched.find(({ page }) => isOfType(page, type));
    if (!found) missing.push(type.name);
    else {
      pages.push({
        type: type.name,
        path: type.notFoundAt ?? type.at?.(found.page) ?? pathOfFile(found.file),
        notFound: type.notFoundAt !== undefined,
      });
    }
  }
  return { pages, missing };
}

/** Fails with what to do when `outDir` holds no built site. */
export async function assertBuiltSite(outDir: string): Promise<string[]> {
  const files = await htmlFiles(outDir).catch((): string[] => []);
  if (!files.includes('index.html')) {
    throw new Error(
      `No built site in ${outDir} (no index.html). Build it with \`pnpm start\`, or pass --dir <folder> with a built site.`,
    );
  }
  return files;
}
