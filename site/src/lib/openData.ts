import { artisansCsv, worksCsv } from './openData/csv';
import { editionJsonLdGraph } from './openData/jsonLd';
import type { EditionOpenData } from './openData/types';
import type { OpenDataFile } from './routes';

/**
 * Open data of one edition: its works and their artisans, in every language, as CSV, JSON and
 * schema.org JSON-LD. The built site publishes them under /data/<year>/ (src/pages/data) and
 * `pnpm export` writes the same files from the CMS. Nothing here depends on the time of the
 * build, so an unchanged edition gives byte-identical files.
 *
 * The entry of `@oyu/site/open-data`; the parts live in lib/openData/: what the data holds
 * (types.ts), how it is read from the content (edition.ts), and its formats (csv.ts, jsonLd.ts).
 */
export { artisansCsv, csvField, worksCsv } from './openData/csv';
export { editionOpenData, plainText } from './openData/edition';
export { editionJsonLdGraph } from './openData/jsonLd';
export type { EditionOpenData, LanguageContent, OpenArtisan, OpenWork } from './openData/types';

export function editionJson(data: EditionOpenData): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** The files of an edition's open data, by name. */
export function openDataFiles(data: EditionOpenData): Record<OpenDataFile, string> {
  return {
    'works.csv': worksCsv(data),
    'artisans.csv': artisansCsv(data),
    'edition.json': editionJson(data),
    'edition.jsonld': editionJsonLdGraph(data),
  };
}
