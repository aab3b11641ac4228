import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * What a process made of files it read or wrote (a snapshot's documents, a release's indexes),
 * kept by file for as long as the file is the one it was made from: the same inode, size and
 * time. Files are only ever replaced by a rename (a new inode), by this process or another,
 * so a changed file is read again. A build process kept between builds (build-site.ts --serve)
 * so reads a file of several megabytes again only when it changed. The values are shared
 * between builds: nothing may change them. `limit` lets the oldest go.
 */
export function fileMemo<T>(limit = Number.POSITIVE_INFINITY) {
  const known = new Map<string, { identity: string; value: T }>();
  memos.add((from, to) => {
    for (const [file, hit] of [...known]) {
      if (!file.startsWith(from + path.sep)) continue;
      known.delete(file);
      known.set(to + file.slice(from.length), hit);
    }
  });
  const identityOf = async (file: string) => {
    const stat = await fs.stat(file).catch(() => undefined);
    return stat && `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
  };
  const keep = (file: string, identity: string, value: T) => {
    known.delete(file);
    if (known.size >= limit) known.delete(known.keys().next().value as string);
    known.set(file, { identity, value });
  };
  return {
    /** The value of `file`, made by `make` unless the file is unchanged; undefined when there is no file. */
    async read(file: string, make: () => Promise<T | undefined>): Promise<T | undefined> {
      const identity = await identityOf(file);
      if (!identity) return undefined;
      const hit = known.get(file);
      if (hit?.identity === identity) return hit.value;
      const value = await make();
      if (value !== undefined) keep(file, identity, value);
      return value;
    },
    /** Records what `file`, just written, holds. */
    async wrote(file: string, value: T): Promise<void> {
      const identity = await identityOf(file);
      if (identity) keep(file, identity, value);
    },
    /** What was last read or written of `file`, whether or not it changed since. */
    last: (file: string): T | undefined => known.get(file)?.value,
    /** `from` was renamed to `to`: the same file under a new name. */
    renamed(from: string, to: string): void {
      const hit = known.get(from);
      known.delete(from);
      if (hit) keep(to, hit.identity, hit.value);
    },
  };
}

/** Every memo's way of following a folder renamed (see `folderRenamed`). */
const memos = new Set<(from: string, to: string) => void>();

/**
 * The folder `from` was renamed to `to` (a release when it is published: its files keep
 * their identity): what the memos hold of its files is found under the new name.
 */
export function folderRenamed(from: string, to: string): void {
  for (const moved of memos) moved(path.resolve(from), path.resolve(to));
}
