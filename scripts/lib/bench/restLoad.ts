import { sourceListUrl, sources } from '@oyu/site/cms-client';
import autocannon from 'autocannon';

/**
 * Latency and throughput of the requests the site build makes, at several concurrencies, with
 * autocannon: the public (no sign-in) reading published works, as the build does.
 *
 * Each is measured twice: as asked again and again (answered from the CMS's public cache,
 * cms/src/api/publicCache.ts, after the first), and with every request a URL never asked before
 * (a counter in an extra query parameter, which Payload ignores), so Payload computes each one:
 * what a build right after a change, or someone defeating the cache on purpose, costs.
 */
export type CacheMode = 'cached' | 'uncached';

export type LoadResult = {
  request: string;
  cache: CacheMode;
  database: 'sqlite' | 'postgres';
  connections: number;
  seconds: number;
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  /** Requests that got no answer: refused, reset or timed out. */
  errors: number;
  non2xx: number;
  /** What went wrong, counted by kind: `{ "HTTP 503": 2, "ECONNRESET": 1 }`; empty when nothing did. */
  failures: Record<string, number>;
};

/**
 * A measurement runs for a time (`seconds`, requests taking over 10 s count as errors), or, for
 * the quick smoke test, until each connection has had a few answers (`requests`, waiting up to a
 * minute for each): that one checks the measurement works, and must not fail on a slow machine.
 */
export type LoadLength = { seconds: number } | { requests: number };

let loadRuns = 0;

export async function load(
  name: string,
  url: string,
  connections: number,
  length: LoadLength,
  cache: CacheMode,
  database: LoadResult['database'],
): Promise<LoadResult> {
  let counter = 0;
  // Unique across runs too: a counter alone would ask the 10-connection run the URLs the
  // 1-connection run had put in the cache, and measure hits as misses.
  loadRuns += 1;
  const run = `${process.pid}-${loadRuns}`;
  const { pathname, search } = new URL(url);
  const failures: Record<string, number> = {};
  const count = (kind: string) => {
    failures[kind] = (failures[kind] ?? 0) + 1;
  };
  const result = await withoutNegativeTimeoutWarning(
    () =>
      new Promise<autocannon.Result>((resolve, reject) => {
        const tracker = autocannon(
          {
            url,
            connections,
            ...('seconds' in length
              ? { duration: length.seconds }
              : { amount: length.requests, timeout: 60 }),
            pipelining: 1,
            // As the site build's fetch and browsers ask: the CMS answers gzipped.
            headers: { 'accept-encoding': 'gzip' },
            ...(cache === 'uncached'
              ? {
                  requests: [
                    {
                      setupRequest: (request: autocannon.Request) => {
                        counter += 1;
                        return { ...request, path: `${pathname}${search}&bench-request=${run}-${counter}` };
                      },
                    },
                  ],
                }
              : {}),
          },
          (error, done) => (error ? reject(error) : resolve(done)),
        );
        tracker.on('reqError', (error: NodeJS.ErrnoException) =>
          count(error.code ?? (error.message === 'request timed out' ? 'timeout' : error.message)),
        );
        tracker.on('response', (_client: unknown, status: number) => {
          if (status < 200 || status >= 300) count(`HTTP ${status}`);
        });
      }),
  );
  return {
    request: name,
    cache,
    database,
    connections,
    seconds: Math.round(result.duration * 10) / 10,
    requests: result.requests.total,
    perSecond: Math.round(result.requests.average * 10) / 10,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    // autocannon counts a timeout among its errors already.
    errors: result.errors,
    non2xx: result.non2xx,
    failures,
  };
}

/**
 * autocannon (9.0.0) ends a timed run with a timer whose delay has already passed; Node sets it
 * to 1 ms and prints a TimeoutNegativeWarning that says nothing about the measurement. Other
 * warnings are still printed. No upstream issue found, and autocannon alone against a local
 * server did not reproduce it. Remove once a `pnpm bench --size S` run without this filter
 * prints no TimeoutNegativeWarning.
 */
async function withoutNegativeTimeoutWarning<T>(run: () => Promise<T>): Promise<T> {
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const type = typeof rest[0] === 'string' ? rest[0] : (rest[0] as { type?: string } | undefined)?.type;
    if (type === 'TimeoutNegativeWarning') return;
    (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    return await run();
  } finally {
    process.emitWarning = emitWarning;
  }
}

/**
 * The site's own list request, as a build makes it (read from site/src/lib/cms.ts, so the two
 * cannot drift), and one work by id, in English.
 */
export function siteRequests(cmsUrl: string, workId: number) {
  const list = sourceListUrl(sources.works, { baseUrl: cmsUrl, pageSize: 100, locale: 'en' });
  return [
    { name: 'works list (100, depth 1)', url: list },
    { name: 'one work (depth 1)', url: `${cmsUrl}/api/works/${workId}?depth=1&locale=en` },
  ];
}
