import path from 'node:path';
import { type BuildProgress, buildRelease } from './buildRelease';
import { releaseStore } from './releases';

/**
 * Where a data folder keeps its built sites and what building them needs:
 *
 *   <data>/site/releases/…   the kept builds, one folder each (see releases.ts)
 *   <data>/site/current      the live one, what the static server serves
 *   <data>/site/snapshot/    the data of the last good build (FROM_SNAPSHOT rebuilds from it)
 *   <data>/site/media-cache/ photo files downloaded from the CMS, reused between builds
 *   <data>/site/astro-cache/ Astro's own cache
 */
export function siteFolders(dataDir: string) {
  const root = path.join(dataDir, 'site');
  return {
    root,
    live: path.join(root, 'current'),
    snapshotDir: path.join(root, 'snapshot'),
    mediaCacheDir: path.join(root, 'media-cache'),
    cacheDir: path.join(root, 'astro-cache'),
  };
}

export type SiteBuildOptions = {
  cmsUrl: string;
  siteUrl: string;
  /** The data folder whose `site/` holds the builds. */
  dataDir: string;
  /** Build from the recorded data instead of the CMS. */
  fromSnapshot?: boolean;
  maxDrop?: number;
  keep?: number;
  deployCommand?: string;
  /** Render every page, even when only some documents changed. */
  full?: boolean;
  /** Print Astro's output, prefixed. */
  echo?: boolean;
  onLog?: (line: string) => void;
  onProgress?: (progress: BuildProgress) => void;
};

/**
 * Builds the static site from the CMS's public API and publishes it. The build is written
 * beside the live site and published only when complete and checked, so a failed build leaves
 * the last good site, and says why.
 */
export async function buildSite(options: SiteBuildOptions) {
  const folders = siteFolders(options.dataDir);
  const result = await buildRelease({
    store: releaseStore(folders.root),
    cmsUrl: options.cmsUrl,
    siteUrl: options.siteUrl,
    snapshotDir: folders.snapshotDir,
    mediaCacheDir: folders.mediaCacheDir,
    cacheDir: folders.cacheDir,
    ...(options.fromSnapshot ? { fromSnapshot: true } : {}),
    ...(options.maxDrop !== undefined ? { maxDrop: options.maxDrop } : {}),
    ...(options.keep !== undefined ? { keep: options.keep } : {}),
    ...(options.deployCommand ? { deployCommand: options.deployCommand } : {}),
    ...(options.full ? { full: true } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    onLog: (line: string) => {
      if (options.echo) process.stdout.write(`  site build │ ${line}\n`);
      options.onLog?.(line);
    },
  });
  return { ...result, dir: folders.live };
}
