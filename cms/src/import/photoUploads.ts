import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { uploadedFiles } from '../batchWrites';
import { photoTypeOf } from '../media/storage';
import type { Writer } from './documents';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/**
 * The photos of a row by content: an upload already on the document (`existing`) with the same
 * original bytes is used again; any other file is uploaded.
 */
export async function photoIds(
  w: Writer,
  files: string[],
  existing: number[],
  alt: string,
): Promise<number[]> {
  const known = await knownPhotos(w, existing);
  const ids: number[] = [];
  for (const [index, file] of files.entries()) {
    const data = await fs.readFile(file);
    const reuse = known.get(sha256(data));
    if (reuse) {
      ids.push(reuse);
      w.summary.photos.reused += 1;
      continue;
    }
    const id = await upload(w, file, data, files.length > 1 ? `${alt} (${index + 1})` : alt);
    w.summary.photos.uploaded += 1;
    w.mediaIds.push(id);
    ids.push(id);
  }
  return ids;
}

/** The uploads by the hash of their original file. */
async function knownPhotos(w: Writer, ids: number[]) {
  const known = new Map<string, number>();
  for (const id of ids) {
    const media = await w.payload.findByID({ collection: 'media', id, ...w.options });
    const original = media.filename ? await w.store.read(media.filename) : null;
    if (original) known.set(sha256(original), id);
  }
  return known;
}

async function upload(w: Writer, file: string, data: Buffer, alt: string): Promise<number> {
  const media = await w.payload.create({
    collection: 'media',
    // The alt text is English. Explicit, because the shared request's locale is whatever the
    // last call set (the vocabulary reads leave 'all'), and storage-s3 saves the upload's
    // metadata again in that locale.
    locale: 'en',
    data: { alt },
    file: {
      data,
      mimetype: photoTypeOf(file) ?? 'image/jpeg',
      name: path.basename(file),
      size: data.length,
    },
    ...w.options,
  });
  w.writtenFiles.push(...uploadedFiles(media));
  return media.id as number;
}
