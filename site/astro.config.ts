import { fileURLToPath } from 'node:url';
import react from '@astrojs/react';
import type { AstroIntegration } from 'astro';
import { defineConfig, passthroughImageService } from 'astro/config';
import { readEnv } from './src/env';
import { restoreFrozen } from './src/lib/archive';
import { emitBuildEvent, oyuProgress, reportingFailures } from './src/lib/buildEvents';
import { sitePages } from './src/lib/checkLinks';
import { builtEditions, frozenStore, recordGoodBuild } from './src/lib/goodBuild';
import { oyuMedia } from './src/lib/mediaIntegration';
import { fillFromBase, type PartialOutput, rewrittenFiles } from './src/lib/partialOutput';
import { mediaCacheDir } from './src/lib/paths';
import { buildPlan, describeChanged } from './src/lib/plan';
import { oyuSearch } from './src/lib/searchIntegration';
import { pagesCameOrWent, sitemapIntegration, writeSitemap } from './src/lib/sitemap';

const env = readEnv();

/**
 * In a partial build, the live build it started from and the files it wrote itself; every
 * other file is the base's, already checked and indexed when the base was built.
 */
async function partialBuild(outDir: string): Promise<PartialOutput | undefined> {
  const { plan } = await buildPlan();
  if (plan.mode !== 'partial' || !env.baseRelease) return undefined;
  return {
    baseDir: env.baseRelease,
    rewritten: await rewrittenFiles(outDir, env.baseRelease),
    removed: plan.removed,
  };
}

const search = oyuSearch({ typesOnly: env.typesOnly, partial: partialBuild });

/** Checks a build that completed, then records its counts for the next build's drop guard. */
async function recordGood(outDir: string) {
  const { data, next } = await buildPlan();
  await recordGoodBuild(outDir, {
    env,
    partial: await partialBuild(outDir),
    data,
    next,
    searchIndexed: search.indexed,
  });
}

/**
 * The sitemap (src/lib/sitemap.ts): a full build's from every page it rendered; a partial
 * build keeps the live one unless pages came or went, and then writes it from every page of
 * its output, as a full build would.
 */
function oyuSitemap(): AstroIntegration {
  const integration = sitemapIntegration();
  const done = integration.hooks['astro:build:done'];
  return {
    ...integration,
    hooks: {
      ...integration.hooks,
      'astro:build:done': async (options) => {
        const { plan } = await buildPlan();
        if (plan.mode === 'full') return done?.(options);
        if (!env.baseRelease || !(await pagesCameOrWent(plan, env.baseRelease))) return;
        const outDir = fileURLToPath(options.dir);
        await writeSitemap(outDir, env.siteUrl, await sitePages(outDir));
      },
    },
  };
}

export default defineConfig({
  site: env.siteUrl,
  output: 'static',
  ...(env.outDir ? { outDir: env.outDir } : {}),
  ...(env.cacheDir ? { cacheDir: env.cacheDir } : {}),
  trailingSlash: 'always',
  // Photos are encoded once, by the CMS at upload. The passthrough service guarantees that no
  // Astro image component re-encodes anything during a build.
  image: { service: passthroughImageService() },
  integrations: [
    // Tells whoever runs the build how many pages are written (src/lib/buildEvents.ts).
    oyuProgress(),
    // The build's last steps, in order. Each says why it failed to whoever runs the build.
    // First, a partial build takes every page it did not render from the live build it
    // started from.
    reportingFailures({
      name: 'oyu-incremental',
      hooks: {
        'astro:build:done': async ({ dir, logger }) => {
          if (env.typesOnly) return;
          const { plan } = await buildPlan();
          if (plan.mode === 'full') {
            emitBuildEvent({ type: 'plan', mode: 'full', reason: plan.reason });
            logger.info(`full build: ${plan.reason}`);
            return;
          }
          const taken = await fillFromBase(fileURLToPath(dir), env.baseRelease as string, plan.removed);
          const changed = plan.pages.size ? describeChanged(plan) : 'changed: nothing';
          emitBuildEvent({ type: 'plan', mode: 'partial', rendered: plan.pages.size, reason: changed });
          logger.info(
            `partial build: rendered ${plan.pages.size} pages, took ${taken} files from the live build; ${changed}`,
          );
        },
      },
    }),
    // Then frozen editions' pages go back over the new ones.
    reportingFailures({
      name: 'oyu-archive',
      hooks: {
        'astro:build:done': async ({ dir, logger }) => {
          if (env.typesOnly) return;
          const restored = await restoreFrozen(
            fileURLToPath(dir),
            frozenStore(env),
            builtEditions((await buildPlan()).data).frozen,
          );
          if (restored.length) logger.info(`kept the frozen pages of edition ${restored.join(', ')}`);
        },
      },
    }),
    react(),
    // One sitemap for every language, each URL listing its translations.
    oyuSitemap(),
    // Before oyuMedia, whose last step records the build as good.
    reportingFailures(search.integration),
    reportingFailures(
      oyuMedia({
        cacheDir: mediaCacheDir(env.mediaCacheDir),
        typesOnly: env.typesOnly,
        partial: partialBuild,
        onDone: recordGood,
      }),
    ),
  ],
  devToolbar: { enabled: false },
});
