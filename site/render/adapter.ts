import type { AstroIntegration } from 'astro';

/**
 * The render app's adapter: every page is rendered on request, by `render()` in entry.ts,
 * called in-process by the publisher (no HTTP server). Pages keep their `getStaticPaths`:
 * they look their props up through it when rendered this way (lib/pageProps.ts).
 */
export function renderAdapter(): AstroIntegration {
  return {
    name: 'oyu-render',
    hooks: {
      // The error page says why a page failed (500.astro); only the render app has it.
      'astro:config:setup': ({ injectRoute }) => {
        injectRoute({ pattern: '/500', entrypoint: new URL('./500.astro', import.meta.url) });
      },
      'astro:config:done': ({ setAdapter }) => {
        setAdapter({
          name: 'oyu-render',
          entrypointResolution: 'auto',
          serverEntrypoint: new URL('./entry.ts', import.meta.url),
          adapterFeatures: { buildOutput: 'server' },
          supportedAstroFeatures: { serverOutput: 'stable', staticOutput: 'stable', hybridOutput: 'stable' },
        });
      },
      'astro:route:setup': ({ route }) => {
        route.prerender = false;
      },
    },
  };
}
