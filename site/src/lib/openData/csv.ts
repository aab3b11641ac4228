import { locales } from '@oyu/shared-types';
import type { EditionOpenData, Localized, OpenWork } from './types';

/* CSV (RFC 4180, UTF-8 with a byte-order mark so that spreadsheet programs read Cyrillic). */

type Cell = string | number | null | undefined;

/** One CSV field. Text that a spreadsheet would run as a formula gets a leading apostrophe. */
export function csvField(value: Cell): string {
  if (value == null) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csv(header: string[], rows: Cell[][]): string {
  return `\ufeff${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

const perLanguage = (name: string) => locales.map((locale) => `${name}.${locale}`);
const values = (value: Localized | null) => locales.map((locale) => value?.[locale] ?? '');
const joined = (list: Localized[]) => locales.map((locale) => list.map((item) => item[locale]).join('; '));

/** The works table's columns; `workRow` gives a work's cells in the same order. */
const workColumns = [
  'id',
  'slug',
  'url',
  ...perLanguage('title'),
  'artisans',
  'artisan_slugs',
  'artisan_roles',
  ...perLanguage('collections'),
  ...perLanguage('piece_type'),
  ...perLanguage('materials'),
  ...perLanguage('gemstones'),
  ...perLanguage('techniques'),
  'colours',
  ...perLanguage('date'),
  'year_from',
  'year_to',
  'circa',
  'fineness_per_mille',
  'weight_g',
  'height_mm',
  'width_mm',
  'depth_mm',
  'diameter_mm',
  'edition_type',
  'edition_size',
  'credit_line',
  'licence',
  'rights_holder',
  'images',
  ...perLanguage('description'),
];

function workRow(work: OpenWork): Cell[] {
  return [
    work.id,
    work.slug,
    work.url,
    ...values(work.title),
    work.artisans.map((artisan) => artisan.name).join('; '),
    work.artisans.map((artisan) => artisan.slug).join('; '),
    work.artisans.map((artisan) => artisan.role).join('; '),
    ...joined(work.collections),
    ...values(work.pieceType),
    ...joined(work.materials),
    ...joined(work.gemstones),
    ...joined(work.techniques),
    work.colours.join('; '),
    ...values(work.date),
    work.yearFrom,
    work.yearTo,
    work.circa ? 'true' : 'false',
    work.finenessPerMille,
    work.weightGrams,
    work.heightMm,
    work.widthMm,
    work.depthMm,
    work.diameterMm,
    work.editionType,
    work.editionSize,
    work.creditLine,
    work.licence,
    work.rightsHolder,
    work.images.join(' '),
    ...values(work.description),
  ];
}

export function worksCsv(data: EditionOpenData): string {
  return csv(workColumns, data.works.map(workRow));
}

export function artisansCsv(data: EditionOpenData): string {
  return csv(
    [
      'id',
      'slug',
      'url',
      'name',
      'country',
      ...perLanguage('country_name'),
      'city',
      'birth_year',
      'death_year',
      'disciplines',
      'website',
      'image',
      ...perLanguage('bio'),
    ],
    data.artisans.map((artisan) => [
      artisan.id,
      artisan.slug,
      artisan.url,
      artisan.name,
      artisan.country,
      ...values(artisan.countryName),
      artisan.city,
      artisan.birthYear,
      artisan.deathYear,
      artisan.disciplines.join('; '),
      artisan.website,
      artisan.image,
      ...values(artisan.bio),
    ]),
  );
}
