import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkS3Env, type S3Settings, s3EnvShape, s3SettingsOf } from '@oyu/cms/media/s3-settings';
import { z } from 'zod';

/** The scripts' own settings, read and checked in one place. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const cmsDir = path.join(repoRoot, 'cms');
export const siteDir = path.join(repoRoot, 'site');
/** On CI (`CI=true`) a test's browser or PostgreSQL must be there; elsewhere it may be skipped. */
export const onCi = process.env.CI === 'true';

const EnvSchema = z
  .object({
    OYU_DATA_DIR: z.string().min(1).optional(),
    CMS_PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    SITE_PORT: z.coerce.number().int().min(1).max(65535).default(4321),
    DATABASE_URI: z.string().optional(),
    /** A CMS to read instead of the one `pnpm start` runs on CMS_PORT (`pnpm export`). */
    CMS_URL: z.url().optional(),
    /** The site's public address, for the links in exported data. */
    SITE_URL: z.url().optional(),
    /** Where the CMS keeps photos, when not in the data folder's media/ (the CMS reads it too). */
    MEDIA_DIR: z.string().min(1).optional(),
    /** Photos in an S3-compatible bucket instead (the CMS reads the same settings). */
    ...s3EnvShape,
    /** Seed the demo into an empty database (default) or leave it empty. */
    OYU_SEED_DEMO: z.enum(['true', 'false']).default('true'),
    /** Width×height of the demo's drawn photographs, e.g. 640x480 for quick test runs. */
    OYU_DEMO_PHOTO_SIZE: z
      .string()
      .regex(/^\d{2,5}x\d{2,5}$/, 'must look like 1600x1200')
      .optional(),
    /** Show the output of long-running servers (the CMS, the site) as it comes. */
    OYU_VERBOSE: z.enum(['true', 'false']).default('false'),
  })
  .superRefine(checkS3Env);

export type ScriptEnv = {
  dataDir: string;
  cmsPort: number;
  sitePort: number;
  databaseUri: string | undefined;
  mediaDir: string;
  /** Set when the photos are in an S3 bucket rather than in `mediaDir`. */
  s3: S3Settings | undefined;
  /** CMS_URL, else the local CMS on CMS_PORT. */
  cmsUrl?: string;
  /** SITE_URL, else the local site on SITE_PORT. */
  siteUrl?: string;
  seedDemo: boolean;
  demoPhotoSize: { width: number; height: number } | undefined;
  verbose: boolean;
};

export function readScriptEnv(source: Record<string, string | undefined> = process.env): ScriptEnv {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `  ${issue.path.join('.')} ${issue.message}`)
      .join('\n');
    throw new Error(`The environment is not valid:\n${problems}`);
  }
  const e = parsed.data;
  return {
    dataDir: path.resolve(e.OYU_DATA_DIR ?? path.join(repoRoot, 'data')),
    cmsPort: e.CMS_PORT,
    sitePort: e.SITE_PORT,
    databaseUri: e.DATABASE_URI,
    cmsUrl: (e.CMS_URL ?? `http://localhost:${e.CMS_PORT}`).replace(/\/$/, ''),
    siteUrl: (e.SITE_URL ?? `http://localhost:${e.SITE_PORT}`).replace(/\/$/, ''),
    mediaDir: path.resolve(e.MEDIA_DIR ?? path.join(e.OYU_DATA_DIR ?? path.join(repoRoot, 'data'), 'media')),
    s3: s3SettingsOf(e),
    seedDemo: e.OYU_SEED_DEMO === 'true',
    demoPhotoSize: e.OYU_DEMO_PHOTO_SIZE
      ? (([width, height]) => ({ width, height }))(
          e.OYU_DEMO_PHOTO_SIZE.split('x').map(Number) as [number, number],
        )
      : undefined,
    verbose: e.OYU_VERBOSE === 'true',
  };
}

/**
 * What child processes inherit: this process's environment, with `overrides` on top. The one
 * place besides `readScriptEnv` that reads `process.env`.
 */
export function inheritedEnv(overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}

/**
 * Puts variables into this process's own environment, for modules that read it when they are
 * imported (the Payload config does). An undefined value unsets the variable (assigning it
 * would set the string "undefined").
 */
export function exportEnv(vars: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(vars)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
}
