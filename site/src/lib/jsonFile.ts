import fs from 'node:fs/promises';
import path from 'node:path';
import { fileMemo } from './fileMemo';
import { replaceFile } from './replaceFile';

/** A JSON file the build wrote earlier, or undefined when there is none. */
export async function readJson<T>(file: string): Promise<T | undefined> {
  const text = await fs.readFile(file, 'utf8').catch(() => undefined);
  return text ? (JSON.parse(text) as T) : undefined;
}

/** A build's indexes (links, documents, photos, inline hashes: megabytes each at size M), as
 * read or written: the next build in the same process starts from the release this one wrote
 * (see fileMemo.ts). Only the newest releases' are asked for again. */
const indexes = fileMemo<unknown>(40);

/** A build index a release holds, or undefined when there is none. */
export async function readIndex<T>(file: string): Promise<T | undefined> {
  return (await indexes.read(file, () => readJson<T>(file))) as T | undefined;
}

/** Writes a build index (replacing, never writing into, a file there: see replaceFile.ts). */
export async function writeIndex(file: string, value: unknown): Promise<void> {
  await replaceFile(file, JSON.stringify(value));
  await indexes.wrote(file, value);
}

/**
 * Build indexes written once the release is live (the publisher's: 1-2 s at M that no visitor
 * need wait for). Each one's staged copy of the base's is taken out when it is added, so a
 * release published without them has none, and the next build is full instead of planned from
 * the base's.
 */
export type LaterIndexes = {
  add: (outDir: string, name: string, value: () => unknown) => Promise<void>;
  /** Writes them into the release, at its folder now. */
  write: (dir: string) => Promise<void>;
};

export function laterIndexes(): LaterIndexes {
  const pending = new Map<string, () => unknown>();
  return {
    add: async (outDir, name, value) => {
      await fs.rm(path.join(outDir, name), { force: true });
      pending.set(name, value);
    },
    write: async (dir) => {
      for (const [name, value] of pending) await writeIndex(path.join(dir, name), value());
    },
  };
}
