import fs from 'node:fs';
import { chromium } from 'playwright-core';

const creds = fs.readFileSync('/tmp/fresh3/data/admin-credentials.txt', 'utf8');
const email = creds.match(/email: (.*)/)[1],
  password = creds.match(/password: (.*)/)[1];
const cms = 'http://localhost:3000';
const login = await (
  await fetch(`${cms}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
).json();
const curatorEmail = `curator-${Date.now()}@oyu.local`;
const created = await fetch(`${cms}/api/users`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: `JWT ${login.token}` },
  body: JSON.stringify({
    email: curatorEmail,
    password: 'a long curator password',
    roles: ['curator'],
    name: 'Test Curator',
  }),
});
console.log('curator', created.status);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
await page.goto(`${cms}/admin`, { waitUntil: 'networkidle' });
await page.fill('input[name="email"]', curatorEmail);
await page.fill('input[name="password"]', 'a long curator password');
await page.click('button[type="submit"]');
await page.waitForURL(/\/admin$/, { timeout: 20000 });
await page.goto(`${cms}/admin/collections/works/create`, { waitUntil: 'networkidle' });
await page.fill('#field-title', 'Browser Test Ring');
await page.locator('#field-artisans').click();
await page.keyboard.type('Aigerim');
await page.waitForTimeout(1500);
await page.keyboard.press('Enter');
await page.getByRole('button', { name: 'Create New' }).first().click();
const media = fs
  .readdirSync('/tmp/fresh3/data/media')
  .filter((f) => /-\d\.jpg$/.test(f))
  .slice(0, 3);
await page
  .locator('input[type=file]')
  .first()
  .setInputFiles(
    media.map((f, i) => ({
      name: `browser-${i + 1}.jpg`,
      mimeType: 'image/jpeg',
      buffer: fs.readFileSync(`/tmp/fresh3/data/media/${f}`),
    })),
  );
await page.waitForTimeout(1000);
for (let i = 0; i < 3; i++) {
  await page.locator('#field-alt').fill(`Browser photo ${i + 1}`);
  if (i < 2) {
    await page
      .locator(
        'button[aria-label="Next"], button.file-selections__header-next, .bulk-upload--actions-bar__controls button',
      )
      .nth(1)
      .click()
      .catch(() => {});
    await page.waitForTimeout(500);
  }
}
await page.screenshot({ path: '/tmp/adm-b1.png' });
await page.getByRole('button', { name: 'Save' }).last().click();
await page.waitForTimeout(4000);
await page.screenshot({ path: '/tmp/adm-b2.png', fullPage: true });
await page
  .getByRole('button', { name: 'Save Draft' })
  .click()
  .catch((e) => console.log('save draft', e.message));
await page.waitForTimeout(3000);
await page.screenshot({ path: '/tmp/adm-b3.png' });
console.log(page.url());
await browser.close();
const works = await (
  await fetch(`${cms}/api/works?draft=true&where[title][equals]=Browser%20Test%20Ring&depth=1`, {
    headers: { authorization: `JWT ${login.token}` },
  })
).json();
console.log(
  works.totalDocs,
  works.docs[0]?._status,
  works.docs[0]?.photos?.map((p) => p.alt),
);
