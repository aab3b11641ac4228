import fs from 'node:fs/promises';
import path from 'node:path';
import { siteDir } from './env';
import { run } from './processes';

/** Where `pnpm start` puts the built site. */
export const defaultSiteOutDir = path.join(siteDir, 'dist');

export type SiteBuildOptions = {
  cmsUrl: string;
  siteUrl: string;
  /** Where the finished site goes; replaced only once the new build is complete. */
  outDir?: string;
  mediaCacheDir?: string;
  cacheDir?: string;
  /** Where the data of each build is recorded (default site/.cache/snapshot). */
  snapshotDir?: string;
  /** Build from the recorded data instead of the CMS. */
  fromSnapshot?: boolean;
  quiet?: boolean;
};

/**
 * Builds the static site from the CMS's public API. The build is written beside the live
 * output and swapped in only when it succeeded, so a failed build leaves the last good site.
 */
export async function buildSite(options: SiteBuildOptions): Promise<{ outDir: string; pages: number }> {
  const outDir = path.resolve(options.outDir ?? defaultSiteOutDir);
  const building = `${outDir}.building`;
  const previous = `${outDir}.previous`;
  await fs.rm(building, { recursive: true, force: true });
  await run(path.join(siteDir, 'node_modules', '.bin', 'astro'), ['build'], {
    cwd: siteDir,
    env: {
      CMS_URL: options.cmsUrl,
      SITE_URL: options.siteUrl,
      SITE_OUT_DIR: building,
      ASTRO_TELEMETRY_DISABLED: '1',
      ...(options.mediaCacheDir ? { MEDIA_CACHE_DIR: options.mediaCacheDir } : {}),
      ...(options.cacheDir ? { SITE_CACHE_DIR: options.cacheDir } : {}),
      ...(options.snapshotDir ? { SNAPSHOT_DIR: options.snapshotDir } : {}),
      ...(options.fromSnapshot ? { FROM_SNAPSHOT: '1' } : {}),
    },
    label: options.quiet ? undefined : 'site build',
  });
  await fs.rm(previous, { recursive: true, force: true });
  const hadLive = await fs
    .rename(outDir, previous)
    .then(() => true)
    .catch(() => false);
  await fs.rename(building, outDir);
  if (hadLive) await fs.rm(previous, { recursive: true, force: true });
  return { outDir, pages: await countPages(outDir) };
}

async function countPages(dir: string): Promise<number> {
  let count = 0;
  for (const entry of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.html')) count += 1;
  }
  return count;
}
