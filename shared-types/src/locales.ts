/** The languages Oyu speaks. English is the default and the fallback for missing translations. */
export const locales = ['en', 'ru', 'kk'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'en';

/** Each language's own name for itself, for language switchers. */
export const localeNames: Record<Locale, string> = {
  en: 'English',
  ru: 'Русский',
  kk: 'Қазақша',
};

export function isLocale(value: string): value is Locale {
  return (locales as readonly string[]).includes(value);
}
