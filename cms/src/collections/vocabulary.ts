import type { CollectionConfig, Field } from 'payload';
import { anyone } from '../access/anyone';
import { isCurator } from '../access/isCurator';
import { isOrganiser } from '../access/isOrganiser';
import { slugField } from '../fields/slug';
import { requiredInEnglish } from '../fields/validators';
import { clearTranslatedMark } from '../hooks/clearTranslatedMark';

type Labels = { singular: Record<string, string>; plural: Record<string, string> };

/**
 * A controlled vocabulary (materials, techniques, piece types): a localized label and a stable
 * slug. Curators may add terms while describing a work; renaming and removing terms, which
 * changes every work that uses them, is for organisers.
 */
export function vocabulary(slug: string, labels: Labels, extraFields: Field[] = []): CollectionConfig {
  return {
    slug,
    labels,
    admin: {
      useAsTitle: 'label',
      defaultColumns: [
        'label',
        'slug',
        ...extraFields.flatMap((f) => ('name' in f ? [f.name] : [])),
        'needsTranslation',
      ],
      group: { en: 'Vocabularies', ru: 'Справочники' },
      listSearchableFields: ['label', 'slug'],
    },
    access: {
      create: isCurator,
      delete: isOrganiser,
      read: anyone,
      update: isOrganiser,
    },
    defaultSort: 'label',
    hooks: { beforeChange: [clearTranslatedMark] },
    fields: [
      {
        name: 'label',
        type: 'text',
        required: true,
        localized: true,
        validate: requiredInEnglish,
        admin: {
          description: {
            en: 'The term as visitors read it. Enter it in each language (switch the locale at the top).',
            ru: 'Термин, как его прочтут посетители. Введите его на каждом языке (переключатель языка вверху).',
          },
        },
      },
      slugField('label'),
      {
        // Terms the spreadsheet import creates have an English label only (docs/import.md).
        name: 'needsTranslation',
        type: 'checkbox',
        label: { en: 'Needs translation', ru: 'Нужен перевод' },
        index: true,
        admin: {
          position: 'sidebar',
          description: {
            en: 'Set by the import for a new term with an English label only; cleared once the label is in every language.',
            ru: 'Ставит импорт у нового термина с одной английской подписью; снимается, когда подпись есть на всех языках.',
          },
        },
      },
      ...extraFields,
    ],
  };
}
