import type { BenchResult } from './run';

/** The Markdown report of one benchmark run: each figure beside its floor and its target. */

const ratio = (value: number, floor: number) => (floor > 0 ? `${(value / floor).toFixed(1)}×` : '–');
const met = (ok: boolean) => (ok ? 'met' : '**missed**');
const fixed = (value: number, digits = 1) => value.toFixed(digits);

export function benchReport(result: BenchResult, command: string): string {
  const { seed, builds, floors, rest, spec } = result;
  const c50 = rest.filter((entry) => entry.connections === 50);
  const worstP99 = Math.max(...c50.map((entry) => entry.p99));
  const listAt1 = rest.find((entry) => entry.connections === 1 && entry.request.startsWith('works list'));
  const measured = result.pages.lighthouse ?? [];
  const work = measured.find((page) => page.type === 'work');
  const kb = (bytes: number | null | undefined) => (bytes == null ? '–' : `${fixed(bytes / 1024)} KB`);
  const perfect = measured.filter((page) => Object.values(page.scores).every((value) => value === 100));
  const lines: string[] = [];
  const say = (line = '') => lines.push(line);

  say(`# Performance: size ${result.size}`);
  say();
  say(
    `Measured ${result.startedAt.slice(0, 16).replace('T', ' ')} UTC by \`${command}\`${result.quick ? ' (quick: 2 s per load test)' : ''}.`,
  );
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
    `| REST p99 ≤ 50 ms at 50 connections (SQLite, WAL) | ${worstP99} ms (worst request) | ${met(worstP99 <= 50)} |`,
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
      `| Lighthouse 100 in every category | ${perfect.length} of ${measured.length} page types | ${met(perfect.length === measured.length)} |`,
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
  say('| build | total | pages | rendered | render rate | peak memory | image encodes | phases |');
  say('|---|---|---|---|---|---|---|---|');
  for (const [name, build] of [
    ['cold (full)', builds.cold],
    ['nothing changed', builds.noChange],
    ['one work edited', builds.oneWork],
  ] as const) {
    const phases = Object.entries(build.phases)
      .map(([phase, seconds]) => `${phase} ${fixed(seconds)} s`)
      .join(', ');
    say(
      `| ${name} | ${fixed(build.seconds)} s | ${build.pages} | ${build.rendered} | ${fixed(build.renderPagesPerSecond)} pages/s | ${fixed(build.peakRssMiB, 0)} MiB | ${build.encodes} | ${phases} |`,
    );
  }
  say();
  say(
    `Floor: writing the same ${floors.html.pages.toLocaleString('en')} HTML files (${fixed(floors.html.bytes / 2 ** 20)} MiB) takes ${fixed(floors.html.ms, 0)} ms; the cold build takes ${ratio(builds.cold.seconds * 1000, floors.html.ms)} that.`,
  );
  say();
  say('## REST API under load');
  say();
  say('The public reading published works, as the site build does.');
  say();
  say('| request | connections | requests/s | p50 | p99 | max | errors |');
  say('|---|---|---|---|---|---|---|');
  for (const entry of rest) {
    say(
      `| ${entry.request} | ${entry.connections} | ${entry.perSecond} | ${entry.p50} ms | ${entry.p99} ms | ${entry.max} ms | ${entry.errors + entry.non2xx} |`,
    );
  }
  say();
  say(
    `Floor: the same 100 works read by one raw SQL query take ${floors.sqlList.p50} ms (p50); the REST list at one connection takes ${listAt1 ? ratio(listAt1.p50, floors.sqlList.p50) : '–'} that.`,
  );
  if (measured.length) {
    say();
    say('## Pages on a phone (Lighthouse, mobile)');
    say();
    say(
      'Bytes transferred on first view, by kind; scores are performance / accessibility / best practices / SEO.',
    );
    say();
    say('| page | scores | HTML | CSS | JS | images | fonts | total | LCP |');
    say('|---|---|---|---|---|---|---|---|---|');
    for (const page of measured) {
      const b = page.bytesByType;
      const scores = (['performance', 'accessibility', 'best-practices', 'seo'] as const)
        .map((category) => page.scores[category] ?? '–')
        .join(' / ');
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
