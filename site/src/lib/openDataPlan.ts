import { locales } from '@oyu/shared-types';
import { jsonHash } from './jsonHash';
import { openDataFileNames, routeFile } from './routes';

/**
 * Which editions' open data (data/<year>/…, lib/openData.ts) a partial build writes again. An
 * edition's files show its works in every language, their makers, the collections they are
 * in and the edition itself: each build's data index (lib/incremental.ts) keeps a hash of
 * those documents' entries by year, and the files of a year whose hash changed are rendered
 * (5 MB an edition at M: rendering every edition's on each edit took most of a second).
 * Makers, collections and editions count whole, for every year: their edits are rare, and a
 * maker's works are not looked up.
 */
type Doc = Record<string, unknown> & { id?: number; year?: number };
type Entries = Record<string, { hash: string }>;

/** The hash of each edition's open data inputs, by year (`DataIndex.openData`). */
export function openDataHashes(data: Map<string, Doc[]>, docs: Entries): Record<string, string> {
  const entry = (key: string) => `${key}:${docs[key]?.hash}`;
  const whole = Object.keys(docs)
    .filter((key) => /^oyu-(artisans|collections|editions)\./.test(key))
    .sort()
    .map(entry);
  // The works of each edition, in any language (an edition's files list its works by id).
  const worksOf = new Map<number, Set<number>>();
  for (const locale of locales) {
    for (const work of data.get(`oyu-works.${locale}`) ?? []) {
      for (const edition of (work.editions as { id?: number }[] | undefined) ?? []) {
        if (typeof edition?.id !== 'number' || typeof work.id !== 'number') continue;
        const works = worksOf.get(edition.id) ?? new Set();
        works.add(work.id);
        worksOf.set(edition.id, works);
      }
    }
  }
  const hashes: Record<string, string> = {};
  for (const edition of data.get('oyu-editions.en') ?? []) {
    if (typeof edition.year !== 'number' || typeof edition.id !== 'number') continue;
    const works = [...(worksOf.get(edition.id) ?? [])].sort((a, b) => a - b);
    hashes[String(edition.year)] = jsonHash([
      whole,
      locales.flatMap((locale) => works.map((id) => entry(`oyu-works.${locale}/${id}`))),
    ]);
  }
  return hashes;
}

/** The open data files of the years whose inputs changed (all of them without a record). */
export function changedOpenData(
  base: Record<string, string> | undefined,
  next: Record<string, string> | undefined,
): string[] {
  return Object.entries(next ?? {})
    .filter(([year, value]) => base?.[year] !== value)
    .flatMap(([year]) => openDataFileNames.map((file) => routeFile('openData', { year, file })));
}
