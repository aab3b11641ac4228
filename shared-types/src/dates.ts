/**
 * Dates as catalogues write them ("c. 1890", "1890s", "early 20th century", "1976 (designed),
 * 1978 (manufactured)", "ок. 1890", "XIX век", "4th century BC"), read into the earliest and
 * latest years that filters, sorting and linked data use. The text itself is kept for people;
 * this only finds the years, and says nothing (undefined) when it cannot tell.
 */
export type YearRange = { from: number; to: number; circa: boolean };

const roman: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };

function fromRoman(text: string): number | undefined {
  let total = 0;
  const digits = text.toLowerCase().split('');
  for (const [index, digit] of digits.entries()) {
    const value = roman[digit];
    const next = roman[digits[index + 1] ?? ''] ?? 0;
    if (!value) return undefined;
    total += value < next ? -value : value;
  }
  return total || undefined;
}

/** Words that say a date is approximate, in English, Russian and Kazakh. */
const circaWords =
  /(^|[\s(])(c|ca)\.?\s*(?=\d)|\b(circa|about|approx|approximately)\b|(^|\s)(ок|около|прибл|примерно|шамамен)\.?(?=\s|$|\d)|\?/iu;
/** Words that say the numbers are centuries: "century", "19th c.", "век", "вв.", "ғасыр". */
const centuryWords = /centur|cent\.|\d(?:st|nd|rd|th)\s*c\b|век|вв?\.|(^|\s)в(?=\s|$)|ғасыр|ғ\./iu;
/** Words that put a year before the common era. */
const bceWords = /\b(bc|bce|b\.c\.|b\.c\.e\.)|до\s*н\.?\s*э\.?|б\.?\s*з\.?\s*д\.?/i;

/** Which part of a century: "early", "first half", "начало", "конец"… as a slice of its 100 years. */
function part(text: string): [number, number] {
  const t = text.toLowerCase();
  if (/first half|1st half|перв\S* половин|бірінші жартысы/.test(t)) return [0, 49];
  if (/second half|2nd half|втор\S* половин|екінші жартысы/.test(t)) return [50, 99];
  if (/early|beginning|начал|басы/.test(t)) return [0, 32];
  if (/\bmid|middle|середин|ортасы/.test(t)) return [33, 66];
  if (/late|end of|конец|конца|соңы/.test(t)) return [67, 99];
  return [0, 99];
}

function century(n: number, text: string, bce: boolean): [number, number] {
  const [start, end] = part(text);
  if (bce) return [-(n * 100 - start), -(n * 100 - end)];
  return [(n - 1) * 100 + 1 + start, (n - 1) * 100 + 1 + end];
}

export function parseDate(text: string): YearRange | undefined {
  const source = text.normalize('NFC').trim();
  if (!source) return undefined;
  const circa = circaWords.test(source);
  const bce = bceWords.test(source);
  const sign = bce ? -1 : 1;

  // Centuries: "20th century", "4th–3rd century BC", "XIX век", "IV–III вв. до н. э.", "XIX ғасыр".
  if (centuryWords.test(source) && !/\d{3,4}/.test(source)) {
    const arabic = [...source.matchAll(/(?<!\d)(\d{1,2})(?!\d)/g)].map((match) => Number(match[1]));
    const romans = [...source.matchAll(/(?<![\p{L}])([IVXLC]{1,6})(?![\p{L}])/gu)]
      .map((match) => fromRoman(match[1] ?? ''))
      .filter((n): n is number => Boolean(n));
    const numbers = [...arabic, ...romans].filter((n) => n >= 1 && n <= 21);
    if (numbers.length) {
      const years = numbers.flatMap((n) => century(n, source, bce));
      return { from: Math.min(...years), to: Math.max(...years), circa };
    }
  }

  // Decades: "1890s", "1890-е", "1890-ші жылдар".
  const decade = source.match(/(?<!\d)(\d{3})0\s*(?:'?s(?![\p{L}])|-?(?:е|х|ые|ых|ші|шы)(?![\p{L}]))/iu);
  if (decade) {
    const start = Number(`${decade[1]}0`) * sign;
    return { from: Math.min(start, start + 9 * sign), to: Math.max(start, start + 9 * sign), circa };
  }

  // Years: "1890", "1890–1900", "1976 (designed), 1978 (manufactured)", "400 BC".
  const numbers = [...source.matchAll(/(?<!\d)(\d{1,4})(?!\d)/g)].map((match) => Number(match[1]));
  const [first, ...rest] = numbers;
  if (first === undefined) return undefined;
  // "1890–95": the second year keeps the first's century.
  const full = [
    first,
    ...rest.map((year) => (year < 100 && first >= 1000 ? Math.floor(first / 100) * 100 + year : year)),
  ]
    // Day numbers and other small figures are not years, unless before the common era.
    .filter((year) => year > 0 && (bce || year >= 100))
    .map((year) => year * sign);
  if (!full.length) return undefined;
  return { from: Math.min(...full), to: Math.max(...full), circa };
}
