import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * The page types `pnpm lighthouse` measures, each found by the path of its file in the built
 * site. To measure a new kind of page, add a line: the first file (in sorted order) that
 * matches stands for the type, and a type with no matching file is skipped with a note.
 */
export type PageType = {
  /** What the report calls it, e.g. "work (ru)". */
  name: string;
  /** Matches the page's file, relative to the output folder, with forward slashes. */
  file: RegExp;
  /**
   * For the not-found page: a path that does not exist, where visitors see it with status 404
   * (which Lighthouse is told to accept).
   */
  notFoundAt?: string;
  /** Where the page is opened, from its file, when not at the file's own address. */
  at?: (file: string) => string;
};

const english: PageType[] = [
  { name: 'language chooser', file: /^index\.html$/ },
  { name: 'home', file: /^en\/index\.html$/ },
  { name: 'editions', file: /^en\/editions\/index\.html$/ },
  { name: 'edition', file: /^en\/editions\/[^/]+\/index\.html$/ },
  { name: 'collection', file: /^en\/collections\/[^/]+\/index\.html$/ },
  { name: 'artisans', file: /^en\/artisans\/index\.html$/ },
  { name: 'artisan', file: /^en\/artisans\/[^/]+\/index\.html$/ },
  { name: 'work', file: /^en\/works\/[^/]+\/index\.html$/ },
  { name: 'about', file: /^en\/about\/index\.html$/ },
  { name: 'browse', file: /^en\/browse\/index\.html$/ },
  // A shared link with a selection: the filters open and the matches come in without a shift.
  {
    name: 'browse, shared selection',
    file: /^en\/browse\/material\/[^/]+\/index\.html$/,
    at: (file) => `/en/browse/?material=${file.split('/')[3]}`,
  },
  { name: 'search', file: /^en\/search\/index\.html$/ },
  { name: 'not found', file: /^404\.html$/, notFoundAt: '/en/no-such-page/' },
];

/** The pages whose weight depends on the language: longer Cyrillic text, other font subsets. */
const otherLanguages: PageType[] = ['ru', 'kk'].flatMap((lang) => [
  { name: `home (${lang})`, file: new RegExp(`^${lang}/index\\.html$`) },
  { name: `work (${lang})`, file: new RegExp(`^${lang}/works/[^/]+/index\\.html$`) },
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

/** The address a file is served at: `en/works/x/index.html` → `/en/works/x/`. */
export function urlPathOf(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** One page per type that has a file in `files`, and the names of the types that have none. */
export function choosePages(
  files: string[],
  types: PageType[] = pageTypes,
): { pages: PageToAudit[]; missing: string[] } {
  const pages: PageToAudit[] = [];
  const missing: string[] = [];
  for (const type of types) {
    const file = files.find((candidate) => type.file.test(candidate));
    if (!file) missing.push(type.name);
    else {
      pages.push({
        type: type.name,
        path: type.notFoundAt ?? type.at?.(file) ?? urlPathOf(file),
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
