import { fileURLToPath } from 'node:url';
import react from '@astrojs/react';
import { defineConfig, passthroughImageService } from 'astro/config';
import { renderAdapter } from './render/adapter';
import { readEnv } from './src/env';

/**
 * The render app: the site's own pages (src/pages), built once per code version as a server
 * bundle, so that the publisher renders only the pages a change touches without running a
 * whole `astro build` (scripts/lib/renderApp.ts builds it, src/publish/ uses it). What shapes
 * a page's bytes (site, trailingSlash, image service, React) must match astro.config.ts:
 * scripts/tests/loop/publish.test.ts compares the two byte for byte.
 *
 * Built with OYU_TYPES_ONLY=1, so its content loaders read nothing: the publisher hands the
 * pages their documents (src/lib/siteData.ts).
 */
const env = readEnv();

export default defineConfig({
  site: env.siteUrl,
  output: 'server',
  outDir: env.renderOutDir ?? fileURLToPath(new URL('./dist-render', import.meta.url)),
  ...(env.cacheDir ? { cacheDir: `${env.cacheDir}-render` } : {}),
  adapter: renderAdapter(),
  trailingSlash: 'always',
  image: { service: passthroughImageService() },
  integrations: [react()],
  devToolbar: { enabled: false },
});
