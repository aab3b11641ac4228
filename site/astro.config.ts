import fs from 'node:fs/promises';
import path from 'node:path';
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';
import { defineConfig, passthroughImageService } from 'astro/config';
import { readEnv } from './src/env';
import { brokenLinksMessage, findBrokenLinks } from './src/lib/checkLinks';
import { oyuMedia } from './src/lib/mediaIntegration';
import { mediaCacheDir } from './src/lib/paths';
import { oyuSearch } from './src/lib/searchIntegration';
import { promoteSnapshot, snapshotDir, writeLastGoodBuild } from './src/lib/snapshot';

const env = readEnv();

/** Checks a build that completed, then records its counts for the next build's drop guard. */
async function recordGoodBuild(outDir: string) {
  const broken = await findBrokenLinks(outDir);
  if (broken.length) throw new Error(`The site was not published: ${brokenLinksMessage(broken)}`);
  const works = await fs.readdir(path.join(outDir, 'en', 'works')).catch(() => []);
  const dir = snapshotDir(env.snapshotDir);
  if (!env.fromSnapshot) await promoteSnapshot(dir);
  await writeLastGoodBuild(dir, { finishedAt: new Date().toISOString(), publishedWorks: works.length });
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
    react(),
    // One sitemap for every language, each URL listing its translations.
    sitemap({
      filter: (page) => !page.endsWith('/404/'),
      i18n: { defaultLocale: 'en', locales: { en: 'en', ru: 'ru', kk: 'kk' } },
    }),
    // Before oyuMedia, whose last step records the build as good.
    oyuSearch({ typesOnly: env.typesOnly }),
    oyuMedia({
      cacheDir: mediaCacheDir(env.mediaCacheDir),
      typesOnly: env.typesOnly,
      onDone: recordGoodBuild,
    }),
  ],
  devToolbar: { enabled: false },
});
