import path from 'node:path';
import { type BuildReleaseOptions, buildRelease } from './buildRelease';
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

export type SiteBuildOptions = Pick<
  BuildReleaseOptions,
  | 'cmsUrl'
  | 'cmsMediaDir'
  | 'siteUrl'
  | 'fromSnapshot'
  | 'maxDrop'
  | 'keep'
  | 'deployCommand'
  | 'full'
  | 'onLog'
  | 'onProgress'
> & {
  /** The data folder whose `site/` holds the builds. */
  dataDir: string;
  /** Print Astro's output, prefixed. */
  echo?: boolean;
};

/**
 * Builds the static site from the CMS's public API and publishes it. The build is written
 * beside the live site and published only when complete and checked, so a failed build leaves
 * the last good site, and says why.
 */
export async function buildSite(options: SiteBuildOptions) {
  const { dataDir, echo, onLog, ...rest } = options;
  const folders = siteFolders(dataDir);
  const result = await buildRelease({
    ...rest,
    store: releaseStore(folders.root),
    snapshotDir: folders.snapshotDir,
    mediaCacheDir: folders.mediaCacheDir,
    cacheDir: folders.cacheDir,
    onLog: (line: string) => {
      if (echo) process.stdout.write(`  site build │ ${line}\n`);
      onLog?.(line);
    },
  });

  return { ...result, dir: folders.live };
}
