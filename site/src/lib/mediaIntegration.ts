import fs from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mapLimit } from '@oyu/shared-types';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { type BrowseData, BrowseIndex } from './browseData';
import { enterPhase } from './buildEvents';
import { fileMemo } from './fileMemo';
import { mediaIndexFile } from './incremental';
import { type LaterIndexes, readIndex, writeIndex } from './jsonFile';
import type { PartialOutput } from './partialOutput';

const mediaReference = /\/media\/([A-Za-z0-9._%-]+)/g;

/** The built pages, and the browse island's works.json (whose cards show photos too). */
async function* pageFiles(dir: string): AsyncGenerator<string> {
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* pageFiles(full);
    else if (entry.name.endsWith('.html') || isBrowseData(full)) yield full;
  }
}

const isBrowseData = (file: string) =>
  path.basename(file) === 'works.json' && path.basename(path.dirname(file)) === 'browse';

/**
 * The photo names of the pages a build wrote, kept for the next build, which reads its base's
 * version of the same pages (the browse data among them: megabytes each at M).
 */
const referenced = fileMemo<string[]>(2000);

/** `mediaOf`, kept (see `referenced`): for the pages of partial builds. */
async function keptMediaOf(file: string): Promise<string[]> {
  const found = await referenced.read(path.resolve(file), () => mediaOf(file));
  if (!found) throw new Error(`${file} is not there`);
  return found;
}

/** The /media/… files one built page (or works.json) references. */
async function mediaOf(file: string): Promise<string[]> {
  const text = await fs.readFile(file, 'utf8');
  // works.json writes the /media/ prefix once: its photo addresses are put back together.
  const references = isBrowseData(file)
    ? new BrowseIndex(JSON.parse(text) as BrowseData).photoSources().join('\n')
    : text;
  const found = new Set<string>();
  for (const match of references.matchAll(mediaReference)) found.add(match[1] as string);
  // Names are written escaped only where they must be: most pages have none to decode.
  return [...found].map((name) => (name.includes('%') ? decodeURIComponent(name) : name));
}

/** For each /media/… file the built pages reference, how many pages reference it. */
export type MediaIndex = Record<string, number>;

/** Every /media/… file the built pages reference, with how many pages do. */
export async function mediaIndex(outDir: string): Promise<MediaIndex> {
  const counts: MediaIndex = {};
  for await (const file of pageFiles(outDir)) {
    for (const name of await mediaOf(file)) counts[name] = (counts[name] ?? 0) + 1;
  }
  return counts;
}

/**
 * How the written and deleted files change the base's photo counts: for each file, what its
 * base version referenced counts one less and what it references now (nothing, deleted) one
 * more (names left unchanged out).
 */
async function mediaDelta(outDir: string, partial: PartialOutput) {
  const delta = new Map<string, number>();
  const removed = partial.removed ?? new Set<string>();
  const files = [...partial.rewritten, ...removed].filter(
    (relative) => relative.endsWith('.html') || isBrowseData(relative),
  );
  // Read several at a time (thousands when works are published); counted in the same order.
  const found = await mapLimit(files, 8, async (relative) => ({
    before: await keptMediaOf(path.join(partial.baseDir, relative)).catch(() => [] as string[]),
    after: removed.has(relative) ? [] : await keptMediaOf(path.join(outDir, relative)),
  }));
  for (const { before, after } of found) {
    for (const name of before) delta.set(name, (delta.get(name) ?? 0) - 1);
    for (const name of after) delta.set(name, (delta.get(name) ?? 0) + 1);
  }
  for (const [name, change] of delta) if (change === 0) delta.delete(name);
  return delta;
}

/** The base's index with `delta` applied; names no page uses any more drop out. */
function withDelta(baseIndex: MediaIndex, delta: Map<string, number>): MediaIndex {
  const counts = { ...baseIndex };
  for (const [name, change] of delta) {
    const count = (baseIndex[name] ?? 0) + change;
    if (count > 0) counts[name] = count;
    else delete counts[name];
  }
  return counts;
}

/**
 * The media index of a partial build, from its base's: only the files it wrote or deleted are
 * read, and each replaces what the base's version of it referenced. Names no page uses any
 * more drop out.
 */
export async function updatedMediaIndex(
  outDir: string,
  partial: PartialOutput,
  baseIndex: MediaIndex,
): Promise<MediaIndex> {
  return withDelta(baseIndex, await mediaDelta(outDir, partial));
}

/** Every /media/… file the built pages reference. */
export async function referencedMedia(outDir: string): Promise<Set<string>> {
  return new Set(Object.keys(await mediaIndex(outDir)));
}

type MediaOptions = {
  cacheDir: string;
  typesOnly: boolean;
  /** Called once the output is complete, e.g. to record the last good build. */
  onDone?: (outDir: string) => Promise<void>;
  /**
   * In a partial build, the release it started from and the files it wrote: the others are
   * the base's, and so are the photos they use (see `updatedMediaIndex`).
   */
  partial?: (outDir: string) => Promise<PartialOutput | undefined>;
};

/**
 * Puts into the output exactly the photo files that the built pages and works.json use, as the
 * CMS encoded them at upload (never re-encoded), linked or copied from the download cache. A
 * page that points at a file the cache does not hold fails the build rather than shipping a
 * broken image.
 */
export function oyuMedia(options: MediaOptions): AstroIntegration {
  return {
    name: 'oyu-media',
    hooks: {
      'astro:build:start': () => {
        if (options.typesOnly) {
          throw new Error('OYU_TYPES_ONLY is set: it is for type checks only. Unset it to build the site.');
        }
      },
      // `astro dev` serves the cached photo files under /media/ as the built site will.
      'astro:server:setup': ({ server }) => {
        server.middlewares.use('/media/', serveCachedMedia(options.cacheDir));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        enterPhase('photos');
        logger.info('copying the photo files the pages use');
        await placeMedia(outDir, options.cacheDir, await options.partial?.(outDir), logger);
        await options.onDone?.(outDir);
      },
    },
  };
}

/**
 * Puts into `outDir/media/` the photo files its pages use (and records which: mediaIndexFile),
 * from the cache. The publisher calls it too, with `later` (see `laterIndexes`).
 */
export async function placeMedia(
  outDir: string,
  cacheDir: string,
  partial: PartialOutput | undefined,
  logger: Pick<AstroIntegrationLogger, 'info'>,
  later?: LaterIndexes,
): Promise<void> {
  const baseIndex = partial
    ? await readIndex<MediaIndex>(path.join(partial.baseDir, mediaIndexFile))
    : undefined;
  if (partial?.staged && baseIndex)
    return placeChangedMedia(outDir, cacheDir, partial, baseIndex, logger, later);
  const index =
    partial && baseIndex ? await updatedMediaIndex(outDir, partial, baseIndex) : await mediaIndex(outDir);
  await writeIndex(path.join(outDir, mediaIndexFile), index);
  const used = new Set(Object.keys(index));
  const { bytes, added, removed } = await copyMedia(used, cacheDir, path.join(outDir, 'media'));
  const changes = partial ? `; ${added} added, ${removed} no longer used` : '';
  logger.info(
    `copied ${used.size} photo files (${(bytes / 1024 / 1024).toFixed(1)} MiB) into media/${changes}`,
  );
}

/**
 * A staged output (src/publish/stage.ts) holds the base's photos, which its index names: only
 * the photos the written pages stop or start using are taken out or put in, and the index is
 * the base's with those pages' counts changed (130,000 names at M compared, copied and written
 * took 1.3 s). Photos of frozen pages put back (src/lib/archive.ts) are among those pages'.
 */
async function placeChangedMedia(
  outDir: string,
  cacheDir: string,
  partial: PartialOutput,
  baseIndex: MediaIndex,
  logger: Pick<AstroIntegrationLogger, 'info'>,
  later: LaterIndexes | undefined,
) {
  const delta = await mediaDelta(outDir, partial);
  const restored = new Set(
    [...partial.rewritten].filter((file) => file.startsWith('media/')).map((file) => file.slice(6)),
  );
  const counted = (name: string) => (baseIndex[name] ?? 0) + (delta.get(name) ?? 0);
  const added = [...delta.keys()].filter(
    (name) => counted(name) > 0 && !baseIndex[name] && !restored.has(name),
  );
  const gone = [...new Set([...delta.keys(), ...restored])].filter((name) => counted(name) <= 0);
  const { bytes } = await copyMedia(new Set(added), cacheDir, path.join(outDir, 'media'), new Set(gone));
  if (delta.size) {
    const index = () => withDelta(baseIndex, delta);
    if (later) await later.add(outDir, mediaIndexFile, index);
    else await writeIndex(path.join(outDir, mediaIndexFile), index());
  }
  const total = Object.keys(baseIndex).length + added.length - gone.filter((name) => baseIndex[name]).length;
  logger.info(
    `${total} photo files in media/ (${(bytes / 1024 / 1024).toFixed(1)} MiB new); ${added.length} added, ${gone.length} no longer used`,
  );
}

/** A dev-server middleware answering /media/<name> with the cached file, or passing on. */
function serveCachedMedia(cacheDir: string) {
  return (request: IncomingMessage, response: ServerResponse, next: () => void) => {
    const name = decodeURIComponent((request.url ?? '').split('?')[0]?.replace(/^\//, '') ?? '');
    if (!name || name !== path.basename(name)) return next();
    const file = path.join(cacheDir, name);
    fs.readFile(file)
      .then((body) => {
        response.setHeader('content-type', name.endsWith('.avif') ? 'image/avif' : 'image/webp');
        response.end(body);
      })
      .catch(() => next());
  };
}

/**
 * Puts exactly the photo files `used` into `target`, from the cache; says how many bytes the
 * new ones hold, how many were added and how many taken out; fails naming the files the cache
 * does not have. `known` is what `target` holds, when the caller knows it.
 */
async function copyMedia(used: Set<string>, cacheDir: string, target: string, known?: Set<string>) {
  await fs.mkdir(target, { recursive: true });
  const missing: string[] = [];
  let bytes = 0;
  // Photos of a frozen edition's pages come with them from the archive, and a partial build's
  // output starts with the live release's (src/publish/stage.ts): those no page uses any more
  // go, so the output holds what a full build's would.
  const present = known ?? new Set(await fs.readdir(target));
  const unused = [...present].filter((name) => !used.has(name));
  await mapLimit(unused, 16, (name) => fs.rm(path.join(target, name), { force: true }));
  const added = [...used].filter((name) => !present.has(name));
  await mapLimit(added, 16, async (name) => {
    const source = path.join(cacheDir, name);
    try {
      // A hard link where the cache and the build share a disk: the cache only ever
      // renames new files into place, so a build's file never changes under it.
      // A file already there is never written into: it may be the live release's too.
      await fs
        .link(source, path.join(target, name))
        .catch((error: NodeJS.ErrnoException) =>
          error.code === 'EEXIST'
            ? undefined
            : fs.copyFile(source, path.join(target, name), fs.constants.COPYFILE_EXCL),
        );
      const { size } = await fs.stat(source);
      bytes += size;
    } catch {
      missing.push(name);
    }
  });
  if (missing.length) {
    throw new Error(
      `Pages reference ${missing.length} photo file(s) that were not downloaded from the CMS: ${missing
        .slice(0, 10)
        .join(', ')}`,
    );
  }
  return { bytes, added: added.length, removed: unused.length };
}
