import type { Locale } from './locales';

/**
 * Countries an artisan can be from, as ISO 3166-1 alpha-2 codes: Central Asia first, then the
 * neighbours who take part in the forum, then Europe. Names come from `Intl.DisplayNames`, so
 * every language Oyu speaks gets the official spelling without a hand-kept table.
 */
export const centralAsianCountries = ['KZ', 'KG', 'UZ', 'TJ', 'TM'] as const;
export const neighbouringCountries = ['AF', 'AM', 'AZ', 'CN', 'GE', 'IR', 'MN', 'RU', 'TR'] as const;
export const europeanCountries = [
  'AT',
  'BE',
  'BG',
  'CH',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'ES',
  'FI',
  'FR',
  'GB',
  'GR',
  'HR',
  'HU',
  'IE',
  'IS',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'NO',
  'PL',
  'PT',
  'RO',
  'RS',
  'SE',
  'SI',
  'SK',
  'UA',
] as const;

export const countryCodes = [
  ...centralAsianCountries,
  ...neighbouringCountries,
  ...europeanCountries,
] as const;
export type CountryCode = (typeof countryCodes)[number];

export function isCountryCode(value: string): value is CountryCode {
  return (countryCodes as readonly string[]).includes(value);
}

const displayNames = new Map<Locale, Intl.DisplayNames>();

/**
 * Names the region itself uses where CLDR's differ: Kyrgyzstan is «Кыргызстан» in its own
 * official Russian (CLDR has «Киргизия»).
 */
const preferredNames: Partial<Record<Locale, Partial<Record<CountryCode, string>>>> = {
  ru: { KG: 'Кыргызстан' },
};

/** The country's name in the given language, e.g. `countryName('KZ', 'kk')` → "Қазақстан". */
export function countryName(code: CountryCode, locale: Locale): string {
  const preferred = preferredNames[locale]?.[code];
  if (preferred) return preferred;
  let names = displayNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
    displayNames.set(locale, names);
  }
  return names.of(code) ?? code;
}
