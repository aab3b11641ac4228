import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { paginateListObjectsV2, S3 } from '@aws-sdk/client-s3';
import { type S3Settings, s3ClientConfig } from './s3Settings';

/**
 * Where the photo files live: the media folder on this machine (the default), or an
 * S3-compatible bucket when S3_BUCKET is set. Payload's own S3 adapter (@payloadcms/storage-s3)
 * writes, serves and deletes uploads; this module is for what Oyu does with the files besides:
 * the orphan sweep, the draft preview's photos, the import's duplicate check, and backup and
 * restore. It reads no environment itself, so the scripts can use it too.
 *
 * A bucket holds Oyu's photos only, at the top level, under the same file names the media
 * folder would have: a backup of either restores into either.
 */

export class MediaStorageError extends Error {
  override name = 'MediaStorageError';
}

export type StoredFile = { name: string; size: number; modified: Date };

/** The photo files, wherever they are kept. Names are plain file names, never paths. */
export interface MediaStore {
  readonly kind: 'folder' | 's3';
  /** For messages: "the folder /srv/oyu/media", "the S3 bucket oyu-photos at https://…". */
  readonly description: string;
  /** Throws a MediaStorageError saying what to fix when the storage cannot be used. */
  check(): Promise<void>;
  /** Every photo file, at the top level; anything else in the storage is left out. */
  list(): Promise<StoredFile[]>;
  /** A file's bytes, or null when there is no such file. */
  read(name: string): Promise<Buffer | null>;
  /** Copies a stored file to a local path. */
  download(name: string, target: string): Promise<void>;
  /** Stores a local file under `name`. */
  upload(source: string, name: string): Promise<void>;
  /** Removes files; names that are not there are ignored. */
  remove(names: string[]): Promise<void>;
}

/** A plain file name: no folders, no dot files. Anything else is not a photo Oyu wrote. */
export function isPlainFileName(name: string): boolean {
  return name.length > 0 && !name.startsWith('.') && !/[\\/]/.test(name) && name.length <= 255;
}

function requirePlain(name: string): string {
  if (!isPlainFileName(name)) throw new MediaStorageError(`"${name}" is not a plain photo file name`);
  return name;
}

const contentTypes: Record<string, string> = {
  '.avif': 'image/avif',
  '.webp': 'image/webp',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
};

/** The media type of a photo file by its extension, or undefined when it is not a photo type Oyu takes. */
export function photoTypeOf(name: string): string | undefined {
  return contentTypes[path.extname(name).toLowerCase()];
}

/** The media type of a stored file, by its extension. */
export function contentTypeOf(name: string): string {
  return photoTypeOf(name) ?? 'application/octet-stream';
}

function folderStore(dir: string): MediaStore {
  const full = (name: string) => path.join(dir, requirePlain(name));
  return {
    kind: 'folder',
    description: `the folder ${dir}`,
    async check() {
      // A folder not made yet is made by the first upload.
      const stat = await fs.stat(dir).catch(() => null);
      if (stat && !stat.isDirectory())
        throw new MediaStorageError(`${dir} is a file, not a folder for photos.`);
      if (stat) {
        await fs.access(dir, fs.constants.W_OK).catch(() => {
          throw new MediaStorageError(`Photos cannot be written to ${dir}: check its permissions.`);
        });
      }
    },
    async list() {
      const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
      const files: StoredFile[] = [];
      for (const entry of entries) {
        if (!entry.isFile() || !isPlainFileName(entry.name)) continue;
        const stat = await fs.stat(path.join(dir, entry.name)).catch(() => null);
        if (stat) files.push({ name: entry.name, size: stat.size, modified: stat.mtime });
      }
      return files.sort((a, b) => a.name.localeCompare(b.name));
    },
    async read(name) {
      return fs.readFile(full(name)).catch(() => null);
    },
    async download(name, target) {
      // A hard link costs nothing (photos are never changed in place); another disk gets a copy.
      await fs.link(full(name), target).catch(() => fs.copyFile(full(name), target));
    },
    async upload(source, name) {
      await fs.mkdir(dir, { recursive: true });
      await fs.rename(source, full(name)).catch(() => fs.copyFile(source, full(name)));
    },
    async remove(names) {
      await Promise.all(names.map((name) => fs.rm(full(name), { force: true })));
    },
  };
}

/** Why an S3 call failed, in words an organiser can act on. */
function explain(settings: S3Settings, error: unknown): string {
  const e = error as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const where = settings.endpoint ?? `AWS (${settings.region})`;
  const status = e.$metadata?.httpStatusCode;
  if (e.name === 'NotFound' || e.name === 'NoSuchBucket' || status === 404)
    return `the bucket ${settings.bucket} does not exist at ${where}: create it, or correct S3_BUCKET`;
  if (status === 403 || e.name === 'InvalidAccessKeyId' || e.name === 'SignatureDoesNotMatch')
    return `${where} refused the credentials for the bucket ${settings.bucket}: check S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY`;
  if (status === 301 || e.name === 'PermanentRedirect')
    return `the bucket ${settings.bucket} is in another region than ${settings.region}: set S3_REGION`;
  return `${where} did not answer as S3 does (${e.name ?? 'error'}: ${e.message ?? String(error)}): check S3_ENDPOINT`;
}

function s3Store(settings: S3Settings): MediaStore {
  const client = new S3(s3ClientConfig(settings));
  const Bucket = settings.bucket;
  const fail = (doing: string) => (error: unknown) => {
    throw new MediaStorageError(`Could not ${doing}: ${explain(settings, error)}.`);
  };
  const missing = (error: unknown) => {
    const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
    return e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404;
  };
  return {
    kind: 's3',
    description: `the S3 bucket ${Bucket}${settings.endpoint ? ` at ${settings.endpoint}` : ''}`,
    async check() {
      await client.headBucket({ Bucket }).catch(fail(`reach the photo bucket ${Bucket}`));
    },
    async list() {
      const files: StoredFile[] = [];
      try {
        for await (const page of paginateListObjectsV2({ client }, { Bucket })) {
          for (const item of page.Contents ?? []) {
            if (!item.Key || !isPlainFileName(item.Key)) continue;
            files.push({ name: item.Key, size: item.Size ?? 0, modified: item.LastModified ?? new Date(0) });
          }
        }
      } catch (error) {
        fail(`list the photo bucket ${Bucket}`)(error);
      }
      return files.sort((a, b) => a.name.localeCompare(b.name));
    },
    async read(name) {
      try {
        const object = await client.getObject({ Bucket, Key: requirePlain(name) });
        return object.Body ? Buffer.from(await object.Body.transformToByteArray()) : Buffer.alloc(0);
      } catch (error) {
        if (missing(error)) return null;
        return fail(`read ${name} from the bucket ${Bucket}`)(error);
      }
    },
    async download(name, target) {
      const object = await client
        .getObject({ Bucket, Key: requirePlain(name) })
        .catch(fail(`read ${name} from the bucket ${Bucket}`));
      if (!object.Body) throw new MediaStorageError(`The bucket ${Bucket} sent ${name} without a body.`);
      await pipeline(object.Body as Readable, createWriteStream(target));
    },
    async upload(source, name) {
      const { size } = await fs.stat(source);
      await client
        .putObject({
          Bucket,
          Key: requirePlain(name),
          Body: createReadStream(source),
          ContentLength: size,
          ContentType: contentTypeOf(name),
        })
        .catch(fail(`write ${name} to the bucket ${Bucket}`));
    },
    async remove(names) {
      for (let start = 0; start < names.length; start += 1000) {
        const batch = names.slice(start, start + 1000).map((name) => ({ Key: requirePlain(name) }));
        const result = await client
          .deleteObjects({ Bucket, Delete: { Objects: batch, Quiet: true } })
          .catch(fail(`remove photos from the bucket ${Bucket}`));
        const errors = (result.Errors ?? []).filter((item) => item.Code !== 'NoSuchKey');
        if (errors.length) {
          throw new MediaStorageError(
            `The bucket ${Bucket} kept ${errors.length} photos it was asked to remove, e.g. ${errors[0]?.Key}: ${errors[0]?.Message}`,
          );
        }
      }
    },
  };
}

const stores = new Map<string, MediaStore>();

/**
 * The store for a configuration: the bucket when S3 is set, else the media folder. One per
 * configuration, so its S3 client and connections are reused.
 */
export function mediaStore(config: { mediaDir: string; s3: S3Settings | undefined }): MediaStore {
  const key = JSON.stringify(config.s3 ?? config.mediaDir);
  let store = stores.get(key);
  if (!store) {
    store = config.s3 ? s3Store(config.s3) : folderStore(config.mediaDir);
    stores.set(key, store);
  }
  return store;
}
