import type { Locale } from '@oyu/shared-types';
import type { APIRoute, GetStaticPaths } from 'astro';
import { localePath } from '../../../i18n/ui';
import { browseItem } from '../../../lib/browse';
import { packBrowseData } from '../../../lib/browseData';
import { worksIn } from '../../../lib/entries';
import { mediaPath } from '../../../lib/paths';
import { perLanguage } from '../../../lib/plan';

/**
 * `/<lang>/browse/works.json`: every published work of a language, for the browse island
 * (format in lib/browseData.ts). Planned like the browse page: rendered whenever it is.
 */
export const getStaticPaths = (() => perLanguage('[lang]/browse/works.json')) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const lang = params.lang as Locale;
  const works = await worksIn(lang);
  const data = packBrowseData(
    works.map((work) => browseItem(work, lang)),
    { pages: localePath(lang, '/works/'), media: mediaPath('') },
  );
  return new Response(JSON.stringify(data), { headers: { 'content-type': 'application/json' } });
};
