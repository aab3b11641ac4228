import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

/**
 * Indexes the built pages with Pagefind once the build is written. Pagefind splits the index
 * by each page's `<html lang>`, so every language gets its own and a search on a Kazakh page
 * loads only the Kazakh index. Pages opt in with `data-pagefind-body` (works, artisans,
 * collections, editions); index pages, filters and the 404 stay out of the results.
 */
export function oyuSearch(options: { typesOnly: boolean }): AstroIntegration {
  return {
    name: 'oyu-search',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (options.typesOnly) return;
        const outDir = fileURLToPath(dir);
        try {
          const { index, errors } = await pagefind.createIndex({});
          if (!index) throw new Error(errors.join('; '));
          const added = await index.addDirectory({ path: outDir });
          if (added.errors.length) throw new Error(added.errors.join('; '));
          if (added.page_count === 0) {
            throw new Error('no page is marked for the search index (data-pagefind-body)');
          }
          const target = path.join(outDir, 'pagefind');
          const written = await index.writeFiles({ outputPath: target });
          if (written.errors.length) throw new Error(written.errors.join('; '));
          // The site has its own search page: Pagefind's ready-made interfaces are not shipped.
          for (const file of await fs.readdir(target)) {
            if (/^pagefind-(ui|component-ui|modular-ui|highlight)\./.test(file))
              await fs.rm(path.join(target, file));
          }
          const entry = JSON.parse(await fs.readFile(path.join(target, 'pagefind-entry.json'), 'utf8')) as {
            languages: Record<string, { page_count: number }>;
          };
          const counts = Object.entries(entry.languages).map(
            ([lang, { page_count }]) => `${lang} ${page_count}`,
          );
          logger.info(`search index: ${counts.join(', ')} pages`);
        } catch (error) {
          throw new Error(`The search index could not be built: ${(error as Error).message}`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
