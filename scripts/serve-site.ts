/**
 * The site server as a process of its own (the static site, and draft previews under
 * /preview/). `pnpm start` runs it under its supervisor (lib/supervise.ts) rather than in its
 * own process: the preview app is third-party code that renders on request, and whatever it or
 * a request does here costs at worst a restart of this process, never the CMS or `pnpm start`.
 *
 *   tsx scripts/serve-site.ts --root <built site> --port <port> [--preview <preview build>]
 *
 * The preview pages read CMS_URL from this process's environment.
 */
import { parseArgs } from 'node:util';
import { info } from './lib/log';
import { loadPreviewApp } from './lib/previewApp';
import { serveSite } from './lib/siteServer';

const { values } = parseArgs({
  options: { root: { type: 'string' }, port: { type: 'string' }, preview: { type: 'string' } },
});
if (!values.root || !values.port) {
  throw new Error('Usage: serve-site.ts --root <built site> --port <port> [--preview <preview build>]');
}
const preview = values.preview ? await loadPreviewApp(values.preview) : undefined;
await serveSite(values.root, Number(values.port), { preview });
info(
  `Serving ${values.root} on http://127.0.0.1:${values.port}/${preview ? ', previews under /preview/' : ''}`,
);
