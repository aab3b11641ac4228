import fs from 'node:fs/promises';
import path from 'node:path';
import { chromiumPath, launchBrowser } from '../browser';
import { type PageResult, runLighthouse } from '../lighthouse';
import { pageTypes } from '../lighthousePages';
import { freePort } from '../processes';
import { serveSite } from '../siteServer';

/**
 * What a visitor's phone downloads: Lighthouse (mobile) on one page of each type, with the
 * bytes of each kind of resource on first view, and Pagefind's index, on disk and per search.
 */
export type PagesFigures = {
  /** Null when Chromium is not on this machine. */
  lighthouse: PageResult[] | null;
  pagefind: {
    indexBytes: number;
    indexFiles: number;
    /** Bytes the search page fetched from /pagefind/ for its first search, and for a second. */
    firstSearchBytes: number;
    nextSearchBytes: number;
    firstSearchRequests: number;
    nextSearchRequests: number;
  } | null;
};

/** The page types the quick run measures: the heaviest two. */
const quickTypes = ['work', 'browse'];

async function folderSize(dir: string): Promise<{ bytes: number; files: number }> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  let bytes = 0;
  let files = 0;
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    bytes += (await fs.stat(path.join(entry.parentPath, entry.name))).size;
    files += 1;
  }
  return { bytes, files };
}

/** Searches twice on the English search page and counts what it fetched from /pagefind/. */
async function searchBytes(siteDir: string, terms: [string, string]) {
  const server = await serveSite(siteDir, await freePort());
  const { browser, close } = await launchBrowser();
  try {
    const page = await browser.newPage();
    let bytes = 0;
    let requests = 0;
    page.on('response', async (response) => {
      if (!new URL(response.url()).pathname.startsWith('/pagefind/')) return;
      requests += 1;
      bytes += (await response.body().catch(() => Buffer.alloc(0))).length;
    });
    const results = page.locator('[data-search] .results li');
    await page.goto(`http://127.0.0.1:${server.port}/en/search/?q=${encodeURIComponent(terms[0])}`);
    await results.first().waitFor({ timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    const first = { bytes, requests };
    bytes = 0;
    requests = 0;
    await page.locator('[data-search] input[type="search"]').fill(terms[1]);
    await page.locator('[data-search] input[type="search"]').press('Enter');
    await page.waitForLoadState('networkidle');
    await results.first().waitFor({ timeout: 30_000 });
    return { first, next: { bytes, requests } };
  } finally {
    await close();
    await server.stop();
  }
}

export async function measurePages(siteDir: string, quick: boolean): Promise<PagesFigures> {
  const hasChromium = await fs
    .access(chromiumPath)
    .then(() => true)
    .catch(() => false);
  if (!hasChromium) return { lighthouse: null, pagefind: null };
  const types = quick ? pageTypes.filter((type) => quickTypes.includes(type.name)) : pageTypes;
  // A full run takes each page's median of three (Lighthouse's advice for its variance).
  const report = await runLighthouse({ siteDir, types, runs: quick ? 1 : 3 });
  const index = await folderSize(path.join(siteDir, 'pagefind'));
  const searches = await searchBytes(siteDir, ['ring', 'falcon']);
  return {
    lighthouse: report.pages,
    pagefind: {
      indexBytes: index.bytes,
      indexFiles: index.files,
      firstSearchBytes: searches.first.bytes,
      nextSearchBytes: searches.next.bytes,
      firstSearchRequests: searches.first.requests,
      nextSearchRequests: searches.next.requests,
    },
  };
}
