import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { notFoundPath } from './routes';

/**
 * The sitemap: one for every language, each URL listing its translations, written by
 * @astrojs/sitemap. A full `astro build` runs the integration as any; a partial build whose
 * pages came or went (a work published, a listing page gone) runs the same integration's
 * last step over the release's whole list of pages (`writeSitemap`), so the file is the one a
 * full build would write. A partial build that neither adds nor deletes a page keeps the live
 * build's.
 */
const options = {
  filter: (page: string) => !page.endsWith(notFoundPath()),
  i18n: { defaultLocale: 'en', locales: { en: 'en', ru: 'ru', kk: 'kk' } },
};

export const sitemapIntegration = (): AstroIntegration => sitemap(options);

/**
 * Whether a partial build's pages are not the live build's: it deletes some, or writes one the
 * live build at `baseDir` does not have.
 */
export async function pagesCameOrWent(
  plan: { pages: Set<string>; removed: Set<string> },
  baseDir: string,
): Promise<boolean> {
  if ([...plan.removed].some((file) => file.endsWith('.html'))) return true;
  for (const page of plan.pages) {
    if (!page.endsWith('.html')) continue;
    if (!(await fs.stat(path.join(baseDir, page)).catch(() => undefined))) return true;
  }
  return false;
}

/** The sitemap's files in a release: the index and its numbered parts (50,000 URLs each). */
const isSitemapFile = (name: string) => /^sitemap-(index|\d+)\.xml$/.test(name);

/**
 * Writes the sitemap of the release at `outDir`, whose pages are `pages` (`en/works/ring/index.html`,
 * relative to it). Written beside it first and renamed in: in a staged release the old files
 * are the live release's own (hard links), never written into. Parts the site no longer needs
 * are deleted.
 */
export async function writeSitemap(outDir: string, siteUrl: string, pages: string[]): Promise<void> {
  const scratch = `${outDir}.sitemap`;
  await fs.rm(scratch, { recursive: true, force: true });
  await fs.mkdir(scratch, { recursive: true });
  try {
    const integration = sitemapIntegration();
    const hooks = integration.hooks as Record<
      string,
      ((options: unknown) => Promise<void> | void) | undefined
    >;
    const failures: string[] = [];
    const logger = {
      info: () => undefined,
      warn: (line: string) => failures.push(line),
      error: (line: string) => failures.push(line),
    };
    // What Astro's build gives the integration: the config it reads and, at the end, every
    // page as its pathname (`en/works/ring/`, `` for the language chooser). No route has a
    // fixed page Astro would add beyond those (the language chooser is among the pages).
    await hooks['astro:routes:resolved']?.({ routes: [], logger });
    await hooks['astro:config:done']?.({
      config: { site: siteUrl, base: '/', trailingSlash: 'always', build: { format: 'directory' } },
      logger,
    });
    await hooks['astro:build:done']?.({
      dir: pathToFileURL(`${scratch}/`),
      pages: pages
        .filter((page) => page.endsWith('.html') && page !== '404.html')
        .map((page) => ({ pathname: page.replace(/(^|\/)index\.html$/, '$1') })),
      logger,
    });
    const written = (await fs.readdir(scratch)).filter(isSitemapFile);
    if (!written.length) throw new Error(`the sitemap was not written: ${failures.join('; ') || 'no pages'}`);
    for (const name of written) await fs.rename(path.join(scratch, name), path.join(outDir, name));
    for (const name of await fs.readdir(outDir))
      if (isSitemapFile(name) && !written.includes(name)) await fs.rm(path.join(outDir, name));
  } finally {
    await fs.rm(scratch, { recursive: true, force: true });
  }
}
