import type { Locale } from './locales';

/**
 * Countries an artisan can be from: every ISO 3166-1 alpha-2 code, plus XK (Kosovo, which the
 * EU and CLDR use though ISO has not assigned it). Guest designers, collectors and partner
 * institutions at a forum in Brussels and a jewellery week in Almaty come from everywhere.
 * Central Asia comes first wherever a curator picks one. Names come from `Intl.DisplayNames`,
 * so every language Oyu speaks gets the official spelling without a hand-kept table.
 */
export const centralAsianCountries = ['KZ', 'KG', 'UZ', 'TJ', 'TM'] as const;
const otherCountries = [
  'AD',
  'AE',
  'AF',
  'AG',
  'AI',
  'AL',
  'AM',
  'AO',
  'AQ',
  'AR',
  'AS',
  'AT',
  'AU',
  'AW',
  'AX',
  'AZ',
  'BA',
  'BB',
  'BD',
  'BE',
  'BF',
  'BG',
  'BH',
  'BI',
  'BJ',
  'BL',
  'BM',
  'BN',
  'BO',
  'BQ',
  'BR',
  'BS',
  'BT',
  'BV',
  'BW',
  'BY',
  'BZ',
  'CA',
  'CC',
  'CD',
  'CF',
  'CG',
  'CH',
  'CI',
  'CK',
  'CL',
  'CM',
  'CN',
  'CO',
  'CR',
  'CU',
  'CV',
  'CW',
  'CX',
  'CY',
  'CZ',
  'DE',
  'DJ',
  'DK',
  'DM',
  'DO',
  'DZ',
  'EC',
  'EE',
  'EG',
  'EH',
  'ER',
  'ES',
  'ET',
  'FI',
  'FJ',
  'FK',
  'FM',
  'FO',
  'FR',
  'GA',
  'GB',
  'GD',
  'GE',
  'GF',
  'GG',
  'GH',
  'GI',
  'GL',
  'GM',
  'GN',
  'GP',
  'GQ',
  'GR',
  'GS',
  'GT',
  'GU',
  'GW',
  'GY',
  'HK',
  'HM',
  'HN',
  'HR',
  'HT',
  'HU',
  'ID',
  'IE',
  'IL',
  'IM',
  'IN',
  'IO',
  'IQ',
  'IR',
  'IS',
  'IT',
  'JE',
  'JM',
  'JO',
  'JP',
  'KE',
  'KH',
  'KI',
  'KM',
  'KN',
  'KP',
  'KR',
  'KW',
  'KY',
  'LA',
  'LB',
  'LC',
  'LI',
  'LK',
  'LR',
  'LS',
  'LT',
  'LU',
  'LV',
  'LY',
  'MA',
  'MC',
  'MD',
  'ME',
  'MF',
  'MG',
  'MH',
  'MK',
  'ML',
  'MM',
  'MN',
  'MO',
  'MP',
  'MQ',
  'MR',
  'MS',
  'MT',
  'MU',
  'MV',
  'MW',
  'MX',
  'MY',
  'MZ',
  'NA',
  'NC',
  'NE',
  'NF',
  'NG',
  'NI',
  'NL',
  'NO',
  'NP',
  'NR',
  'NU',
  'NZ',
  'OM',
  'PA',
  'PE',
  'PF',
  'PG',
  'PH',
  'PK',
  'PL',
  'PM',
  'PN',
  'PR',
  'PS',
  'PT',
  'PW',
  'PY',
  'QA',
  'RE',
  'RO',
  'RS',
  'RU',
  'RW',
  'SA',
  'SB',
  'SC',
  'SD',
  'SE',
  'SG',
  'SH',
  'SI',
  'SJ',
  'SK',
  'SL',
  'SM',
  'SN',
  'SO',
  'SR',
  'SS',
  'ST',
  'SV',
  'SX',
  'SY',
  'SZ',
  'TC',
  'TD',
  'TF',
  'TG',
  'TH',
  'TK',
  'TL',
  'TN',
  'TO',
  'TR',
  'TT',
  'TV',
  'TW',
  'TZ',
  'UA',
  'UG',
  'UM',
  'US',
  'UY',
  'VA',
  'VC',
  'VE',
  'VG',
  'VI',
  'VN',
  'VU',
  'WF',
  'WS',
  'XK',
  'YE',
  'YT',
  'ZA',
  'ZM',
  'ZW',
] as const;

export const countryCodes = [...centralAsianCountries, ...otherCountries] as const;
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

/**
 * Other spellings catalogues and spreadsheets use, in English and Russian: older and longer
 * names, common abbreviations. CLDR's names and the codes themselves are found without these.
 */
const otherNames: Record<string, CountryCode> = {
  usa: 'US',
  'u.s.a.': 'US',
  'u.s.': 'US',
  'united states of america': 'US',
  америка: 'US',
  сша: 'US',
  uk: 'GB',
  'u.k.': 'GB',
  'great britain': 'GB',
  britain: 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'northern ireland': 'GB',
  англия: 'GB',
  'united kingdom of great britain and northern ireland': 'GB',
  'czech republic': 'CZ',
  чехия: 'CZ',
  turkey: 'TR',
  türkiye: 'TR',
  турция: 'TR',
  'russian federation': 'RU',
  'российская федерация': 'RU',
  holland: 'NL',
  голландия: 'NL',
  'kyrgyz republic': 'KG',
  kirghizia: 'KG',
  kirgizstan: 'KG',
  киргизия: 'KG',
  'republic of korea': 'KR',
  korea: 'KR',
  'republic of kazakhstan': 'KZ',
  'республика казахстан': 'KZ',
  'қазақстан республикасы': 'KZ',
  persia: 'IR',
  burma: 'MM',
  'ivory coast': 'CI',
  swaziland: 'SZ',
  macedonia: 'MK',
  vatican: 'VA',
  'vatican city': 'VA',
  'hong kong': 'HK',
  macau: 'MO',
  macao: 'MO',
  'the netherlands': 'NL',
  'people’s republic of china': 'CN',
  "people's republic of china": 'CN',
  prc: 'CN',
  uae: 'AE',
};

const normalise = (text: string) =>
  text.normalize('NFC').trim().toLocaleLowerCase('ru').replace(/\s+/g, ' ').replace(/&/g, 'and');

let byName: Map<string, CountryCode> | undefined;

/**
 * The country a cell names: an ISO code (`KZ`, `kz`), its name in English, Russian or Kazakh
 * (`Kazakhstan`, `Казахстан`, `Қазақстан`) or a spelling catalogues use (`USA`, `Great
 * Britain`); undefined when it names none.
 */
export function findCountry(text: string): CountryCode | undefined {
  if (!byName) {
    byName = new Map();
    for (const [name, code] of Object.entries(otherNames)) byName.set(normalise(name), code);
    const languages = ['en', 'ru', 'kk'] as const;
    const cldr = languages.map(
      (locale) => new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' }),
    );
    for (const code of countryCodes) {
      byName.set(normalise(code), code);
      for (const locale of languages) byName.set(normalise(countryName(code, locale)), code);
      // CLDR's own names where Oyu prefers another (Киргизия) are still understood.
      for (const names of cldr) {
        const name = names.of(code);
        if (name) byName.set(normalise(name), code);
      }
    }
  }
  return byName.get(normalise(text));
}
