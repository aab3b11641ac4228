import type { S3ClientConfig } from '@aws-sdk/client-s3';
import { z } from 'zod';

/**
 * The settings for keeping photos in an S3-compatible bucket (media/storage.ts), shared by the
 * CMS's and the scripts' environment schemas. Set S3_BUCKET to use a bucket; without it photos
 * stay in the media folder.
 */

const trueOrFalse = z.enum(['true', 'false'], 'must be true or false');

/** The S3 settings, shared by the CMS's and the scripts' environment schemas. */
export const s3EnvShape = {
  /** Setting it moves photo storage from the media folder to this bucket. */
  S3_BUCKET: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
      'must be a bucket name: 3 to 63 lower-case letters, digits, dots and hyphens',
    )
    .optional(),
  S3_REGION: z.string().min(1).optional(),
  /** Any S3-compatible service (MinIO, Cloudflare R2, Hetzner, Scaleway…); unset for AWS. */
  S3_ENDPOINT: z
    .url({
      protocol: /^https?$/,
      error: 'must be an http:// or https:// address, e.g. https://s3.example.org',
    })
    .optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Bucket in the path (https://host/bucket/key) rather than the host name; MinIO needs it. */
  S3_FORCE_PATH_STYLE: trueOrFalse.optional(),
};

type S3EnvValues = { [K in keyof typeof s3EnvShape]?: string | undefined };

/** Cross-field rules for the S3 settings, for a schema's `superRefine`. */
export function checkS3Env(values: S3EnvValues, ctx: z.RefinementCtx): void {
  const others = (Object.keys(s3EnvShape) as (keyof S3EnvValues)[]).filter(
    (key) => key !== 'S3_BUCKET' && values[key] !== undefined,
  );
  if (!values.S3_BUCKET && others.length) {
    ctx.addIssue({
      code: 'custom',
      path: ['S3_BUCKET'],
      message: `is missing, but ${others.join(', ')} ${others.length > 1 ? 'are' : 'is'} set: set the bucket to store photos in S3, or unset the rest`,
    });
  }
  if (Boolean(values.S3_ACCESS_KEY_ID) !== Boolean(values.S3_SECRET_ACCESS_KEY)) {
    ctx.addIssue({
      code: 'custom',
      path: [values.S3_ACCESS_KEY_ID ? 'S3_SECRET_ACCESS_KEY' : 'S3_ACCESS_KEY_ID'],
      message: 'is missing: set S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY together, or neither',
    });
  }
}

export type S3Settings = {
  bucket: string;
  region: string;
  endpoint: string | undefined;
  forcePathStyle: boolean;
  /** Unset: the AWS SDK's own chain (AWS_* variables, instance roles). */
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
};

/** The S3 settings from checked environment values, or undefined when photos stay on disk. */
export function s3SettingsOf(values: S3EnvValues): S3Settings | undefined {
  if (!values.S3_BUCKET) return undefined;
  return {
    bucket: values.S3_BUCKET,
    region: values.S3_REGION ?? 'us-east-1',
    endpoint: values.S3_ENDPOINT?.replace(/\/$/, ''),
    forcePathStyle: values.S3_FORCE_PATH_STYLE === 'true',
    credentials:
      values.S3_ACCESS_KEY_ID && values.S3_SECRET_ACCESS_KEY
        ? { accessKeyId: values.S3_ACCESS_KEY_ID, secretAccessKey: values.S3_SECRET_ACCESS_KEY }
        : undefined,
  };
}

/**
 * The AWS SDK client settings for a bucket. Checksums are sent and checked only where S3
 * requires them: the SDK's newer default (a CRC32 on every request) is refused by several
 * S3-compatible services and by the local test server.
 */
export function s3ClientConfig(settings: S3Settings): S3ClientConfig {
  return {
    region: settings.region,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    forcePathStyle: settings.forcePathStyle,
    ...(settings.credentials ? { credentials: settings.credentials } : {}),
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  };
}
