import { defaultLocale } from '@oyu/shared-types';
import { type TextareaFieldValidation, type TextFieldSingleValidation, text, textarea } from 'payload/shared';
/** Field validators with messages that say what to fix. */

export function validateWebUrl(value: unknown): true | string {
  if (value === null || value === undefined || value === '') return true;
  if (typeof value !== 'string') return 'Enter a web address.';
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      return 'Use a web address starting with https:// (or http://).';
    }
    return true;
  } catch {
    return 'Enter a full web address, e.g. https://example.com/name.';
  }
}

export function validateEmail(value: unknown): true | string {
  if (value === null || value === undefined || value === '') return true;
  return typeof value === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)
    ? true
    : 'Enter an e-mail address.';
}

/** The earliest year a work may have: goldwork of the Saka and Scythians is from the first millennium BC. */
export const workYearMin = -3000;
/** The earliest birth year of a maker: historical makers are welcome, not only living ones. */
export const makerYearMin = 1000;

export function validateYear(min = 1800) {
  return (value: unknown): true | string => {
    if (value === null || value === undefined) return true;
    const max = new Date().getFullYear() + 5;
    return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
      ? true
      : `Enter a year between ${min} and ${max}.`;
  };
}

export function validatePositive(unit: string) {
  return (value: unknown): true | string => {
    if (value === null || value === undefined) return true;
    return typeof value === 'number' && value > 0 && value < 1_000_000
      ? true
      : `Enter a positive number of ${unit}.`;
  };
}

/** A death year: a year, not before the birth year. */
export function validateDeathYear(
  value: unknown,
  { siblingData }: { siblingData?: { birthYear?: unknown } } = {},
): true | string {
  const asYear = validateYear(makerYearMin)(value);
  if (asYear !== true) return asYear;
  const born = siblingData?.birthYear;
  return typeof value === 'number' && typeof born === 'number' && value < born
    ? `The year of death (${value}) is before the year of birth (${born}).`
    : true;
}

/**
 * A localized text that is required in English only. English is the base language and the
 * site falls back to it for a missing translation, so a curator may add the Russian
 * description before the Russian title, and the import may write a Russian date without a
 * Russian title. (Payload's own `required` asks for it in every language.) The publishing
 * contract still checks every language as the site reads it.
 */
export const requiredInEnglish: TextFieldSingleValidation = (value, options) =>
  text(value, {
    ...options,
    required: options.required && (options.req.locale ?? defaultLocale) === defaultLocale,
  });

/** `requiredInEnglish` for a textarea. */
export const textareaRequiredInEnglish: TextareaFieldValidation = (value, options) =>
  textarea(value, {
    ...options,
    required: options.required && (options.req.locale ?? defaultLocale) === defaultLocale,
  });
