import { type Locale, licences, type Work } from '@oyu/shared-types';
import { ui } from '../i18n/ui';
import { formatCount } from './count';

/** Human-readable facts of a work in the reader's language. */

const number = (locale: Locale, value: number) => formatCount(value, locale);

export function formatDimensions(dimensions: Work['dimensions'], locale: Locale): string | undefined {
  if (!dimensions) return undefined;
  const parts = [
    dimensions.heightMm && `H ${number(locale, dimensions.heightMm)}`,
    dimensions.widthMm && `W ${number(locale, dimensions.widthMm)}`,
    dimensions.depthMm && `D ${number(locale, dimensions.depthMm)}`,
    dimensions.diameterMm && `Ø ${number(locale, dimensions.diameterMm)}`,
  ].filter(Boolean);
  return parts.length ? `${parts.join(' × ')} ${ui(locale).mm}` : undefined;
}

export function formatWeight(grams: number | null | undefined, locale: Locale): string | undefined {
  return grams ? `${number(locale, grams)} ${ui(locale).grams}` : undefined;
}

/** A year as people read it: 400 BC for −400 (there is no year 0). */
export function formatYearNumber(year: number, locale: Locale): string {
  return year < 0 ? `${-year} ${ui(locale).bce}` : String(year);
}

/**
 * A work's date: the catalogue's own words when the curator gave them ("c. 1890", "early 20th
 * century"), otherwise its years, "c." before them when they are approximate.
 */
export function formatYear(year: Work['year'], locale: Locale): string | undefined {
  if (year?.display) return year.display;
  if (typeof year?.from !== 'number') return undefined;
  const from = formatYearNumber(year.from, locale);
  const range =
    typeof year.to === 'number' && year.to !== year.from
      ? `${from}–${formatYearNumber(year.to, locale)}`
      : from;
  return year.circa ? `${ui(locale).circa} ${range}` : range;
}

/** An artisan's years: "1846–1920", "born 1987". */
export function formatLifeYears(
  birthYear: number | null | undefined,
  deathYear: number | null | undefined,
  locale: Locale,
): string | undefined {
  if (typeof deathYear === 'number') {
    const death = formatYearNumber(deathYear, locale);
    return typeof birthYear === 'number' ? `${formatYearNumber(birthYear, locale)}–${death}` : `† ${death}`;
  }
  return typeof birthYear === 'number'
    ? `${ui(locale).born} ${formatYearNumber(birthYear, locale)}`
    : undefined;
}

export function formatEdition(
  work: Pick<Work, 'editionType' | 'editionSize'>,
  locale: Locale,
): string | undefined {
  const t = ui(locale);
  if (work.editionType === 'edition' && work.editionSize) return t.editionOf(work.editionSize);
  if (work.editionType === 'unique') return t.uniquePiece;
  return undefined;
}

export function formatLicence(licence: Work['licence'], locale: Locale): string | undefined {
  return licence ? licences[licence][locale] : undefined;
}

export function formatArtisans(artisans: { name: string }[], locale: Locale): string {
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(artisans.map((a) => a.name));
}
