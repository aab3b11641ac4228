import os from 'node:os';
import { codeHash } from './codeHash';
import { inheritedEnv } from './env';

/**
 * The build's Node options, with room for the whole site's documents: Astro holds them several
 * times over while it builds (the snapshot, its content store, each route's data), and a site
 * the size of the L benchmark outgrows Node's default heap (about 4 GB on a 64-bit machine,
 * hence the floor of 4096 MB). Half the machine's memory, never less than the default; a limit
 * set by whoever runs the build is kept.
 */
export function withHeapLimit(nodeOptions: string | undefined, memory = os.totalmem()): string {
  if (nodeOptions?.includes('--max-old-space-size')) return nodeOptions;
  const megabytes = Math.max(4096, Math.floor(memory / 2 ** 20 / 2));
  return [nodeOptions, `--max-old-space-size=${megabytes}`].filter(Boolean).join(' ');
}

/** What of a build's options (`BuildReleaseOptions`) the site build is told. */
type SiteBuildOptions = {
  cmsUrl: string;
  siteUrl: string;
  maxDrop?: number;
  mediaCacheDir?: string;
  cmsMediaDir?: string;
  cacheDir?: string;
  snapshotDir?: string;
  fromSnapshot?: boolean;
};

/** The site build's settings, from the build's options. */
export async function astroEnv(options: SiteBuildOptions, outDir: string, base: string | undefined) {
  return {
    NODE_OPTIONS: withHeapLimit(inheritedEnv().NODE_OPTIONS),
    // Whoever runs the build (a test runner sets "test"), the site is built for production:
    // Vite bakes NODE_ENV into the browser's code, and the publisher's render app must get the
    // same code to write the same pages.
    NODE_ENV: 'production',
    CMS_URL: options.cmsUrl,
    SITE_URL: options.siteUrl,
    SITE_OUT_DIR: outDir,
    ASTRO_TELEMETRY_DISABLED: '1',
    OYU_CODE_HASH: await codeHash(),
    ...(base ? { OYU_BASE_RELEASE: base } : {}),
    ...(options.maxDrop !== undefined ? { MAX_WORKS_DROP: String(options.maxDrop) } : {}),
    ...(options.mediaCacheDir ? { MEDIA_CACHE_DIR: options.mediaCacheDir } : {}),
    ...(options.cmsMediaDir ? { CMS_MEDIA_DIR: options.cmsMediaDir } : {}),
    ...(options.cacheDir ? { SITE_CACHE_DIR: options.cacheDir } : {}),
    ...(options.snapshotDir ? { SNAPSHOT_DIR: options.snapshotDir } : {}),
    ...(options.fromSnapshot ? { FROM_SNAPSHOT: '1' } : {}),
  };
}
