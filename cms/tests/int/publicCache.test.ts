import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Payload } from 'payload';
import { describe, expect, it } from 'vitest';
import { invalidatePublicCache, publicCacheStats, withPublicCache } from '../../src/api/publicCache';
import { env } from '../../src/env';
import { type AccessFixtures, leaks, rest, withAccessFixtures } from '../rest';

/**
 * The public API's response cache (src/api/publicCache.ts), through the real REST handlers:
 * repeated anonymous reads are answered from memory, every write empties it, and nothing a
 * signed-in person reads is ever kept or handed to the public.
 */
let payload: Payload;
let f: AccessFixtures;
withAccessFixtures((ready) => ({ payload, f } = ready));

const verdict = (result: { headers: Headers }) => result.headers.get('x-oyu-cache');
const ids = (docs: { id: number }[]) => docs.map((doc) => doc.id).sort((a, b) => a - b);
const list = '/api/works?depth=1&limit=100&locale=en&sort=id';

describe('anonymous reads', () => {
  it('answers a repeated list from the cache, byte for byte', async () => {
    invalidatePublicCache();
    const first = await rest('GET', list);
    const second = await rest('GET', list);
    expect(first.status).toBe(200);
    expect([verdict(first), verdict(second)]).toEqual(['MISS', 'HIT']);
    expect(second.bytes.equals(first.bytes)).toBe(true);
    expect(second.headers.get('content-type')).toMatch(/json/);
  });

  it('keeps one answer per URL, locale and origin', async () => {
    invalidatePublicCache();
    await rest('GET', list);
    expect(verdict(await rest('GET', list.replace('locale=en', 'locale=ru')))).toBe('MISS');
    const origin = env.corsOrigins[0] ?? env.serverUrl;
    const fromSite = await rest('GET', list, { headers: { Origin: origin } });
    expect(verdict(fromSite)).toBe('MISS');
    // The CORS answer belongs to that origin and comes back with it, not with anyone else's.
    const again = await rest('GET', list, { headers: { Origin: origin } });
    expect(verdict(again)).toBe('HIT');
    expect(again.headers.get('access-control-allow-origin')).toBe(
      fromSite.headers.get('access-control-allow-origin'),
    );
    expect((await rest('GET', list)).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('caches one work and the site settings, never photo files, users, versions or errors', async () => {
    invalidatePublicCache();
    for (const path of [`/api/works/${f.pubWork.id}?depth=1`, '/api/globals/site-settings?depth=0']) {
      await rest('GET', path);
      expect(verdict(await rest('GET', path)), path).toBe('HIT');
    }
    const p1 = f.media.p1;
    // Not even looked up: files, people, history.
    for (const path of [`/api/media/file/${p1.filename}`, '/api/users', '/api/works/versions']) {
      await rest('GET', path);
      expect(verdict(await rest('GET', path)), path).toBeNull();
    }
    // Looked up, but a refusal or a 404 is never kept.
    for (const path of [`/api/works/${f.draftWork.id}`, '/api/works/99999999']) {
      expect((await rest('GET', path)).status, path).toBeGreaterThanOrEqual(400);
      expect(verdict(await rest('GET', path)), path).toBe('MISS');
    }
  });
});

describe('writes empty it', () => {
  it('shows a work the moment it is published, and hides it the moment it is unpublished', async () => {
    invalidatePublicCache();
    const before = await rest('GET', list);
    expect(ids(before.json.docs)).not.toContain(f.draftWork.id);
    expect(verdict(await rest('GET', list))).toBe('HIT');

    await rest('PATCH', `/api/works/${f.draftWork.id}`, {
      token: f.tokens.admin,
      body: { title: 'Now public', _status: 'published' },
    });
    const published = await rest('GET', list);
    expect(verdict(published)).toBe('MISS');
    expect(ids(published.json.docs)).toContain(f.draftWork.id);

    // Through the Local API too (scheduled publishing and the import write this way).
    await payload.update({
      collection: 'works',
      id: f.draftWork.id,
      data: { _status: 'draft' },
      draft: false,
    });
    const unpublished = await rest('GET', list);
    expect(verdict(unpublished)).toBe('MISS');
    expect(ids(unpublished.json.docs)).not.toContain(f.draftWork.id);
  });

  it('drops an artisan’s new name from every cached work at once', async () => {
    const path = `/api/works/${f.pubWork.id}?depth=1`;
    await rest('GET', path);
    expect(verdict(await rest('GET', path))).toBe('HIT');
    await payload.update({ collection: 'artisans', id: f.pubArtisan.id, data: { name: 'Aigerim Renamed' } });
    const after = await rest('GET', path);
    expect(verdict(after)).toBe('MISS');
    expect(after.text).toContain('Aigerim Renamed');
  });

  it('empties on a change to the site settings and on a deletion', async () => {
    const settings = '/api/globals/site-settings?depth=0';
    await rest('GET', settings);
    await payload.updateGlobal({ slug: 'site-settings', data: { autoRebuildDelaySeconds: 120 } });
    expect(verdict(await rest('GET', settings))).toBe('MISS');

    const doomed = await payload.create({
      collection: 'materials',
      data: { label: 'Doomed silver', slug: 'doomed-silver', kind: 'other' },
    });
    const materials = '/api/materials?limit=100';
    expect((await rest('GET', materials)).text).toContain('Doomed silver');
    await payload.delete({ collection: 'materials', id: doomed.id });
    const after = await rest('GET', materials);
    expect(verdict(after)).toBe('MISS');
    expect(after.text).not.toContain('Doomed silver');
  });
});

describe('writes by another process', () => {
  const here = path.dirname(fileURLToPath(import.meta.url));

  it('keeps its answers while nobody else writes', async () => {
    const url = `/api/works/${f.pubWork.id}?depth=1&locale=en`;
    invalidatePublicCache();
    await rest('GET', url);
    // Each answer from memory looked at the stamp: still the one this process wrote last.
    expect(verdict(await rest('GET', url))).toBe('HIT');
    expect(verdict(await rest('GET', url))).toBe('HIT');
  });

  it('answers with what another process wrote, right after it (pnpm import while the CMS runs)', async () => {
    // A work of its own: the fixtures' published work has a draft maker, which the publishing
    // contract would refuse to let anyone save again.
    const work = await payload.create({
      collection: 'works',
      data: {
        title: 'Written here',
        slug: 'written-here',
        artisans: [f.pubArtisan.id],
        photos: [f.media.p1.id],
        _status: 'published',
      },
    });
    const url = `/api/works/${work.id}?depth=1&locale=en`;
    await rest('GET', url);
    expect(verdict(await rest('GET', url))).toBe('HIT');
    // A process of its own, with its own Payload and its own (empty) cache, on the same database.
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(here, 'fixtures', 'otherWriter.ts'),
        String(work.id),
        'Written elsewhere',
      ],
      { cwd: path.resolve(here, '../..'), env: process.env },
    );
    expect(stdout).toContain('written');
    const after = await rest('GET', url);
    expect(verdict(after)).toBe('MISS');
    expect(after.json.title).toBe('Written elsewhere');
  });
});

describe('signed-in reads', () => {
  it('are never kept, and never answered from what the public was given', async () => {
    invalidatePublicCache();
    const drafts = `/api/works/${f.redraftedWork.id}?draft=true&depth=1`;
    const staff = await rest('GET', drafts, { token: f.tokens.admin });
    expect(staff.status).toBe(200);
    expect(staff.text).toMatch(leaks);
    expect(verdict(staff)).toBeNull();
    expect(publicCacheStats().entries).toBe(0);

    const anonymous = await rest('GET', drafts);
    expect(verdict(anonymous)).toBe('MISS');
    expect(anonymous.text).not.toMatch(leaks);
    // And the public's answer is not handed to staff.
    const staffAgain = await rest('GET', drafts, { token: f.tokens.admin });
    expect(verdict(staffAgain)).toBeNull();
    expect(staffAgain.text).toMatch(leaks);
  });

  it('bypasses the cache for any request with a cookie', async () => {
    invalidatePublicCache();
    await rest('GET', list);
    const withCookie = await rest('GET', list, { headers: { Cookie: 'payload-token=not-a-token' } });
    expect(verdict(withCookie)).toBeNull();
    expect(withCookie.status).toBe(200);
  });
});

describe('the wrapper', () => {
  const request = (path = '/api/works?limit=1') => new Request(new URL(path, env.serverUrl));
  const json = (body: string, status = 200) =>
    new Response(body, { status, headers: { 'Content-Type': 'application/json' } });

  it('computes one answer for fifty requests that arrive together', async () => {
    invalidatePublicCache();
    let calls = 0;
    const handler = withPublicCache(async () => {
      calls += 1;
      await new Promise((resolve) => setTimeout(resolve, 50));
      return json('{"docs":[]}');
    }, 1024 * 1024);
    const responses = await Promise.all(Array.from({ length: 50 }, () => handler(request(), {})));
    expect(calls).toBe(1);
    expect(new Set(await Promise.all(responses.map((response) => response.text())))).toEqual(
      new Set(['{"docs":[]}']),
    );
  });

  it('hands out but does not keep an answer computed while a write happened', async () => {
    invalidatePublicCache();
    let calls = 0;
    const handler = withPublicCache(async () => {
      calls += 1;
      if (calls === 1) invalidatePublicCache(); // a write commits during the first computation
      return json(`{"n":${calls}}`);
    }, 1024 * 1024);
    expect(await (await handler(request(), {})).text()).toBe('{"n":1}');
    const second = await handler(request(), {});
    expect(second.headers.get('x-oyu-cache')).toBe('MISS');
    expect(await second.text()).toBe('{"n":2}');
    expect((await handler(request(), {})).headers.get('x-oyu-cache')).toBe('HIT');
  });

  it('stays within its memory, dropping the least recently used answer first', async () => {
    invalidatePublicCache();
    const body = 'x'.repeat(1000);
    const handler = withPublicCache(async () => json(body), 3500);
    for (const n of [1, 2, 3]) await handler(request(`/api/works?page=${n}`), {});
    await handler(request('/api/works?page=1'), {}); // 1 is now the most recently used
    await handler(request('/api/works?page=4'), {}); // so 2 goes
    expect(publicCacheStats().entries).toBe(3);
    expect(publicCacheStats().bytes).toBeLessThanOrEqual(3500);
    expect((await handler(request('/api/works?page=1'), {})).headers.get('x-oyu-cache')).toBe('HIT');
    expect((await handler(request('/api/works?page=2'), {})).headers.get('x-oyu-cache')).toBe('MISS');
  });

  it('keeps no error and no answer that sets a cookie; API_CACHE_MB=0 leaves Payload alone', async () => {
    invalidatePublicCache();
    const failing = withPublicCache(async () => json('{"errors":[]}', 500), 1024 * 1024);
    await failing(request(), {});
    expect((await failing(request(), {})).headers.get('x-oyu-cache')).toBe('MISS');
    const cookie = withPublicCache(async () => {
      const response = json('{}');
      response.headers.set('Set-Cookie', 'a=b');
      return response;
    }, 1024 * 1024);
    await cookie(request(), {});
    expect((await cookie(request(), {})).headers.get('x-oyu-cache')).toBe('MISS');

    const plain = async () => json('{}');
    expect(withPublicCache(plain, 0)).toBe(plain);
  });
});
