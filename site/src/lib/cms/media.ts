import { randomUUID } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { type ImageSize, type Media, mapLimit } from '@oyu/shared-types';
import { type CmsClientOptions, CmsError, type Resolved, request, resolve } from './request';

/** A rendition the CMS made and can serve. */
type Rendition = ImageSize & { filename: string; url: string };

/** Every rendition of a photo the site may reference (not the original upload). */
export function renditions(media: Media): Rendition[] {
  return Object.values(media.sizes ?? {}).filter((size): size is Rendition =>
    Boolean(size?.filename && size.url),
  );
}

export type MediaSources = {
  /**
   * Photos of documents taken unchanged from the last good build, whose files were checked
   * then: only looked up by name, in one read of the folder. A site of 20,000 photos would
   * otherwise check 160,000 file sizes on every build.
   */
  known?: Media[];
  /**
   * The CMS's own photo folder, when it is on this machine (its MEDIA_DIR): a rendition is
   * copied from there rather than fetched over HTTP, one request per file. Only the files the
   * public API named are read, so nothing unpublished is reached. A file missing there, or not
   * the size the CMS gives, is fetched as usual. Copied, never linked: the CMS may rewrite a
   * file in place, and a link would change the live site's photo with it.
   */
  localDir?: string | undefined;
};

export type MediaCounts = { downloaded: number; copied: number; cached: number };

/**
 * Puts the renditions of these photos into `cacheDir`, once: a file already there with the
 * expected size is kept. Each comes from the CMS's folder when `sources.localDir` is given,
 * else over HTTP. Files are written aside and renamed into place, so an interrupted build never
 * leaves a truncated photo behind.
 */
export async function downloadMedia(
  media: Media[],
  cacheDir: string,
  clientOptions: CmsClientOptions,
  sources: MediaSources = {},
): Promise<MediaCounts> {
  const options = resolve(clientOptions);
  await fs.mkdir(cacheDir, { recursive: true });
  const { files, present } = await filesToCheck(media, sources.known ?? [], cacheDir);
  const counts: MediaCounts = { downloaded: 0, copied: 0, cached: present };
  await mapLimit([...files.values()], options.concurrency * 2, async (size) => {
    counts[await cacheRendition(size, cacheDir, options, sources.localDir)] += 1;
  });
  return counts;
}

/**
 * The renditions to check, by file name: every one of `media`, and those of `known` not already
 * in the folder. `present` counts the known ones found there.
 */
async function filesToCheck(media: Media[], known: Media[], cacheDir: string) {
  const files = new Map<string, Rendition>();
  for (const item of media) for (const size of renditions(item)) files.set(size.filename, size);
  if (!known.length) return { files, present: 0 };
  const names = await cachedNames(cacheDir);
  const found = new Set<string>();
  for (const item of known) {
    for (const size of renditions(item)) {
      // Also shown by a document read this time: checked in full like the rest of `files`.
      if (files.has(size.filename) || found.has(size.filename)) continue;
      if (names.has(size.filename)) found.add(size.filename);
      else files.set(size.filename, size);
    }
  }
  return { files, present: found.size };
}

/**
 * The cache folder's file names, kept while the folder is unchanged: adding, removing or
 * renaming a file in it changes its mtime (160,000 names at M took 0.3 s to list, each build
 * of a process kept between builds).
 */
let listed: { dir: string; mtimeMs: number; names: Set<string> } | undefined;

export async function cachedNames(dir: string): Promise<Set<string>> {
  // The time first: a change while listing leaves a newer time, and the next build lists again.
  const { mtimeMs } = await fs.stat(dir);
  if (listed?.dir === dir && listed.mtimeMs === mtimeMs) return listed.names;
  const names = new Set(await fs.readdir(dir));
  listed = { dir, mtimeMs, names };
  return names;
}

/** One rendition into the cache: kept when it is there, else copied from the CMS's folder or fetched. */
async function cacheRendition(
  size: Rendition,
  cacheDir: string,
  options: Resolved,
  localDir: string | undefined,
): Promise<keyof MediaCounts> {
  if (path.basename(size.filename) !== size.filename || size.filename === '.' || size.filename === '..') {
    throw new CmsError(`The CMS named a photo file "${size.filename}", which is not a plain file name`);
  }
  const target = path.join(cacheDir, size.filename);
  const stat = await fs.stat(target).catch(() => null);
  if (stat && (size.filesize == null || stat.size === size.filesize)) return 'cached';
  // Unique: two collections may show the same photo, and their loaders run at once.
  const partial = `${target}.${process.pid}.${randomUUID()}.partial`;
  if (localDir && (await copyLocal(path.join(localDir, size.filename), partial, size))) {
    await fs.rename(partial, target);
    return 'copied';
  }
  await fs.writeFile(partial, await fetchRendition(size, options));
  await fs.rename(partial, target);
  return 'downloaded';
}

/** A rendition's bytes from the CMS, checked against the size the CMS gives. */
async function fetchRendition(size: Rendition, options: Resolved): Promise<Buffer> {
  // The CMS writes absolute URLs with its own serverURL; fetch the same path from CMS_URL.
  const location = new URL(size.url, `${options.baseUrl}/`);
  const url = `${options.baseUrl}${location.pathname}${location.search}`;
  const response = await request(url, options);
  const body = Buffer.from(
    await response.arrayBuffer().catch((error: Error) => {
      throw new CmsError(`The CMS broke off sending ${url}: ${error.message}`);
    }),
  );
  if (size.filesize != null && body.length !== size.filesize) {
    throw new CmsError(`The photo ${url} arrived with ${body.length} bytes, the CMS said ${size.filesize}`);
  }
  return body;
}

/**
 * Copies the CMS's own file of a rendition to `partial`; false (and nothing left behind) when
 * there is no such file or it is not the size the CMS gives, also when it changed mid-copy.
 */
async function copyLocal(source: string, partial: string, size: ImageSize): Promise<boolean> {
  const sized = (stat: { size: number; isFile(): boolean } | null) =>
    Boolean(stat?.isFile() && (size.filesize == null || stat.size === size.filesize));
  if (!sized(await fs.stat(source).catch(() => null))) return false;
  try {
    // A copy-on-write clone where the file system offers one, a plain copy elsewhere.
    await fs.copyFile(source, partial, fsConstants.COPYFILE_FICLONE);
    if (sized(await fs.stat(partial))) return true;
  } catch {
    // Gone or unreadable since it was looked at: fetched over HTTP instead.
  }
  await fs.rm(partial, { force: true });
  return false;
}
