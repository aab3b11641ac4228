import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MediaSchema, WorkSchema } from '@oyu/shared-types';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CmsError,
  describeDocument,
  downloadMedia,
  fetchAll,
  fetchArtisans,
  fetchSource,
  fetchWorks,
  renditions,
  sources,
} from '../src/lib/cms';
import {
  delay,
  type FixtureServer,
  fileHandler,
  listHandler,
  sendJson,
  startServer,
  unusedPort,
} from './fixtures/cmsServer';
import {
  fileBytes,
  listPage,
  makeArtisan,
  makeMedia,
  makeWork,
  type RawMedia,
  type RawWork,
  rendition,
  skippedSize,
} from './fixtures/documents';

let cms: FixtureServer;

beforeAll(async () => {
  cms = await startServer();
});

afterAll(async () => {
  await cms.close();
});

beforeEach(() => {
  cms.reset();
});

/** Options that keep retry tests fast. */
const fast = { retries: 1, retryDelayMs: 10 };

const works = (count: number) => Array.from({ length: count }, (_, i) => makeWork(i + 1));

/** Awaits `promise`, expecting it to fail with a CmsError, and returns that error. */
async function cmsFailure(promise: Promise<unknown>): Promise<CmsError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(CmsError);
  return error as CmsError;
}

describe('fetchWorks / fetchAll: pagination', () => {
  it('reads 5 documents with pageSize 2 in exactly 3 requests, each with limit=2, in order', async () => {
    cms.handle(listHandler({ works: works(5) }));

    const docs = await fetchWorks({ baseUrl: cms.baseUrl, pageSize: 2 });

    expect(docs.map((doc) => doc.slug)).toEqual(['work-1', 'work-2', 'work-3', 'work-4', 'work-5']);
    expect(docs.map((doc) => doc.id)).toEqual([1, 2, 3, 4, 5]);
    expect(cms.requests).toHaveLength(3);
    expect(cms.requests.map((url) => url.pathname)).toEqual(['/api/works', '/api/works', '/api/works']);
    expect(cms.requests.map((url) => url.searchParams.get('limit'))).toEqual(['2', '2', '2']);
    expect(cms.requests.map((url) => url.searchParams.get('page')).sort()).toEqual(['1', '2', '3']);
    // The first page is read alone: it tells how many pages follow.
    expect(cms.requests[0]?.searchParams.get('page')).toBe('1');
  });

  it('never falls back to the CMS default of 10 per page', async () => {
    cms.handle(listHandler({ works: works(12) }));

    const docs = await fetchWorks({ baseUrl: cms.baseUrl, pageSize: 5 });

    expect(docs).toHaveLength(12);
    expect(cms.requests).toHaveLength(3);
    for (const url of cms.requests) expect(url.searchParams.get('limit')).toBe('5');
  });

  it('asks for published works at depth 1, sorted by id, in the locale with English fallback', async () => {
    cms.handle(listHandler({ works: works(1) }));

    await fetchWorks({ baseUrl: cms.baseUrl, pageSize: 2, locale: 'ru' });

    const params = cms.requests[0]?.searchParams;
    expect(params?.get('where[_status][equals]')).toBe('published');
    expect(params?.get('depth')).toBe('1');
    expect(params?.get('sort')).toBe('id');
    expect(params?.get('locale')).toBe('ru');
    expect(params?.get('fallback-locale')).toBe('en');
  });

  it('uses 100 per page and the English locale by default', async () => {
    cms.handle(listHandler({ works: works(3) }));

    const docs = await fetchWorks({ baseUrl: cms.baseUrl });

    expect(docs).toHaveLength(3);
    expect(cms.requests).toHaveLength(1);
    expect(cms.requests[0]?.searchParams.get('limit')).toBe('100');
    expect(cms.requests[0]?.searchParams.get('locale')).toBe('en');
  });

  it('keeps the default page size when an option is passed as undefined', async () => {
    cms.handle(listHandler({ works: works(3) }));

    await fetchWorks({ baseUrl: cms.baseUrl, pageSize: undefined });

    expect(cms.requests[0]?.searchParams.get('limit')).toBe('100');
  });

  it('strips a trailing slash from the base URL', async () => {
    cms.handle(listHandler({ works: works(1) }));

    await fetchWorks({ baseUrl: `${cms.baseUrl}/`, pageSize: 2 });

    expect(cms.requests.map((url) => url.pathname)).toEqual(['/api/works']);
  });

  it('makes a single request for an empty collection and returns no documents', async () => {
    cms.handle(listHandler({ works: [] }));

    const docs = await fetchWorks({ baseUrl: cms.baseUrl, pageSize: 2 });

    expect(docs).toEqual([]);
    expect(cms.requests).toHaveLength(1);
  });

  it('keeps page order when later pages answer first', async () => {
    const all = works(7);
    const list = listHandler({ works: all });
    cms.handle(async (req, res, url) => {
      // Page 2 is the slowest, page 4 the fastest.
      const page = Number(url.searchParams.get('page'));
      await delay(({ 2: 120, 3: 60, 4: 0 } as Record<number, number>)[page] ?? 0);
      await list(req, res, url);
    });

    const docs = await fetchWorks({ baseUrl: cms.baseUrl, pageSize: 2, concurrency: 4 });

    expect(docs.map((doc) => doc.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(cms.requests).toHaveLength(4);
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    const list = listHandler({ works: works(9) });
    cms.handle(async (req, res, url) => {
      await delay(30);
      await list(req, res, url);
    });

    const docs = await fetchWorks({ baseUrl: cms.baseUrl, pageSize: 1, concurrency: 2 });

    expect(docs).toHaveLength(9);
    expect(cms.requests).toHaveLength(9);
    expect(cms.maxInFlight).toBe(2);
  });

  it('validates with the schema it is given and returns the parsed documents', async () => {
    const raw = makeWork(1);
    delete raw.description;
    cms.handle(listHandler({ things: [raw] }));

    const docs = await fetchAll('things', 'thing', WorkSchema, { baseUrl: cms.baseUrl, pageSize: 2 });

    expect(cms.requests[0]?.pathname).toBe('/api/things');
    // Schema defaults are applied: a missing description becomes null.
    expect(docs[0]?.description).toBeNull();
    expect(docs[0]?.photos[0]?.sizes.webp960?.filename).toBe('photo-1-960.webp');
  });

  it('passes extra query parameters through', async () => {
    cms.handle(listHandler({ works: works(1) }));

    await fetchAll(
      'works',
      'work',
      WorkSchema,
      { baseUrl: cms.baseUrl, pageSize: 2 },
      { 'where[id][in]': '1' },
    );

    expect(cms.requests[0]?.searchParams.get('where[id][in]')).toBe('1');
    expect(cms.requests[0]?.searchParams.get('limit')).toBe('2');
  });
});

describe('fetchArtisans', () => {
  it('reads every published artisan from /api/artisans, without join fields', async () => {
    const artisans = [makeArtisan(1), makeArtisan(2, { portrait: null }), makeArtisan(3)];
    cms.handle(listHandler({ artisans }));

    const docs = await fetchArtisans({ baseUrl: cms.baseUrl, pageSize: 2 });

    expect(docs.map((doc) => doc.slug)).toEqual(['artisan-1', 'artisan-2', 'artisan-3']);
    expect(docs[0]?.portrait?.id).toBe(1001);
    expect(docs[1]?.portrait).toBeNull();
    expect(cms.requests).toHaveLength(2);
    for (const url of cms.requests) {
      expect(url.pathname).toBe('/api/artisans');
      expect(url.searchParams.get('limit')).toBe('2');
      expect(url.searchParams.get('where[_status][equals]')).toBe('published');
      // Payload turns joins off field by field; a bare `joins=false` would turn off nothing.
      expect(url.searchParams.get('joins[works]')).toBe('false');
      expect(url.searchParams.has('joins')).toBe(false);
    }
  });

  it('names the artisan and the field when one is invalid', async () => {
    const bad = makeArtisan(2, { country: 'XX' as never });
    cms.handle(listHandler({ artisans: [makeArtisan(1), bad] }));

    const error = await cmsFailure(fetchArtisans({ baseUrl: cms.baseUrl, pageSize: 10 }));

    expect(error.message).toContain('The CMS sent 1 published artisans that the site cannot build: ');
    expect(error.message).toContain('artisan "artisan-2" (id 2): country:');
    expect(error.message).not.toContain('artisan-1');
  });
});

describe('fetchWorks: document validation', () => {
  it('names the slug, the id and the field path of a photo without alt text', async () => {
    const all = works(3);
    const photo = (all[1] as RawWork).photos[0] as RawMedia;
    delete (photo as Partial<RawMedia>).alt;
    cms.handle(listHandler({ works: all }));

    const error = await cmsFailure(fetchWorks({ baseUrl: cms.baseUrl, pageSize: 2 }));

    expect(error.name).toBe('CmsError');
    expect(error.message).toContain('The CMS sent 1 published works that the site cannot build: ');
    expect(error.message).toContain(`(${cms.baseUrl}/admin/collections/works/2)`);
    expect(error.message).toContain('work "work-2" (id 2): photos.0.alt:');
    expect(error.message).not.toContain('work-1');
    expect(error.message).not.toContain('work-3');
  });

  it('reports an empty alt text with the schema message', async () => {
    const bad = makeWork(4);
    (bad.photos[0] as RawMedia).alt = '';
    cms.handle(listHandler({ works: [bad] }));

    const error = await cmsFailure(fetchWorks({ baseUrl: cms.baseUrl, pageSize: 2 }));

    expect(error.message).toContain('work "work-4" (id 4): photos.0.alt: has no alt text');
  });

  it('reports a slug that is not a URL slug', async () => {
    cms.handle(listHandler({ works: [makeWork(1), makeWork(3, { slug: 'Bad Slug' })] }));

    const error = await cmsFailure(fetchWorks({ baseUrl: cms.baseUrl, pageSize: 2 }));

    expect(error.message).toContain(
      'work "Bad Slug" (id 3): slug: is not a URL slug (lowercase letters, digits, hyphens)',
    );
  });

  it('reports every bad document, across pages, with each of its problems', async () => {
    const all = works(6);
    all[0] = makeWork(1, { slug: 'Not_A_Slug' });
    all[3] = makeWork(4, { _status: 'draft' as never, title: '' });
    all[5] = makeWork(6, { photos: [] });
    cms.handle(listHandler({ works: all }));

    const error = await cmsFailure(fetchWorks({ baseUrl: cms.baseUrl, pageSize: 2 }));

    expect(error.message).toContain('The CMS sent 3 published works that the site cannot build: ');
    expect(error.message).toContain('work "Not_A_Slug" (id 1): slug: is not a URL slug');
    expect(error.message).toContain('work "work-4" (id 4): title: has no title; _status: is not published');
    expect(error.message).toContain('work "work-6" (id 6): photos: has no photo');
    for (const good of ['work-2', 'work-3', 'work-5']) expect(error.message).not.toContain(good);
    // Three documents fit the first line, which is what an organiser sees first.
    expect(error.message.split('\n')).toHaveLength(1);
    expect(error.message).toMatch(/Fix or unpublish them in the admin, then build again\.$/);
    expect(cms.requests).toHaveLength(3);
  });

  it('names the first three bad documents in its first line and lists every one below it', async () => {
    const all = Array.from({ length: 5 }, (_, i) => makeWork(i + 1, { photos: [] }));
    cms.handle(listHandler({ works: all }));

    const error = await cmsFailure(fetchWorks({ baseUrl: cms.baseUrl, pageSize: 2 }));

    const [first, ...rest] = error.message.split('\n');
    expect(first).toContain(
      'The CMS sent 5 published works that the site cannot build: work "work-1" (id 1)',
    );
    expect(first).toContain('work "work-3" (id 3): photos: has no photo');
    expect(first).toContain('and 2 more, listed below');
    expect(first).not.toContain('work-4');
    expect(rest).toHaveLength(5);
    expect(rest[4]).toContain(
      `work "work-5" (id 5): photos: has no photo (${cms.baseUrl}/admin/collections/works/5)`,
    );
  });

  it('leaves out what the schema refuses, and says which, when asked to (the draft preview)', async () => {
    cms.handle(listHandler({ works: [makeWork(1), makeWork(2, { photos: [] }), makeWork(3)] }));
    const skipped: string[] = [];

    const docs = await fetchSource(
      sources.works,
      { baseUrl: cms.baseUrl, pageSize: 2 },
      { skipInvalid: (problem) => skipped.push(problem) },
    );

    expect(docs.map((work) => work.slug)).toEqual(['work-1', 'work-3']);
    expect(skipped).toEqual([expect.stringMatching(/^work "work-2" \(id 2\): photos: has no photo/)]);
  });

  it('names a document that is not an object at all', async () => {
    cms.handle(listHandler({ works: [makeWork(1), 'nonsense'] }));

    const error = await cmsFailure(fetchWorks({ baseUrl: cms.baseUrl, pageSize: 2 }));

    expect(error.message).toContain('The CMS sent 1 published works');
    expect(error.message).toContain('work: (document):');
  });
});

describe('describeDocument', () => {
  it('names a document by kind, slug and id', () => {
    expect(describeDocument('work', { id: 12, slug: 'silver-cuff' })).toBe('work "silver-cuff" (id 12)');
    expect(describeDocument('artisan', { id: 3 })).toBe('artisan (id 3)');
    expect(describeDocument('work', { slug: 'x', id: undefined })).toBe('work "x"');
    expect(describeDocument('work', { slug: 7, id: 'abc' })).toBe('work (id abc)');
    expect(describeDocument('work', null)).toBe('work');
    expect(describeDocument('work', 'text')).toBe('work');
  });
});

describe('fetchWorks: transport failures', () => {
  it('fails with the URL and "did not answer" when nothing listens on the port', async () => {
    const port = await unusedPort();
    const baseUrl = `http://127.0.0.1:${port}`;

    const error = await cmsFailure(fetchWorks({ baseUrl, pageSize: 2, ...fast }));

    expect(error.message).toContain(`The CMS did not answer at ${baseUrl}/api/works?limit=2&page=1`);
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.message).toContain('2 attempts');
    expect(error.message).toContain('CMS_URL');
  });

  it('retries a transient 503 and succeeds', async () => {
    const list = listHandler({ works: works(3) });
    let calls = 0;
    cms.handle((req, res, url) => {
      calls += 1;
      if (calls === 1) sendJson(res, 503, { errors: [{ message: 'starting up' }] });
      else list(req, res, url);
    });

    const docs = await fetchWorks({ baseUrl: cms.baseUrl, pageSize: 2, ...fast });

    expect(docs.map((doc) => doc.id)).toEqual([1, 2, 3]);
    expect(cms.requests.map((url) => url.searchParams.get('page'))).toEqual(['1', '1', '2']);
  });

  it('retries 429 and other 5xx, then gives up after retries + 1 attempts', async () => {
    cms.handle((_req, res) => sendJson(res, 502, { errors: [] }));

    const error = await cmsFailure(
      fetchWorks({ baseUrl: cms.baseUrl, pageSize: 2, retries: 2, retryDelayMs: 5 }),
    );

    expect(cms.requests).toHaveLength(3);
    expect(error.message).toContain(`The CMS kept failing at ${cms.baseUrl}/api/works?`);
    expect(error.message).toContain('(HTTP 502, 3 attempts)');

    cms.reset();
    let calls = 0;
    const list = listHandler({ works: works(1) });
    cms.handle((req, res, url) => {
      calls += 1;
      if (calls === 1) sendJson(res, 429, { errors: [{ message: 'slow down' }] });
      else list(req, res, url);
    });
    await expect(fetchWorks({ baseUrl: cms.baseUrl, pageSize: 2, ...fast })).resolves.toHaveLength(1);
    expect(cms.requests).toHaveLength(2);
  });

  it('waits longer before each retry', async () => {
    cms.handle((_req, res) => sendJson(res, 503, {}));
    const started = Date.now();

    await cmsFailure(fetchWorks({ baseUrl: cms.baseUrl, retries: 2, retryDelayMs: 50 }));

    // 50 ms, then 100 ms.
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(cms.requests).toHaveLength(3);
  });

  it.each([404, 403, 400, 401])(
    'fails at once on HTTP %i, without retrying, quoting the body',
    async (status) => {
      cms.handle((_req, res) => sendJson(res, status, { errors: [{ message: `status ${status} here` }] }));

      const error = await cmsFailure(
        fetchWorks({ baseUrl: cms.baseUrl, pageSize: 2, retries: 3, retryDelayMs: 10 }),
      );

      expect(cms.requests).toHaveLength(1);
      expect(error.message).toContain(`The CMS refused ${cms.baseUrl}/api/works?limit=2&page=1`);
      expect(error.message).toContain(
        `with HTTP ${status}: {"errors":[{"message":"status ${status} here"}]}`,
      );
    },
  );

  it('names the page that failed when a later page is refused', async () => {
    const list = listHandler({ works: works(5) });
    cms.handle((req, res, url) => {
      if (url.searchParams.get('page') === '2') sendJson(res, 404, { errors: [] });
      else list(req, res, url);
    });

    const error = await cmsFailure(fetchWorks({ baseUrl: cms.baseUrl, pageSize: 2, ...fast }));

    expect(error.message).toContain('limit=2&page=2');
    expect(error.message).toContain('HTTP 404');
    expect(cms.requests.filter((url) => url.searchParams.get('page') === '2')).toHaveLength(1);
  });

  it('fails with a clear message when the body is not JSON', async () => {
    cms.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><body>Welcome to nginx</body></html>');
    });

    const error = await cmsFailure(fetchWorks({ baseUrl: cms.baseUrl, pageSize: 2, ...fast }));

    expect(error.message).toContain(`The CMS answered ${cms.baseUrl}/api/works?limit=2&page=1`);
    expect(error.message).toContain('is not JSON: <html><body>Welcome to nginx');
    expect(cms.requests).toHaveLength(1);
  });

  it('fails with a clear message when the JSON is not a list response', async () => {
    cms.handle((_req, res) => sendJson(res, 200, { message: 'hello', docs: 'none' }));

    const error = await cmsFailure(fetchWorks({ baseUrl: cms.baseUrl, pageSize: 2, ...fast }));

    expect(error.message).toContain(`The CMS answered ${cms.baseUrl}/api/works?limit=2&page=1`);
    expect(error.message).toContain('with an unexpected list: docs:');
    expect(error.message).toContain('totalDocs:');
  });

  it('fails when totalDocs disagrees with the documents returned', async () => {
    const all = works(5);
    cms.handle((_req, res, url) => {
      const page = Number(url.searchParams.get('page'));
      const body = listPage(all, page, 2);
      // Page 3 comes back empty, as if a work was unpublished during the build.
      if (page === 3) body.docs = [];
      sendJson(res, 200, body);
    });

    const error = await cmsFailure(fetchWorks({ baseUrl: cms.baseUrl, pageSize: 2, ...fast }));

    expect(error.message).toContain('The CMS listed 5 works but returned 4');
    expect(error.message).toContain('Run the build again');
    expect(cms.requests).toHaveLength(3);
  });

  it('gives up on a request that takes longer than timeoutMs, after retrying it', async () => {
    cms.handle(() => {
      // Never answers.
    });

    const error = await cmsFailure(
      fetchWorks({ baseUrl: cms.baseUrl, pageSize: 2, timeoutMs: 100, retries: 1, retryDelayMs: 10 }),
    );

    expect(error.message).toContain(`The CMS did not answer at ${cms.baseUrl}/api/works?`);
    expect(error.message).toMatch(/timeout/i);
    expect(error.message).toContain('2 attempts');
    expect(cms.requests).toHaveLength(2);
  });
});

describe('renditions', () => {
  it('lists the renditions that have a file, never the original', () => {
    const media = MediaSchema.parse(
      makeMedia(5, {
        sizes: {
          webp480: rendition('a-480.webp', 480, 320, 'image/webp'),
          webp960: skippedSize,
          avif480: { ...rendition('a-480.avif', 480, 320, 'image/avif'), url: null },
          square: rendition('a-square.webp', 480, 480, 'image/webp'),
        },
      }),
    );

    expect(renditions(media).map((size) => size.filename)).toEqual(['a-480.webp', 'a-square.webp']);
  });

  it('lists all seven renditions of a large photo', () => {
    expect(renditions(MediaSchema.parse(makeMedia(1)))).toHaveLength(7);
  });
});

describe('downloadMedia', () => {
  let tmp: string;
  let cacheDir: string;

  beforeEach(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'oyu-cms-test-'));
    cacheDir = path.join(tmp, 'cache', 'media');
    cms.handle(fileHandler());
  });

  afterEach(async () => {
    await fs.rm(tmp, { recursive: true, force: true });
  });

  const media = (...items: RawMedia[]) => items.map((item) => MediaSchema.parse(item));
  const fileRequests = () => cms.requests.filter((url) => url.pathname.startsWith('/api/media/file/'));

  it('downloads each rendition once, then reports them cached without any request', async () => {
    const photos = media(makeMedia(1), makeMedia(2), makeMedia(1));
    const expected = photos.slice(0, 2).flatMap((photo) => renditions(photo).map((size) => size.filename));
    expect(expected).toHaveLength(14);

    const first = await downloadMedia(photos, cacheDir, { baseUrl: cms.baseUrl });

    expect(first).toEqual({ downloaded: 14, copied: 0, cached: 0 });
    expect(cms.requests).toHaveLength(14);
    expect(new Set(cms.requests.map((url) => url.pathname)).size).toBe(14);
    expect(cms.requests.map((url) => url.pathname)).not.toContain('/api/media/file/photo-1.jpg');
    expect((await fs.readdir(cacheDir)).sort()).toEqual([...expected].sort());
    for (const name of expected) {
      expect(await fs.readFile(path.join(cacheDir, name))).toEqual(fileBytes(name));
    }

    cms.reset();
    const second = await downloadMedia(photos, cacheDir, { baseUrl: cms.baseUrl });

    expect(second).toEqual({ downloaded: 0, copied: 0, cached: 14 });
    expect(cms.requests).toHaveLength(0);
  });

  it('downloads again a cached file whose size is not the one the CMS gives', async () => {
    const photos = media(makeMedia(1));
    await downloadMedia(photos, cacheDir, { baseUrl: cms.baseUrl });
    await fs.writeFile(path.join(cacheDir, 'photo-1-960.webp'), 'stale');
    cms.reset();

    const result = await downloadMedia(photos, cacheDir, { baseUrl: cms.baseUrl });

    expect(result).toEqual({ downloaded: 1, copied: 0, cached: 6 });
    expect(cms.requests.map((url) => url.pathname)).toEqual(['/api/media/file/photo-1-960.webp']);
    expect(await fs.readFile(path.join(cacheDir, 'photo-1-960.webp'))).toEqual(fileBytes('photo-1-960.webp'));
  });

  it('only looks up by name the photos of documents kept from the last build, and fetches the missing ones', async () => {
    const [kept, read] = media(makeMedia(5), makeMedia(6));
    if (!kept || !read) throw new Error('no photos');
    await downloadMedia([kept, read], cacheDir, { baseUrl: cms.baseUrl });
    // A kept photo's file of another size stays (it was checked when its document was read);
    // a missing one is fetched; the photo of a document read again is checked in full.
    await fs.writeFile(path.join(cacheDir, 'photo-5-960.webp'), 'other size');
    await fs.rm(path.join(cacheDir, 'photo-5-480.webp'));
    await fs.writeFile(path.join(cacheDir, 'photo-6-960.webp'), 'stale');
    cms.reset();

    const result = await downloadMedia(
      [read],
      cacheDir,
      { baseUrl: cms.baseUrl },
      {
        known: [kept, kept, read],
      },
    );

    expect(result).toEqual({ downloaded: 2, copied: 0, cached: 12 });
    expect(cms.requests.map((url) => url.pathname).sort()).toEqual([
      '/api/media/file/photo-5-480.webp',
      '/api/media/file/photo-6-960.webp',
    ]);
    expect(await fs.readFile(path.join(cacheDir, 'photo-5-960.webp'), 'utf8')).toBe('other size');
  });

  it('keeps a cached file of unknown size', async () => {
    const photos = media(
      makeMedia(3, {
        sizes: { webp480: { ...rendition('c-480.webp', 480, 320, 'image/webp'), filesize: null } },
      }),
    );
    expect(await downloadMedia(photos, cacheDir, { baseUrl: cms.baseUrl })).toEqual({
      downloaded: 1,
      copied: 0,
      cached: 0,
    });
    await fs.writeFile(path.join(cacheDir, 'c-480.webp'), 'other bytes');
    cms.reset();

    expect(await downloadMedia(photos, cacheDir, { baseUrl: cms.baseUrl })).toEqual({
      downloaded: 0,
      copied: 0,
      cached: 1,
    });
    expect(cms.requests).toHaveLength(0);
  });

  it('skips sizes the CMS did not make', async () => {
    const sizes = makeMedia(4).sizes as Record<string, unknown>;
    const photos = media(makeMedia(4, { sizes: { ...sizes, avif1600: skippedSize, webp1600: null } }));

    const result = await downloadMedia(photos, cacheDir, { baseUrl: cms.baseUrl });

    expect(result).toEqual({ downloaded: 5, copied: 0, cached: 0 });
    expect(cms.requests.map((url) => url.pathname)).not.toContain('/api/media/file/photo-4-1600.webp');
    expect(await fs.readdir(cacheDir)).toHaveLength(5);
  });

  it('refuses a file whose size differs from what the CMS said, and leaves no file behind', async () => {
    const wrong = { ...rendition('bad-480.webp', 480, 320, 'image/webp') };
    wrong.filesize = (wrong.filesize ?? 0) + 1;
    const photos = media(makeMedia(6, { sizes: { webp480: wrong } }));

    const error = await cmsFailure(downloadMedia(photos, cacheDir, { baseUrl: cms.baseUrl, ...fast }));

    const actual = fileBytes('bad-480.webp').length;
    expect(error.message).toBe(
      `The photo ${cms.baseUrl}/api/media/file/bad-480.webp arrived with ${actual} bytes, the CMS said ${actual + 1}`,
    );
    expect(await fs.readdir(cacheDir)).toEqual([]);
    expect(fileRequests()).toHaveLength(1);
  });

  it('leaves no partial file next to good ones when one file is refused', async () => {
    const sizes = makeMedia(7).sizes as Record<string, { filesize: number }>;
    const broken = { ...sizes, webp960: { ...sizes.webp960, filesize: 1 } };
    const photos = media(makeMedia(7, { sizes: broken as RawMedia['sizes'] }));

    await cmsFailure(downloadMedia(photos, cacheDir, { baseUrl: cms.baseUrl, concurrency: 1 }));
    // Downloads already in flight may finish after the failure is reported.
    await delay(100);

    const names = await fs.readdir(cacheDir);
    expect(names).not.toContain('photo-7-960.webp');
    expect(names.filter((name) => name.includes('partial'))).toEqual([]);
    for (const name of names) expect(await fs.readFile(path.join(cacheDir, name))).toEqual(fileBytes(name));
  });

  it.each(['../x.webp', 'sub/x.webp', '/etc/x.webp'])(
    'refuses the file name %j, which is not a plain file name, without fetching it',
    async (filename) => {
      const photos = media(makeMedia(8, { sizes: { webp480: rendition(filename, 480, 320, 'image/webp') } }));

      const error = await cmsFailure(downloadMedia(photos, cacheDir, { baseUrl: cms.baseUrl }));

      expect(error.message).toBe(`The CMS named a photo file "${filename}", which is not a plain file name`);
      expect(cms.requests).toHaveLength(0);
      expect(await fs.readdir(cacheDir)).toEqual([]);
      await expect(fs.stat(path.join(cacheDir, '..', 'x.webp'))).rejects.toThrow();
    },
  );

  it.each(['..', '.'])('refuses the file name %j without fetching or writing anything', async (filename) => {
    const size = { ...rendition('dots.webp', 480, 320, 'image/webp'), filename };
    const photos = media(makeMedia(9, { sizes: { webp480: size } }));

    const error = await cmsFailure(downloadMedia(photos, cacheDir, { baseUrl: cms.baseUrl }));

    expect(error.message).toContain('not a plain file name');
    expect(cms.requests).toHaveLength(0);
    expect(await fs.readdir(tmp)).toEqual(['cache']);
    expect(await fs.readdir(path.join(tmp, 'cache'))).toEqual(['media']);
  });

  it('fetches from baseUrl, using only the path of an absolute URL of another host', async () => {
    const size = {
      ...rendition('x.webp', 480, 320, 'image/webp'),
      url: 'http://localhost:9/api/media/file/x.webp',
    };
    const photos = media(makeMedia(10, { sizes: { webp480: size } }));

    const result = await downloadMedia(photos, cacheDir, { baseUrl: `${cms.baseUrl}/`, ...fast });

    expect(result).toEqual({ downloaded: 1, copied: 0, cached: 0 });
    expect(cms.requests.map((url) => url.pathname)).toEqual(['/api/media/file/x.webp']);
    expect(await fs.readFile(path.join(cacheDir, 'x.webp'))).toEqual(fileBytes('x.webp'));
  });

  it('keeps the query string of the rendition URL', async () => {
    const size = { ...rendition('q.webp', 480, 320, 'image/webp'), url: '/api/media/file/q.webp?v=2' };
    const photos = media(makeMedia(11, { sizes: { webp480: size } }));

    await downloadMedia(photos, cacheDir, { baseUrl: cms.baseUrl });

    expect(cms.requests.map((url) => `${url.pathname}${url.search}`)).toEqual(['/api/media/file/q.webp?v=2']);
  });

  it('fails at once, naming the URL, when the CMS does not have a file', async () => {
    cms.handle(fileHandler(new Set(['photo-12-480.webp'])));
    const photos = media(
      makeMedia(12, {
        sizes: {
          webp480: rendition('photo-12-480.webp', 480, 320, 'image/webp'),
          webp960: rendition('photo-12-960.webp', 960, 640, 'image/webp'),
        },
      }),
    );

    const error = await cmsFailure(
      downloadMedia(photos, cacheDir, { baseUrl: cms.baseUrl, retries: 3, retryDelayMs: 10 }),
    );

    expect(error.message).toContain(
      `The CMS refused ${cms.baseUrl}/api/media/file/photo-12-960.webp with HTTP 404`,
    );
    expect(fileRequests().filter((url) => url.pathname.endsWith('960.webp'))).toHaveLength(1);
    expect(await fs.readdir(cacheDir)).not.toContain('photo-12-960.webp');
  });

  it('retries a file after a transient 503', async () => {
    const files = fileHandler();
    let calls = 0;
    cms.handle((req, res, url) => {
      calls += 1;
      if (calls === 1) sendJson(res, 503, {});
      else files(req, res, url);
    });
    const photos = media(makeMedia(13, { sizes: { webp480: rendition('r.webp', 480, 320, 'image/webp') } }));

    expect(await downloadMedia(photos, cacheDir, { baseUrl: cms.baseUrl, ...fast })).toEqual({
      downloaded: 1,
      copied: 0,
      cached: 0,
    });
    expect(cms.requests).toHaveLength(2);
    expect(await fs.readFile(path.join(cacheDir, 'r.webp'))).toEqual(fileBytes('r.webp'));
  });

  it('downloads at most twice `concurrency` files at once', async () => {
    const files = fileHandler();
    cms.handle(async (req, res, url) => {
      await delay(20);
      await files(req, res, url);
    });

    const result = await downloadMedia(media(makeMedia(14), makeMedia(15)), cacheDir, {
      baseUrl: cms.baseUrl,
      concurrency: 1,
    });

    expect(result).toEqual({ downloaded: 14, copied: 0, cached: 0 });
    expect(cms.maxInFlight).toBe(2);
  });

  describe('from the CMS folder on this machine', () => {
    let localDir: string;

    beforeEach(async () => {
      localDir = path.join(tmp, 'cms-media');
      await fs.mkdir(localDir);
    });

    /** The CMS's folder holding these photos' renditions and originals, as Payload writes them. */
    const fill = async (photos: ReturnType<typeof media>, extra: string[] = []) => {
      for (const photo of photos) {
        for (const size of renditions(photo)) {
          await fs.writeFile(path.join(localDir, size.filename), fileBytes(size.filename));
        }
      }
      for (const name of extra) await fs.writeFile(path.join(localDir, name), fileBytes(name));
    };

    it('copies the renditions the documents name, with no request, and nothing else of the folder', async () => {
      const photos = media(makeMedia(1), makeMedia(2));
      // An original, and the renditions of a photo no public document showed (an unpublished work's).
      await fill(media(makeMedia(3)), ['photo-1.jpg']);
      await fill(photos);

      const result = await downloadMedia(photos, cacheDir, { baseUrl: cms.baseUrl }, { localDir });

      expect(result).toEqual({ downloaded: 0, copied: 14, cached: 0 });
      expect(cms.requests).toHaveLength(0);
      const expected = photos.flatMap((photo) => renditions(photo).map((size) => size.filename));
      expect((await fs.readdir(cacheDir)).sort()).toEqual([...expected].sort());
      for (const name of expected)
        expect(await fs.readFile(path.join(cacheDir, name))).toEqual(fileBytes(name));

      expect(await downloadMedia(photos, cacheDir, { baseUrl: cms.baseUrl }, { localDir })).toEqual({
        downloaded: 0,
        copied: 0,
        cached: 14,
      });
    });

    it('fetches over HTTP a file missing from the folder or not the size the CMS gives', async () => {
      const photos = media(makeMedia(4));
      await fill(photos);
      await fs.rm(path.join(localDir, 'photo-4-480.webp'));
      await fs.writeFile(path.join(localDir, 'photo-4-960.webp'), 'being rewritten');

      const result = await downloadMedia(photos, cacheDir, { baseUrl: cms.baseUrl }, { localDir });

      expect(result).toEqual({ downloaded: 2, copied: 5, cached: 0 });
      expect(
        fileRequests()
          .map((url) => url.pathname)
          .sort(),
      ).toEqual(['/api/media/file/photo-4-480.webp', '/api/media/file/photo-4-960.webp']);
      for (const name of await fs.readdir(cacheDir)) {
        expect(await fs.readFile(path.join(cacheDir, name))).toEqual(fileBytes(name));
      }
    });

    it('makes copies, not links: the CMS rewriting its file leaves the built photo as it was', async () => {
      const photos = media(
        makeMedia(5, { sizes: { webp480: rendition('l-480.webp', 480, 320, 'image/webp') } }),
      );
      await fill(photos);

      await downloadMedia(photos, cacheDir, { baseUrl: cms.baseUrl }, { localDir });
      await fs.writeFile(path.join(localDir, 'l-480.webp'), 'rewritten in place');

      expect((await fs.stat(path.join(cacheDir, 'l-480.webp'))).nlink).toBe(1);
      expect(await fs.readFile(path.join(cacheDir, 'l-480.webp'))).toEqual(fileBytes('l-480.webp'));
    });

    it('copies a file of unknown size as it is', async () => {
      const size = { ...rendition('u-480.webp', 480, 320, 'image/webp'), filesize: null };
      const photos = media(makeMedia(6, { sizes: { webp480: size } }));
      await fs.writeFile(path.join(localDir, 'u-480.webp'), 'some bytes');

      expect(await downloadMedia(photos, cacheDir, { baseUrl: cms.baseUrl }, { localDir })).toEqual({
        downloaded: 0,
        copied: 1,
        cached: 0,
      });
      expect(await fs.readFile(path.join(cacheDir, 'u-480.webp'), 'utf8')).toBe('some bytes');
    });

    it('refuses a file name reaching out of the folder before reading anything', async () => {
      await fs.writeFile(path.join(tmp, 'secret.webp'), 'not a photo');
      const size = { ...rendition('../secret.webp', 480, 320, 'image/webp'), filesize: 11 };
      const photos = media(makeMedia(7, { sizes: { webp480: size } }));

      const error = await cmsFailure(downloadMedia(photos, cacheDir, { baseUrl: cms.baseUrl }, { localDir }));

      expect(error.message).toContain('not a plain file name');
      expect(await fs.readdir(cacheDir)).toEqual([]);
      expect(cms.requests).toHaveLength(0);
    });

    it('lets two collections showing the same photo fetch it at once, from the folder or over HTTP', async () => {
      const photos = media(makeMedia(9));
      await fill(photos);
      const results = await Promise.all([
        downloadMedia(photos, cacheDir, { baseUrl: cms.baseUrl }, { localDir }),
        downloadMedia(photos, cacheDir, { baseUrl: cms.baseUrl }, { localDir }),
        downloadMedia(photos, path.join(tmp, 'http'), { baseUrl: cms.baseUrl }),
        downloadMedia(photos, path.join(tmp, 'http'), { baseUrl: cms.baseUrl }),
      ]);
      expect(results.every((result) => result.copied + result.downloaded + result.cached === 7)).toBe(true);
      for (const dir of [cacheDir, path.join(tmp, 'http')]) {
        const names = await fs.readdir(dir);
        expect(names).toHaveLength(7);
        for (const name of names) expect(await fs.readFile(path.join(dir, name))).toEqual(fileBytes(name));
      }
    });

    it('falls back to HTTP for every file when the folder does not exist', async () => {
      const photos = media(makeMedia(8));

      const result = await downloadMedia(
        photos,
        cacheDir,
        { baseUrl: cms.baseUrl },
        { localDir: path.join(tmp, 'no-such-folder') },
      );

      expect(result).toEqual({ downloaded: 7, copied: 0, cached: 0 });
    });
  });

  it('does nothing for no photos, but still creates the cache directory', async () => {
    expect(await downloadMedia([], cacheDir, { baseUrl: cms.baseUrl })).toEqual({
      downloaded: 0,
      copied: 0,
      cached: 0,
    });
    expect((await fs.stat(cacheDir)).isDirectory()).toBe(true);
    expect(cms.requests).toHaveLength(0);
  });
});
