import { type Locale, locales, parseDate } from '@oyu/shared-types';
import { paragraphs } from '../seed/paragraphs';
import type { Say } from './types';

/** The items of a list cell: `gold; silver`. */
export const list = (value: string | undefined) =>
  (value ?? '')
    .split(';')
    .map((item) => item.trim())
    .filter(Boolean);

/** A cell as it is compared with labels: case and spacing do not count. */
export const norm = (value: string) => value.trim().toLocaleLowerCase('ru').replace(/\s+/g, ' ');

/** Labels in every language and codes of a fixed list, mapped to its codes. */
export function fixedList(labels: Record<string, Record<Locale, string>>) {
  const map = new Map<string, string>();
  for (const [code, byLocale] of Object.entries(labels)) {
    map.set(norm(code), code);
    for (const label of Object.values(byLocale)) map.set(norm(label), code);
  }
  return map;
}

/** A year cell: a whole number or nothing. Which years a field takes is the collection's rule. */
export function yearCell(cell: string | undefined, problem: (message: string) => void): number | undefined {
  if (!cell) return undefined;
  const year = Number(cell.replace(/\s/g, ''));
  if (Number.isInteger(year)) return year;
  problem(
    `"${cell}" is not a year: write it in figures, e.g. 1890 (negative for BC); put "c. 1890" or "early 20th century" in the date column`,
  );
  return undefined;
}

/** Number cells of a row. Only whether a cell is a number: what numbers a field takes is the collection's rule. */
export const numberCells =
  (v: Record<string, string>, at: Say) =>
  (column: string): number | undefined => {
    if (!v[column]) return undefined;
    const n = Number(v[column]?.replace(',', '.'));
    if (!Number.isFinite(n)) {
      at(column, `"${v[column]}" is not a number`);
      return undefined;
    }
    return n;
  };

/** A text cell in one language: `city.ru`, and for English the plain `city` as well. */
export const localizedCell = (v: Record<string, string>, column: string, locale: Locale) =>
  v[`${column}.${locale}`] || (locale === 'en' ? v[column] : undefined) || undefined;

/** The `status` cell: draft (when empty) or published. */
export function statusCell(v: Record<string, string>, at: Say): string {
  const status = v.status || 'draft';
  if (!['draft', 'published'].includes(status)) at('status', `"${status}" must be draft or published`);
  return status;
}

/** A row's fields in each language. */
export const eachLocale = (
  fields: (locale: Locale) => Record<string, unknown>,
): Record<Locale, Record<string, unknown>> =>
  Object.fromEntries(locales.map((locale) => [locale, fields(locale)])) as Record<
    Locale,
    Record<string, unknown>
  >;

/** A long text cell as rich text: a blank line starts a paragraph. */
export const paragraphsCell = (text: string) => paragraphs(text.split(/\n\s*\n/));

const yes = new Set(['yes', 'y', 'true', '1', 'x', 'c', 'ca', 'circa', 'да', 'д', 'иә', 'и']);
const no = new Set(['no', 'n', 'false', '0', 'нет', 'н', 'жоқ', 'ж']);

/**
 * The date columns: `date` (`date.ru`, `date.kk`) as the catalogue words it, `year_from` and
 * `year_to`, `circa`. Without years, they are read from the English words ("c. 1890" is 1890,
 * approximate); years that are given win.
 */
export function dateCells(
  v: Record<string, string>,
  problem: Say,
): { year: Record<string, unknown>; display: Partial<Record<Locale, string>> } {
  const display: Partial<Record<Locale, string>> = {
    en: v.date || v['date.en'] || undefined,
    ru: v['date.ru'] || undefined,
    kk: v['date.kk'] || undefined,
  };
  let from = yearCell(v.year_from, (message) => problem('year_from', message));
  let to = yearCell(v.year_to, (message) => problem('year_to', message));
  const circaCell = norm(v.circa ?? '');
  let circa = yes.has(circaCell) ? true : no.has(circaCell) || !circaCell ? undefined : null;
  if (circa === null) {
    problem('circa', `"${v.circa}" is neither yes nor no`);
    circa = undefined;
  }
  const source = display.en ?? display.ru ?? display.kk;
  if (from === undefined && to === undefined && source && !v.year_from && !v.year_to) {
    const read = parseDate(source);
    if (read) {
      from = read.from;
      to = read.to !== read.from ? read.to : undefined;
      circa ??= read.circa || undefined;
    }
  }
  return { year: { display: display.en, from, to, circa }, display };
}
