import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * What a finished build holds, and whether it may replace the live site. (Links are checked
 * inside the build itself: see site/src/lib/checkLinks.ts.)
 */
export type SiteSize = { pages: number; bytes: number };

export async function measureSite(dir: string): Promise<SiteSize> {
  return (await measureWithFind(path.resolve(dir))) ?? measureInNode(path.resolve(dir));
}

/**
 * GNU find lists every file with its size in one process: at size M (180,000 files, most of
 * them photos) a second or two less than a `stat` per file from Node. Undefined where there is
 * no GNU find (macOS), or it failed.
 */
async function measureWithFind(dir: string): Promise<SiteSize | undefined> {
  const listing = await promisify(execFile)('find', ['-H', dir, '-type', 'f', '-printf', '%s %f\\0'], {
    maxBuffer: 1 << 30,
  }).catch(() => undefined);
  if (!listing) return undefined;
  let pages = 0;
  let bytes = 0;
  // One file a NUL-ended record: a name may hold a newline, never a NUL.
  for (const line of listing.stdout.split('\0')) {
    const space = line.indexOf(' ');
    if (space < 1) continue;
    bytes += Number(line.slice(0, space));
    if (line.endsWith('.html')) pages += 1;
  }
  return { pages, bytes };
}

export async function measureInNode(dir: string): Promise<SiteSize> {
  let pages = 0;
  let bytes = 0;
  for (const entry of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    bytes += (await fs.stat(path.join(entry.parentPath, entry.name))).size;
    if (entry.name.endsWith('.html')) pages += 1;
  }
  return { pages, bytes };
}

/**
 * Plain-words reasons to refuse a build, or none. `livePages` is the page count of the site
 * visitors see now; `maxDrop` the largest share of it a new build may lose.
 */
export function refusals(size: SiteSize, livePages: number | undefined, maxDrop: number): string[] {
  const reasons: string[] = [];
  if (size.pages === 0) reasons.push('the build produced no pages');
  if (livePages && size.pages < livePages * (1 - maxDrop)) {
    reasons.push(
      `the build has ${size.pages} pages where the live site has ${livePages}: more than ${Math.round(
        maxDrop * 100,
      )}% would disappear. If that is intended, build once with MAX_WORKS_DROP=1`,
    );
  }
  return reasons;
}
