import { fileURLToPath } from 'node:url';
import node from '@astrojs/node';
import { defineConfig, passthroughImageService } from 'astro/config';
import { readEnv } from './src/env';

/**
 * The draft preview server: the site's own page components, rendered on request for a signed
 * link (src/lib/preview.ts). Built once per code version by scripts/lib/previewApp.ts and
 * mounted at /preview by the site server; it has only the pages in preview/pages.
 */
const env = readEnv();

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

export default defineConfig({
  site: env.siteUrl,
  // A root of its own: its generated types and dev data (preview/.astro) stay apart from the
  // site's, so the two can build or run side by side.
  root: here('./preview'),
  srcDir: here('./preview'),
  publicDir: here('./preview/public'),
  base: '/preview',
  outDir: env.previewOutDir ?? here('./dist-preview'),
  output: 'server',
  adapter: node({ mode: 'middleware' }),
  trailingSlash: 'ignore',
  image: { service: passthroughImageService() },
  // Astro's own Content-Security-Policy, sent as a header with each rendered page: it hashes the
  // page's inline scripts and styles. Photos come through the link (/preview/media/),
  // everything else from /preview/. A draft is never framed.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "frame-ancestors 'none'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      // The photo viewer sets its placeholder colour and aspect ratio in style attributes.
      styleDirective: { resources: ["'self'", { resource: "'unsafe-inline'", kind: 'attribute' }] },
    },
  },
  vite: {
    // Photos go through the preview link (src/lib/paths.ts).
    define: { __OYU_MEDIA_BASE__: JSON.stringify('/preview/media/') },
  },
});
