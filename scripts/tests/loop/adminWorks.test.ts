import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasBrowser, launchBrowser } from '../browser';
import { adminToken } from './cms';
import { demoArtisans } from './demo';
import { type OwnStack, ownStack } from './stack';

/** A curator at work in the admin. It publishes a work: an install of its own. */
let stack: OwnStack;

describe.runIf(hasBrowser)('works in the admin', () => {
  beforeAll(async () => {
    stack = await ownStack('admin-works');
  }, 180_000);
  afterAll(async () => {
    await stack?.stop();
  }, 30_000);

  it.runIf(hasBrowser)(
    'lets a curator create a work in the admin: three photos dropped at once, a draft, then published',
    async () => {
      const cms = `http://127.0.0.1:${stack.cmsPort}`;
      const token = await adminToken(stack);
      const curator = { email: `curator-${Date.now()}@oyu.test`, password: 'a long curator password' };
      const account = await fetch(`${cms}/api/users`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
        body: JSON.stringify({ ...curator, roles: ['curator'], name: 'Browser Curator' }),
      });
      expect(account.status).toBe(201);

      const { browser, close } = await launchBrowser();
      try {
        const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
        await page.goto(`${cms}/admin`, { waitUntil: 'networkidle' });
        await page.fill('input[name="email"]', curator.email);
        await page.fill('input[name="password"]', curator.password);
        await page.click('button[type="submit"]');
        await page.waitForURL(/\/admin$/, { timeout: 30_000 });
        await page.goto(`${cms}/admin/collections/works/create`, { waitUntil: 'networkidle' });
        await page.fill('#field-title', 'Browser Test Ring');
        await page.locator('#field-artisans').click();
        await page.keyboard.type(demoArtisans[0]?.name.split(' ')[0] ?? '');
        await page.getByRole('option', { name: demoArtisans[0]?.name }).click();
        // Bulk upload: three files dropped into the photos field at once, an alt text each.
        await page.getByRole('button', { name: 'Create New' }).first().click();
        const mediaDir = path.join(stack.dataDir, 'media');
        const originals = fs
          .readdirSync(mediaDir)
          .filter((file) => /-\d\.jpg$/.test(file))
          .slice(0, 3);
        await page
          .locator('input[type=file]')
          .first()
          .setInputFiles(
            originals.map((file, i) => ({
              name: `browser-${i + 1}.jpg`,
              mimeType: 'image/jpeg',
              buffer: fs.readFileSync(path.join(mediaDir, file)),
            })),
          );
        for (const i of [1, 2, 3]) {
          await page.getByText(`browser-${i}.jpg`).first().click();
          await page.locator('#field-alt').fill(`Browser photo ${i}`);
        }
        await page.getByRole('button', { name: 'Save', exact: true }).last().click();
        await expect
          .poll(() => page.locator('text=browser-3.jpg').count(), { timeout: 30_000 })
          .toBeGreaterThan(0);
        // Autosave keeps a draft; the public cannot see it.
        await page.waitForURL(/\/admin\/collections\/works\/\d+/, { timeout: 30_000 });
        const id = page.url().match(/works\/(\d+)/)?.[1];
        const query = `/api/works?where[title][equals]=Browser%20Test%20Ring&draft=true&depth=1`;
        await expect
          .poll(
            async () =>
              (
                (await (
                  await fetch(`${cms}${query}`, { headers: { authorization: `JWT ${token}` } })
                ).json()) as { totalDocs: number }
              ).totalDocs,
            { timeout: 30_000 },
          )
          .toBe(1);
        expect(((await (await fetch(`${cms}${query}`)).json()) as { totalDocs: number }).totalDocs).toBe(0);
        await page.getByRole('button', { name: 'Publish changes' }).click();
        await expect
          .poll(async () => (await fetch(`${cms}/api/works/${id}?depth=1`)).status, { timeout: 30_000 })
          .toBe(200);
        const work = (await (await fetch(`${cms}/api/works/${id}?depth=1`)).json()) as {
          photos: { alt: string }[];
          createdBy: { email?: string } | number;
        };
        expect(work.photos.map((photo) => photo.alt)).toEqual([
          'Browser photo 1',
          'Browser photo 2',
          'Browser photo 3',
        ]);
      } finally {
        await close();
      }
    },
    120_000,
  );
});
