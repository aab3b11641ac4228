import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * Built sites, kept side by side so that publishing is one atomic step and any kept build can
 * be put back:
 *
 *   <root>/releases/<id>/   one complete build each, never modified once published
 *   <root>/releases/<id>.spare/  the live one's files linked, for the next build to start from
 *   <root>/releases/<id>.building.search/  its search index, written once it is live
 *   <root>/current          a symbolic link to the live release
 *
 * A release is written under `releases/<id>.building/` and renamed when complete; the live
 * site changes only when `current` is replaced, by renaming a new link over it (a rename is
 * atomic, so a visitor never sees half a site). Static servers serve `current`.
 */
export type ReleaseStore = {
  root: string;
  releasesDir: string;
  /** The path static servers serve: a link to the live release. */
  current: string;
};

export function releaseStore(root: string): ReleaseStore {
  const resolved = path.resolve(root);
  return {
    root: resolved,
    releasesDir: path.join(resolved, 'releases'),
    current: path.join(resolved, 'current'),
  };
}

/** A sortable, readable id: the UTC time the build started, e.g. `20261127-221503-123`. */
export function newReleaseId(now = new Date()): string {
  const iso = now.toISOString();
  return `${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}-${iso.slice(20, 23)}`;
}

const idPattern = /^\d{8}-\d{6}-\d{3}$/;

export function isReleaseId(id: string): boolean {
  return idPattern.test(id);
}

/** The folder a new build writes into; `finishRelease` makes it a release. */
export async function startRelease(store: ReleaseStore, id: string): Promise<string> {
  if (!isReleaseId(id)) throw new Error(`"${id}" is not a release id`);
  const dir = path.join(store.releasesDir, `${id}.building`);
  await fs.rm(dir, { recursive: true, force: true });
  await fs.mkdir(store.releasesDir, { recursive: true });
  return dir;
}

export async function finishRelease(store: ReleaseStore, id: string): Promise<string> {
  const dir = releaseDir(store, id);
  await fs.rename(`${dir}.building`, dir);
  return dir;
}

/** Removes what a failed build left behind; the live site is not touched. */
export async function discardRelease(store: ReleaseStore, id: string): Promise<void> {
  await fs.rm(path.join(store.releasesDir, `${id}.building`), { recursive: true, force: true });
}

export function releaseDir(store: ReleaseStore, id: string): string {
  if (!isReleaseId(id)) throw new Error(`"${id}" is not a release id`);
  return path.join(store.releasesDir, id);
}

/** Complete releases, oldest first. */
export async function listReleases(store: ReleaseStore): Promise<string[]> {
  const entries = await fs.readdir(store.releasesDir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isDirectory() && isReleaseId(entry.name))
    .map((entry) => entry.name)
    .sort();
}

/** The id of the live release, or undefined before the first publish. */
export async function liveRelease(store: ReleaseStore): Promise<string | undefined> {
  const target = await fs.readlink(store.current).catch(() => undefined);
  if (!target) return undefined;
  const id = path.basename(target);
  return isReleaseId(id) ? id : undefined;
}

/** Makes a complete release the live site, in one atomic rename. */
export async function publishRelease(store: ReleaseStore, id: string): Promise<void> {
  const dir = releaseDir(store, id);
  const stat = await fs.stat(dir).catch(() => undefined);
  if (!stat?.isDirectory()) throw new Error(`build ${id} is no longer kept, so it cannot be published`);
  const link = `${store.current}.${process.pid}.next`;
  await fs.rm(link, { force: true });
  // Relative, so the data folder can be moved or restored elsewhere.
  await fs.symlink(path.relative(store.root, dir), link);
  await fs.rename(link, store.current);
}

/** Deletions under way in this process, so two builds in a row do not delete the same folder twice. */
const deleting = new Map<string, Promise<void>>();

function deleteFolder(dir: string): Promise<void> {
  let deletion = deleting.get(dir);
  if (!deletion) {
    // `rm -rf` in a process of its own: fs.rm walks a release of a hundred thousand files on
    // this process's thread (1.7 s at M), which the next build or the rest of this one needs.
    deletion = promisify(execFile)('rm', ['-rf', '--', dir])
      .then(() => undefined)
      .finally(() => deleting.delete(dir));
    deleting.set(dir, deletion);
  }
  return deletion;
}

/**
 * Takes old releases out of the store, keeping the newest `keep` and always the live one, and
 * returns the ids taken out with the promise of their deletion from disk.
 *
 * Each is first renamed to `<id>.removing`, which is instant however big the release, so it is
 * out of the store (not listed, cannot be put back) before this returns. Deleting the files
 * is what takes time: a large gallery's release is over a hundred thousand files, seconds to
 * tens of seconds to delete (docs/performance-L.notes.md), so a build publishes, then hands the
 * deletion back instead of waiting for it. The deletion
 * also takes what an interrupted build (`.building`) or a deletion cut short (`.removing`, the
 * process ended first) left behind: only one build runs at a time (see buildLock.ts) and it
 * prunes after finishing, so any left now are stale.
 */
export async function pruneReleases(
  store: ReleaseStore,
  keep: number,
): Promise<{ removed: string[]; deleted: Promise<void> }> {
  const live = await liveRelease(store);
  const all = await listReleases(store);
  const kept = new Set(all.slice(-keep));
  if (live) kept.add(live);
  const removed = all.filter((id) => !kept.has(id));
  for (const id of removed) {
    const dir = releaseDir(store, id);
    // A rename cannot replace a folder that is not empty.
    await deleteFolder(`${dir}.removing`);
    await fs.rename(dir, `${dir}.removing`);
  }
  const entries = await fs.readdir(store.releasesDir).catch(() => []);
  // A spare (site/src/publish/stage.ts), and the search index the publisher writes once its
  // release is live (site/src/lib/searchUpdate.ts), are only of use while their release is.
  const ofLive = (entry: string) => live !== undefined && entry.startsWith(`${live}.`);
  const leftovers = entries.filter(
    (entry) =>
      /\.(building|removing)$/.test(entry) ||
      (/\.(spare|spare\.making|building\.search)$/.test(entry) && !ofLive(entry)),
  );
  const deleted = Promise.all(leftovers.map((name) => deleteFolder(path.join(store.releasesDir, name)))).then(
    () => undefined,
  );
  return { removed, deleted };
}
