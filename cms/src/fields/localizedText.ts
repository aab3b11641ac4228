import type { TextareaField, TextField } from 'payload';

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
    ...(description ? { admin: { description } } : {}),
    ...overrides,
  } as TextareaField;
}
