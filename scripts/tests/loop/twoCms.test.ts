import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCms } from '../../lib/cmsBuild';
import { startCms } from '../../lib/cmsServer';
import { onCi, repoRoot } from '../../lib/env';
import { freePort, run } from '../../lib/processes';
import { readCredentials } from '../../lib/secrets';
import { signIn } from '../../lib/seededCms';
import { siteFolders } from '../../lib/siteBuild';
import { paths } from '../../lib/stack';
import { dropDatabase, freshDatabase, withClient } from '../postgresServer';
import { startS3Server, type TestS3 } from '../s3Server';
import { type BuildRecord, sleep } from './cms';
import { published } from './demo';
import { heading } from './site';
import { cmsEnvFor, scratchDir } from './stack';

/**
 * Two CMS processes on one PostgreSQL database, photos in an S3-compatible server, one data
 * folder (the release store) between them, as behind a load balancer: an edit through either
 * is in the public API of both at once, the automatic rebuild's countdown and the build queue
 * are shared, and a build left waiting when every CMS stops is run by the next to start
 * (docs/development.md, "Two CMS processes, and a CDN").
 */
const server = process.env.TEST_POSTGRES_URI;

type Cms = { url: string; stop: () => Promise<void> };
let s3: TestS3 | undefined;
let database = '';
let dataDir = '';
let a: Cms;
let b: Cms;
/** Starts process A again on its port, with its environment. */
let restartA: () => Promise<Cms>;
let headers: Record<string, string>;
const works: { id: number; slug: string }[] = [];

const api = (cms: Cms, url: string, init: RequestInit = {}) => fetch(`${cms.url}${url}`, init);
const send = async (cms: Cms, method: string, url: string, body: unknown) => {
  const response = await api(cms, url, { method, headers, body: JSON.stringify(body) });
  expect(response.status, await response.clone().text()).toBe(200);
};
const retitle = (cms: Cms, work: { id: number }, title: string) =>
  send(cms, 'PATCH', `/api/works/${work.id}?locale=en`, { title });
const settings = (cms: Cms, body: unknown) => send(cms, 'POST', '/api/globals/site-settings', body);

async function builds(
  after: number,
): Promise<(BuildRecord & { startedAt?: string; finishedAt?: string; runner?: string; trigger: string })[]> {
  const answer = await api(a, `/api/site-builds?where[id][greater_than]=${after}&sort=id&limit=100&depth=0`, {
    headers,
  });
  return ((await answer.json()) as { docs: never[] }).docs;
}
const lastBuildId = async () => {
  const answer = await api(a, '/api/site-builds?sort=-id&limit=1&depth=0', { headers });
  return ((await answer.json()) as { docs: { id: number }[] }).docs[0]?.id ?? 0;
};

/** The build records after `after`, read from the database itself (no CMS needs to run). */
async function recordedStatuses(after: number): Promise<{ status: string }[]> {
  const own = new URL(server as string);
  own.pathname = `/${database}`;
  return withClient(own.toString(), async (client) => {
    const found = await client.query('SELECT status FROM site_builds WHERE id > $1 ORDER BY id', [after]);
    return found.rows as { status: string }[];
  });
}

/** Waits until builds after `after` exist and none waits or runs; their records. */
async function settled(after: number, timeoutMs = 240_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await builds(after);
    if (found.length > 0 && found.every((build) => !['queued', 'running'].includes(build.status)))
      return found;
    if (Date.now() > deadline) throw new Error(`builds still waiting or running: ${JSON.stringify(found)}`);
    await sleep(500);
  }
}

const workPage = (slug: string) =>
  heading(fs.readFileSync(path.join(siteFolders(dataDir).live, 'en', 'works', slug, 'index.html'), 'utf8'));

describe.runIf(server || onCi)('two CMS processes on one PostgreSQL database', () => {
  beforeAll(async () => {
    expect(server, 'CI must set TEST_POSTGRES_URI (see .ci/run)').toBeTruthy();
    const root = scratchDir('two-cms');
    dataDir = path.join(root, 'data');
    database = `oyu_two_cms_${process.pid}`;
    const [uri, bucket] = await Promise.all([freshDatabase(server as string, database), startS3Server()]);
    s3 = bucket;
    const ports = {
      a: await freePort(),
      b: await freePort(),
      site: await freePort(),
      preview: await freePort(),
    };
    const envFor = (port: number) => ({
      ...cmsEnvFor(dataDir, { cms: port, site: ports.site, preview: ports.preview }),
      ...bucket.env,
      DATABASE_URI: uri,
    });
    // The demo, its photos small: the test reads pages and records, not pixels.
    await run(paths.tsxBin, [paths.seedScript], {
      cwd: repoRoot,
      env: { ...envFor(ports.a), OYU_DEMO_PHOTO_SIZE: '480x360' },
    });
    // The loop's global setup built the CMS; another run may have rebuilt it since (this waits
    // for that build, and reuses it).
    await buildCms(envFor(ports.a));
    // One after the other: each applies pending migrations on start.
    const start = async (port: number): Promise<Cms> => {
      const cms = await startCms(envFor(port), port);
      return { url: `http://127.0.0.1:${port}`, stop: cms.stop };
    };
    restartA = () => start(ports.a);
    a = await start(ports.a);
    b = await start(ports.b);
    const token = await signIn(a.url, readCredentials(dataDir));
    headers = { 'content-type': 'application/json', authorization: `JWT ${token}` };
    for (const work of published.slice(0, 6)) {
      const found = await api(a, `/api/works?where[slug][equals]=${work.slug}&depth=0`, { headers });
      const doc = ((await found.json()) as { docs: { id: number }[] }).docs[0];
      if (!doc) throw new Error(`demo work ${work.slug} is missing`);
      works.push({ id: doc.id, slug: work.slug });
    }
    await settings(a, { autoRebuild: false });
  }, 600_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await s3?.close();
    if (server && database) await withClient(server, (client) => dropDatabase(client, database));
  }, 60_000);

  it('answers a public read through one process with what was just written through the other', async () => {
    const work = works[0] as { id: number };
    const url = `/api/works/${work.id}?depth=1&locale=en`;
    const hits: number[] = [];
    for (const round of [1, 2, 3]) {
      await api(b, url);
      const started = performance.now();
      const cached = await api(b, url);
      hits.push(performance.now() - started);
      expect(cached.headers.get('x-oyu-cache')).toBe('HIT');
      await retitle(a, work, `Read at once ${round}`);
      const after = await api(b, url);
      expect(((await after.json()) as { title: string }).title).toBe(`Read at once ${round}`);
      expect(after.headers.get('x-oyu-cache')).toBe('MISS');
    }
    // What one answer from memory costs now that each looks at the shared stamp.
    for (let i = 0; i < 200; i++) {
      const started = performance.now();
      await (await api(b, url)).arrayBuffer();
      hits.push(performance.now() - started);
    }
    const own = new URL(server as string);
    own.pathname = `/${database}`;
    const stamp = await withClient(own.toString(), async (client) => {
      const started = performance.now();
      for (let i = 0; i < 200; i++) {
        await client.query(`SELECT "data" FROM "payload_kv" WHERE "key" = 'oyu-public-content'`);
      }
      return (performance.now() - started) / 200;
    });
    hits.sort((x, y) => x - y);
    console.info(
      `public cache through B: median hit ${hits[Math.floor(hits.length / 2)]?.toFixed(2)} ms, the stamp's read ${stamp.toFixed(2)} ms`,
    );
  }, 60_000);

  it('runs one build for edits through both processes within the countdown, and publishes both', async () => {
    const before = await lastBuildId();
    const [first, second] = works as [{ id: number; slug: string }, { id: number; slug: string }];
    await settings(a, { autoRebuild: true, autoRebuildDelaySeconds: 6 });
    await retitle(a, first, 'Edited through A');
    await sleep(1500);
    const lastEdit = Date.now();
    await retitle(b, second, 'Edited through B');
    const done = await settled(before);
    expect(done.map((build) => [build.status, build.trigger])).toEqual([['succeeded', 'auto']]);
    const build = done[0] as (typeof done)[number];
    // The countdown restarted with the edit through B, whichever process's timer ended it.
    expect(Date.parse(build.startedAt ?? '')).toBeGreaterThanOrEqual(lastEdit + 6000);
    expect(build.runner).toMatch(/:\d+$/);
    expect(build.live).toBe(true);
    expect(workPage(first.slug)).toContain('Edited through A');
    expect(workPage(second.slug)).toContain('Edited through B');
    // The photos came from the bucket: none was written to the data folder.
    expect(
      fs.existsSync(path.join(dataDir, 'media')) ? fs.readdirSync(path.join(dataDir, 'media')) : [],
    ).toEqual([]);
  }, 300_000);

  it('with a countdown of 0, never overlaps builds and publishes every edit through either', async () => {
    const before = await lastBuildId();
    await settings(b, { autoRebuild: true, autoRebuildDelaySeconds: 0 });
    const edits: [Cms, { id: number; slug: string }, string][] = [
      [a, works[2] as { id: number; slug: string }, 'At once through A'],
      [b, works[3] as { id: number; slug: string }, 'At once through B'],
      [a, works[4] as { id: number; slug: string }, 'Later through A'],
      [b, works[5] as { id: number; slug: string }, 'Later through B'],
    ];
    for (const [cms, work, title] of edits) {
      await retitle(cms, work, title);
      await sleep(2500);
    }
    const done = await settled(before);
    expect(done.map((build) => build.status)).toEqual(done.map(() => 'succeeded'));
    // Changes that came while a build waited joined it: fewer builds than changes.
    expect(done.length).toBeLessThanOrEqual(edits.length + 1);
    const spans = done
      .map((build) => [Date.parse(build.startedAt ?? ''), Date.parse(build.finishedAt ?? '')] as const)
      .sort((x, y) => x[0] - y[0]);
    for (let i = 1; i < spans.length; i++) {
      expect((spans[i] as readonly [number, number])[0]).toBeGreaterThanOrEqual(
        (spans[i - 1] as readonly [number, number])[1],
      );
    }
    expect(done.at(-1)?.live).toBe(true);
    console.info(
      `countdown 0: ${done.length} builds for ${edits.length + 1} changes, run by ${done.map((build) => build.runner).join(', ')}`,
    );
    for (const [, work, title] of edits) expect(workPage(work.slug)).toContain(title);
  }, 400_000);

  it('keeps a waiting build when every CMS stops, and the next to start runs it', async () => {
    const before = await lastBuildId();
    const work = works[1] as { id: number; slug: string };
    await settings(a, { autoRebuild: true, autoRebuildDelaySeconds: 8 });
    await retitle(b, work, 'Through a restart');
    const edited = Date.now();
    await Promise.all([a.stop(), b.stop()]);
    expect((await recordedStatuses(before)).map((build) => build.status)).toEqual(['queued']);
    await sleep(Math.max(0, edited + 8000 - Date.now()));
    // Only A comes back: on start it finds the countdown over and runs the build.
    a = await restartA();
    const done = await settled(before);
    expect(done.map((build) => [build.status, build.trigger])).toEqual([['succeeded', 'auto']]);
    expect(workPage(work.slug)).toContain('Through a restart');
    await settings(a, { autoRebuild: false });
  }, 300_000);
});
