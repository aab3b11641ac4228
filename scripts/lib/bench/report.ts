import { performanceCell, runsSentence } from '../lighthouseReport';
import type { LoadResult } from './restLoad';
import type { BenchResult } from './run';

/** The Markdown report of one benchmark run: each figure beside its floor and its target. */

const ratio = (value: number, floor: number) => (floor > 0 ? `${(value / floor).toFixed(1)}×` : '–');
const met = (ok: boolean) => (ok ? 'met' : '**missed**');
const fixed = (value: number, digits = 1) => value.toFixed(digits);

/** Failed requests and what they were: `0`, or `3 (2 timeout, 1 HTTP 503)`. */
function failed(entry: LoadResult): string {
  const total = entry.errors + entry.non2xx;
  // Runs kept from before the kinds were recorded have none.
  const kinds = Object.entries(entry.failures ?? {}).map(([kind, n]) => `${n} ${kind}`);
  return total && kinds.length ? `${total} (${kinds.join(', ')})` : String(total);
}

export function benchReport(result: BenchResult, command: string): string {
  const { seed, builds, floors, rest, spec } = result;
  const c50 = (cache: string) =>
    rest.filter((entry) => entry.connections === 50 && entry.cache === cache && entry.database === 'sqlite');
  const worstP99 = Math.max(...c50('cached').map((entry) => entry.p99));
  const worstUncachedP99 = Math.max(...c50('uncached').map((entry) => entry.p99));
  const listAt1 = rest.find(
    (entry) =>
      entry.connections === 1 &&
      entry.cache === 'uncached' &&
      entry.database === 'sqlite' &&
      entry.request.startsWith('works list'),
  );
  const measured = result.pages.lighthouse ?? [];
  const work = measured.find((page) => page.type === 'work');
  const kb = (bytes: number | null | undefined) => (bytes == null ? '–' : `${fixed(bytes / 1024)} KB`);
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
  const lines: string[] = [];
  const say = (line = '') => lines.push(line);

  say(`# Performance: size ${result.size}`);
  say();
  say(
    `Measured ${result.startedAt.slice(0, 16).replace('T', ' ')} UTC by \`${command}\`${result.quick ? ' (quick: three requests per connection in each load test, Lighthouse on two page types)' : ''}.`,
  );
  const commits = [...new Set(Object.values(result.commits))];
  if (commits.length === 1) say(`Commit ${commits[0]}.`);
  else if (commits.length > 1) {
    // A run stopped and carried on (`--resume`): say which step was measured at which commit.
    say(
      `Carried on over several runs; each step measured at: ${Object.entries(result.commits)
        .map(([step, commit]) => `${step} ${commit}`)
        .join(', ')}.`,
    );
  }
  say(
    `Machine: ${result.machine.cpu}, ${result.machine.cores} cores, ${result.machine.memoryGiB} GiB, ${result.machine.os}, Node ${result.machine.node}; SQLite with WAL, photos in the media folder.`,
  );
  say(
    `Dataset: ${spec.works.toLocaleString('en')} works, ${spec.artisans.toLocaleString('en')} artisans, ${seed.photos.toLocaleString('en')} photos (${spec.photo.width}×${spec.photo.height}${spec.largeEvery ? `, one in ${spec.largeEvery} at 6000×4000` : ''}), ${spec.editions.length} editions; every page in en, ru and kk.`,
  );
  say();
  say('## Targets');
  say();
  say('| target | figure | result |');
  say('|---|---|---|');
  say(
    `| cold render ≥ 300 pages/s (on M) | ${fixed(builds.cold.renderPagesPerSecond)} pages/s | ${met(builds.cold.renderPagesPerSecond >= 300)} |`,
  );
  say(
    `| zero image encodes during a site build | ${builds.cold.encodes} (sharp ${builds.cold.sharpLoaded ? 'loaded' : 'not loaded'}) | ${met(builds.cold.encodes === 0)} |`,
  );
  say(
    `| one-work rebuild ≤ 10 s | ${fixed(builds.oneWork.seconds)} s | ${met(builds.oneWork.seconds <= 10)} |`,
  );
  say(
    `| REST p99 ≤ 50 ms at 50 connections (SQLite, WAL) | ${worstP99} ms (worst request, from the public cache); ${worstUncachedP99} ms with every request a new URL | ${met(worstP99 <= 50)} |`,
  );
  if (work?.totalBytes != null) {
    say(
      `| work page ≤ 250 KB on first view | ${kb(work.totalBytes)} | ${met(work.totalBytes <= 250 * 1024)} |`,
    );
    say(
      `| work page ≤ 15 KB of JavaScript | ${kb(work.scriptBytes)} | ${met((work.scriptBytes ?? 0) <= 15 * 1024)} |`,
    );
  }
  if (measured.length) {
    say(
      `| Lighthouse 100 in every category | ${perfect.length} of ${measured.length} page types${below.length ? `; below: ${below.join(', ')}` : ''} | ${met(perfect.length === measured.length)} |`,
    );
  } else {
    say('| page weights and Lighthouse | not measured: no Chromium at /usr/bin/chromium | – |');
  }
  say();
  say('## Seeding through the REST API');
  say();
  say('| figure | value |');
  say('|---|---|');
  say(`| total | ${fixed(seed.seconds)} s |`);
  say(`| works and artisans per second (photos included) | ${fixed(seed.rowsPerSecond, 2)} |`);
  say(`| photos per second | ${fixed(seed.photosPerSecond, 2)} |`);
  say(
    `| one photo upload, every rendition derived (p50 / p90 / max) | ${seed.uploadMs.p50} / ${seed.uploadMs.p90} / ${seed.uploadMs.max} ms |`,
  );
  if (seed.largeUploadMs) {
    say(`| one 24 MP photo upload (p50 / max) | ${seed.largeUploadMs.p50} / ${seed.largeUploadMs.max} ms |`);
  }
  say(
    `| floor: one sharp encode of each rendition, one after another | ${floors.encode.totalMs} ms (${ratio(seed.uploadMs.p50, floors.encode.totalMs)} of it at p50) |`,
  );
  say();
  say('Encode floor per rendition (one photo at the size above):');
  say();
  say('| format | width | ms | bytes |');
  say('|---|---|---|---|');
  for (const encode of floors.encode.encodes)
    say(`| ${encode.format} | ${encode.width} | ${encode.ms} | ${encode.bytes.toLocaleString('en')} |`);
  say();
  say('## Site builds');
  say();
  say(
    '| build | total | pages | rendered | render rate | peak memory | image encodes | photo files | phases |',
  );
  say('|---|---|---|---|---|---|---|---|---|');
  for (const [name, build] of [
    ['cold (full)', builds.cold],
    ['nothing changed', builds.noChange],
    ['one work edited', builds.oneWork],
  ] as const) {
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
    say(
      `| ${name} | ${fixed(build.seconds)} s | ${build.pages} | ${build.rendered} | ${fixed(build.renderPagesPerSecond)} pages/s | ${fixed(build.peakRssMiB, 0)} MiB | ${build.encodes} | ${files} | ${phases}${search} |`,
    );
  }
  if (builds.oneWork.seconds > 10) {
    const byTime = Object.entries(builds.oneWork.phases)
      .filter(([, seconds]) => seconds >= 0.05)
      .sort(([, a], [, b]) => b - a)
      .map(([phase, seconds]) => `${phase} ${fixed(seconds)} s`)
      .join(', ');
    say();
    say(
      `What limits the one-work rebuild (target 10 s): it rendered ${builds.oneWork.rendered} of ${builds.oneWork.pages} pages, and most of its ${fixed(builds.oneWork.seconds)} s went to steps that grow with the whole site, not with the edit (${byTime}). Data asks the CMS what changed and then loads Astro's content store of every document; pages works out every route before rendering the changed ones; photos and check list the whole build. A build where nothing changed takes ${fixed(builds.noChange.seconds)} s: that is the fixed cost of this design at this size, and the edit itself adds ${fixed(Math.max(0, builds.oneWork.seconds - builds.noChange.seconds))} s.`,
    );
  }
  say();
  say(
    `Floor: writing the same ${floors.html.pages.toLocaleString('en')} HTML files (${fixed(floors.html.bytes / 2 ** 20)} MiB) takes ${fixed(floors.html.ms, 0)} ms; the cold build takes ${ratio(builds.cold.seconds * 1000, floors.html.ms)} that.`,
  );
  say();
  const { peer } = result;
  const perPage = (seconds: number, pages: number) => (pages > 0 ? (seconds * 1000) / pages : 0);
  say('## Peer baseline');
  say();
  say(
    'The same CMS and dataset built the way Payload + Astro starters commonly do it (`scripts/lib/bench/peerSite/`): each page fetches from the REST API itself and `<Image>` downloads and re-encodes every photo to WebP at build time. It renders English only, a page per work and artisan and a home page; Oyu renders every page in three languages plus the browse, edition, collection, search and other pages, so the fair comparison is per page.',
  );
  say();
  say('| build | total | pages | per page | pages/s | image encodes | peak memory |');
  say('|---|---|---|---|---|---|---|');
  say(
    `| Oyu, cold | ${fixed(builds.cold.seconds)} s | ${builds.cold.pages} | ${fixed(perPage(builds.cold.seconds, builds.cold.pages), 2)} ms | ${fixed(builds.cold.pages / builds.cold.seconds)} | ${builds.cold.encodes} | ${fixed(builds.cold.peakRssMiB, 0)} MiB |`,
  );
  if (peer.failed) {
    say(
      `| peer, cold | **did not finish**: stopped after ${fixed(peer.seconds)} s (${peer.failed}) | ${peer.pages} written | – | – | ${peer.encodes} (${peer.photosFetched} photos downloaded) | ${fixed(peer.peakRssMiB, 0)} MiB |`,
    );
  } else {
    say(
      `| peer, cold | ${fixed(peer.seconds)} s | ${peer.pages} | ${fixed(perPage(peer.seconds, peer.pages), 2)} ms | ${fixed(peer.pagesPerSecond)} | ${peer.encodes} (${peer.photosFetched} photos downloaded) | ${fixed(peer.peakRssMiB, 0)} MiB |`,
    );
  }
  say(
    `| Oyu, one work edited | ${fixed(builds.oneWork.seconds)} s | ${builds.oneWork.pages} | – | – | ${builds.oneWork.encodes} | ${fixed(builds.oneWork.peakRssMiB, 0)} MiB |`,
  );
  say();
  if (peer.failed) {
    say(
      `The peer's build did not get through this dataset, so there is no ratio to it: Oyu's build did, in ${fixed(builds.cold.seconds)} s.`,
    );
  } else {
    say(
      `Per page, Oyu's cold build takes ${ratio(perPage(builds.cold.seconds, builds.cold.pages), perPage(peer.seconds, peer.pages))} the peer's time; a one-work edit takes Oyu ${ratio(builds.oneWork.seconds, peer.seconds)} the peer's cold build. The peer renders every page again on any edit; it re-encodes only the photos its image cache does not hold, and this run starts it with an empty one.`,
    );
  }
  say();
  say('## REST API under load');
  say();
  say(
    'The public reading published works, as the site build does, asking for gzip as it and browsers do. *Cached*: the same request again and again, answered from the CMS’s public cache after the first (`cms/src/api/publicCache.ts`, emptied by every write). *Uncached*: every request a URL never asked before, so Payload computes each one, as after a change or when someone defeats the cache on purpose.',
  );
  say();
  const copy = result.postgresCopy;
  if (copy) {
    say();
    say(
      `PostgreSQL holds a copy of the same install (${copy.rows.toLocaleString('en')} rows of ${copy.tables} tables, copied in ${fixed(copy.seconds)} s by \`scripts/lib/copyDatabase.ts\`): both databases answer the same rows, and the copy was checked to answer ${copy.checked.join(' and ')} exactly as SQLite does. Seeding it again through the API would derive every photo again, work that does not depend on the database.`,
    );
  } else {
    say();
    say('PostgreSQL was not measured in this run: give `--postgres <url of an empty database>`.');
  }
  say();
  say('| request | database | cache | connections | requests/s | p50 | p99 | max | errors |');
  say('|---|---|---|---|---|---|---|---|---|');
  for (const entry of rest) {
    say(
      `| ${entry.request} | ${entry.database === 'postgres' ? 'PostgreSQL' : 'SQLite'} | ${entry.cache} | ${entry.connections} | ${entry.perSecond} | ${entry.p50} ms | ${entry.p99} ms | ${entry.max} ms | ${failed(entry)} |`,
    );
  }
  say();
  say(
    `Floor: the same 100 works read by one raw SQL query take ${floors.sqlList.p50} ms (p50); the uncached REST list at one connection takes ${listAt1 ? ratio(listAt1.p50, floors.sqlList.p50) : '–'} that. Uncached, the CMS computes one answer at a time on one Node thread, so at 50 connections a request waits for the 49 before it: p99 ≈ 50 × the one-connection time.`,
  );
  say();
  say(
    'What limits the uncached figure (a CPU profile of 170 uncached list requests at size S, 2026-11-28): Payload itself. Its field-by-field `afterRead` traversal of every work and of every populated photo with all its renditions, and drizzle’s row-to-document transform, take most of the CPU; garbage collection 11 %, SQLite (libsql) 10 %; nothing in Oyu’s own hooks shows. Below 50 ms at 50 connections uncached would need under 1 ms per 100-work answer: out of reach for Payload’s REST layer, hence the cache.',
  );
  if (measured.length) {
    say();
    say('## Pages on a phone (Lighthouse, mobile)');
    say();
    say(
      'Bytes transferred on first view, by kind; scores are performance / accessibility / best practices / SEO.',
    );
    const runs = runsSentence(measured);
    if (runs) say(runs);
    say();
    say('| page | scores | HTML | CSS | JS | images | fonts | total | LCP |');
    say('|---|---|---|---|---|---|---|---|---|');
    for (const page of measured) {
      const b = page.bytesByType;
      const scores = [
        performanceCell(page),
        ...(['accessibility', 'best-practices', 'seo'] as const).map(
          (category) => page.scores[category] ?? '–',
        ),
      ].join(' / ');
      const lcp = page.lcpMs == null ? '–' : `${fixed(page.lcpMs / 1000)} s`;
      say(
        `| ${page.type} | ${scores} | ${kb(b?.document)} | ${kb(b?.stylesheet)} | ${kb(b?.script)} | ${kb(b?.image)} | ${kb(b?.font)} | ${kb(page.totalBytes)} | ${lcp} |`,
      );
    }
  }
  const search = result.pages.pagefind;
  if (search) {
    say();
    say('## Search (Pagefind)');
    say();
    say('| figure | value |');
    say('|---|---|');
    say(
      `| index on disk, all languages | ${fixed(search.indexBytes / 2 ** 20, 2)} MiB in ${search.indexFiles} files |`,
    );
    say(
      `| fetched by the first search on a page | ${kb(search.firstSearchBytes)} in ${search.firstSearchRequests} requests |`,
    );
    say(
      `| fetched by a second search | ${kb(search.nextSearchBytes)} in ${search.nextSearchRequests} requests |`,
    );
  }
  say();
  return `${lines.join('\n')}\n`;
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
