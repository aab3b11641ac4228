import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { checkS3Env, type S3Settings, s3EnvShape, s3SettingsOf } from './media/s3Settings';

/**
 * The CMS's environment, read and checked in one place. Nothing else in cms/ touches
 * `process.env`. `pnpm start` writes a random PAYLOAD_SECRET into data/secrets.env on first
 * run and passes every value below to the processes it starts.
 */

/** The repository root: the nearest folder upwards that holds pnpm-workspace.yaml. */
function findRepoRoot(from: string): string {
  let dir = from;
  while (true) {
    if (fs.existsSync(path.join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return from;
    dir = parent;
  }
}

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    OYU_DATA_DIR: z.string().min(1).optional().describe('Folder for the SQLite file and media'),
    DATABASE_URI: z
      .string()
      .refine((value) => /^(file:|postgres(ql)?:\/\/)/.test(value), {
        message: 'must start with file: (SQLite) or postgres:// (PostgreSQL)',
      })
      .optional(),
    PAYLOAD_SECRET: z
      .string({ error: 'is missing: run `pnpm start` once, or set it to 32+ random characters' })
      .min(32, 'must be at least 32 characters long'),
    MEDIA_DIR: z.string().min(1).optional(),
    SERVER_URL: z.url().default('http://localhost:3000'),
    /** Extra origins (comma-separated) allowed to call the API with a cookie, e.g. the site in dev. */
    CORS_ORIGINS: z.string().default(''),
    SQLITE_BUSY_TIMEOUT_MS: z.coerce.number().int().nonnegative().default(5000),
    /** Write generated files (types, import map) here instead of over the committed ones. */
    OYU_GENERATE_DIR: z.string().min(1).optional(),
    /** The public address of the static site: its canonical URLs, sitemap and link previews. */
    SITE_URL: z.url().default('http://localhost:4321'),
    /** How many site builds to keep on disk for rollback, the live one included. */
    OYU_KEEP_BUILDS: z.coerce.number().int().min(1).max(100).default(5),
    /** A shell command run in each new build's folder once it is live, e.g. an rsync to a host. */
    OYU_DEPLOY_COMMAND: z.string().min(1).optional(),
    /** Where the site's draft preview is served (default: SITE_URL/preview, as `pnpm start` serves it). */
    PREVIEW_URL: z.url().optional(),
    /** How long a draft preview link works. */
    PREVIEW_LINK_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60)
      .default(30),
    /**
     * How many reverse proxies stand in front of the CMS (1 for one nginx or Caddy): the client
     * address is then read from X-Forwarded-For, for the sign-in limit (auth/limits.ts).
     * 0 (the default) believes no such header: anyone can write one.
     */
    TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
    /** Memory for the public API's response cache (api/publicCache.ts); 0 turns it off. */
    API_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(64),
    /**
     * GET requests computed at a time, per lane (public and signed-in; api/readQueue.ts); the
     * rest wait in arrival order. 0 turns the queue off.
     */
    API_READ_CONCURRENCY: z.coerce.number().int().min(0).max(64).default(2),
    /** Requests that may wait in a lane before the next is answered 503 with Retry-After. */
    API_READ_QUEUE: z.coerce.number().int().min(1).max(100_000).default(1000),
    /** Photos in an S3-compatible bucket instead of MEDIA_DIR (media/storage.ts, docs/storage.md). */
    ...s3EnvShape,
  })
  .superRefine(checkS3Env);

export type CmsEnv = {
  nodeEnv: 'development' | 'production' | 'test';
  dataDir: string;
  databaseUri: string;
  dialect: 'sqlite' | 'postgres';
  payloadSecret: string;
  mediaDir: string;
  /** Set when photos are kept in an S3-compatible bucket rather than in `mediaDir`. */
  s3: S3Settings | undefined;
  serverUrl: string;
  corsOrigins: string[];
  sqliteBusyTimeoutMs: number;
  generateDir: string | undefined;
  repoRoot: string;
  siteUrl: string;
  keepBuilds: number;
  deployCommand: string | undefined;
  previewUrl: string;
  previewLinkMinutes: number;
  /** Bytes the public API's response cache may hold; 0 when it is off. */
  apiCacheBytes: number;
  /** Reverse proxies in front of the CMS whose X-Forwarded-For is believed (0: none). */
  trustProxy: number;
  /** GET requests computed at a time per lane, and how many may wait (api/readQueue.ts). */
  readQueue: { concurrency: number; maxWaiting: number };
};

export function readEnv(source: Record<string, string | undefined> = process.env): CmsEnv {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `  ${issue.path.join('.') || '(environment)'} ${issue.message}`)
      .join('\n');
    throw new Error(`The CMS environment is not valid:\n${problems}`);
  }
  const e = parsed.data;
  // The data folder is chosen at run time, never bundled: tell Turbopack not to trace it.
  const dataDir = path.resolve(
    /*turbopackIgnore: true*/ e.OYU_DATA_DIR ?? path.join(findRepoRoot(process.cwd()), 'data'),
  );
  const databaseUri = e.DATABASE_URI ?? `file:${path.join(/*turbopackIgnore: true*/ dataDir, 'oyu.db')}`;
  return {
    nodeEnv: e.NODE_ENV,
    dataDir,
    databaseUri,
    dialect: databaseUri.startsWith('file:') ? 'sqlite' : 'postgres',
    payloadSecret: e.PAYLOAD_SECRET,
    mediaDir: path.resolve(/*turbopackIgnore: true*/ e.MEDIA_DIR ?? path.join(dataDir, 'media')),
    s3: s3SettingsOf(e),
    serverUrl: e.SERVER_URL.replace(/\/$/, ''),
    corsOrigins: e.CORS_ORIGINS.split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    sqliteBusyTimeoutMs: e.SQLITE_BUSY_TIMEOUT_MS,
    generateDir: e.OYU_GENERATE_DIR,
    repoRoot: findRepoRoot(process.cwd()),
    siteUrl: e.SITE_URL.replace(/\/$/, ''),
    keepBuilds: e.OYU_KEEP_BUILDS,
    deployCommand: e.OYU_DEPLOY_COMMAND,
    previewUrl: (e.PREVIEW_URL ?? `${e.SITE_URL.replace(/\/$/, '')}/preview`).replace(/\/$/, ''),
    previewLinkMinutes: e.PREVIEW_LINK_MINUTES,
    apiCacheBytes: e.API_CACHE_MB * 1024 * 1024,
    trustProxy: e.TRUST_PROXY,
    readQueue: { concurrency: e.API_READ_CONCURRENCY, maxWaiting: e.API_READ_QUEUE },
  };
}

/** What a child process inherits: this process's environment with `overrides` on top. */
export function childEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}

export const env = readEnv();
