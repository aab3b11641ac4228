import type { PageResult } from '../lighthouse';
import { performanceCell, runsSentence } from '../lighthouseReport';
import { issueTargets, liveBuilds } from './liveReport';
import type { LoadResult } from './restLoad';
import type { BenchResult, BuildFigures, BuildsFigures } from './result';

/** The Markdown report of one benchmark run: each figure beside its floor and its target. */

const ratio = (value: number, floor: number) => (floor > 0 ? `${(value / floor).toFixed(1)}×` : '–');
const met = (ok: boolean) => (ok ? 'met' : '**missed**');
const fixed = (value: number, digits = 1) => value.toFixed(digits);
const kb = (bytes: number | null | undefined) => (bytes == null ? '–' : `${fixed(bytes / 1024)} KB`);
const perPage = (seconds: number, pages: number) => (pages > 0 ? (seconds * 1000) / pages : 0);
const duration = (seconds: number) =>
  seconds >= 3600
    ? `${fixed(seconds / 3600)} h`
    : seconds >= 60
      ? `${fixed(seconds / 60, 0)} min`
      : `${fixed(seconds, 0)} s`;
const lighthousePages = (result: BenchResult) => result.pages?.lighthouse ?? [];

/** Failed requests and what they were: `0`, or `3 (2 timeout, 1 HTTP 503)`. */
function failed(entry: LoadResult): string {
  const total = entry.errors + entry.non2xx;
  // Runs kept from before the kinds were recorded have none.
  const kinds = Object.entries(entry.failures ?? {}).map(([kind, n]) => `${n} ${kind}`);
  return total && kinds.length ? `${total} (${kinds.join(', ')})` : String(total);
}

export function benchReport(result: BenchResult, command: string): string {
  const sections = [
    heading(result, command),
    targets(result),
    seeding(result),
    siteBuilds(result),
    peerBaseline(result),
    restApi(result),
    phonePages(result),
    searchFigures(result),
  ];
  return `${sections
    .filter((lines) => lines.length)
    .map((lines) => lines.join('\n'))
    .join('\n\n')}\n\n`;
}

/** The title, then when, by what, at which commit, on which machine and with which dataset. */
function heading(result: BenchResult, command: string): string[] {
  const { spec, seed, machine } = result;
  return [
    `# Performance: size ${result.size}`,
    '',
    `Measured ${result.startedAt.slice(0, 16).replace('T', ' ')} UTC by \`${command}\`${result.quick ? ' (quick: three requests per connection in each load test, Lighthouse on two page types)' : ''}.`,
    ...commitLine(result.commits),
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}; SQLite with WAL, photos in the media folder.`,
    `Dataset: ${spec.works.toLocaleString('en')} works, ${spec.artisans.toLocaleString('en')} artisans, ${seed.photos.toLocaleString('en')} photos (${spec.photo.width}×${spec.photo.height}${spec.largeEvery ? `, one in ${spec.largeEvery} at 6000×4000` : ''}), ${spec.editions.length} editions; every page in en, ru and kk.`,
    ...(result.skipped?.length
      ? [
          `Left out of this run (\`--only\`): ${result.skipped.join(', ')}; their figures are missing below. \`--resume\` on the same data folder measures them and keeps these.`,
        ]
      : []),
  ];
}

function commitLine(byStep: BenchResult['commits']): string[] {
  const commits = [...new Set(Object.values(byStep))];
  if (commits.length === 1) return [`Commit ${commits[0]}.`];
  if (!commits.length) return [];
  // A run stopped and carried on (`--resume`): say which step was measured at which commit.
  const steps = Object.entries(byStep)
    .map(([step, commit]) => `${step} ${commit}`)
    .join(', ');
  return [`Carried on over several runs; each step measured at: ${steps}.`];
}

/** Each target beside the figure that meets or misses it: issue 26's first, then the earlier ones. */
function targets(result: BenchResult): string[] {
  const { builds, rest } = result;
  const atFifty = (cache: string) =>
    rest
      .filter((entry) => entry.connections === 50 && entry.cache === cache && entry.database === 'sqlite')
      .map((entry) => entry.p99);
  const worstP99 = Math.max(...atFifty('cached'));
  const worstUncachedP99 = Math.max(...atFifty('uncached'));
  const work = lighthousePages(result).find((page) => page.type === 'work');
  return [
    '## Targets',
    '',
    ...issueTargets(result),
    '',
    'Earlier targets:',
    '',
    '| target | figure | result |',
    '|---|---|---|',
    ...(builds
      ? [
          `| cold render ≥ 300 pages/s (on M) | ${fixed(builds.cold.renderPagesPerSecond)} pages/s | ${met(builds.cold.renderPagesPerSecond >= 300)} |`,
          `| zero image encodes during a site build | ${builds.cold.encodes} (sharp ${builds.cold.sharpLoaded ? 'loaded' : 'not loaded'}) | ${met(builds.cold.encodes === 0)} |`,
          `| one-work rebuild ≤ 10 s | ${fixed(builds.oneWork.seconds)} s | ${met(builds.oneWork.seconds <= 10)} |`,
        ]
      : []),
    ...(rest.length
      ? [
          `| REST p99 ≤ 50 ms at 50 connections (SQLite, WAL) | ${worstP99} ms (worst request, from the public cache); ${worstUncachedP99} ms with every request a new URL | ${met(worstP99 <= 50)} |`,
        ]
      : []),
    ...(work?.totalBytes != null
      ? [
          `| work page ≤ 250 KB on first view | ${kb(work.totalBytes)} | ${met(work.totalBytes <= 250 * 1024)} |`,
          `| work page ≤ 15 KB of JavaScript | ${kb(work.scriptBytes)} | ${met((work.scriptBytes ?? 0) <= 15 * 1024)} |`,
        ]
      : []),
    ...(result.pages ? [lighthouseTarget(lighthousePages(result))] : []),
  ];
}

/** The Lighthouse target's row: how many page types score 100 everywhere, and why the others do not. */
function lighthouseTarget(measured: PageResult[]): string {
  if (!measured.length)
    return '| page weights and Lighthouse | not measured: no Chromium at /usr/bin/chromium | – |';
  const perfect = measured.filter((page) => Object.values(page.scores).every((value) => value === 100));
  const below = measured
    .filter((page) => !perfect.includes(page))
    .map((page) => {
      const low = Object.entries(page.scores)
        .filter(([, value]) => value !== 100)
        .map(([category, value]) => `${category} ${value}`)
        .join(', ');
      // It answers 404 and asks not to be indexed, on purpose: exactly what those audits flag.
      const why = page.type === 'not found' ? ' (404 status and noindex by design, docs/lighthouse.md)' : '';
      return `${page.type} (${low})${why}`;
    });
  return `| Lighthouse 100 in every category | ${perfect.length} of ${measured.length} page types${below.length ? `; below: ${below.join(', ')}` : ''} | ${met(perfect.length === measured.length)} |`;
}

function seeding({ seed, floors }: BenchResult): string[] {
  const { uploaded, cloned } = seed;
  return [
    '## Seeding through the REST API',
    '',
    ...(cloned
      ? [
          `${uploaded.toLocaleString('en')} photos were uploaded through the REST API and ${cloned.toLocaleString('en')} cloned from them. An upload is the CMS encoding every rendition of the photo: uploading the other ${cloned.toLocaleString('en')} too would add about ${duration((cloned * seed.uploadMs.p50) / 2 / 1000)} (two at a time, at the p50 below) of work the upload figures below already measure. A clone copies an uploaded photo's database row with a new id, new file names and its own alt text, and links its files under the new names in the media folder (\`scripts/lib/bench/clonePhotos.ts\`), so every work still has photos of its own, with files of their own for the site build to copy. Works, artisans, editions and collections all go through the REST API.`,
          '',
        ]
      : []),
    '| figure | value |',
    '|---|---|',
    `| total | ${fixed(seed.seconds)} s |`,
    `| photos uploaded / cloned | ${uploaded.toLocaleString('en')} / ${cloned.toLocaleString('en')} |`,
    `| works and artisans per second (photo uploads included) | ${fixed(seed.rowsPerSecond, 2)} |`,
    `| photos uploaded per second | ${fixed(seed.photosPerSecond, 2)} |`,
    `| one photo upload, every rendition derived (p50 / p90 / max) | ${seed.uploadMs.p50} / ${seed.uploadMs.p90} / ${seed.uploadMs.max} ms |`,
    ...(seed.largeUploadMs
      ? [`| one 24 MP photo upload (p50 / max) | ${seed.largeUploadMs.p50} / ${seed.largeUploadMs.max} ms |`]
      : []),
    ...(floors
      ? [
          `| floor: one sharp encode of each rendition, one after another | ${floors.encode.totalMs} ms (${ratio(seed.uploadMs.p50, floors.encode.totalMs)} of it at p50) |`,
          '',
          'Encode floor per rendition (one photo at the size above):',
          '',
          '| format | width | ms | bytes |',
          '|---|---|---|---|',
          ...floors.encode.encodes.map(
            (encode) =>
              `| ${encode.format} | ${encode.width} | ${encode.ms} | ${encode.bytes.toLocaleString('en')} |`,
          ),
        ]
      : []),
  ];
}

function siteBuilds({ builds, floors }: BenchResult): string[] {
  if (!builds) return [];
  const rows = (
    [
      ['cold (full)', builds.cold],
      ['nothing changed', builds.noChange],
      ['one work edited', builds.oneWork],
    ] as const
  ).map(([name, build]) => buildRow(name, build));
  return [
    '## Site builds',
    '',
    'Peak memory is the `astro build` process\'s; a partial build made by the publisher runs in the benchmark\'s own process, whose memory is shown instead ("in process").',
    '',
    '| build | total | pages | rendered | render rate | peak memory | image encodes | photo files | phases |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
    ...(builds.oneWork.seconds > 10 ? ['', oneWorkLimit(builds)] : []),
    ...(floors
      ? [
          '',
          `Floor: writing the same ${floors.html.pages.toLocaleString('en')} HTML files (${fixed(floors.html.bytes / 2 ** 20)} MiB) takes ${fixed(floors.html.ms, 0)} ms; the cold build takes ${ratio(builds.cold.seconds * 1000, floors.html.ms)} that.`,
        ]
      : []),
    ...liveBuilds(builds),
  ];
}

function buildRow(name: string, build: BuildFigures): string {
  const phases = Object.entries(build.phases)
    .map(([phase, seconds]) => `${phase} ${fixed(seconds)} s`)
    .join(', ');
  const search =
    typeof build.searchSeconds !== 'number'
      ? ''
      : ` (search index ${fixed(build.searchSeconds)} s, beside the photos)`;
  const files = build.photoFiles
    ? `${build.photoFiles.copied.toLocaleString('en')} copied, ${build.photoFiles.downloaded.toLocaleString('en')} downloaded, ${build.photoFiles.cached.toLocaleString('en')} cached`
    : 'not recorded';
  return `| ${name} | ${fixed(build.seconds)} s | ${build.pages} | ${build.rendered} | ${fixed(build.renderPagesPerSecond)} pages/s | ${fixed(build.peakRssMiB, 0)} MiB${build.peakIn === 'this process' ? ' (in process)' : ''} | ${build.encodes} | ${files} | ${phases}${search} |`;
}

/** Why a one-work rebuild missed its target: where its time went, slowest phase first. */
function oneWorkLimit(builds: BuildsFigures): string {
  const { oneWork, noChange } = builds;
  const byTime = Object.entries(oneWork.phases)
    .filter(([, seconds]) => seconds >= 0.05)
    .sort(([, a], [, b]) => b - a)
    .map(([phase, seconds]) => `${phase} ${fixed(seconds)} s`)
    .join(', ');
  const ready =
    noChange.readySeconds === undefined
      ? ''
      : ` (its process made ready first, untimed, as the CMS's build process is once at its start: ${fixed(noChange.readySeconds)} s)`;
  return `What limits the one-work rebuild (target 10 s): it rendered ${oneWork.rendered} of ${oneWork.pages} pages, and most of its ${fixed(oneWork.seconds)} s went to steps that grow with the whole site, not with the edit (${byTime}). Data asks the CMS what changed and reads the rest from the snapshot in memory; pages works out the routes of every document, renders the planned pages and links the live release into the new one (\`cp -al\`, every file); photos and check go over every page's photos and links, beside the search index of each language with a changed page (made again from all its pages); publish switches the release, then writes what the next build reads (no visitor waits for that part). A build where nothing changed takes ${fixed(noChange.seconds)} s${ready}: it reads and plans, then keeps the live release.`;
}

function peerBaseline({ builds, peer }: BenchResult): string[] {
  if (!builds || !peer) return [];
  const { cold, oneWork } = builds;
  const peerRow = peer.failed
    ? `| peer, cold | **did not finish**: stopped after ${fixed(peer.seconds)} s (${peer.failed}) | ${peer.pages} written | – | – | ${peer.encodes} (${peer.photosFetched} photos downloaded) | ${fixed(peer.peakRssMiB, 0)} MiB |`
    : `| peer, cold | ${fixed(peer.seconds)} s | ${peer.pages} | ${fixed(perPage(peer.seconds, peer.pages), 2)} ms | ${fixed(peer.pagesPerSecond)} | ${peer.encodes} (${peer.photosFetched} photos downloaded) | ${fixed(peer.peakRssMiB, 0)} MiB |`;
  const comparison = peer.failed
    ? `The peer's build did not get through this dataset, so there is no ratio to it: Oyu's build did, in ${fixed(cold.seconds)} s.`
    : `Per page, Oyu's cold build takes ${ratio(perPage(cold.seconds, cold.pages), perPage(peer.seconds, peer.pages))} the peer's time; a one-work edit takes Oyu ${ratio(oneWork.seconds, peer.seconds)} the peer's cold build. The peer renders every page again on any edit; it re-encodes only the photos its image cache does not hold, and this run starts it with an empty one.`;
  return [
    '## Peer baseline',
    '',
    'The same CMS and dataset built the way Payload + Astro starters commonly do it (`scripts/lib/bench/peerSite/`): each page fetches from the REST API itself and `<Image>` downloads and re-encodes every photo to WebP at build time. It renders English only, a page per work and artisan and a home page; Oyu renders every page in three languages plus the browse, edition, collection, search and other pages, so the fair comparison is per page.',
    '',
    '| build | total | pages | per page | pages/s | image encodes | peak memory |',
    '|---|---|---|---|---|---|---|',
    `| Oyu, cold | ${fixed(cold.seconds)} s | ${cold.pages} | ${fixed(perPage(cold.seconds, cold.pages), 2)} ms | ${fixed(cold.pages / cold.seconds)} | ${cold.encodes} | ${fixed(cold.peakRssMiB, 0)} MiB |`,
    peerRow,
    `| Oyu, one work edited | ${fixed(oneWork.seconds)} s | ${oneWork.pages} | – | – | ${oneWork.encodes} | ${fixed(oneWork.peakRssMiB, 0)} MiB |`,
    '',
    comparison,
  ];
}

function restApi({ rest, floors, postgresCopy: copy }: BenchResult): string[] {
  if (!rest.length) return [];
  const listAt1 = rest.find(
    (entry) =>
      entry.connections === 1 &&
      entry.cache === 'uncached' &&
      entry.database === 'sqlite' &&
      entry.request.startsWith('works list'),
  );
  return [
    '## REST API under load',
    '',
    'The public reading published works, as the site build does, asking for gzip as it and browsers do. *Cached*: the same request again and again, answered from the CMS’s public cache after the first (`cms/src/api/publicCache.ts`, emptied by every write). *Uncached*: every request a URL never asked before, so Payload computes each one, as after a change or when someone defeats the cache on purpose.',
    '',
    '',
    copy
      ? `PostgreSQL holds a copy of the same install (${copy.rows.toLocaleString('en')} rows of ${copy.tables} tables, copied in ${fixed(copy.seconds)} s by \`scripts/lib/copyDatabase.ts\`): both databases answer the same rows, and the copy was checked to answer ${copy.checked.join(' and ')} exactly as SQLite does. Seeding it again through the API would derive every photo again, work that does not depend on the database.`
      : 'PostgreSQL was not measured in this run: give `--postgres <url of an empty database>`.',
    '',
    '| request | database | cache | connections | requests/s | p50 | p99 | max | errors |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rest.map(
      (entry) =>
        `| ${entry.request} | ${entry.database === 'postgres' ? 'PostgreSQL' : 'SQLite'} | ${entry.cache} | ${entry.connections} | ${entry.perSecond} | ${entry.p50} ms | ${entry.p99} ms | ${entry.max} ms | ${failed(entry)} |`,
    ),
    '',
    `${floors ? `Floor: the same 100 works read by one raw SQL query take ${floors.sqlList.p50} ms (p50); the uncached REST list at one connection takes ${listAt1 ? ratio(listAt1.p50, floors.sqlList.p50) : '–'} that. ` : ''}Uncached, the CMS computes one answer at a time on one Node thread, so at 50 connections a request waits for the 49 before it: p99 ≈ 50 × the one-connection time.`,
    '',
    'What limits the uncached figure (a CPU profile of 170 uncached list requests at size S, 2026-11-28): Payload itself. Its field-by-field `afterRead` traversal of every work and of every populated photo with all its renditions, and drizzle’s row-to-document transform, take most of the CPU; garbage collection 11 %, SQLite (libsql) 10 %; nothing in Oyu’s own hooks shows. Below 50 ms at 50 connections uncached would need under 1 ms per 100-work answer: out of reach for Payload’s REST layer, hence the cache.',
  ];
}

/** Lighthouse's figures for each page type measured; nothing when none was. */
function phonePages(result: BenchResult): string[] {
  const measured = lighthousePages(result);
  if (!measured.length) return [];
  const runs = runsSentence(measured);
  return [
    '## Pages on a phone (Lighthouse, mobile)',
    '',
    'Bytes transferred on first view, by kind; scores are performance / accessibility / best practices / SEO.',
    ...(runs ? [runs] : []),
    '',
    '| page | scores | HTML | CSS | JS | images | fonts | total | LCP |',
    '|---|---|---|---|---|---|---|---|---|',
    ...measured.map(pageRow),
  ];
}

function pageRow(page: PageResult): string {
  const b = page.bytesByType;
  const scores = [
    performanceCell(page),
    ...(['accessibility', 'best-practices', 'seo'] as const).map((category) => page.scores[category] ?? '–'),
  ].join(' / ');
  const lcp = page.lcpMs == null ? '–' : `${fixed(page.lcpMs / 1000)} s`;
  return `| ${page.type} | ${scores} | ${kb(b?.document)} | ${kb(b?.stylesheet)} | ${kb(b?.script)} | ${kb(b?.image)} | ${kb(b?.font)} | ${kb(page.totalBytes)} | ${lcp} |`;
}

/** Pagefind's index on disk and what a search fetches; nothing when it was not measured. */
function searchFigures(result: BenchResult): string[] {
  const search = result.pages?.pagefind;
  if (!search) return [];
  return [
    '## Search (Pagefind)',
    '',
    '| figure | value |',
    '|---|---|',
    `| index on disk, all languages | ${fixed(search.indexBytes / 2 ** 20, 2)} MiB in ${search.indexFiles} files |`,
    `| fetched by the first search on a page | ${kb(search.firstSearchBytes)} in ${search.firstSearchRequests} requests |`,
    `| fetched by a second search | ${kb(search.nextSearchBytes)} in ${search.nextSearchRequests} requests |`,
  ];
}

/** The notes file kept beside a report: `docs/performance.md` → `docs/performance.notes.md`. */
export function notesFileOf(report: string): string {
  return report.replace(/(\.md)?$/, '.notes.md');
}

/**
 * The report with the notes written by hand beside it, which a new run would otherwise lose:
 * appended under their own heading, which names the file to edit them in. No notes, no heading.
 */
export function withNotes(report: string, notes: string | undefined, notesName: string): string {
  const text = notes?.trim();
  if (!text) return report;
  return `${report.trimEnd()}\n\n## Notes written by hand\n\nKept from \`${notesName}\` at each run, each with the date it was written: check them against the figures above.\n\n${text}\n`;
}
