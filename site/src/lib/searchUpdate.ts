import fs from 'node:fs/promises';
import path from 'node:path';
import { type Locale, locales } from '@oyu/shared-types';
import * as pagefind from 'pagefind';
import { readJson } from './jsonFile';
import { linkCopy, linkFile, type PartialOutput } from './partialOutput';
import { replaceFile, replaceWithCopy } from './replaceFile';
import { readLanguage, searchChanged, writeLanguage } from './searchIntegration';

/**
 * The publisher's search step, put into the release once its pages are live. The changed
 * languages' pages are linked into `scratch` beside the build's last steps (the release's
 * folder is renamed when published); Pagefind reads them there and writes the new index once
 * `finish` is called, after the switch, and `finish` puts it into the live release. At M,
 * Pagefind took 3.6 s for one language's 5,510 pages; reading three languages beside the
 * photo step and the check (a publish of 100 works) took the CPU those needed on two cores,
 * 1.1 s of the 15.2 s to go live. A visitor sees the new page without waiting for it, and its
 * search entry a moment after. Until then the release holds the live build's index of that
 * language, staged with the rest (src/publish/stage.ts): complete, and true to every other page.
 */
export type SearchUpdate = {
  /** The languages made again; the others are the live build's, as staged. */
  languages: Locale[];
  /**
   * Waits for the new indexes and puts them into the published `releaseDir` (see
   * `swapIndex`); returns each language's page count.
   */
  finish: (releaseDir: string) => Promise<string[]>;
  /** Drops the work, when the release is not published. */
  discard: () => Promise<void>;
  /**
   * Settles once the changed languages' pages are linked into the update's own folder
   * (`cp -al`, a process of its own, beside the photo step and the check): the release's
   * folder may be renamed only then. Pagefind reads them when `finish` is called.
   */
  copied: Promise<void>;
};

/** `scratch` is a folder of the update's own, on the same disk as the release. */
export async function startSearchUpdate(
  outDir: string,
  partial: PartialOutput,
  scratch: string,
): Promise<SearchUpdate> {
  const languages: Locale[] = [];
  for (const lang of locales) if (await searchChanged(lang, outDir, partial)) languages.push(lang);
  await fs.rm(scratch, { recursive: true, force: true });
  const pages = path.join(scratch, 'pages');
  const copied = (async () => {
    for (const lang of languages) {
      await fs.mkdir(pages, { recursive: true });
      await linkCopy(path.join(outDir, lang), path.join(pages, lang));
    }
  })();
  let making: Promise<string[]> | undefined;
  const make = () => {
    making ??= index();
    return making;
  };
  const index = async () => {
    try {
      await copied;
      const counts: string[] = [];
      for (const lang of languages) {
        const index = await readLanguage(pages, lang);
        counts.push(`${lang} ${await writeLanguage(index, lang, path.join(scratch, 'index', lang))}`);
      }
      return counts;
    } finally {
      // Pagefind's service process, ended with the last index it held.
      if (languages.length) await pagefind.close();
    }
  };
  // Waited for before the release is renamed; not an unhandled rejection meanwhile.
  copied.catch(() => undefined);
  return {
    languages,
    copied,
    finish: async (releaseDir) => {
      try {
        const counts = await make();
        for (const lang of languages)
          await swapIndex(path.join(releaseDir, 'pagefind', lang), path.join(scratch, 'index', lang));
        return counts;
      } finally {
        await fs.rm(scratch, { recursive: true, force: true });
      }
    },
    discard: async () => {
      await making?.catch(() => undefined);
      await fs.rm(scratch, { recursive: true, force: true });
    },
  };
}

/** The files of the index a language's folder served until its last update (see `swapIndex`). */
const servedFile = 'oyu-index-files.json';
const entryFile = 'pagefind-entry.json';

/**
 * Puts the index written in `next` into a live language folder, `live`, without a moment
 * where a visitor's search finds half of it. Pagefind names its index files by their
 * content, all but a few of the same Pagefind version (its script, its worker, its wasm)
 * and the entry file, which names the rest: the new files are added beside the old ones,
 * then the entry is replaced, in one rename. A visitor whose page loaded the old entry still
 * finds its files: the files of the index before it are kept, those older taken out.
 */
export async function swapIndex(live: string, next: string): Promise<void> {
  const files = await filesOf(next);
  const present = await filesOf(live);
  const served = new Set(
    (await readJson<string[]>(path.join(live, servedFile)).catch(() => undefined)) ??
      present.filter((file) => file !== servedFile),
  );
  const there = new Set(present);
  const folders = new Set<string>();
  for (const file of files) {
    // Seen by no visitor until the entry names it; a name already there is the same file.
    if (file !== entryFile && !there.has(file))
      await linkFile(path.join(next, file), path.join(live, file), folders);
  }
  await replaceWithCopy(path.join(next, entryFile), path.join(live, entryFile));
  const current = new Set(files);
  for (const file of present) {
    if (file !== servedFile && !current.has(file) && !served.has(file)) await fs.rm(path.join(live, file));
  }
  await replaceFile(path.join(live, servedFile), JSON.stringify(files));
}

/** A folder's files, as `/`-separated paths relative to it. */
async function filesOf(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}
