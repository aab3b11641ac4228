import fs from 'node:fs/promises';
import { linkCopy } from '../lib/partialOutput';

/**
 * A partial build's output starts as the live release, every file a hard link to the live
 * one's: pages, assets, photos, search index, open data. The build then replaces the files it
 * changes (never writing into one: see lib/replaceFile.ts) and removes those it no longer
 * has, so its cost follows the change rather than the number of files the site holds. A
 * hard link costs no space and no copy; the live release is not touched.
 *
 * Linking still costs one directory entry per file: 3 s for the 184,000 files of the M
 * benchmark. A process kept between builds links the live release once it is published
 * (`readySpare`), while nothing is being built, and the next build takes that copy by renaming
 * it. Releases are never modified once published, so a spare made from one is that release
 * for as long as it exists.
 *
 * Says whether the spare was taken or the release linked now.
 */
export async function stageFromRelease(base: string, outDir: string): Promise<'spare' | 'linked'> {
  await making.get(base)?.catch(() => undefined);
  await fs.rm(outDir, { recursive: true, force: true });
  try {
    await fs.rename(spareOf(base), outDir);
    return 'spare';
  } catch {
    // No spare (a build right after a start, or from a process not kept): linked now.
  }
  await linkCopy(base, outDir);
  return 'linked';
}

/** The spare of a release: a sibling folder, which the release store takes out with it. */
export function spareOf(release: string): string {
  return `${release}.spare`;
}

/** Spares being made in this process, by the release they copy. */
const making = new Map<string, Promise<void>>();

/**
 * Links a copy of `release` for the next partial build to start from (see `stageFromRelease`),
 * unless one is there or being made. A copy is made under another name and renamed when
 * complete, so a build never takes half of one.
 */
export function readySpare(release: string): Promise<void> {
  let made = making.get(release);
  if (!made) {
    made = makeSpare(release).finally(() => making.delete(release));
    making.set(release, made);
  }
  return made;
}

/**
 * Waits for the spares this process is making: a build waits for them before it publishes
 * (not before it starts: its reading and rendering need none), so that the store's pruning
 * (scripts/lib/releases.ts) never deletes one being written.
 */
export async function sparesMade(): Promise<void> {
  await Promise.allSettled(making.values());
}

async function makeSpare(release: string): Promise<void> {
  const spare = spareOf(release);
  if (await fs.stat(spare).catch(() => undefined)) return;
  const partial = `${spare}.making`;
  await fs.rm(partial, { recursive: true, force: true });
  try {
    await linkCopy(release, partial);
    await fs.rename(partial, spare);
  } catch (error) {
    await fs.rm(partial, { recursive: true, force: true });
    throw error;
  }
}
