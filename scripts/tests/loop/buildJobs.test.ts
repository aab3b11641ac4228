import { buildPhases } from '@oyu/shared-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildKind } from '../../lib/rebuild';
import { hasBrowser, launchBrowser } from '../browser';
import { adminToken, buildRecord, sleep, startRebuild } from './cms';
import { liveFingerprint, liveRelease } from './site';
import { type OwnStack, ownStack } from './stack';

/** Builds the CMS runs as jobs, their history and rollback: an install of its own. */
let stack: OwnStack;

/** Asks the CMS for a rebuild and follows its record to the end, noting the phases it went through. */
async function rebuildAndWait(token: string) {
  const id = await startRebuild(stack, token);
  let record = await buildRecord(stack, id, token);
  const phases = new Set<string>();
  for (let i = 0; i < 900 && ['queued', 'running'].includes(record.status); i++) {
    await sleep(200);
    record = await buildRecord(stack, id, token);
    if (record.phase) phases.add(record.phase);
  }
  return { record, phases };
}

let edits = 0;
/**
 * Changes a published work's English title, as a curator would between builds: a build with
 * nothing to change keeps the live one (see buildRelease.ts) and makes no new release.
 */
async function editAWork(token: string) {
  const headers = { 'content-type': 'application/json', authorization: `JWT ${token}` };
  const found = (await (
    await fetch(`${stack.cmsUrl}/api/works?where[_status][equals]=published&sort=id&limit=1&depth=0`, {
      headers,
    })
  ).json()) as { docs: { id: number; title: string }[] };
  const work = found.docs[0];
  if (!work) throw new Error('no published work to edit');
  edits += 1;
  const title = `${work.title.replace(/ \(edit \d+\)$/, '')} (edit ${edits})`;
  const patched = await fetch(`${stack.cmsUrl}/api/works/${work.id}?locale=en`, {
    method: 'PATCH',
    headers,
    body: JSON.stringify({ title }),
  });
  expect(patched.status).toBe(200);
}

/** Builds through the job until the history holds `count`, as an install in use would. */
async function fillBuildHistory(token: string, count: number) {
  const history = (await (
    await fetch(`${stack.cmsUrl}/api/site-builds?where[status][equals]=succeeded&limit=1&depth=0`, {
      headers: { authorization: `JWT ${token}` },
    })
  ).json()) as { totalDocs: number };
  for (let built = history.totalDocs; built < count; built++) {
    await editAWork(token);
    const { record } = await rebuildAndWait(token);
    expect(record.status, record.error).toBe('succeeded');
  }
}

describe('build jobs', () => {
  beforeAll(async () => {
    stack = await ownStack('build-jobs');
  }, 180_000);
  afterAll(async () => {
    await stack?.stop();
  }, 30_000);

  it('rebuilds as a job when an admin asks, keeps the history, and puts an earlier build back', async () => {
    const token = await adminToken(stack);
    expect(
      (await fetch(`http://127.0.0.1:${stack.cmsPort}/api/site-builds/rebuild`, { method: 'POST' })).status,
    ).toBe(403);
    const rebuild = async () => {
      await editAWork(token);
      return rebuildAndWait(token);
    };
    const first = await rebuild();
    expect(first.record.status, first.record.error).toBe('succeeded');
    expect(first.record.live).toBe(true);
    expect(first.record.release).toBe(liveRelease(stack.outDir));
    expect(first.record.pages).toBe(stack.htmlFiles().length);
    // The record followed the build by its events as it went: phases of the shared list, in
    // its order; the pages it wrote, counted as Astro wrote them; the plan it followed; the
    // log at the end.
    expect(first.phases.size).toBeGreaterThan(0);
    const order = [...first.phases].map((phase) => buildPhases.indexOf(phase as never));
    expect(order, [...first.phases].join(', ')).not.toContain(-1);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(first.record.pagesTotal).toBeGreaterThan(0);
    expect(first.record.pagesDone).toBe(first.record.pagesTotal);
    expect(first.record.mode).toMatch(/^(full|partial)$/);
    expect(first.record.reason).toBeTruthy();
    expect(buildKind(first.record)).toMatch(/^(full|partial) build/);
    expect(first.record.log).toContain(`published build ${first.record.release}`);
    const firstPage = stack.read('en/index.html');
    const firstFingerprint = liveFingerprint(stack.outDir);

    const second = await rebuild();
    expect(second.record.status, second.record.error).toBe('succeeded');
    expect(second.record.release).not.toBe(first.record.release);
    expect(liveRelease(stack.outDir)).toBe(second.record.release);
    expect((await buildRecord(stack, first.record.id, token)).live).toBe(false);

    // Nothing changed since: the live build stays, and the history says so.
    const secondFingerprint = liveFingerprint(stack.outDir);
    const same = await rebuildAndWait(token);
    expect(same.record.status, same.record.error).toBe('succeeded');
    expect(same.record.release).toBe(second.record.release);
    expect(liveRelease(stack.outDir)).toBe(second.record.release);
    expect([same.record.mode, same.record.rendered]).toEqual(['partial', 0]);
    expect(same.record.reason).toBe(`nothing changed since build ${second.record.release}, which stays live`);
    expect(liveFingerprint(stack.outDir)).toBe(secondFingerprint);
    expect((await buildRecord(stack, same.record.id, token)).live).toBe(true);
    expect((await buildRecord(stack, second.record.id, token)).live).toBe(false);

    // Rollback: the first build is live again, byte for byte, and the history says so.
    const back = await fetch(`http://127.0.0.1:${stack.cmsPort}/api/site-builds/${first.record.id}/publish`, {
      method: 'POST',
      headers: { authorization: `JWT ${token}` },
    });
    expect(back.status).toBe(200);
    expect(liveRelease(stack.outDir)).toBe(first.record.release);
    expect(stack.read('en/index.html')).toBe(firstPage);
    expect(liveFingerprint(stack.outDir)).toBe(firstFingerprint);
    expect((await buildRecord(stack, first.record.id, token)).live).toBe(true);
    expect((await buildRecord(stack, second.record.id, token)).live).toBe(false);
    expect((await buildRecord(stack, same.record.id, token)).live).toBe(false);
  }, 300_000);

  it.runIf(hasBrowser)(
    'lets an organiser rebuild from the Site page of the admin and watch it finish',
    async () => {
      const cms = `http://127.0.0.1:${stack.cmsPort}`;
      const token = await adminToken(stack);
      const organiser = { email: `organiser-${Date.now()}@oyu.test`, password: 'a long organiser password' };
      const account = await fetch(`${cms}/api/users`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
        body: JSON.stringify({ ...organiser, roles: ['organiser'], name: 'Site Organiser' }),
      });
      expect(account.status).toBe(201);
      await fillBuildHistory(token, 2);
      const before = liveRelease(stack.outDir);
      const { browser, close } = await launchBrowser();
      try {
        const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
        await page.goto(`${cms}/admin`, { waitUntil: 'networkidle' });
        await page.fill('input[name="email"]', organiser.email);
        await page.fill('input[name="password"]', organiser.password);
        await page.click('button[type="submit"]');
        await page.waitForURL(/\/admin$/, { timeout: 30_000 });
        // The navigation offers the page (organisers and admins only).
        expect(await page.locator('a[href="/admin/site"]').count()).toBe(1);
        await page.goto(`${cms}/admin/site`, { waitUntil: 'networkidle' });
        const latest = (await (
          await fetch(`${cms}/api/site-builds?sort=-id&limit=1&depth=0`, {
            headers: { authorization: `JWT ${token}` },
          })
        ).json()) as { docs: { id: number }[] };
        const next = (latest.docs[0]?.id ?? 0) + 1;
        await editAWork(token);
        await page.getByRole('button', { name: 'Rebuild the site' }).click();
        // The panel follows the new build to its end and shows the result.
        await page.waitForSelector(`#current-build:has-text("#${next} · published")`, { timeout: 120_000 });
        const release = liveRelease(stack.outDir);
        expect(release).not.toBe(before);
        const heading = await page.locator('#current-build').textContent();
        const id = Number(heading?.match(/#(\d+)/)?.[1]);
        expect((await buildRecord(stack, id, token)).release).toBe(release);
        expect(await page.locator('pre').textContent()).toContain(`published build ${release}`);
        // Earlier kept builds can be put back from the history.
        expect(await page.getByRole('button', { name: 'Put this build back' }).count()).toBeGreaterThan(0);
        expect(await page.locator('table tbody tr').count()).toBeGreaterThanOrEqual(3);
      } finally {
        await close();
      }
    },
    180_000,
  );
});
