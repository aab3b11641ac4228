import { type LoadResult, load, siteRequests } from './restLoad';

/** The site's list and one-work requests, cached and uncached, at 1, 10 and 50 connections. */
export async function restUnderLoad(
  cmsUrl: string,
  workId: number,
  quick: boolean,
  database: LoadResult['database'],
): Promise<LoadResult[]> {
  const rest: LoadResult[] = [];
  for (const cache of ['cached', 'uncached'] as const) {
    for (const request of siteRequests(cmsUrl, workId)) {
      for (const connections of [1, 10, 50]) {
        // The previous run's last requests may still be queued in the CMS: let them drain.
        await settle(request.url);
        const length = quick ? { requests: connections * 3 } : { seconds: 10 };
        rest.push(await load(request.name, request.url, connections, length, cache, database));
      }
    }
  }
  return rest;
}

/** Waits until the server answers one request on its own again (its queue has drained). */
async function settle(url: string) {
  await new Promise((resolve) => setTimeout(resolve, 1000));
  for (let attempt = 0; attempt < 3; attempt += 1) await (await fetch(url)).arrayBuffer();
}

/**
 * The running CMS answers a repeated anonymous read from its cache, and says so in a header:
 * the verdict and the encoding of the same list asked twice.
 */
export async function cacheVerdicts(listUrl: string | undefined): Promise<string[]> {
  const restCache: string[] = [];
  const checkUrl = `${listUrl}&bench-check=${Date.now()}`;
  for (let attempt = 0; attempt < 2 && listUrl; attempt += 1) {
    // fetch asks for gzip and unpacks it: a body gzipped twice would not parse.
    const response = await fetch(checkUrl);
    JSON.parse(await response.text());
    restCache.push(
      `${response.headers.get('x-oyu-cache') ?? 'none'} ${response.headers.get('content-encoding') ?? 'identity'}`,
    );
  }
  return restCache;
}
