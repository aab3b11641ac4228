import node from '@astrojs/node';
import { defineConfig, passthroughImageService } from 'astro/config';
import { readEnv } from './src/env';

/**
 * The draft preview server: the site's own page components, rendered on request for a signed
 * link (src/lib/preview.ts). Built once per code version by scripts/lib/previewApp.ts and
 * mounted at /preview by the site server; it has only the pages in preview/pages.
 */
const env = readEnv();

export default defineConfig({
  site: env.siteUrl,
  srcDir: './preview',
  base: '/preview',
  outDir: env.previewOutDir ?? './dist-preview',
  output: 'server',
  adapter: node({ mode: 'middleware' }),
  trailingSlash: 'ignore',
  image: { service: passthroughImageService() },
  vite: {
    // Photos go through the preview link (src/lib/paths.ts).
    define: { __OYU_MEDIA_BASE__: JSON.stringify('/preview/media/') },
  },
});
