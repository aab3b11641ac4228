import fs from 'node:fs/promises';
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
