import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * What a finished build holds, and whether it may replace the live site. (Links are checked
 * inside the build itself: see site/src/lib/checkLinks.ts.)
 */
export type SiteSize = { pages: number; bytes: number };

export async function measureSite(dir: string): Promise<SiteSize> {
  let pages = 0;
  let bytes = 0;
  for (const entry of await fs.readdir(path.resolve(dir), { withFileTypes: true, recursive: true })) {
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
