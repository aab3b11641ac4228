import fs from 'node:fs/promises';
import path from 'node:path';
import {
  type BuildPhase,
  type BuildProgress,
  locales,
  type Media,
  mapLimit,
  SiteSettingsSchema,
} from '@oyu/shared-types';
import type { SiteEnv } from '../env';
import { restoreFrozen } from '../lib/archive';
import { type Source, sources } from '../lib/cms';
import {
  builtEditions,
  frozenStore,
  publishedWorksOf,
  recordGoodBuild,
  recordSnapshot,
} from '../lib/goodBuild';
import {
  buildDataOf,
  type DataIndex,
  dataIndex,
  dataIndexFile,
  type LinkIndex,
  linkIndexFile,
  type Plan,
  planBuild,
} from '../lib/incremental';
import { laterIndexes, readIndex } from '../lib/jsonFile';
import { type Loaded, openReading, readDocuments, readPhotos, readSettings } from '../lib/load';
import { placeMedia } from '../lib/mediaIntegration';
import { describeChanged } from '../lib/plan';
import { replaceFile } from '../lib/replaceFile';
import { startSearchUpdate } from '../lib/searchUpdate';
import { writeSitemap } from '../lib/sitemap';
import { modelFromDocuments } from './model';
import { type RenderApp, renderFiles } from './render';
import { stageFromRelease } from './stage';

/**
 * A partial build without `astro build`: what the build would read, plan, render and check,
 * with the pages rendered by the render app (render.ts). The output is the same, file for
 * file, as `astro build` from the same live build (scripts/tests/loop/incremental.test.ts
 * builds both ways and compares).
 *
 * The steps are the static build's own (lib/load.ts, lib/incremental.ts, lib/goodBuild.ts,
 * the search and photo steps); only how pages are rendered differs. A change the plan cannot
 * render page by page (the code or the settings changed, an edition added…) is left to a full
 * `astro build`: the answer says why, and nothing was written to `outDir`.
 */
export type PublishEvent = { type: 'progress'; progress: BuildProgress } | { type: 'log'; line: string };

export type PublishResult =
  | { mode: 'full'; reason: string }
  | {
      mode: 'partial';
      rendered: number;
      reason: string;
      /**
       * Pages the release has beyond the live build it started from, less those it deleted:
       * its page count is the live one's plus this, known without listing its files.
       */
      pageChange: number;
      /**
       * For whoever publishes the release to call once it is live, with its folder (a visitor
       * need not wait for these): puts the new search indexes in (lib/searchUpdate.ts) and
       * records what the build read as the snapshot the next one starts from. Not called (a
       * crash, a failure): the next build reads again what changed since the last, and its
       * release has a search index of its own. Throws saying what could not be done.
       */
      afterPublish: (releaseDir: string) => Promise<void>;
      /** For whoever does not publish the release after all (a check refused it). */
      discard: () => Promise<void>;
    }
  /** Nothing the pages show changed: the live build stays, and nothing was written to `outDir`. */
  | { mode: 'unchanged'; reason: string };

export async function publishChanges(options: {
  /** The build's settings; `baseRelease` is the live build it starts from. */
  env: SiteEnv;
  /** The new release's folder, empty. */
  outDir: string;
  app: RenderApp;
  onEvent?: (event: PublishEvent) => void;
}): Promise<PublishResult> {
  const { env, outDir, app } = options;
  const base = env.baseRelease;
  if (!base) return { mode: 'full', reason: 'there is no earlier build to start from' };
  const say = (line: string) => options.onEvent?.({ type: 'log', line });
  const progress = (value: BuildProgress) => options.onEvent?.({ type: 'progress', progress: value });
  const phase = (name: BuildPhase) => progress({ phase: name });
  const clock = stepClock();

  phase('data');
  const documents = await readAll(env, say);
  clock.lap('read');
  const data = buildDataOf(
    (name, locale) => documents.byName.get(name)?.byLocale.find((list) => list.locale === locale)?.docs,
  );
  const next = dataIndex(data, env.codeHash);
  const [baseData, baseLinks] = await Promise.all([
    readIndex<DataIndex>(path.join(base, dataIndexFile)),
    readIndex<LinkIndex>(path.join(base, linkIndexFile)),
  ]);
  if (!baseData || !baseLinks) return { mode: 'full', reason: 'the live build has no record of its pages' };
  const plan: Plan = planBuild({ base: { data: baseData, links: baseLinks }, next, data });
  if (plan.mode === 'full') return { mode: 'full', reason: plan.reason };
  clock.lap('plan');
  if (!plan.pages.size) {
    // Every document as the live build had it, with the same code: its files are what this
    // build would write, so it stays (lib/incremental.ts compares whole documents, the site
    // settings and the code among them). What was read becomes the snapshot all the same.
    await documents.record();
    await recordSnapshot(env, await publishedWorksOf(base));
    return { mode: 'unchanged', reason: 'nothing changed' };
  }

  const files = [...new Set([...plan.pages, ...alwaysWritten])].sort();
  progress({ phase: 'pages', done: 0, total: files.length });
  const rendered = await renderFiles(app, {
    siteUrl: env.siteUrl,
    model: modelFromDocuments(documents.loaded),
    plan,
    files,
    onRendered: (done) => progress({ phase: 'pages', done, total: files.length }),
  });
  clock.lap(`render ${files.length} files`);
  // Only now, with every page rendered, is anything written: the live release, linked. (Linked
  // beside the render instead, both took longer at M than one after the other: 7.5 s, not 6.3.)
  const staged = await stageFromRelease(base, outDir);
  await removeFiles(outDir, plan.removed);
  clock.lap(staged === 'spare' ? 'stage (the spare taken)' : 'stage (linked now)');
  // A file rendered as the live build has it stays the live one's (linked): the photo, link
  // and search steps then skip it too. (A Kazakh edit renders the English home and browse
  // data again, megabytes that only their list of latest works could change.)
  const rewritten = new Set<string>();
  await mapLimit([...rendered], 16, async ([file, body]) => {
    if (await sameBytes(path.join(base, file), body)) return;
    await replaceFile(path.join(outDir, file), body);
    rewritten.add(file);
  });
  const restored = await restoreFrozen(outDir, frozenStore(env), builtEditions(data).frozen, rewritten);
  if (restored.length) say(`kept the frozen pages of edition ${restored.join(', ')}`);
  clock.lap('write');
  const reason = describeChanged(plan);
  say(
    `partial build by the publisher: rendered ${plan.pages.size} pages, took the other files from the live build; ${reason}`,
  );

  const partial = { baseDir: base, rewritten, removed: plan.removed, staged: true };
  // Counted as a static build counts them: the planned pages, not the files every build writes.
  const added = await newPages(base, rewritten);
  const removedPages = [...plan.removed].filter((file) => file.endsWith('.html')).length;
  // Pages came or went: the sitemap is written again once the release is live (below).
  const pages = () => [
    ...Object.keys(baseLinks).filter((page) => !plan.removed.has(page) && !rewritten.has(page)),
    ...[...rewritten].filter((file) => file.endsWith('.html')),
  ];
  // Each step's lines carry its integration's name, as `astro build` prints them.
  const loggerOf = (name: string) => ({ info: (line: string) => say(`[${name}] ${line}`) });
  phase('search');
  // Made beside the photos and the check, put in once the pages are live (searchUpdate.ts).
  const searchStarted = performance.now();
  const update = await startSearchUpdate(outDir, partial, `${outDir}.search`);
  const later = laterIndexes();
  try {
    phase('photos');
    await placeMedia(outDir, documents.cacheDir, partial, loggerOf('oyu-media'), later);
    clock.lap('photos');
    phase('check');
    await recordGoodBuild(outDir, {
      env,
      partial,
      data,
      next,
      snapshotLater: true,
      later,
    });
    clock.lap('check');
    // The release's folder is renamed when published: not while its pages are being linked.
    await update.copied;
    clock.lap('search pages linked');
  } catch (error) {
    await update.discard();
    throw error;
  }
  say(`publisher steps: ${clock.laps()}`);
  const publishedWorks = await publishedWorksOf(outDir);
  const afterPublish = async (releaseDir: string) => {
    const failures: string[] = [];
    // First: what the next build plans from (without it, the next build is a full one).
    await later
      .write(releaseDir)
      .catch((error: Error) =>
        failures.push(
          `what the next build plans from could not be written (it will be a full one): ${error.message}`,
        ),
      );
    if (update.languages.length) {
      await update
        .finish(releaseDir)
        .then((counts) => {
          const seconds = ((performance.now() - searchStarted) / 1000).toFixed(1);
          const kept = locales.filter((lang) => !update.languages.includes(lang));
          const note = kept.length ? `; ${kept.join(', ')} unchanged, taken from the live build` : '';
          say(`[oyu-search] search index: ${counts.join(', ')} made again (${seconds} s${note}), live`);
        })
        .catch((error: Error) =>
          failures.push(
            `its search index could not be brought up to date (search finds the pages as they were): ${error.message}`,
          ),
        );
    }
    // A crawler reading the sitemap meanwhile finds the live build's (2-3 s of work at M,
    // which took the CPU the photo step and the check needed when it ran beside them).
    if (added || removedPages)
      await writeSitemap(releaseDir, env.siteUrl, pages()).catch((error: Error) =>
        failures.push(`its sitemap could not be written (it lists the pages as they were): ${error.message}`),
      );
    const started = performance.now();
    await documents
      .record()
      .then(() => recordSnapshot(env, publishedWorks))
      .then(() =>
        say(
          `recorded what this build read as the snapshot (${((performance.now() - started) / 1000).toFixed(1)} s)`,
        ),
      )
      .catch((error: Error) =>
        failures.push(
          `what the build read could not be recorded for the next one (it reads again what changed): ${error.message}`,
        ),
      );
    if (failures.length) throw new Error(failures.join('; '));
  };
  return {
    mode: 'partial',
    rendered: plan.pages.size,
    reason,
    pageChange: added - removedPages,
    afterPublish,
    discard: update.discard,
  };
}

/** How many of the pages written (`rewritten`, release-relative) the release `base` has not. */
async function newPages(base: string, rewritten: Set<string>): Promise<number> {
  const pages = [...rewritten].filter((file) => file.endsWith('.html'));
  const found = await mapLimit(pages, 16, (page) =>
    fs.stat(path.join(base, page)).then(
      () => 0,
      () => 1,
    ),
  );
  return found.reduce<number>((sum, added) => sum + added, 0);
}

/**
 * Deletes the live build's files this build no longer has (`removed`, release-relative) from
 * its staged copy, and the folders they leave empty: a full build would not have written them.
 */
async function removeFiles(outDir: string, removed: Set<string>): Promise<void> {
  // One after another: a folder is emptied by the last of its files, whichever that is.
  for (const file of removed) {
    await fs.rm(path.join(outDir, file), { force: true });
    for (let dir = path.dirname(file); dir !== '.'; dir = path.dirname(dir)) {
      const emptied = await fs.rmdir(path.join(outDir, dir)).then(
        () => true,
        () => false,
      );
      if (!emptied) break;
    }
  }
}

/** Each step's seconds, for the build's log: what a partial build's time went to. */
function stepClock() {
  const laps: string[] = [];
  let last = performance.now();
  return {
    lap: (name: string) => {
      const now = performance.now();
      laps.push(`${name} ${((now - last) / 1000).toFixed(1)} s`);
      last = now;
    },
    laps: () => laps.join(', '),
  };
}

/** The collections a build reads, with the photos each document shows. */
const read = {
  artisans: {
    name: 'oyu-artisans',
    source: sources.artisans,
    photos: (doc: { portrait?: Media | null }) => (doc.portrait ? [doc.portrait] : []),
  },
  works: { name: 'oyu-works', source: sources.works, photos: (doc: { photos: Media[] }) => doc.photos },
  editions: {
    name: 'oyu-editions',
    source: sources.editions,
    photos: (doc: { heroImage?: Media | null }) => (doc.heroImage ? [doc.heroImage] : []),
  },
  showcases: { name: 'oyu-collections', source: sources.showcases, photos: () => [] },
  venues: { name: 'oyu-venues', source: sources.venues, photos: () => [] },
} as const;

/** Every collection's documents, read as the content loaders of a static build read them. */
async function readAll(env: SiteEnv, say: (line: string) => void) {
  const reading = openReading(env, { recordLater: true });
  const loaded: Record<string, Loaded<unknown>> = {};
  // All at once (the round trips to the CMS added up one after another); said in this order.
  const [settings, ...collections] = await Promise.all([
    readSettings(reading),
    ...Object.entries(read).map(async ([collection, { name, source, photos }]) => {
      const docs = (await readDocuments(reading, name, source as Source)) as Loaded<unknown>;
      const counts = await readPhotos(reading, name, docs, photos as (doc: unknown) => Media[]);
      return { collection, name, docs, counts };
    }),
  ]);
  for (const { collection, name, docs, counts } of collections) {
    say(
      `[${name}] ${docs.byLocale[0]?.docs.length ?? 0} documents, ${docs.note}; ` +
        `photos ${counts.downloaded} downloaded, ${counts.copied} copied, ${counts.cached} cached`,
    );
    loaded[collection] = docs;
  }
  loaded.settings = settings as Loaded<unknown>;
  SiteSettingsSchema.parse(loaded.settings.byLocale[0]?.docs[0]);
  const byName = new Map<string, Loaded<unknown>>([
    ...Object.entries(read).map(
      ([collection, { name }]) => [name, loaded[collection]] as [string, Loaded<unknown>],
    ),
    ['oyu-settings', loaded.settings],
  ]);
  /** Writes the pending snapshot of what was read (see `Reading.later`). */
  const record = async () => {
    for (const write of reading.later ?? []) await write();
  };
  return { loaded, byName, record, cacheDir: reading.cacheDir };
}

/** Whether `file` holds exactly `body` (false when there is no such file). */
async function sameBytes(file: string, body: Uint8Array): Promise<boolean> {
  const stat = await fs.stat(file).catch(() => undefined);
  if (stat?.size !== body.byteLength) return false;
  return Buffer.from(body.buffer, body.byteOffset, body.byteLength).equals(await fs.readFile(file));
}

/**
 * The files every build writes whatever changed: routes without a list of pages to plan (the
 * language chooser, the 404 page, robots.txt). Open data is planned by edition (lib/openDataPlan.ts).
 */
const alwaysWritten = ['index.html', '404.html', 'robots.txt'];
