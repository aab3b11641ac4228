import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { parseTarget } from '@oyu/shared-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headersFor, parseHeadersFile } from '../lib/headersFile';
import { freePort } from '../lib/processes';
import { serveSite } from '../lib/siteServer';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'oyu-serve-'));
const outside = `${root}-secret.txt`;
let base: string;
let stop: () => Promise<void>;

beforeAll(async () => {
  fs.mkdirSync(path.join(root, 'works', 'ring'), { recursive: true });
  fs.mkdirSync(path.join(root, 'media'));
  fs.writeFileSync(path.join(root, 'index.html'), '<h1>home</h1>');
  fs.writeFileSync(path.join(root, 'works', 'ring', 'index.html'), '<h1>ring</h1>');
  fs.writeFileSync(path.join(root, '404.html'), '<h1>not found</h1>');
  fs.writeFileSync(path.join(root, 'media', 'ring 1.webp'), 'RIFF');
  fs.writeFileSync(outside, 'private');
  const port = await freePort();
  ({ stop } = await serveSite(root, port));
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await stop();
  fs.rmSync(root, { recursive: true, force: true });
  fs.rmSync(outside, { force: true });
});

describe('static site server', () => {
  it('serves directory pages and files with their types', async () => {
    const page = await fetch(`${base}/works/ring/`);
    expect([page.status, page.headers.get('content-type'), await page.text()]).toEqual([
      200,
      'text/html; charset=utf-8',
      '<h1>ring</h1>',
    ]);
    const photo = await fetch(`${base}/media/ring%201.webp`);
    expect([photo.status, photo.headers.get('content-type')]).toEqual([200, 'image/webp']);
  });

  it('compresses text for clients that accept it, and sends photos as they are', async () => {
    const text = '<p>silver filigree</p>'.repeat(200);
    fs.writeFileSync(path.join(root, 'long.html'), text);
    const request = (file: string, encoding: string) =>
      new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
        http
          .get(`${base}/${file}`, { headers: { 'accept-encoding': encoding } }, (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () =>
              resolve({ encoding: response.headers['content-encoding'], body: Buffer.concat(chunks) }),
            );
          })
          .on('error', reject);
      });
    const br = await request('long.html', 'gzip, deflate, br');
    expect(br.encoding).toBe('br');
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(text);
    expect(br.body.length).toBeLessThan(text.length / 10);
    const gzip = await request('long.html', 'gzip');
    expect([gzip.encoding, zlib.gunzipSync(gzip.body).toString()]).toEqual(['gzip', text]);
    const plain = await request('long.html', 'identity');
    expect([plain.encoding, plain.body.toString()]).toEqual([undefined, text]);
    expect((await request('media/ring%201.webp', 'br')).encoding).toBeUndefined();
  });

  it('adds the trailing slash', async () => {
    const response = await fetch(`${base}/works/ring?x=1`, { redirect: 'manual' });
    expect([response.status, response.headers.get('location')]).toEqual([301, '/works/ring/?x=1']);
  });

  it('answers unknown paths with the 404 page', async () => {
    const response = await fetch(`${base}/works/nothing/`);
    expect([response.status, await response.text()]).toEqual([404, '<h1>not found</h1>']);
  });

  it('never serves a file outside the site', async () => {
    const name = path.basename(outside);
    for (const attempt of [`/../${name}`, `/%2e%2e/${name}`, `/media/..%2f..%2f${name}`, '/%E0%A4%A']) {
      const response = await fetch(`${base}${attempt}`);
      expect(await response.text(), attempt).not.toContain('private');
    }
  });
});

describe('security headers from the build’s _headers file', () => {
  it('sends every header of the matching rules, and follows the file when a new build replaces it', async () => {
    const write = (csp: string) =>
      fs.writeFileSync(
        path.join(root, '_headers'),
        `/*\n  Content-Security-Policy: ${csp}\n  X-Frame-Options: DENY\n\n/_astro/*\n  Cache-Control: public, max-age=31536000, immutable\n`,
      );
    write("default-src 'self'");
    const page = await fetch(`${base}/works/ring/`);
    expect(page.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    // Also on the 404 page.
    expect((await fetch(`${base}/no/such/page/`)).headers.get('content-security-policy')).toBe(
      "default-src 'self'",
    );
    write("default-src 'none'");
    expect((await fetch(`${base}/`)).headers.get('content-security-policy')).toBe("default-src 'none'");
    fs.rmSync(path.join(root, '_headers'));
    expect((await fetch(`${base}/`)).headers.get('content-security-policy')).toBeNull();
  });
});

describe('parseHeadersFile and headersFor', () => {
  it('read Netlify’s format: patterns with a trailing *, later rules adding to earlier ones', () => {
    const rules = parseHeadersFile(
      '# the site\n/*\n  X-Frame-Options: DENY\n  Content-Security-Policy: a; b\n\n/_astro/*\n  Cache-Control: immutable\n  X-Frame-Options: SAMEORIGIN\n/exact\n  X-Test: 1\n',
    );
    expect(rules.map((rule) => rule.pattern)).toEqual(['/*', '/_astro/*', '/exact']);
    expect(headersFor(rules, '/en/')).toEqual({
      'x-frame-options': 'DENY',
      'content-security-policy': 'a; b',
    });
    expect(headersFor(rules, '/_astro/x.js')).toEqual({
      'x-frame-options': 'SAMEORIGIN',
      'content-security-policy': 'a; b',
      'cache-control': 'immutable',
    });
    expect(headersFor(rules, '/exact')['x-test']).toBe('1');
    expect(headersFor(rules, '/exact/more')['x-test']).toBeUndefined();
  });
});

describe('parseTarget', () => {
  it('accepts origin-form paths and refuses every other target before any file is looked up', () => {
    expect(parseTarget('/media/ring%201.webp?w=1')).toEqual({
      path: '/media/ring%201.webp',
      decoded: '/media/ring 1.webp',
      query: '?w=1',
    });
    expect(parseTarget('/kk/%D0%B0%D1%82/')?.decoded).toBe('/kk/ат/');
    const refused = [
      undefined,
      '',
      '*',
      'http://127.0.0.1/',
      '//evil.example/',
      '/\\evil.example/',
      '/%00',
      '/a\0b',
      '/%ZZ',
      '/%C0%AF',
      '/%E0%A4%A',
      '/a/%0a',
      '/a/%5c..%5csecret',
      '/../secret',
      '/a/%2e%2e/%2e%2e/secret',
      '/a b',
      `/${'a'.repeat(5000)}`,
    ];
    for (const target of refused) expect(parseTarget(target), String(target).slice(0, 40)).toBeNull();
  });
});
