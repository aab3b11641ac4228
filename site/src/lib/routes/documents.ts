import type { Locale } from '@oyu/shared-types';
import { artisanPath, collectionPath, editionPath, workPath } from './pages';
import { fileOfPath, routeFile } from './table';

/**
 * Documents and the pages that show them: what the incremental planner, and anything that
 * renders only the pages a change touches, works from.
 */

/** The kinds of document with a page of their own, as the CMS names them (a link's `relationTo`). */
export const documentKinds = ['works', 'artisans', 'showcases', 'editions'] as const;
export type DocumentKind = (typeof documentKinds)[number];

export const isDocumentKind = (kind: string): kind is DocumentKind =>
  (documentKinds as readonly string[]).includes(kind);

/**
 * A document's own page in a language, from what its address needs (a slug, an edition's
 * year); undefined when the document lacks it.
 */
export function documentPath(
  kind: DocumentKind,
  lang: Locale,
  doc: { slug?: string | undefined; year?: number | undefined },
): string | undefined {
  const { slug, year } = doc;
  if (kind === 'editions') return year === undefined ? undefined : editionPath(lang, { year });
  if (slug === undefined) return undefined;
  if (kind === 'works') return workPath(lang, { slug });
  if (kind === 'artisans') return artisanPath(lang, { slug });
  return collectionPath(lang, { slug });
}

/**
 * The files that show every work of a language, rendered whenever any work changes: the home
 * page (counts, featured works), the browse page and the browse island's data.
 */
export function allWorksFiles(lang: Locale): string[] {
  return [routeFile('home', { lang }), routeFile('browse', { lang }), routeFile('browseData', { lang })];
}

/** What a work's membership pages need of it: its editions' years and its makers' slugs. */
export type WorkMembership = {
  editions?: { year: number }[] | undefined;
  artisans?: { slug: string }[] | undefined;
};

/**
 * The pages that list a work by membership rather than by a link its own page shows: its
 * editions' and its makers' pages.
 */
export function memberFiles(lang: Locale, work: WorkMembership): string[] {
  return [
    ...(work.editions ?? []).map((edition) => fileOfPath(editionPath(lang, edition))),
    ...(work.artisans ?? []).map((maker) => fileOfPath(artisanPath(lang, maker))),
  ];
}
