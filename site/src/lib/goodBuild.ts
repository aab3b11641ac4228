import fs from 'node:fs/promises';
import path from 'node:path';
import { EditionSchema, ShowcaseSchema } from '@oyu/shared-types';
import type { SiteEnv } from '../env';
import { captureFrozen, frozenEditions } from './archive';
import { brokenLinksMessage, scanLinks } from './checkLinks';
import {
  type BuildData,
  cspIndexFile,
  type DataIndex,
  dataIndexFile,
  type LinkIndex,
  linkIndexFile,
  pageLinks,
} from './incremental';
import { type LaterIndexes, readIndex, writeIndex } from './jsonFile';
import type { PartialOutput } from './partialOutput';
import { replaceFile } from './replaceFile';
import { headersFile, type InlineHashes, mergeHashes, securityHeaders } from './securityHeaders';
import { promoteSnapshot, snapshotDir, writeLastGoodBuild } from './snapshot';

/**
 * The last steps of a build whose output is complete, shared by `astro build`
 * (astro.config.ts) and the publisher (src/publish/): check every internal link, write the
 * security headers and what the next build plans from, freeze editions frozen since, and make
 * this build's data the snapshot.
 */

/** The editions and collections of a build's data. */
export function builtEditions(data: BuildData) {
  return {
    frozen: frozenEditions((data.get('oyu-editions.en') ?? []).map((doc) => EditionSchema.parse(doc))),
    showcases: (data.get('oyu-collections.en') ?? []).map((doc) => ShowcaseSchema.parse(doc)),
  };
}

/** Where frozen editions' pages are kept, beside the snapshot. */
export const frozenStore = (env: SiteEnv) => path.join(path.dirname(snapshotDir(env.snapshotDir)), 'frozen');

export async function recordGoodBuild(
  outDir: string,
  options: {
    env: SiteEnv;
    /** In a partial build, the live build it started from and the files it wrote itself. */
    partial: PartialOutput | undefined;
    data: BuildData;
    next: DataIndex;
    /**
     * Waits for the search index, made beside these steps; fails if it could not be made. (The
     * publisher's is put in once the release is live: lib/searchUpdate.ts.)
     */
    searchIndexed?: () => Promise<void>;
    /** Whoever built it records the snapshot once the build is live (`recordSnapshot`). */
    snapshotLater?: boolean;
    /** Whoever built it writes what the next build plans from once the build is live. */
    later?: LaterIndexes;
  },
): Promise<void> {
  const { env, partial } = options;
  const baseLinks = partial
    ? await readIndex<LinkIndex>(path.join(partial.baseDir, linkIndexFile))
    : undefined;
  const { broken, links, hashes } = await scanLinks(
    outDir,
    partial && baseLinks
      ? {
          rewritten: partial.rewritten,
          links: baseLinks,
          staged: partial.staged ?? false,
          ...(partial.removed ? { removed: partial.removed } : {}),
        }
      : undefined,
  );
  if (broken.length) throw new Error(`The site was not published: ${brokenLinksMessage(broken)}`);
  // The security headers: the inline scripts and styles of the pages written now, and of
  // those taken from the base (whose hashes it recorded).
  const baseHashes = partial
    ? await readIndex<InlineHashes>(path.join(partial.baseDir, cspIndexFile))
    : undefined;
  const allHashes = mergeHashes(hashes, baseHashes);
  const record = (name: string, value: () => unknown) =>
    options.later ? options.later.add(outDir, name, value) : writeIndex(path.join(outDir, name), value());
  await record(cspIndexFile, () => allHashes);
  await replaceFile(path.join(outDir, '_headers'), headersFile(securityHeaders(allHashes, env.siteUrl)));
  await options.searchIndexed?.();
  // What the next build needs to render only what changes.
  // A staged build's other pages keep the base's entries, page links already.
  const kept = (page: string) => partial?.staged && !partial.rewritten.has(page);
  const pageLinkIndex = Object.fromEntries(
    Object.entries(links).map(([page, found]) => [page, kept(page) ? found : pageLinks(found)]),
  );
  await record(dataIndexFile, () => options.next);
  await record(linkIndexFile, () => pageLinkIndex);
  // Editions frozen since the last build keep the pages this build wrote.
  const { frozen, showcases } = builtEditions(options.data);
  const captured = await captureFrozen(outDir, frozenStore(env), frozen, showcases);
  if (captured.length) console.info(`[oyu-archive] froze the pages of edition ${captured.join(', ')}`);
  if (!options.snapshotLater) await recordSnapshot(env, await publishedWorksOf(outDir));
}

/** How many works a build's output (`outDir`) has pages for. */
export async function publishedWorksOf(outDir: string): Promise<number> {
  return (await fs.readdir(path.join(outDir, 'en', 'works')).catch(() => [])).length;
}

/**
 * Makes what a build read (its pending snapshot, written by then) the snapshot, with the
 * number of works it published.
 */
export async function recordSnapshot(env: SiteEnv, publishedWorks: number): Promise<void> {
  const dir = snapshotDir(env.snapshotDir);
  if (!env.fromSnapshot) await promoteSnapshot(dir);
  await writeLastGoodBuild(dir, { finishedAt: new Date().toISOString(), publishedWorks });
}
