import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import { promisify } from 'node:util';
import { linkTree } from '../lib/partialOutput';

/**
 * A partial build's output starts as the live release, every file a hard link to the live
 * one's: pages, assets, photos, search index, open data. The build then replaces the files it
 * changes (never writing into one: see lib/replaceFile.ts) and removes those it no longer
 * has, so its cost follows the change rather than the number of files the site holds. A
 * hard link costs no space and no copy; the live release is not touched.
 *
 * `cp -al` does it in one process (GNU coreutils, or BSD cp on macOS); where it is missing
 * or fails, the same is done file by file.
 */
export async function stageFromRelease(base: string, outDir: string): Promise<void> {
  await fs.rm(outDir, { recursive: true, force: true });
  try {
    await promisify(execFile)('cp', ['-al', base, outDir]);
    return;
  } catch {
    await fs.rm(outDir, { recursive: true, force: true });
  }
  await linkTree(base, outDir);
}
