import fs from 'node:fs/promises';
import { replaceFile } from './replaceFile';

/** A JSON file the build wrote earlier, or undefined when there is none. */
export async function readJson<T>(file: string): Promise<T | undefined> {
  const text = await fs.readFile(file, 'utf8').catch(() => undefined);
  return text ? (JSON.parse(text) as T) : undefined;
}

/**
 * A build's indexes (links, documents, photos, inline hashes: several megabytes each at size
 * M), by file, with what the file was when read or written (inode, size, time). The next
 * build in the same process (build-site.ts --serve) starts from the release this one wrote and
 * reads them from memory; a file replaced since is read again. Nothing may change them.
 */
const indexes = new Map<string, { identity: string; value: unknown }>();
const identityOf = (stat: { ino: number; size: number; mtimeMs: number }) =>
  `${stat.ino}:${stat.size}:${stat.mtimeMs}`;

/** A build index a release holds, or undefined when there is none. */
export async function readIndex<T>(file: string): Promise<T | undefined> {
  const stat = await fs.stat(file).catch(() => undefined);
  if (!stat) return undefined;
  const known = indexes.get(file);
  if (known?.identity === identityOf(stat)) return known.value as T;
  const value = await readJson<T>(file);
  if (value !== undefined) indexes.set(file, { identity: identityOf(stat), value });
  return value;
}

/** Writes a build index (replacing, never writing into, a file there: see replaceFile.ts). */
export async function writeIndex(file: string, value: unknown): Promise<void> {
  await replaceFile(file, JSON.stringify(value));
  const stat = await fs.stat(file);
  // Only the newest releases' indexes are asked for again; older ones are let go.
  if (indexes.size > 40) indexes.delete(indexes.keys().next().value as string);
  indexes.set(file, { identity: identityOf(stat), value });
}
