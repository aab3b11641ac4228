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

export function formatYear(year: Work['year']): string | undefined {
  if (!year?.from) return undefined;
  return year.to && year.to !== year.from ? `${year.from}–${year.to}` : String(year.from);
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
