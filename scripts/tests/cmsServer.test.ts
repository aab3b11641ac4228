import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../lib/browser';
import { readCredentials } from '../lib/secrets';
import { signIn, startSeededCms } from '../lib/seededCms';
import { badHeaders, garbagePath, methods, randomBytes, rawRequest, request } from './rawHttp';
import { generator } from './seededRandom';

/**
 * The CMS as `pnpm start` runs it (`next build`, `next start`), for what only the production
 * server shows: its response headers, its error messages (the minified server lost them), the
 * admin working under its Content-Security-Policy in Chromium.
 */
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'oyu-cms-server-test-'));
let base = '';
let admin = '';
let stopCms: () => Promise<void> = async () => {};
let output: string[] = [];
let credentials = { email: '', password: '' };

beforeAll(async () => {
  const dataDir = path.join(tmp, 'data');
  const cms = await startSeededCms({ dataDir });
  stopCms = cms.stop;
  output = cms.output;
  base = cms.url;
  credentials = readCredentials(dataDir);
  admin = await signIn(base, credentials);
}, 600_000);

afterAll(async () => {
  await stopCms();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const api = async (method: string, url: string, body?: unknown, token = admin) => {
  const form = body instanceof FormData;
  const answer = await fetch(`${base}${url}`, {
    method,
    headers: {
      ...(token ? { Authorization: `JWT ${token}` } : {}),
      ...(form || !body ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body ? { body: form ? body : JSON.stringify(body) } : {}),
  });
  const text = await answer.text();
  let json: { errors?: { message: string }[]; doc?: { id: number } } = {};
  try {
    json = JSON.parse(text);
  } catch {}
  return { status: answer.status, headers: answer.headers, json, text };
};

describe('response headers', () => {
  it('the admin has a Content-Security-Policy, and no page can be framed by another site or sniffed', async () => {
    const page = await fetch(`${base}/admin/login`);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-eval');
    for (const url of ['/admin/login', '/api/works', '/api/users/me']) {
      const answer = await fetch(`${base}${url}`);
      expect(answer.headers.get('x-content-type-options'), url).toBe('nosniff');
      expect(answer.headers.get('x-frame-options'), url).toBe('SAMEORIGIN');
      expect(answer.headers.get('referrer-policy'), url).toBe('strict-origin-when-cross-origin');
    }
  });

  it('an API answer or a photo file opened on its own runs nothing', async () => {
    const photo = new FormData();
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#a87' } })
      .jpeg()
      .toBuffer();
    photo.append('file', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), 'ring.jpg');
    photo.append('_payload', JSON.stringify({ alt: 'A ring' }));
    const created = await api('POST', '/api/media', photo);
    expect(created.status, created.text.slice(0, 300)).toBe(201);
    const url = (created.json.doc as unknown as { url: string }).url;
    const file = await fetch(new URL(url, base), { headers: { Authorization: `JWT ${admin}` } });
    expect(file.status).toBe(200);
    for (const answer of [file, await fetch(`${base}/api/works`)]) {
      const csp = answer.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain('sandbox');
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });
});

describe('errors in production say what to fix', () => {
  it.each([
    ['/api/works/abc', 400, 'The id in the address is not one'],
    ['/api/works?where[updatedAt][like]=x', 400, 'where[updatedAt][like] compares text; updatedAt is a date'],
    ['/api/works?limit=-1', 400, 'limit must be a whole number, 0 or more.'],
    ['/api/works?sort=artisans.name', 400, 'Sorting by artisans.name is not allowed'],
  ])('%s', async (url, status, message) => {
    const answer = await api('GET', url, undefined, '');
    expect(answer.status, answer.text.slice(0, 300)).toBe(status);
    expect(answer.json.errors?.[0]?.message).toContain(message);
  });

  it('a 429 says how long to wait, with Retry-After', async () => {
    let last = await api('POST', '/api/users/login', { email: 'flood@cms-server.test', password: 'x' }, '');
    for (let n = 0; n < 5; n += 1) {
      last = await api('POST', '/api/users/login', { email: 'flood@cms-server.test', password: `x${n}` }, '');
    }
    expect(last.status).toBe(429);
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(last.json.errors?.[0]?.message).toMatch(
      /^Too many sign-in attempts for this account .*try again in \d+ second/,
    );
  });

  it('a rejected upload says why', async () => {
    const form = new FormData();
    form.append(
      'file',
      new Blob([new TextEncoder().encode('not a photo at all')], { type: 'image/jpeg' }),
      'fake.jpg',
    );
    form.append('_payload', JSON.stringify({ alt: 'x' }));
    const answer = await api('POST', '/api/media', form);
    expect(answer.status).toBe(400);
    expect(answer.json.errors?.[0]?.message).toMatch(/fake\.jpg|not allowed|JPEG, PNG, WebP or AVIF/);
    expect(answer.json.errors?.[0]?.message).not.toMatch(/unknown error/i);
  });
});

describe('the admin under its Content-Security-Policy', () => {
  it('signs in, edits a work and uploads a photo in Chromium without a violation', async () => {
    const artisan = await api('POST', '/api/artisans', {
      name: 'Aigerim Seitkali',
      slug: 'aigerim',
      country: 'KZ',
      _status: 'published',
    });
    expect(artisan.status, artisan.text.slice(0, 300)).toBe(201);
    const work = await api('POST', '/api/works?draft=true', {
      title: 'Wolf ring',
      slug: 'wolf-ring',
      artisans: [artisan.json.doc?.id],
      _status: 'draft',
    });
    expect(work.status, work.text.slice(0, 300)).toBe(201);
    const workId = work.json.doc?.id;
    const photo = path.join(tmp, 'brooch.jpg');
    await sharp({ create: { width: 800, height: 600, channels: 3, background: '#468' } })
      .jpeg()
      .toFile(photo);

    // Someone kept trying a curator's password: the admin's dashboard says so.
    const curator = await api('POST', '/api/users', {
      email: 'curator@cms-server.test',
      password: 'correct horse battery staple',
      roles: ['curator'],
    });
    expect(curator.status, curator.text.slice(0, 300)).toBe(201);
    for (let n = 0; n < 6; n += 1) {
      await api('POST', '/api/users/login', { email: 'curator@cms-server.test', password: `guess ${n}` }, '');
    }

    const { browser, close } = await launchBrowser();
    const violations: string[] = [];
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) =>
          console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI} ${event.sample}`),
        );
      });
      const page = await context.newPage();
      page.on('console', (message) => {
        if (/Content.Security.Policy|CSP violation/i.test(message.text())) violations.push(message.text());
      });
      await page.goto(`${base}/admin/login`);
      await page.fill('input[name="email"]', credentials.email);
      await page.fill('input[name="password"]', credentials.password);
      await page.click('button[type="submit"]');
      await page.waitForURL(/\/admin\/?$/, { timeout: 60_000 });
      const alert = page.locator('section[aria-labelledby="sign-in-alerts"]');
      await alert.waitFor({ timeout: 30_000 });
      expect(await alert.textContent()).toMatch(/curator@cms-server\.test.*5 attempts/);

      await page.goto(`${base}/admin/collections/works/${workId}`);
      const title = page.locator('#field-title');
      await title.waitFor({ timeout: 60_000 });
      await title.fill('Wolf ring, edited in the admin');
      // Works save drafts by themselves (autosave), two seconds after the last keystroke.
      await expect
        .poll(async () => (await api('GET', `/api/works/${workId}?draft=true&depth=0`)).json, {
          timeout: 30_000,
        })
        .toMatchObject({ title: 'Wolf ring, edited in the admin' });

      await page.goto(`${base}/admin/collections/media/create`);
      await page.locator('input[type="file"]').setInputFiles(photo);
      await page.locator('#field-alt').fill('A brooch');
      await page.click('#action-save');
      await expect
        .poll(async () => (await api('GET', '/api/media?where[alt][equals]=A brooch&depth=0')).json, {
          timeout: 60_000,
        })
        .toMatchObject({ totalDocs: 1 });
    } finally {
      await close();
    }
    expect(violations, output.slice(-20).join('\n')).toEqual([]);
  }, 240_000);
});

describe('the CMS under malformed requests', () => {
  const count = Number(process.env.OYU_FUZZ_COUNT ?? 2000);
  const seed = Number(process.env.OYU_FUZZ_SEED ?? 20261206);
  const prefixes = [
    '',
    '/api',
    '/api/works',
    '/api/works/1',
    '/api/media/file',
    '/api/users',
    '/api/preview',
    '/admin',
    '/_next/static',
  ];

  it(`answers ${count} of them without a 5xx (seed ${seed}), and keeps answering`, async () => {
    const g = generator(seed);
    const port = Number(new URL(base).port);
    const failures: string[] = [];
    const statuses = new Map<string, number>();
    const cases = Array.from({ length: count }, () => {
      const roll = g.next();
      const target = garbagePath(g, prefixes, port);
      const method =
        roll < 0.2 ? g.pick([...methods, 'FOO', randomBytes(g, 1 + g.int(8))]) : g.pick(['GET', 'HEAD']);
      const headers = roll > 0.9 ? badHeaders(g) : undefined;
      return {
        label: `${JSON.stringify(method)} ${JSON.stringify(target.slice(0, 100))} (${target.length})`,
        bytes: request(`${method} ${target} HTTP/1.1`, headers),
      };
    });
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < cases.length) {
          const c = cases[next++] as (typeof cases)[number];
          const { status } = await rawRequest(port, c.bytes);
          statuses.set(String(status), (statuses.get(String(status)) ?? 0) + 1);
          if (status !== undefined && status >= 500) failures.push(`${c.label} → ${status}`);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    expect(failures.slice(0, 20), `${failures.length} of ${count} failed`).toEqual([]);
    expect((await api('GET', '/api/works?limit=1')).status).toBe(200);
    console.info(
      `CMS fuzz: ${count} requests in ${seconds.toFixed(1)} s (seed ${seed}): ${[...statuses]
        .sort()
        .map(([s, n]) => `${s}×${n}`)
        .join(' ')}`,
    );
  }, 300_000);
});
