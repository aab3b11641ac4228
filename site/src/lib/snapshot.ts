import fs from 'node:fs/promises';
import path from 'node:path';
import type { Locale } from '@oyu/shared-types';
import { CmsError } from './cms';
import { fileMemo } from './fileMemo';
import { siteRoot } from './paths';

/**
 * Every build records the documents it used, one file per collection and language, so the
 * site can be rebuilt from them when the CMS cannot be reached (`FROM_SNAPSHOT=1`), and so a
 * build can be compared with the last one that succeeded. A build writes its record aside
 * (`pending/`); it replaces the snapshot only once the build has succeeded.
 */
export function snapshotDir(configured: string | undefined): string {
  return path.resolve(configured ?? path.join(siteRoot, '.cache', 'snapshot'));
}

const fileOf = (dir: string, collection: string, locale: Locale) =>
  path.join(dir, `${collection}.${locale}.json`);

/** Where a build records what it read, until it succeeds. */
export const pendingOf = (dir: string) => path.join(dir, 'pending');

/** The documents of the snapshot files this process read or wrote (see fileMemo.ts). */
const parsed = fileMemo<unknown[]>();

/** The documents of one snapshot file, or undefined when there is none. */
export function readDocsFile(file: string): Promise<unknown[] | undefined> {
  return parsed.read(file, async () => {
    const text = await fs.readFile(file, 'utf8').catch(() => undefined);
    return text === undefined ? undefined : (JSON.parse(text) as { docs: unknown[] }).docs;
  });
}

/** Reads every file of a snapshot into memory, for a build process waiting for its first build. */
export async function readWholeSnapshot(dir: string): Promise<number> {
  let docs = 0;
  for (const file of await fs.readdir(dir).catch(() => [] as string[])) {
    if (/^oyu-[a-z]+\.[a-z]{2}\.json$/.test(file))
      docs += (await readDocsFile(path.join(dir, file)))?.length ?? 0;
  }
  return docs;
}

export async function writeSnapshot(
  dir: string,
  collection: string,
  locale: Locale,
  docs: unknown[],
): Promise<void> {
  await fs.mkdir(pendingOf(dir), { recursive: true });
  const file = fileOf(pendingOf(dir), collection, locale);
  // The same documents as the snapshot's (nothing of the collection was read again): its file
  // is linked rather than written again.
  const current = fileOf(dir, collection, locale);
  if (docs.length && parsed.last(current) === docs) {
    await fs.rm(file, { force: true });
    if (
      await fs.link(current, file).then(
        () => true,
        () => false,
      )
    ) {
      await parsed.wrote(file, docs);
      return;
    }
  }
  const partial = `${file}.${process.pid}.partial`;
  await fs.writeFile(
    partial,
    JSON.stringify({ collection, locale, takenAt: new Date().toISOString(), docs }),
  );
  await fs.rename(partial, file);
  await parsed.wrote(file, docs);
}

export async function readSnapshot(dir: string, collection: string, locale: Locale): Promise<unknown[]> {
  const file = fileOf(dir, collection, locale);
  const docs = await readDocsFile(file);
  if (!docs) {
    throw new CmsError(
      `There is no snapshot of ${collection} (${locale}) at ${file}: build once from the CMS first.`,
    );
  }
  return docs;
}

/** Makes the data of a build that succeeded the snapshot. */
export async function promoteSnapshot(dir: string): Promise<void> {
  const pending = pendingOf(dir);
  const files = await fs.readdir(pending).catch(() => [] as string[]);
  for (const file of files.filter((name) => name.endsWith('.json'))) {
    await fs.rename(path.join(pending, file), path.join(dir, file));
    // A pending file linked to the snapshot's (writeSnapshot) is the same file: the rename
    // leaves both names then.
    await fs.rm(path.join(pending, file), { force: true });
    // A rename keeps the file as it was: what was read of it stays true under its new name.
    parsed.renamed(path.join(pending, file), path.join(dir, file));
  }
}

/** The last good build's counts, written when a build completes. */
export type BuildRecord = { finishedAt: string; publishedWorks: number };
const recordFile = (dir: string) => path.join(dir, 'last-good-build.json');

export async function readLastGoodBuild(dir: string): Promise<BuildRecord | null> {
  try {
    return JSON.parse(await fs.readFile(recordFile(dir), 'utf8')) as BuildRecord;
  } catch {
    return null;
  }
}

export async function writeLastGoodBuild(dir: string, record: BuildRecord): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  await fs.writeFile(recordFile(dir), JSON.stringify(record, null, 2));
}

/**
 * Refuses a build whose published works dropped by more than `maxDrop` (a share) since the
 * last good build: a CMS answering with half its content must not take half the site down.
 */
export function checkWorksDrop(previous: BuildRecord | null, now: number, maxDrop: number): void {
  if (!previous || previous.publishedWorks === 0) return;
  const drop = (previous.publishedWorks - now) / previous.publishedWorks;
  if (drop > maxDrop) {
    throw new CmsError(
      `The CMS lists ${now} published works, ${previous.publishedWorks} at the last good build ` +
        `(${previous.finishedAt}): a drop of ${Math.round(drop * 100)}%, more than the ${Math.round(maxDrop * 100)}% allowed. ` +
        'If the works were unpublished on purpose, build again with MAX_WORKS_DROP=1.',
    );
  }
}
