import fs from 'node:fs/promises';
import path from 'node:path';
import type { Payload } from 'payload';
import { env } from '../env';
import { isProcessAlive } from '../processes';
import { mediaStore } from './storage';

/**
 * Photo files that no media record names, in the media folder or the S3 bucket: what an upload
 * or an import leaves when its process is killed between writing the files and committing the
 * record (the database rolls the record back; the files stay). The CMS sweeps them when it starts, and the import before it writes.
 *
 * A file younger than `graceMs` is left alone (another process may be about to commit it), and
 * nothing is swept while an import that registered itself as a writer is still alive.
 */

const writersDir = () => path.join(env.dataDir, 'locks');
const writerFile = (pid: number) => path.join(writersDir(), `media-writer-${pid}`);

/** Marks this process as writing photos until the returned function is called. */
export async function registerMediaWriter(): Promise<() => Promise<void>> {
  await fs.mkdir(writersDir(), { recursive: true });
  const file = writerFile(process.pid);
  await fs.writeFile(file, new Date().toISOString());
  return () => fs.rm(file, { force: true });
}

/** Live processes (other than this one) registered as writing photos. */
async function liveWriters(): Promise<number[]> {
  const names = await fs.readdir(writersDir()).catch(() => [] as string[]);
  const pids = names.map((name) => Number(name.replace('media-writer-', ''))).filter(Number.isInteger);
  const live: number[] = [];
  for (const pid of pids) {
    if (pid !== process.pid && isProcessAlive(pid)) live.push(pid);
    else if (pid !== process.pid) await fs.rm(writerFile(pid), { force: true });
  }
  return live;
}

/** Every file name the media records refer to: originals and renditions. */
async function referencedFiles(payload: Payload): Promise<Set<string>> {
  const names = new Set<string>();
  let page = 1;
  while (true) {
    const batch = await payload.find({
      collection: 'media',
      depth: 0,
      limit: 500,
      page,
      pagination: true,
      overrideAccess: true,
      select: { filename: true, sizes: true },
    });
    for (const doc of batch.docs) {
      if (doc.filename) names.add(doc.filename);
      for (const size of Object.values(doc.sizes ?? {})) if (size?.filename) names.add(size.filename);
    }
    if (!batch.hasNextPage) return names;
    page += 1;
  }
}

export type SweepResult = { removed: string[]; skipped?: string };

export async function sweepOrphanFiles(
  payload: Payload,
  options: { graceMs?: number } = {},
): Promise<SweepResult> {
  const graceMs = options.graceMs ?? 60_000;
  const writers = await liveWriters();
  if (writers.length)
    return { removed: [], skipped: `an import (process ${writers.join(', ')}) is writing photos` };
  const store = mediaStore(env);
  const files = await store.list();
  if (!files.length) return { removed: [] };
  const referenced = await referencedFiles(payload);
  const now = Date.now();
  const removed = files
    .filter((file) => !referenced.has(file.name) && now - file.modified.getTime() >= graceMs)
    .map((file) => file.name);
  await store.remove(removed);
  return { removed };
}
