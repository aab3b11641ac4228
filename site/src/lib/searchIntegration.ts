import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Locale, locales } from '@oyu/shared-types';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { enterPhase } from './buildEvents';
import { linkTree, type PartialOutput } from './partialOutput';

/**
 * Indexes the built pages with Pagefind once the build is written: one index per language, in
 * `pagefind/<lang>/`, made from that language's pages, so a search on a Kazakh page loads only
 * the Kazakh index. Pages opt in with `data-pagefind-body` (works, artisans, collections,
 * editions); index pages, filters and the 404 stay out of the results.
 *
 * A partial build indexes again only the languages whose indexed pages it changed: the other
 * languages' indexes are the base build's, linked as they are. A one-language edit (a title in
 * English) re-indexes one language of three.
 *
 * Pagefind runs in its own process, on one core: the build's later steps (the photos, the link
 * check) go on beside it, and `indexed()` waits for it, saying why it failed if it did.
 */
export function oyuSearch(options: {
  typesOnly: boolean;
  /** In a partial build, the release it started from and the files it wrote itself. */
  partial?: (outDir: string) => Promise<PartialOutput | undefined>;
}): { integration: AstroIntegration; indexed: () => Promise<void> } {
  let running: Promise<{ error?: Error }> | undefined;
  const integration: AstroIntegration = {
    name: 'oyu-search',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        if (options.typesOnly) return;
        // The index is made beside the photos: they are the next phase once it has started.
        enterPhase('search');
        logger.info('indexing the pages for search, beside the next steps');
        running = indexSite(fileURLToPath(dir), logger, options.partial).then(
          () => ({}),
          (error: Error) => ({ error: new Error(`The search index could not be built: ${error.message}`) }),
        );
      },
    },
  };
  return {
    integration,
    indexed: async () => {
      const { error } = (await running) ?? {};
      if (error) throw error;
    },
  };
}

/**
 * Indexes the pages of `outDir` for search; in a partial build, only the languages whose
 * indexed pages changed (the publisher calls it too).
 */
export async function indexSite(
  outDir: string,
  logger: Pick<AstroIntegrationLogger, 'info'>,
  partialOf: ((outDir: string) => Promise<PartialOutput | undefined>) | undefined,
) {
  const started = performance.now();
  const partial = await partialOf?.(outDir);
  const counts: string[] = [];
  const kept: Locale[] = [];
  try {
    for (const lang of locales) {
      const target = path.join(outDir, 'pagefind', lang);
      if (partial && !(await searchChanged(lang, outDir, partial))) {
        const entry = await readEntry(path.join(partial.baseDir, 'pagefind', lang));
        if (entry) {
          // A release staged from the live one has its index already (src/publish/stage.ts).
          if (!(await readEntry(target)))
            await linkTree(path.join(partial.baseDir, 'pagefind', lang), target);
          counts.push(`${lang} ${entry.page_count}`);
          kept.push(lang);
          continue;
        }
      }
      logger.info(`indexing the ${lang} pages`);
      // Pagefind writes into files already there: a staged release's are the live release's.
      await fs.rm(target, { recursive: true, force: true });
      counts.push(`${lang} ${await indexLanguage(outDir, lang, target)}`);
    }
  } finally {
    await pagefind.close();
  }
  const note = kept.length ? `; ${kept.join(', ')} unchanged, taken from the live build` : '';
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  logger.info(`search index: ${counts.join(', ')} pages (${seconds} s${note})`);
}

/** Writes the index of one language's pages into `target`; returns how many pages it holds. */
async function indexLanguage(outDir: string, lang: Locale, target: string): Promise<number> {
  return writeLanguage(await readLanguage(outDir, lang), lang, target);
}

type PagefindIndex = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>['index']>;

/** One language's pages of `outDir` read into a Pagefind index, not yet written. */
export async function readLanguage(outDir: string, lang: Locale): Promise<PagefindIndex> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(errors.join('; '));
  const added = await index.addDirectory({ path: outDir, glob: `${lang}/**/*.html` });
  if (added.errors.length) throw new Error(added.errors.join('; '));
  if (added.page_count === 0) {
    throw new Error(`no ${lang} page is marked for the search index (data-pagefind-body)`);
  }
  return index;
}

/** Writes an index read by `readLanguage` into `target`; returns how many pages it holds. */
export async function writeLanguage(index: PagefindIndex, lang: Locale, target: string): Promise<number> {
  const written = await index.writeFiles({ outputPath: target });
  if (written.errors.length) throw new Error(written.errors.join('; '));
  await index.deleteIndex();
  // The site has its own search page: Pagefind's ready-made interfaces are not shipped.
  for (const file of await fs.readdir(target)) {
    if (/^pagefind-(ui|component-ui|modular-ui|highlight)\./.test(file)) await fs.rm(path.join(target, file));
  }
  const entry = await readEntry(target);
  if (!entry) throw new Error(`Pagefind wrote no ${lang} index`);
  return entry.page_count;
}

/** The page count of an index folder, from its entry file (undefined when there is none). */
export async function readEntry(folder: string): Promise<{ page_count: number } | undefined> {
  const text = await fs.readFile(path.join(folder, 'pagefind-entry.json'), 'utf8').catch(() => undefined);
  if (!text) return undefined;
  const { languages } = JSON.parse(text) as { languages: Record<string, { page_count: number }> };
  const [first] = Object.values(languages);
  return first;
}

const indexed = (html: string | undefined) => html?.includes('data-pagefind-body') ?? false;

/**
 * Whether a partial build changed what the search index of a language holds: a page of that
 * language it wrote differs from the base's, and one of the two is indexed; or it deleted one.
 */
export async function searchChanged(lang: Locale, outDir: string, partial: PartialOutput): Promise<boolean> {
  for (const file of partial.removed ?? [])
    if (file.startsWith(`${lang}/`) && file.endsWith('.html')) return true;
  for (const file of partial.rewritten) {
    if (!file.startsWith(`${lang}/`) || !file.endsWith('.html')) continue;
    const [mine, base] = await Promise.all([
      fs.readFile(path.join(outDir, file), 'utf8'),
      fs.readFile(path.join(partial.baseDir, file), 'utf8').catch(() => undefined),
    ]);
    if (mine !== base && (indexed(mine) || indexed(base))) return true;
  }
  return false;
}
