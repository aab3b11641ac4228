import type { Locale } from '@oyu/shared-types';

/** "10–20 September 2026" in the reader's language, from the CMS's ISO dates. */
export function formatDateRange(
  start: string | null | undefined,
  end: string | null | undefined,
  locale: Locale,
) {
  if (!start) return undefined;
  const format = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return end ? format.formatRange(new Date(start), new Date(end)) : format.format(new Date(start));
}

/** "27 Nov, 14:30 GMT+5": a moment, with its time zone, for a deadline such as a link's expiry. */
export function formatMoment(iso: string, locale: Locale, timeZone?: string) {
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso));
}
