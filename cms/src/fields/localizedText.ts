import type { TextareaField, TextField } from 'payload';
import { requiredInEnglish, textareaRequiredInEnglish } from './validators';

type Description = string | Record<string, string>;

/** A human-readable text kept in every language, English being the fallback. */
export function localizedText(
  name: string,
  description?: Description,
  overrides: Partial<Omit<TextField, 'type'>> = {},
): TextField {
  return {
    name,
    type: 'text',
    localized: true,
    // Required in English only: other languages fall back to it (validators.ts).
    ...(overrides.required ? { validate: requiredInEnglish } : {}),
    ...(description ? { admin: { description } } : {}),
    ...overrides,
  } as TextField;
}

export function localizedTextarea(
  name: string,
  description?: Description,
  overrides: Partial<Omit<TextareaField, 'type'>> = {},
): TextareaField {
  return {
    name,
    type: 'textarea',
    localized: true,
    ...(overrides.required ? { validate: textareaRequiredInEnglish } : {}),
    ...(description ? { admin: { description } } : {}),
    ...overrides,
  } as TextareaField;
}
