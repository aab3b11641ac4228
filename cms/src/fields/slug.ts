import { slugPattern } from '@oyu/shared-types';
import type { TextField } from 'payload';
import { slugify } from './slugify';

type SlugOverrides = Partial<Omit<TextField, 'type'>>;

/**
 * A unique URL slug derived from another field (`name`, `title`…) when left empty. Curators
 * can still type their own; it must then be lowercase letters, digits and hyphens.
 */
export function slugField(sourceField: string, overrides: SlugOverrides = {}): TextField {
  return {
    name: 'slug',
    type: 'text',
    unique: true,
    index: true,
    required: true,
    admin: {
      position: 'sidebar',
      description: `Part of the page address. Left empty, it is made from the ${sourceField}.`,
    },
    hooks: {
      beforeValidate: [
        ({ value, data, originalDoc }) => {
          if (typeof value === 'string' && value.trim() !== '') return slugify(value);
          const source = data?.[sourceField] ?? originalDoc?.[sourceField];
          const text = typeof source === 'string' ? source : source?.en;
          return typeof text === 'string' ? slugify(text) || undefined : value;
        },
      ],
    },
    validate: (value: unknown) => {
      if (typeof value !== 'string' || value === '') return 'A slug is required.';
      return slugPattern.test(value) || 'Use lowercase letters, digits and single hyphens only.';
    },
    ...overrides,
  } as TextField;
}
