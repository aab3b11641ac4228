import type { Locale } from '@oyu/shared-types';
import type { APIRoute, GetStaticPaths } from 'astro';
import { browseFile } from '../../../lib/entries';
import { perLanguage } from '../../../lib/plan';

/**
 * `/<lang>/browse/works.json`: every published work of a language, for the browse island
 * (format in lib/browseData.ts). Planned like the browse page: rendered whenever it is.
 */
export const getStaticPaths = (() => perLanguage('browseData')) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { json } = await browseFile(params.lang as Locale);
  return new Response(json, { headers: { 'content-type': 'application/json' } });
};
