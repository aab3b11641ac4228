import { colours, licences, makerRoles, selectOptions } from '@oyu/shared-types';
import type { CollectionConfig } from 'payload';
import { canEditWork } from '../../access/canEditWork';
import { isCurator } from '../../access/isCurator';
import { refuseOthersPrivatePhotos } from '../../access/othersPhotos';
import { publishedOrSignedIn } from '../../access/publishedOrSignedIn';
import { previewButton } from '../../endpoints/preview';
import { createdByField } from '../../fields/createdBy';
import { localizedText } from '../../fields/localizedText';
import { slugField } from '../../fields/slug';
import { requiredInEnglish, validatePositive, validateYear, workYearMin } from '../../fields/validators';
import { publicReadsPublished } from '../../hooks/publicReadsPublished';
import { refreshMediaAfterChange, refreshMediaAfterDelete } from '../../hooks/refreshMediaVisibility';
import { versionsWithDrafts } from '../versions';
import { validateEditionSize } from './hooks/validateEditionSize';
import { validateMakerRoles } from './hooks/validateMakerRoles';
import { validateYearRange } from './hooks/validateYearRange';

const mm = (name: string, en: string, ru: string) => ({
  name,
  type: 'number' as const,
  min: 0,
  validate: validatePositive('millimetres'),
  admin: { step: 0.1, description: { en, ru } },
});

export const Works: CollectionConfig = {
  slug: 'works',
  labels: { singular: { en: 'Work', ru: 'Работа' }, plural: { en: 'Works', ru: 'Работы' } },
  admin: {
    preview: previewButton('works'),
    useAsTitle: 'title',
    defaultColumns: ['photos', 'title', 'artisans', 'editions', '_status', 'updatedAt'],
    listSearchableFields: ['title', 'slug'],
    components: { beforeListTable: ['/admin/MyDrafts#MyDrafts'] },
  },
  access: {
    create: isCurator,
    delete: canEditWork,
    read: publishedOrSignedIn,
    readVersions: isCurator,
    update: canEditWork,
  },
  versions: versionsWithDrafts,
  hooks: {
    beforeOperation: [publicReadsPublished],
    beforeValidate: [validateYearRange, validateEditionSize, validateMakerRoles],
    beforeChange: [refuseOthersPrivatePhotos],
    afterChange: [refreshMediaAfterChange],
    afterDelete: [refreshMediaAfterDelete],
  },
  fields: [
    {
      type: 'tabs',
      tabs: [
        {
          label: { en: 'Work', ru: 'Работа' },
          fields: [
            {
              name: 'title',
              type: 'text',
              required: true,
              localized: true,
              validate: requiredInEnglish,
              admin: { description: { en: 'The title in each language.', ru: 'Название на каждом языке.' } },
            },
            {
              name: 'artisans',
              type: 'relationship',
              relationTo: 'artisans',
              hasMany: true,
              required: true,
              minRows: 1,
              admin: {
                description: {
                  en: 'The maker; add several for a collaboration.',
                  ru: 'Автор; несколько — для совместной работы.',
                },
              },
            },
            {
              name: 'makerRoles',
              type: 'array',
              label: { en: 'Credits', ru: 'Роли авторов' },
              labels: {
                singular: { en: 'Credit', ru: 'Роль' },
                plural: { en: 'Credits', ru: 'Роли авторов' },
              },
              admin: {
                initCollapsed: true,
                description: {
                  en: 'Only where a maker is credited otherwise than as the maker: designer, manufacturer, attributed to.',
                  ru: 'Только если автор указан иначе, чем просто автор: дизайнер, изготовитель, «приписывается».',
                },
              },
              fields: [
                {
                  type: 'row',
                  fields: [
                    { name: 'artisan', type: 'relationship', relationTo: 'artisans', required: true },
                    {
                      name: 'role',
                      type: 'select',
                      required: true,
                      options: selectOptions(makerRoles),
                    },
                  ],
                },
              ],
            },
            {
              name: 'photos',
              type: 'upload',
              relationTo: 'media',
              hasMany: true,
              required: true,
              minRows: 1,
              admin: {
                components: { Cell: '/admin/CoverCell#CoverCell' },
                description: {
                  en: 'Drop several photos at once; drag to reorder. The first is the one shown in lists. At least one to publish.',
                  ru: 'Перетащите сразу несколько фото и расставьте по порядку. Первое показывается в списках. Для публикации нужно хотя бы одно.',
                },
              },
            },
            { name: 'description', type: 'richText', localized: true },
            {
              type: 'row',
              fields: [
                {
                  name: 'editions',
                  type: 'relationship',
                  relationTo: 'editions',
                  hasMany: true,
                  index: true,
                },
                {
                  name: 'showcases',
                  type: 'join',
                  collection: 'showcases',
                  on: 'works',
                  admin: { allowCreate: false },
                },
              ],
            },
          ],
        },
        {
          label: { en: 'Object', ru: 'Предмет' },
          fields: [
            {
              type: 'row',
              fields: [
                { name: 'pieceType', type: 'relationship', relationTo: 'piece-types' },
                {
                  name: 'materials',
                  type: 'relationship',
                  relationTo: 'materials',
                  hasMany: true,
                  filterOptions: { kind: { not_equals: 'gemstone' } },
                },
                {
                  name: 'gemstones',
                  type: 'relationship',
                  relationTo: 'materials',
                  hasMany: true,
                  filterOptions: { kind: { equals: 'gemstone' } },
                },
              ],
            },
            {
              name: 'colours',
              type: 'select',
              hasMany: true,
              options: selectOptions(colours),
              label: { en: 'Colours', ru: 'Цвета' },
              admin: {
                description: {
                  en: 'Pick the dominant colours of the piece, its metal and stones: visitors filter works by them.',
                  ru: 'Выберите основные цвета изделия — металла и камней: посетители ищут работы по цвету.',
                },
              },
            },
            { name: 'techniques', type: 'relationship', relationTo: 'techniques', hasMany: true },
            {
              type: 'row',
              fields: [
                {
                  name: 'fineness',
                  type: 'number',
                  min: 1,
                  max: 999.9,
                  admin: {
                    description: {
                      en: 'Parts per thousand, e.g. 925 or 750.',
                      ru: 'Проба, например 925 или 750.',
                    },
                  },
                },
                {
                  name: 'hallmark',
                  type: 'text',
                  admin: { description: { en: 'As stamped, if any.', ru: 'Клеймо, если есть.' } },
                },
                {
                  name: 'weightGrams',
                  type: 'number',
                  min: 0,
                  validate: validatePositive('grams'),
                  admin: { step: 0.01, description: { en: 'Grams.', ru: 'Граммы.' } },
                },
              ],
            },
            {
              name: 'dimensions',
              type: 'group',
              admin: {
                description: {
                  en: 'Millimetres; fill in those that apply.',
                  ru: 'Миллиметры; заполните нужные.',
                },
              },
              fields: [
                {
                  type: 'row',
                  fields: [
                    mm('heightMm', 'Height', 'Высота'),
                    mm('widthMm', 'Width', 'Ширина'),
                    mm('depthMm', 'Depth', 'Глубина'),
                    mm('diameterMm', 'Diameter (rings, bangles)', 'Диаметр (кольца, браслеты)'),
                  ],
                },
              ],
            },
            {
              // Dates as collections keep them: the text visitors read ("c. 1890", "early 20th
              // century") beside the earliest and latest years that filters, sorting and linked
              // data use.
              name: 'year',
              type: 'group',
              label: { en: 'Date', ru: 'Дата' },
              fields: [
                {
                  name: 'display',
                  type: 'text',
                  localized: true,
                  label: { en: 'Date as shown', ru: 'Дата для показа' },
                  admin: {
                    description: {
                      en: 'As the catalogue gives it, in each language: “c. 1890”, “early 20th century”, “1976 (designed), 1978 (made)”. Empty: the years below are shown.',
                      ru: 'Как в каталоге, на каждом языке: «ок. 1890», «начало XX века», «1976 (эскиз), 1978 (изготовление)». Если пусто, показываются годы ниже.',
                    },
                  },
                },
                {
                  type: 'row',
                  fields: [
                    {
                      name: 'from',
                      type: 'number',
                      label: { en: 'Earliest year', ru: 'Самый ранний год' },
                      validate: validateYear(workYearMin),
                      admin: {
                        description: {
                          en: 'Negative for BCE (−400 is 400 BC).',
                          ru: 'Отрицательный — до н. э. (−400 — 400 г. до н. э.).',
                        },
                      },
                    },
                    {
                      name: 'to',
                      type: 'number',
                      label: { en: 'Latest year', ru: 'Самый поздний год' },
                      validate: validateYear(workYearMin),
                      admin: {
                        description: { en: 'Only for a range of years.', ru: 'Только для диапазона лет.' },
                      },
                    },
                    {
                      name: 'circa',
                      type: 'checkbox',
                      label: { en: 'Approximate (circa)', ru: 'Приблизительно (около)' },
                    },
                  ],
                },
              ],
            },
            {
              type: 'row',
              fields: [
                {
                  name: 'editionType',
                  type: 'select',
                  defaultValue: 'unique',
                  options: [
                    { value: 'unique', label: { en: 'Unique piece', ru: 'Уникальное изделие' } },
                    { value: 'edition', label: { en: 'Edition of N', ru: 'Тираж' } },
                  ],
                },
                {
                  name: 'editionSize',
                  type: 'number',
                  min: 2,
                  admin: { condition: (_, sibling) => sibling?.editionType === 'edition' },
                },
              ],
            },
            localizedText('marks', {
              en: 'Marks or signature on the piece.',
              ru: 'Клейма или подпись на изделии.',
            }),
          ],
        },
        {
          label: { en: 'Rights & history', ru: 'Права и история' },
          fields: [
            localizedText('creditLine', {
              en: 'e.g. “Courtesy of the artist” or “Collection of …”.',
              ru: 'Например, «Предоставлено автором» или «Собрание …».',
            }),
            {
              type: 'row',
              fields: [
                {
                  name: 'licence',
                  type: 'select',
                  defaultValue: 'all-rights-reserved',
                  options: selectOptions(licences),
                },
                { name: 'rightsHolder', type: 'text' },
              ],
            },
            { name: 'provenance', type: 'richText', localized: true },
            {
              name: 'exhibitionHistory',
              type: 'array',
              labels: {
                singular: { en: 'Exhibition', ru: 'Выставка' },
                plural: { en: 'Exhibition history', ru: 'История выставок' },
              },
              fields: [
                {
                  type: 'row',
                  fields: [
                    { name: 'year', type: 'number', required: true, validate: validateYear(1900) },
                    // The exhibition's own name, as it was published: not translated.
                    { name: 'title', type: 'text', required: true },
                    localizedText('venue'),
                    localizedText('city'),
                  ],
                },
              ],
            },
          ],
        },
      ],
    },
    slugField('title'),
    createdByField(),
  ],
};
