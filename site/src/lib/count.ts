/**
 * Numbers as the reader's language writes them: 5,000 in English, 5 000 in Russian and Kazakh
 * (grouped with a no-break space, so a count never breaks over two lines), and at most two
 * decimals, for measures (lib/format.ts).
 *
 * Pages format counts with `Intl.NumberFormat` at build time, one formatter per language
 * (making one costs far more than using one). The browse island formats its live counts in the
 * browser, and there the first `Intl.NumberFormat` of a page starts ICU, a noticeable block of
 * main-thread time on a slow phone, inside the island's hydration (docs/performance.notes.md).
 * So the page hands the island the language's group separator, found with Intl at build time,
 * and the island groups digits itself (`groupDigits`); `site/tests/ui.test.ts` checks the two
 * agree.
 */
const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string): Intl.NumberFormat {
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    formats.set(locale, format);
  }
  return format;
}

/** A count, or a measure such as 12.5 (mm, g). */
export function formatCount(n: number, locale: string): string {
  return numberFormat(locale).format(n);
}

/** What a language puts between groups of three digits: `,` in English, U+00A0 in Russian. */
export function groupSeparator(locale: string): string {
  return (
    numberFormat(locale)
      .formatToParts(1_000_000)
      .find((part) => part.type === 'group')?.value ?? ''
  );
}

/** A whole, non-negative count with its digits grouped in threes: 20000 → 20,000. */
export function groupDigits(n: number, separator: string): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+$)/g, separator);
}
