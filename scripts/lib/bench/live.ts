import crypto from 'node:crypto';
import { mapLimit } from '@oyu/shared-types';
import { artisanPath, browseDataPath, workPath } from '@oyu/site/routes';
import { freePort } from '../processes';
import { siteFolders } from '../siteBuild';
import { siteServerSpec } from '../siteProcess';
import { supervise } from '../supervise';
import type { LiveFigures } from './result';
import { RestClient } from './seedRest';

/**
 * Changes timed as a visitor sees them, on the stack as `pnpm start` wires it: the CMS with its
 * automatic rebuild on and the countdown at 0, and the site server serving the live release
 * over HTTP. A change is written through the REST API as an organiser would write it, and the
 * clock runs from the write's answer until the site server answers every page that shows the
 * change with it, whichever way the CMS got it there.
 */

/** How often the pages are asked for again: the figures' resolution, and little load beside a build. */
const pollMs = 100;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Check = { name: string; path: string; shows: (body: string) => boolean };

/** What the live measurements share: the site server, and the admin and an organiser signed in. */
export type LiveStack = { siteUrl: string; admin: RestClient; organiser: RestClient };

/** The site server, run as `pnpm start` runs it, serving the install's live release. */
export async function startSiteServer(dataDir: string) {
  const port = await freePort();
  const server = await supervise(siteServerSpec({ root: siteFolders(dataDir).live, port }), {
    log: () => {},
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => server.stop() };
}

/** A new organiser account, signed in: organisers edit and publish every work. */
export async function signedInOrganiser(admin: RestClient): Promise<RestClient> {
  const email = `bench-organiser-${Date.now()}@oyu.example`;
  const password = crypto.randomBytes(18).toString('base64url');
  await admin.call('POST', '/api/users', { email, password, roles: ['organiser'] });
  const organiser = new RestClient(admin.baseUrl);
  await organiser.login(email, password);
  return organiser;
}

/** Site settings → automatic rebuild, with its countdown; then no build left to run. */
export async function setAutoRebuild(stack: LiveStack, on: boolean, delaySeconds = 0) {
  const before = await lastBuildId(stack.admin);
  await stack.organiser.call('POST', '/api/globals/site-settings?depth=0', {
    autoRebuild: on,
    autoRebuildDelaySeconds: delaySeconds,
  });
  // Switching it on is a change too: the build it starts is left to finish.
  await buildsAfter(stack.admin, before);
}

type BuildRecord = {
  id: number;
  status: string;
  durationMs?: number | null;
  mode?: string | null;
  rendered?: number | null;
  reason?: string | null;
};

/** "partial, 12 pages rendered (changed: …)" or "full (…)", as the build's record says. */
function kindOf(build: BuildRecord): string {
  if (build.mode === 'partial')
    return `partial, ${build.rendered ?? 0} pages rendered (${build.reason ?? ''})`;
  if (build.mode === 'full') return `full (${build.reason ?? ''})`;
  return 'kind not recorded';
}

/** The id of the last build the CMS recorded (0 when none). */
async function lastBuildId(admin: RestClient): Promise<number> {
  const json = (await admin.call('GET', '/api/site-builds?sort=-id&limit=1&depth=0&select[id]=true')) as {
    docs: { id: number }[];
  };
  return json.docs[0]?.id ?? 0;
}

/**
 * Waits until the CMS has no build queued or running, then returns the builds recorded after
 * `afterId`. A countdown of 0 asks for its build right after the write, so a short quiet spell
 * with nothing queued means nothing more will come.
 */
async function buildsAfter(admin: RestClient, afterId: number, timeoutMs = 3_600_000) {
  const started = performance.now();
  let quiet = 0;
  for (;;) {
    const json = (await admin.call(
      'GET',
      `/api/site-builds?where[id][greater_than]=${afterId}&sort=id&limit=0&depth=0&select[log]=false`,
    )) as { docs: BuildRecord[] };
    const busy = json.docs.filter((build) => build.status === 'queued' || build.status === 'running');
    quiet = busy.length ? 0 : quiet + 1;
    if (quiet >= 3) return json.docs;
    if (performance.now() - started > timeoutMs) {
      throw new Error(`The CMS's builds were still running ${timeoutMs / 1000} s after a change`);
    }
    await sleep(busy.length ? 500 : 200);
  }
}

/**
 * Asks the site server for each page until it shows the change (one request after another, as
 * one visitor reloading would), timing each from `since`.
 */
async function untilServed(siteUrl: string, checks: Check[], since: number, timeoutMs: number) {
  const seconds = new Map<Check, number>();
  while (seconds.size < checks.length) {
    for (const check of checks) {
      if (seconds.has(check)) continue;
      const response = await fetch(`${siteUrl}${check.path}`);
      const body = await response.text();
      if (response.ok && check.shows(body)) seconds.set(check, (performance.now() - since) / 1000);
    }
    if (performance.now() - since > timeoutMs) {
      const missing = checks.filter((check) => !seconds.has(check)).map((check) => check.path);
      throw new Error(`${missing.join(', ')}: not showing the change ${timeoutMs / 1000} s after it`);
    }
    await sleep(pollMs);
  }
  return checks.map((check) => ({
    name: check.name,
    path: check.path,
    seconds: Math.round((seconds.get(check) ?? 0) * 100) / 100,
  }));
}

/** Makes sure no page shows the change before it is made: else the clock would time nothing. */
async function notYetServed(siteUrl: string, checks: Check[]) {
  for (const check of checks) {
    const response = await fetch(`${siteUrl}${check.path}`);
    if (response.ok && check.shows(await response.text())) {
      throw new Error(`${check.path} shows the change before it is made`);
    }
  }
}

/** The write, timed; then the pages, until they show it; then the builds the CMS ran for it. */
async function timeLive(
  stack: LiveStack,
  checks: Check[],
  write: () => Promise<unknown>,
  timeoutMs: number,
): Promise<LiveFigures> {
  await notYetServed(stack.siteUrl, checks);
  const before = await lastBuildId(stack.admin);
  const sent = performance.now();
  await write();
  const answered = performance.now();
  const pages = await untilServed(stack.siteUrl, checks, answered, timeoutMs);
  const builds = await buildsAfter(stack.admin, before);
  const failed = builds.find((build) => build.status !== 'succeeded');
  if (failed) throw new Error(`The CMS's build ${failed.id} after the change ${failed.status}`);
  return {
    pages,
    seconds: Math.max(...pages.map((page) => page.seconds)),
    writeMs: Math.round(answered - sent),
    builds: builds.map((build) => ({
      id: build.id,
      seconds: Math.round((build.durationMs ?? 0) / 10) / 100,
      kind: kindOf(build),
    })),
  };
}

/** A published work as the edit needs it: its Kazakh title and its maker's page. */
type EditedWork = { id: number; slug: string; title: string; artisans: { slug: string }[] };

/** The edit's mark, a new one each time, so that no page can show it before the edit. */
const editMark = / \(түзету \w+\)$/;

/**
 * A published work's Kazakh title corrected through the REST API, as a curator fixing a typo
 * would; live once the Kazakh work page, its artisan's Kazakh page and the Kazakh browse data
 * show the new title.
 */
export async function editLive(stack: LiveStack, workId: number, timeoutMs: number): Promise<LiveFigures> {
  const work = (await stack.admin.call(
    'GET',
    `/api/works/${workId}?locale=kk&fallback-locale=none&depth=1`,
  )) as EditedWork;
  const artisan = work.artisans[0]?.slug;
  if (!artisan) throw new Error(`Work ${workId} has no artisan to check the edit on`);
  const title = `${work.title.replace(editMark, '')} (түзету ${Date.now().toString(36)})`;
  const html = escapeHtml(title);
  const checks: Check[] = [
    { name: 'kk work page', path: workPath('kk', work), shows: (body) => body.includes(html) },
    {
      name: "kk artisan's page",
      path: artisanPath('kk', { slug: artisan }),
      shows: (body) => body.includes(html),
    },
    {
      name: 'kk browse data',
      path: browseDataPath('kk'),
      shows: (body) => body.includes(JSON.stringify(title)),
    },
  ];
  return timeLive(
    stack,
    checks,
    () => stack.organiser.call('PATCH', `/api/works/${workId}?locale=kk&depth=0`, { title }),
    timeoutMs,
  );
}

/** What a new work copies from a published one: everything but its slug and titles. */
type WorkShape = {
  id: number;
  artisans: number[];
  photos: number[];
  pieceType: number;
  materials: number[];
  techniques: number[];
  year: { from: number };
  editions: number[];
  licence: string;
};

const publishedSlug = (n: number) => `bench-publish-${n}`;
const publishedTitle = (n: number) => ({
  en: `Published together No. ${n}`,
  ru: `Опубликовано вместе № ${n}`,
  kk: `Бірге жарияланды № ${n}`,
});
const languages = ['en', 'ru', 'kk'] as const;

/**
 * `count` draft works (each like a published one, in three languages), published in one
 * request, the bulk `PATCH /api/works?where=…` an import or a bulk edit in the admin makes; live
 * once a sample of their pages (every tenth, in turn in each language) and the browse data
 * (every one of them) are served. Taken away again afterwards (see `removePublished`).
 */
export async function publishLive(stack: LiveStack, count: number, timeoutMs: number) {
  await removePublished(stack);
  const shapes = (await stack.admin.call(
    'GET',
    `/api/works?limit=${count}&depth=0&sort=id&where[_status][equals]=published`,
  )) as { docs: WorkShape[] };
  const numbers = Array.from({ length: count }, (_, i) => i + 1);
  const ids = await mapLimit(numbers, 2, (n) =>
    createDraft(stack.admin, shapes.docs[(n - 1) % shapes.docs.length] as WorkShape, n),
  );
  const sample = numbers.filter((n) => n % 10 === 1 || count < 10);
  const checks: Check[] = sample.map((n, i) => {
    const locale = languages[i % languages.length] ?? 'en';
    const html = escapeHtml(publishedTitle(n)[locale]);
    return {
      name: `${locale} page of work ${n}`,
      path: workPath(locale, { slug: publishedSlug(n) }),
      shows: (body: string) => body.includes(html),
    };
  });
  checks.push({
    name: `en browse data (all ${count})`,
    path: browseDataPath('en'),
    shows: (body) => ids.every((_, i) => body.includes(JSON.stringify(publishedSlug(i + 1)))),
  });
  const live = await timeLive(
    stack,
    checks,
    async () => {
      const answer = (await stack.organiser.call(
        'PATCH',
        `/api/works?where[id][in]=${ids.join(',')}&limit=${count}&depth=0`,
        { _status: 'published' },
      )) as { docs: unknown[]; errors: unknown[] };
      if (answer.errors.length || answer.docs.length !== count) {
        throw new Error(
          `Publishing ${count} works published ${answer.docs.length}: ${JSON.stringify(answer.errors).slice(0, 500)}`,
        );
      }
    },
    timeoutMs,
  );
  return { ...live, works: count };
}

/**
 * One draft like `shape`, in three languages; its id. The translations are saved on the
 * document itself, still a draft (not as newer draft versions, `?draft=true`): publishing
 * publishes the document as it is, and would leave such versions behind.
 */
async function createDraft(admin: RestClient, shape: WorkShape, n: number): Promise<number> {
  const title = publishedTitle(n);
  const { id: _, ...copied } = shape;
  const created = (await admin.call('POST', '/api/works?locale=en&depth=0', {
    ...copied,
    slug: publishedSlug(n),
    title: title.en,
    _status: 'draft',
  })) as { doc: { id: number } };
  for (const locale of ['ru', 'kk'] as const) {
    await admin.call('PATCH', `/api/works/${created.doc.id}?locale=${locale}&depth=0`, {
      title: title[locale],
      _status: 'draft',
    });
  }
  return created.doc.id;
}

/**
 * Takes the works `publishLive` made away again, with the automatic rebuild off, and puts back
 * the build that was live before them (rollback, as on the Site page): the site and the CMS
 * then hold the dataset again, for the steps after this one, without a build.
 */
export async function removePublished(stack: LiveStack, liveBefore?: number) {
  await stack.admin.call('DELETE', '/api/works?where[slug][like]=bench-publish-&limit=0');
  if (liveBefore) await stack.organiser.call('POST', `/api/site-builds/${liveBefore}/publish`);
}

/** The build the site serves now, from the CMS's history. */
export async function liveBuildId(admin: RestClient): Promise<number | undefined> {
  const json = (await admin.call('GET', '/api/site-builds?where[live][equals]=true&limit=1&depth=0')) as {
    docs: { id: number }[];
  };
  return json.docs[0]?.id;
}

/** Text as it appears in the HTML of a page. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
