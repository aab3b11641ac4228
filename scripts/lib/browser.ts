import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium (apt package `chromium`, which .ci/run installs). Playwright's own browser download cannot run here. */
export const chromiumPath = '/usr/bin/chromium';

/** Headless Chromium with a fresh profile (Playwright makes and removes it) and no calls home. */
export async function launchBrowser(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
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
  return { browser, close: () => browser.close() };
}
