import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { mapLimit } from '@oyu/shared-types';
import { indexFiles } from './incremental';

/**
 * A partial build's output and the live release it starts from: which files it takes from
 * there (hard links) and which it wrote itself. The publisher starts from a linked copy of
 * the whole release (src/publish/stage.ts); a partial `astro build` takes what it did not
 * render afterwards (`fillFromBase`).
 */

/**
 * Puts `source` at `target` as a hard link (a copy where links fail), making its folder;
 * `folders` remembers the folders already made, for callers that place many files.
 */
export async function linkFile(source: string, target: string, folders?: Set<string>): Promise<void> {
  const folder = path.dirname(target);
  if (!folders?.has(folder)) {
    await fs.mkdir(folder, { recursive: true });
    folders?.add(folder);
  }
  await fs.link(source, target).catch(() => fs.copyFile(source, target));
}

/**
 * Copies into `outDir` every file of the base release that this (partial) build did not
 * write nor delete (`removed`), as hard links: unchanged pages, their assets, the sitemap.
 * Photos and the search index are not taken here (see mediaIntegration.ts and
 * searchIntegration.ts).
 */
export async function fillFromBase(outDir: string, baseDir: string, removed: Set<string>): Promise<number> {
  const written = new Set(await outputFiles(outDir));
  const taken = (await outputFiles(baseDir)).filter(
    (relative) => !written.has(relative) && !removed.has(relative),
  );
  const folders = new Set<string>();
  await mapLimit(taken, 16, (relative) =>
    linkFile(path.join(baseDir, relative), path.join(outDir, relative), folders),
  );
  return taken.length;
}

/**
 * The files of a build's output that a partial build may take from its base or write itself,
 * as `/`-separated relative paths: all but the photos, the search index and the build's indexes.
 */
async function outputFiles(dir: string): Promise<string[]> {
  return (await fs.readdir(dir, { withFileTypes: true, recursive: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((relative) => !/^(media|pagefind)\//.test(relative) && !indexFiles.has(relative));
}

/**
 * What a partial build took from the live build it started from: the base, the files it
 * wrote itself, and the base's pages it does not have (`removed`: works taken down, listing
 * pages gone). `staged` when the output started as a linked copy of the whole base (the
 * publisher's, src/publish/stage.ts): its photos and indexes are the base's until replaced.
 */
export type PartialOutput = {
  baseDir: string;
  rewritten: Set<string>;
  removed?: Set<string>;
  staged?: boolean;
};

const rewritten = new Map<string, Promise<Set<string>>>();

/**
 * The files of a partial build's output that it wrote itself rather than took from the base
 * release (relative paths, photos and search index aside): the pages it rendered and any it
 * put back afterwards, such as a frozen edition's. A file taken from the base is the base's
 * file (a hard link); a copy, where links fail, counts as written. Worked out once per build.
 */
export function rewrittenFiles(outDir: string, baseDir: string): Promise<Set<string>> {
  const key = `${outDir}\n${baseDir}`;
  let found = rewritten.get(key);
  if (!found) {
    found = (async () => {
      const files = new Set<string>();
      await mapLimit(await outputFiles(outDir), 16, async (relative) => {
        const [mine, base] = await Promise.all([
          fs.stat(path.join(outDir, relative)),
          fs.stat(path.join(baseDir, relative)).catch(() => undefined),
        ]);
        if (!base || base.ino !== mine.ino || base.dev !== mine.dev) files.add(relative);
      });
      return files;
    })();
    rewritten.set(key, found);
  }
  return found;
}

/** Hard-links every file of `source` into `target` (copies where links fail). */
export async function linkTree(source: string, target: string): Promise<void> {
  const folders = new Set<string>();
  for (const entry of await fs.readdir(source, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const from = path.join(entry.parentPath, entry.name);
    await linkFile(from, path.join(target, path.relative(source, from)), folders);
  }
}

/**
 * A copy of the folder `from` at `to` (which must not exist), every file a hard link. `cp -al`
 * does it in one process (GNU coreutils, or BSD cp on macOS); where it is missing or fails,
 * the same is done file by file.
 */
export async function linkCopy(from: string, to: string): Promise<void> {
  try {
    await promisify(execFile)('cp', ['-al', from, to]);
    return;
  } catch {
    await fs.rm(to, { recursive: true, force: true });
  }
  await linkTree(from, to);
}
