import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewApp } from '../lib/previewApp';
import { freePort } from '../lib/processes';
import { siteServerSpec } from '../lib/siteProcess';
import { serveSite } from '../lib/siteServer';
import { type Supervisor, supervise } from '../lib/supervise';
import { badHeaders, garbagePath, methods, randomBytes, rawRequest, request } from './rawHttp';
import { type Generator, generator } from './seededRandom';

/**
 * Security issue 24: one malformed request (`GET /` and 300 `a`, `GET /%00`, a long name under
 * /preview/_astro/) threw from the file lookup and stopped `pnpm start`. This test sends a few
 * thousand malformed requests over raw sockets, so no client library tidies them first, and
 * checks that every answer is a 4xx (valid paths their usual 2xx/3xx), never a 5xx, that the
 * server still answers afterwards, that nothing was logged as an unexpected error, and that
 * no file outside the served folders ever leaves.
 *
 * The seed is fixed, so a failure names a request that fails again. OYU_FUZZ_SEED and
 * OYU_FUZZ_COUNT run other or more requests.
 */
const seed = Number(process.env.OYU_FUZZ_SEED ?? 20261206);
const count = Number(process.env.OYU_FUZZ_COUNT ?? 5000);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oyu-fuzz-'));
const root = path.join(dir, 'site');
const previewClient = path.join(dir, 'preview', 'client');
/** Files beside the served folders: none of their text may ever be sent. */
const secrets = ['SITE-SECRET-5d1c', 'PREVIEW-SECRET-9b07', 'root:x:0:0'];
const logged: string[] = [];
let port: number;
let stop: () => Promise<void>;

/** A real handler standing in for Astro's: a page, a page that fails, and `next` for the rest. */
const preview: PreviewApp = {
  clientDir: previewClient,
  handler: async (request, response, next) => {
    const url = request.url ?? '';
    if (url.startsWith('/preview/throw')) throw new Error('the preview page broke');
    if (url === '/preview/ru/token/') {
      response.writeHead(200, { 'content-type': 'text/html' }).end('<h1>draft</h1>');
      return;
    }
    next();
  },
};

beforeAll(async () => {
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  };
  write(path.join(root, 'index.html'), '<h1>home</h1>');
  write(path.join(root, '404.html'), '<h1>not found</h1>');
  write(path.join(root, 'works', 'ring', 'index.html'), '<h1>ring</h1>');
  write(path.join(root, '_astro', 'app.js'), 'console.log(1)');
  write(path.join(root, 'media', 'ring.webp'), 'RIFF');
  write(path.join(dir, 'secret.txt'), secrets[0] as string);
  write(path.join(previewClient, '_astro', 'preview.css'), 'p{}');
  write(path.join(dir, 'preview', 'secret.txt'), secrets[1] as string);
  port = await freePort();
  ({ stop } = await serveSite(root, port, { preview, log: (message) => logged.push(message) }));
});

afterAll(async () => {
  await stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const prefixes = ['', '/preview', '/preview/_astro', '/preview/ru', '/media', '/works/ring'];

/** Paths of the fixture with their usual answers, so the fuzz also sees working requests. */
const valid: Record<string, number> = {
  '/': 200,
  '/works/ring/': 200,
  '/works/ring': 301,
  '/_astro/app.js': 200,
  '/media/ring.webp': 200,
  '/nothing/': 404,
  '/index.html/x': 404,
  '/preview/ru/token/': 200,
  '/preview/_astro/preview.css': 200,
  '/preview/_astro/nothing.css': 404,
  '/preview/unknown': 404,
};

type Case = { label: string; bytes: Buffer; expect: (status: number) => boolean };

function randomCase(g: Generator): Case {
  const roll = g.next();
  if (roll < 0.15) {
    const [target, status] = g.pick(Object.entries(valid));
    const method = g.pick(['GET', 'HEAD']);
    return {
      label: `${method} ${target}`,
      bytes: request(`${method} ${target} HTTP/1.1`),
      expect: (s) => s === status,
    };
  }
  if (roll < 0.3) {
    const method = g.pick([...methods.slice(2), 'get', 'FOO', randomBytes(g, 1 + g.int(8))]);
    const target = g.pick(Object.keys(valid));
    return {
      label: `${JSON.stringify(method)} ${target}`,
      bytes: request(`${method} ${target} HTTP/1.1`),
      expect: (s) => s >= 400 && s < 500,
    };
  }
  if (roll < 0.4) {
    const target = g.pick(Object.keys(valid));
    const headers = badHeaders(g);
    const version = g.pick(['HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/9.9', 'HTTP/1', '']);
    // Some of these are fine (an HTTP/1.0 request needs no Host); none may get a 5xx.
    return {
      label: `GET ${target} ${version} + ${JSON.stringify(headers.slice(0, 80))}`,
      bytes: request(`GET ${target} ${version}`.trimEnd(), headers),
      expect: (s) => s < 500,
    };
  }
  const target = garbagePath(g, prefixes, port);
  return {
    label: `GET ${JSON.stringify(target.slice(0, 120))}${target.length > 120 ? ` (${target.length} chars)` : ''}`,
    bytes: request(`${g.pick(['GET', 'HEAD'])} ${target} HTTP/1.1`),
    expect: (s) => s >= 400 && s < 500,
  };
}

/** Runs `cases` with a few connections at a time. */
async function runAll(cases: Case[], { to = port, parallel = 16 } = {}) {
  const failures: string[] = [];
  const statuses = new Map<string, number>();
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const c = cases[next++] as Case;
      const { status, text } = await rawRequest(to, c.bytes);
      const leaked = secrets.find((secret) => text.includes(secret));
      statuses.set(String(status), (statuses.get(String(status)) ?? 0) + 1);
      if (status === undefined || !c.expect(status) || leaked)
        failures.push(`${c.label} → ${status ?? 'no answer'}${leaked ? ` leaked ${leaked}` : ''}`);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return { failures, statuses: [...statuses].sort().map(([status, n]) => `${status}×${n}`) };
}

/** The requests of issue 24 that stopped `pnpm start`, and one more of each kind. */
const attacks = [
  `/${'a'.repeat(300)}`,
  '/%00',
  `/preview/_astro/${'a'.repeat(300)}.js`,
  '/index.html/x',
  `/works/${'a'.repeat(5000)}/`,
];

const expecting = (targets: string[], expect: (status: number) => boolean): Case[] =>
  targets.map((target) => ({ label: target.slice(0, 60), bytes: request(`GET ${target} HTTP/1.1`), expect }));
const clientError = (status: number) => status >= 400 && status < 500;

describe(`the site server under ${count} malformed requests (seed ${seed})`, () => {
  it('answers the attacks of issue 24 with a 4xx and keeps running', async () => {
    const { failures } = await runAll(expecting(attacks, clientError));
    expect(failures).toEqual([]);
    expect((await fetch(`http://127.0.0.1:${port}/works/ring/`)).status).toBe(200);
  });

  it('never answers 5xx, never serves a file outside, and still serves pages afterwards', async () => {
    const g = generator(seed);
    const cases = Array.from({ length: count }, () => randomCase(g));
    const started = performance.now();
    const { failures, statuses } = await runAll(cases);
    const seconds = (performance.now() - started) / 1000;
    expect(failures.slice(0, 20), `${failures.length} of ${count} failed (seed ${seed})`).toEqual([]);
    expect(logged, 'client mistakes are no server errors').toEqual([]);
    const page = await fetch(`http://127.0.0.1:${port}/works/ring/`);
    expect([page.status, await page.text()]).toEqual([200, '<h1>ring</h1>']);
    console.info(
      `site server fuzz: ${count} requests in ${seconds.toFixed(1)} s (seed ${seed}): ${statuses.join(' ')}`,
    );
  });

  it('answers 500 when the mounted preview app throws, logs it once, and keeps serving', async () => {
    logged.length = 0;
    const { failures } = await runAll(
      expecting(['/preview/throw', '/preview/throw/again'], (s) => s === 500),
    );
    expect(failures).toEqual([]);
    expect(logged).toHaveLength(2);
    expect(logged[0]).toMatch(/GET \/preview\/throw failed: Error: the preview page broke/);
    expect((await fetch(`http://127.0.0.1:${port}/preview/ru/token/`)).status).toBe(200);
  });
});

/**
 * The site server as `pnpm start` runs it: scripts/serve-site.ts in a child process of its
 * own, under the supervisor, with a preview build whose entry module is a real handler.
 */
describe('the site server process of pnpm start', () => {
  const build = path.join(dir, 'preview-build');
  const logs: string[] = [];
  let site: Supervisor;
  let sitePort: number;

  beforeAll(async () => {
    fs.mkdirSync(path.join(build, 'server'), { recursive: true });
    fs.cpSync(previewClient, path.join(build, 'client'), { recursive: true });
    fs.writeFileSync(
      path.join(build, 'server', 'entry.mjs'),
      `export async function handler(request, response, next) {
        if (request.url.startsWith('/preview/throw')) throw new Error('the preview page broke');
        // A failure no handler can catch: it ends the process.
        if (request.url === '/preview/crash') setTimeout(() => { throw new Error('the preview app crashed'); });
        if (request.url === '/preview/ru/token/') return void response.writeHead(200).end('<h1>draft</h1>');
        next();
      }`,
    );
    sitePort = await freePort();
    site = await supervise(siteServerSpec({ root, port: sitePort, previewDir: build }), {
      backoff: { firstMs: 100, maxMs: 1000, resetAfterMs: 10_000 },
      log: (message) => logs.push(message),
    });
  }, 60_000);

  afterAll(() => site.stop());

  it('answers the attacks of issue 24 and a failing preview page without stopping', async () => {
    const pid = site.current()?.child.pid;
    const cases = [...expecting(attacks, clientError), ...expecting(['/preview/throw'], (s) => s === 500)];
    expect((await runAll(cases, { to: sitePort })).failures).toEqual([]);
    expect((await fetch(`http://127.0.0.1:${sitePort}/preview/ru/token/`)).status).toBe(200);
    expect(site.current()?.child.pid).toBe(pid);
    expect(logs).toEqual([]);
  });

  it('is restarted when something ends it anyway, and says why', async () => {
    await rawRequest(sitePort, request('GET /preview/crash HTTP/1.1'));
    await expect.poll(() => logs.at(-1), { timeout: 30_000 }).toBe('The site server is running again.');
    expect(logs[0]).toMatch(/^The site server stopped unexpectedly \(exit code 1\)/);
    expect(logs[0]).toContain('the preview app crashed');
    expect(logs[0]).toMatch(/Restarting the site server in 100 ms \(restart 1\)\.$/);
    expect((await fetch(`http://127.0.0.1:${sitePort}/works/ring/`)).status).toBe(200);
  });
});
