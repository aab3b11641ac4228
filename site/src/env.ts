import { z } from 'zod';

/**
 * The site build's environment, read and checked in one place. Nothing else in site/ touches
 * `process.env`.
 */
const EnvSchema = z.object({
  CMS_URL: z.url('must be the CMS address, e.g. http://localhost:3000').default('http://localhost:3000'),
  SITE_URL: z
    .url('must be the public address of the site, e.g. https://oyu.example')
    .default('http://localhost:4321'),
  /** Documents per REST request. Payload's default of 10 would mean many more requests. */
  CMS_PAGE_SIZE: z.coerce.number().int().min(1).max(1000).default(100),
  /** Where downloaded photos are kept between builds. */
  MEDIA_CACHE_DIR: z.string().min(1).optional(),
  /**
   * The CMS's photo folder (its MEDIA_DIR), when the build runs on the CMS's machine: photos
   * are copied from it instead of downloaded one request at a time. Not for S3 installs.
   */
  CMS_MEDIA_DIR: z.string().min(1).optional(),
  /** Where the built site is written (default site/dist). */
  SITE_OUT_DIR: z.string().min(1).optional(),
  /** Where the draft preview server is built (default site/dist-preview). */
  PREVIEW_OUT_DIR: z.string().min(1).optional(),
  /** Where the render app the publisher uses is built (default site/dist-render). */
  RENDER_OUT_DIR: z.string().min(1).optional(),
  /** Astro's own cache, including the content store. */
  SITE_CACHE_DIR: z.string().min(1).optional(),
  /** Where each build records the data it used, and where FROM_SNAPSHOT reads it back. */
  SNAPSHOT_DIR: z.string().min(1).optional(),
  /** Build from the last snapshot instead of the CMS, e.g. while the CMS is down. */
  FROM_SNAPSHOT: z.enum(['1', 'true']).optional(),
  /** Largest share of published works that may disappear since the last good build. */
  MAX_WORKS_DROP: z.coerce.number().min(0).max(1).default(0.25),
  /** The live build to start from: only pages whose data changed are rendered (see lib/incremental.ts). */
  OYU_BASE_RELEASE: z.string().min(1).optional(),
  /** A hash of the site's code, recorded with each build; a different one means a full build. */
  OYU_CODE_HASH: z.string().default('unknown'),
  /**
   * A file descriptor open for writing, set by whoever runs the build (scripts/lib/buildRelease.ts):
   * the build's progress and failures go there as JSON lines (lib/buildEvents.ts), apart from its log.
   */
  OYU_EVENTS_FD: z.coerce.number().int().min(3).optional(),
  /** Set by `pnpm typecheck` only: generate the collection types without reading the CMS. */
  OYU_TYPES_ONLY: z.enum(['1', 'true']).optional(),
});

export type SiteEnv = {
  cmsUrl: string;
  siteUrl: string;
  pageSize: number;
  mediaCacheDir: string | undefined;
  cmsMediaDir: string | undefined;
  outDir: string | undefined;
  previewOutDir: string | undefined;
  renderOutDir: string | undefined;
  cacheDir: string | undefined;
  typesOnly: boolean;
  snapshotDir: string | undefined;
  fromSnapshot: boolean;
  maxWorksDrop: number;
  baseRelease: string | undefined;
  codeHash: string;
  eventsFd: number | undefined;
};

export function readEnv(source: Record<string, string | undefined> = process.env): SiteEnv {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `  ${issue.path.join('.')} ${issue.message}`)
      .join('\n');
    throw new Error(`The site build environment is not valid:\n${problems}`);
  }
  return {
    cmsUrl: parsed.data.CMS_URL.replace(/\/$/, ''),
    siteUrl: parsed.data.SITE_URL.replace(/\/$/, ''),
    pageSize: parsed.data.CMS_PAGE_SIZE,
    mediaCacheDir: parsed.data.MEDIA_CACHE_DIR,
    cmsMediaDir: parsed.data.CMS_MEDIA_DIR,
    outDir: parsed.data.SITE_OUT_DIR,
    previewOutDir: parsed.data.PREVIEW_OUT_DIR,
    renderOutDir: parsed.data.RENDER_OUT_DIR,
    cacheDir: parsed.data.SITE_CACHE_DIR,
    typesOnly: Boolean(parsed.data.OYU_TYPES_ONLY),
    snapshotDir: parsed.data.SNAPSHOT_DIR,
    fromSnapshot: Boolean(parsed.data.FROM_SNAPSHOT),
    maxWorksDrop: parsed.data.MAX_WORKS_DROP,
    baseRelease: parsed.data.OYU_BASE_RELEASE,
    codeHash: parsed.data.OYU_CODE_HASH,
    eventsFd: parsed.data.OYU_EVENTS_FD,
  };
}
