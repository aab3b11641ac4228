import { materialKinds, selectOptions } from '@oyu/shared-types';
import { vocabulary } from './vocabulary';

export const Materials = vocabulary(
  'materials',
  { singular: { en: 'Material', ru: 'Материал' }, plural: { en: 'Materials', ru: 'Материалы' } },
  [
    {
      name: 'kind',
      type: 'select',
      required: true,
      defaultValue: 'other',
      options: selectOptions(materialKinds),
      admin: {
        description: {
          en: 'Gemstones are offered in a work’s “Gemstones” field, the rest in “Materials”.',
          ru: 'Камни предлагаются в поле «Камни» работы, остальное — в поле «Материалы».',
        },
      },
    },
  ],
);
