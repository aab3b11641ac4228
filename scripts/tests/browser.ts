import fs from 'node:fs';
import { chromiumPath, launchBrowser } from '../lib/browser';
import { onCi } from '../lib/env';

export { chromiumPath, launchBrowser };

/** On CI the browser must be there; elsewhere browser tests are skipped when it is not. */
export const hasBrowser = fs.existsSync(chromiumPath) || onCi;
