/**
 * `pnpm export [--edition <year>] [--out <folder>]`: the open data of each edition (or one) —
 * works.csv, artisans.csv, edition.json and edition.jsonld, as the site publishes them under
 * /data/<year>/ — read from the CMS's public API into data/exports/<year>/.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type Locale, locales } from '@oyu/shared-types';
// The site's own modules: the CMS client (the one module that reads the CMS) and the files.
import {
  type CmsClientOptions,
  fetchArtisans,
  fetchEditions,
  fetchShowcases,
  fetchWorks,
} from '@oyu/site/cms-client';
import { editionOpenData, type LanguageContent, openDataFiles } from '@oyu/site/open-data';
import { readScriptEnv } from './lib/env';
import { formatDuration, info } from './lib/log';

const started = performance.now();
try {
  const { values } = parseArgs({
    options: { edition: { type: 'string' }, out: { type: 'string' }, 'cms-url': { type: 'string' } },
  });
  const env = readScriptEnv();
  const cmsUrl = values['cms-url'] ?? env.cmsUrl ?? `http://localhost:${env.cmsPort}`;
  const siteUrl = env.siteUrl ?? `http://localhost:${env.sitePort}`;
  const out = path.resolve(values.out ?? path.join(env.dataDir, 'exports'));
  const content = Object.fromEntries(
    await Promise.all(
      locales.map(async (locale) => {
        const client: CmsClientOptions = { baseUrl: cmsUrl, locale };
        const [works, artisans, editions, showcases] = await Promise.all([
          fetchWorks(client),
          fetchArtisans(client),
          fetchEditions(client),
          fetchShowcases(client),
        ]);
        return [locale, { works, artisans, editions, showcases }];
      }),
    ),
  ) as Record<Locale, LanguageContent>;
  const years = values.edition
    ? [Number(values.edition)]
    : content.en.editions.map((edition) => edition.year).sort((a, b) => a - b);
  for (const year of years) {
    const data = editionOpenData(year, content, new URL(siteUrl));
    if (!data) {
      const known = content.en.editions.map((edition) => edition.year).join(', ');
      throw new Error(`There is no published edition ${values.edition} (published: ${known || 'none'}).`);
    }
    const dir = path.join(out, String(year));
    await fs.mkdir(dir, { recursive: true });
    for (const [file, body] of Object.entries(openDataFiles(data)))
      await fs.writeFile(path.join(dir, file), body);
    info(`  ${year}: ${data.works.length} works, ${data.artisans.length} artisans → ${dir}`);
  }
  info(`Exported ${years.length} edition(s) in ${formatDuration(performance.now() - started)}.`);
} catch (error) {
  info(`\n${(error as Error).message}`);
  process.exitCode = 1;
}
