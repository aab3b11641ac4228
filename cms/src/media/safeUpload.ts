import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  APIError,
  type CollectionAfterErrorHook,
  type CollectionAfterOperationHook,
  type CollectionBeforeOperationHook,
  type CollectionBeforeValidateHook,
} from 'payload';
import { env } from '../env';

/**
 * An upload that fails leaves the media folder as it was. Payload 3.90, storing photos in a
 * folder:
 *
 * - writes a new photo's files before the record, and leaves them when a later step fails
 *   (a disk that fills up halfway, a hook that throws, the database refusing the record);
 * - deletes a replaced photo's files before it has even written the new ones, so a replacement
 *   that fails would leave the record, rolled back by the database, pointing at files that are
 *   gone.
 *
 * So before a replacement, the current files are hard-linked into a holding folder
 * (`<media>/.replacing/<id>/`, free: same disk, no copy). When the operation succeeds the
 * holding folder goes; when it fails, the files come back and the new upload's own files are
 * removed. A process killed in between is repaired when the CMS next starts
 * (restoreReplacedFiles). Photos in S3 are the storage adapter's business.
 *
 * No upstream issue found (Payload 3.90). Remove once Payload's own upload handling leaves no
 * files after a failed upload and keeps the old ones through a failed replacement:
 * cms/tests/int/diskFull.test.ts, with these hooks off, tells (it needs root, to mount a small
 * file system for the media folder).
 */

type Pending = { newFiles?: string[]; holding?: string; held?: string[] };
const key = 'oyuUpload';
const pending = (context: Record<string, unknown>): Pending => {
  context[key] ??= {};
  return context[key] as Pending;
};

const holdingRoot = () => path.join(env.mediaDir, '.replacing');

/** The files a media document names: the original and every size. */
function filesOf(doc: {
  filename?: string | null;
  sizes?: Record<string, { filename?: string | null } | undefined> | null;
}) {
  return [doc.filename, ...Object.values(doc.sizes ?? {}).map((size) => size?.filename)].filter(
    (name): name is string => typeof name === 'string' && name.length > 0 && path.basename(name) === name,
  );
}

/** Before a photo's file is replaced: its current files, held aside. */
export const holdReplacedFiles: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (env.s3 || !req.file || (operation !== 'update' && operation !== 'updateByID')) return args;
  const id = (args as { id?: number | string }).id;
  if (id === undefined) return args;
  const doc = await req.payload
    .findByID({ collection: 'media', id, depth: 0, overrideAccess: true, req })
    .catch(() => null);
  if (!doc) return args;
  const holding = path.join(holdingRoot(), `${doc.id}-${crypto.randomUUID()}`);
  await fs.mkdir(holding, { recursive: true });
  const held: string[] = [];
  for (const name of filesOf(doc)) {
    const linked = await fs
      .link(path.join(env.mediaDir, name), path.join(holding, name))
      .then(() => true)
      .catch(() => false);
    if (linked) held.push(name);
  }
  Object.assign(pending(req.context), { holding, held });
  return args;
};

/** The names Payload chose for this upload's files, known once it has made them. */
export const rememberNewFiles: CollectionBeforeValidateHook = ({ data, req }) => {
  if (req.file && data) pending(req.context).newFiles = filesOf(data as Parameters<typeof filesOf>[0]);
  return data;
};

/** The operation went through: the replaced files are not needed any more. */
export const releaseReplacedFiles: CollectionAfterOperationHook = async ({ operation, req, result }) => {
  // Reads made during the operation (with the same request) end before it does.
  if (!['create', 'update', 'updateByID'].includes(operation)) return result;
  const { holding } = pending(req.context);
  if (holding) await dropHolding(holding);
  delete req.context[key];
  return result;
};

/** The operation failed: the folder goes back to how it was, and the error says why. */
export const undoFailedUpload: CollectionAfterErrorHook = async ({ error, req }) => {
  const { newFiles = [], holding, held = [] } = pending(req.context);
  delete req.context[key];
  const kept = new Set(held);
  // This upload's own files; a name it shares with a held file is the old photo's.
  await Promise.all(
    newFiles
      .filter((name) => !kept.has(name))
      .map((name) => fs.rm(path.join(env.mediaDir, name), { force: true })),
  );
  if (holding) await putBack(holding);
  if (error.name !== 'FileUploadError') return;
  const free = await freeBytes(env.mediaDir);
  return {
    status: free !== undefined && free < 16 * 1024 * 1024 ? 507 : 500,
    response: {
      errors: [
        {
          message:
            free !== undefined && free < 16 * 1024 * 1024
              ? `The photo could not be stored: there is no room left in the media folder (${megabytes(free)} free). Free some space, or move photos to S3 (docs/storage.md), and upload it again.`
              : 'The photo could not be written to the media folder. Nothing was stored: upload it again, and tell an administrator if it fails again.',
        },
      ],
    },
  };
};

/** Links the held files back where they are missing, then drops the holding folder. */
async function putBack(holding: string): Promise<void> {
  for (const name of await fs.readdir(holding).catch(() => [] as string[])) {
    await fs.link(path.join(holding, name), path.join(env.mediaDir, name)).catch(() => undefined);
  }
  await dropHolding(holding);
}

/** Removes a holding folder, and the folder of them once it is empty. */
async function dropHolding(holding: string): Promise<void> {
  await fs.rm(holding, { recursive: true, force: true });
  await fs.rmdir(holdingRoot()).catch(() => undefined);
}

/**
 * When the CMS starts: a replacement killed halfway left its holding folder. The database
 * rolled back to the old record, so its files go back where they are missing.
 */
export async function restoreReplacedFiles(): Promise<number> {
  if (env.s3) return 0;
  const folders = await fs.readdir(holdingRoot()).catch(() => [] as string[]);
  for (const folder of folders) await putBack(path.join(holdingRoot(), folder));
  await fs.rm(holdingRoot(), { recursive: true, force: true });
  return folders.length;
}

export async function freeBytes(dir: string): Promise<number | undefined> {
  const stats = await fs.statfs(dir).catch(() => undefined);
  return stats ? stats.bavail * stats.bsize : undefined;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * Before any file is written: refuses a photo the media folder has no room for, with a 507
 * that says what to do. The sizes of a camera photo (1,600 px at most) together weigh less than
 * its original; the original's size and 2 MB more are asked for. A disk that fills up anyway
 * halfway through is handled by undoFailedUpload.
 */
export async function checkRoomFor(bytes: number): Promise<void> {
  if (env.s3) return;
  await fs.mkdir(env.mediaDir, { recursive: true });
  const free = await freeBytes(env.mediaDir);
  const needed = bytes + 2 * 1024 * 1024;
  if (free !== undefined && free < needed) {
    throw new APIError(
      `There is no room left in the media folder for this photo: ${megabytes(free)} free, about ${megabytes(needed)} needed. Free some space, or move photos to S3 (docs/storage.md), and upload it again.`,
      507,
    );
  }
}

/** For tests: whether a holding folder is left. */
export async function holdingFolders(): Promise<string[]> {
  return fs.readdir(holdingRoot()).catch(() => []);
}
