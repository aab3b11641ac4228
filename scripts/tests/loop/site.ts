import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { freePort } from '../../lib/processes';
import { serveSite } from '../../lib/siteServer';
import { launchBrowser } from '../browser';

/** Reading a built site: `outDir` is the live link, so a rebuild is read as soon as it is live. */
export function siteReader(outDir: string) {
  return {
    read: (file: string) => fs.readFileSync(path.join(outDir, file), 'utf8'),
    htmlFiles: () =>
      fs.readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html')),
  };
}

/** The text of the page's one h1. */
export const heading = (html: string) => html.match(/<h1[^>]*>(.*?)<\/h1>/s)?.[1];

export const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Every page and file of a built site by content, but the search index (Pagefind does not write
 * it byte for byte the same twice) and the build's own records.
 */
export function siteFiles(dir: string): Record<string, string> {
  const root = fs.realpathSync(dir);
  const result: Record<string, string> = {};
  for (const file of fs.readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    const full = path.join(root, file);
    if (file.startsWith('pagefind') || file.startsWith('oyu-') || !fs.statSync(full).isFile()) continue;
    result[file] = crypto.createHash('sha1').update(fs.readFileSync(full)).digest('hex');
  }
  return result;
}

/** A fingerprint of every file of the live site. */
export function liveFingerprint(outDir: string): string {
  const hash = crypto.createHash('sha256');
  const root = fs.realpathSync(outDir);
  for (const file of fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).sort()) {
    const full = path.join(root, file);
    if (fs.statSync(full).isFile()) hash.update(file).update(fs.readFileSync(full));
  }
  return hash.digest('hex');
}

/** The name of the release the live link points at. */
export const liveRelease = (outDir: string) => path.basename(fs.readlinkSync(outDir));

/** Serves the live site and opens Chromium for `check`; both are stopped afterwards. */
export async function inBrowser(outDir: string, check: (browser: Browser, base: string) => Promise<void>) {
  const site = await serveSite(outDir, await freePort());
  const launched = launchBrowser();
  try {
    await check((await launched).browser, `http://127.0.0.1:${site.port}`);
  } finally {
    await (await launched.catch(() => null))?.close();
    await site.stop();
  }
}
