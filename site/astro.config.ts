import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';
import { EditionSchema, ShowcaseSchema } from '@oyu/shared-types';
import type { AstroIntegration } from 'astro';
import { defineConfig, passthroughImageService } from 'astro/config';
import { readEnv } from './src/env';
import { captureFrozen, frozenEditions, restoreFrozen } from './src/lib/archive';
import { emitBuildEvent, oyuProgress, reportingFailures } from './src/lib/buildEvents';
import { brokenLinksMessage, scanLinks } from './src/lib/checkLinks';
import {
  cspIndexFile,
  dataIndexFile,
  fillFromBase,
  type LinkIndex,
  linkIndexFile,
  type PartialOutput,
  pageLinks,
  rewrittenFiles,
} from './src/lib/incremental';
import { readJson } from './src/lib/jsonFile';
import { oyuMedia } from './src/lib/mediaIntegration';
import { mediaCacheDir } from './src/lib/paths';
import { buildPlan } from './src/lib/plan';
import { notFoundPath } from './src/lib/routes';
import { oyuSearch } from './src/lib/searchIntegration';
import { headersFile, type InlineHashes, mergeHashes, securityHeaders } from './src/lib/securityHeaders';
import { promoteSnapshot, snapshotDir, writeLastGoodBuild } from './src/lib/snapshot';

const env = readEnv();

/** The editions and collections of this build (read once, with the build's plan). */
async function builtData() {
  const { data } = await buildPlan();
  return {
    frozen: frozenEditions((data.get('oyu-editions.en') ?? []).map((doc) => EditionSchema.parse(doc))),
    showcases: (data.get('oyu-collections.en') ?? []).map((doc) => ShowcaseSchema.parse(doc)),
  };
}
const frozenStore = () => path.join(path.dirname(snapshotDir(env.snapshotDir)), 'frozen');

/**
 * In a partial build, the live build it started from and the files it wrote itself; every
 * other file is the base's, already checked and indexed when the base was built.
 */
async function partialBuild(outDir: string): Promise<PartialOutput | undefined> {
  const { plan } = await buildPlan();
  if (plan.mode !== 'partial' || !env.baseRelease) return undefined;
  return { baseDir: env.baseRelease, rewritten: await rewrittenFiles(outDir, env.baseRelease) };
}

const search = oyuSearch({ typesOnly: env.typesOnly, partial: partialBuild });

/** Checks a build that completed, then records its counts for the next build's drop guard. */
async function recordGoodBuild(outDir: string) {
  const partial = await partialBuild(outDir);
  const baseLinks = partial
    ? await readJson<LinkIndex>(path.join(partial.baseDir, linkIndexFile))
    : undefined;
  const { broken, links, hashes } = await scanLinks(
    outDir,
    partial && baseLinks ? { rewritten: partial.rewritten, links: baseLinks } : undefined,
  );
  if (broken.length) throw new Error(`The site was not published: ${brokenLinksMessage(broken)}`);
  // The security headers: the inline scripts and styles of the pages written now, and of
  // those taken from the base (whose hashes it recorded).
  const baseHashes = partial
    ? await readJson<InlineHashes>(path.join(partial.baseDir, cspIndexFile))
    : undefined;
  const allHashes = mergeHashes(hashes, baseHashes);
  await fs.writeFile(path.join(outDir, cspIndexFile), JSON.stringify(allHashes));
  await fs.writeFile(path.join(outDir, '_headers'), headersFile(securityHeaders(allHashes, env.siteUrl)));
  // The search index is made beside the photos and this check: the build is good once it is.
  await search.indexed();
  // What the next build needs to render only what changes.
  const { next } = await buildPlan();
  const pageLinkIndex = Object.fromEntries(
    Object.entries(links).map(([page, found]) => [page, pageLinks(found)]),
  );
  await fs.writeFile(path.join(outDir, dataIndexFile), JSON.stringify(next));
  await fs.writeFile(path.join(outDir, linkIndexFile), JSON.stringify(pageLinkIndex));
  // Editions frozen since the last build keep the pages this build wrote.
  const { frozen, showcases } = await builtData();
  const captured = await captureFrozen(outDir, frozenStore(), frozen, showcases);
  if (captured.length) console.info(`[oyu-archive] froze the pages of edition ${captured.join(', ')}`);
  const works = await fs.readdir(path.join(outDir, 'en', 'works')).catch(() => []);
  const dir = snapshotDir(env.snapshotDir);
  if (!env.fromSnapshot) await promoteSnapshot(dir);
  await writeLastGoodBuild(dir, { finishedAt: new Date().toISOString(), publishedWorks: works.length });
}

/** An integration whose last step runs only when the whole site was rendered. */
function onlyInFullBuilds(integration: AstroIntegration): AstroIntegration {
  const done = integration.hooks['astro:build:done'];
  return {
    ...integration,
    hooks: {
      ...integration.hooks,
      'astro:build:done': async (options) => {
        if ((await buildPlan()).plan.mode === 'full') await done?.(options);
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
          const taken = await fillFromBase(fileURLToPath(dir), env.baseRelease as string);
          const changed = `changed: ${plan.changed.length ? plan.changed.join(', ') : 'nothing'}`;
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
          const restored = await restoreFrozen(fileURLToPath(dir), frozenStore(), (await builtData()).frozen);
          if (restored.length) logger.info(`kept the frozen pages of edition ${restored.join(', ')}`);
        },
      },
    }),
    react(),
    // One sitemap for every language, each URL listing its translations. A partial build
    // keeps the live one: it has the same pages.
    onlyInFullBuilds(
      sitemap({
        filter: (page) => !page.endsWith(notFoundPath()),
        i18n: { defaultLocale: 'en', locales: { en: 'en', ru: 'ru', kk: 'kk' } },
      }),
    ),
    // Before oyuMedia, whose last step records the build as good.
    reportingFailures(search.integration),
    reportingFailures(
      oyuMedia({
        cacheDir: mediaCacheDir(env.mediaCacheDir),
        typesOnly: env.typesOnly,
        partial: partialBuild,
        onDone: recordGoodBuild,
      }),
    ),
  ],
  devToolbar: { enabled: false },
});
