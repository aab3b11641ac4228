import { type Locale, locales } from '@oyu/shared-types';
import type { APIRoute, GetStaticPaths } from 'astro';
import { artisansIn, editionsIn, showcasesIn, worksIn } from '../../../lib/entries';
import { editionOpenData, type LanguageContent, openDataFiles } from '../../../lib/openData';
import { pageProps } from '../../../lib/pageProps';
import { planned } from '../../../lib/plan';
import { openDataFileNames } from '../../../lib/routes';

/**
 * `/data/<year>/works.csv`, `artisans.csv`, `edition.json`, `edition.jsonld`: the open data of
 * each edition. A partial build writes an edition's again when what they show changed
 * (lib/openDataPlan.ts), and makes only those.
 */
export const getStaticPaths = (async () => {
  const content = Object.fromEntries(
    await Promise.all(
      locales.map(async (locale) => [
        locale,
        {
          works: await worksIn(locale),
          artisans: await artisansIn(locale),
          editions: await editionsIn(locale),
          showcases: await showcasesIn(locale),
        },
      ]),
    ),
  ) as Record<Locale, LanguageContent>;
  const site = new URL(import.meta.env.SITE);
  const years = await planned(
    'openData',
    content.en.editions.flatMap((edition) =>
      openDataFileNames.map((file) => ({ params: { year: String(edition.year), file } })),
    ),
  );
  const wanted = new Set(years.map(({ params }) => Number(params.year)));
  return content.en.editions
    .filter((edition) => wanted.has(edition.year))
    .flatMap((edition) => {
      const data = editionOpenData(edition.year, content, site);
      if (!data) return [];
      return Object.entries(openDataFiles(data)).map(([file, body]) => ({
        params: { year: String(edition.year), file },
        props: { body },
      }));
    });
}) satisfies GetStaticPaths;

export const GET: APIRoute = async (context) =>
  new Response((await pageProps(context as never, getStaticPaths)).body);
