import { licences, type Work } from '@oyu/shared-types';

/** Human-readable facts of a work, in English; translations come with the localized pages. */

const number = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

export function formatDimensions(dimensions: Work['dimensions']): string | undefined {
  if (!dimensions) return undefined;
  const parts = [
    dimensions.heightMm && `H ${number.format(dimensions.heightMm)}`,
    dimensions.widthMm && `W ${number.format(dimensions.widthMm)}`,
    dimensions.depthMm && `D ${number.format(dimensions.depthMm)}`,
    dimensions.diameterMm && `Ø ${number.format(dimensions.diameterMm)}`,
  ].filter(Boolean);
  return parts.length ? `${parts.join(' × ')} mm` : undefined;
}

export function formatYear(year: Work['year']): string | undefined {
  if (!year?.from) return undefined;
  return year.to && year.to !== year.from ? `${year.from}–${year.to}` : String(year.from);
}

export function formatEdition(work: Pick<Work, 'editionType' | 'editionSize'>): string | undefined {
  if (work.editionType === 'edition' && work.editionSize) return `Edition of ${work.editionSize}`;
  if (work.editionType === 'unique') return 'Unique piece';
  return undefined;
}

export function formatLicence(licence: Work['licence']): string | undefined {
  return licence ? licences[licence].en : undefined;
}

export function joinLabels(terms: { label: string }[]): string | undefined {
  return terms.length ? terms.map((term) => term.label).join(', ') : undefined;
}

export function formatArtisans(artisans: { name: string }[]): string {
  return new Intl.ListFormat('en', { type: 'conjunction' }).format(artisans.map((a) => a.name));
}
