import {
  centralAsianCountries,
  countryCodes,
  countryName,
  disciplines,
  selectOptions,
  socialPlatformCodes,
  socialPlatforms,
} from '@oyu/shared-types';
import type { CollectionConfig } from 'payload';
import { isCurator } from '../../access/isCurator';
import { isOrganiser } from '../../access/isOrganiser';
import { refuseOthersPrivatePhotos } from '../../access/othersPhotos';
import { publishedOrSignedIn } from '../../access/publishedOrSignedIn';
import { previewButton } from '../../endpoints/preview';
import { localizedText } from '../../fields/localizedText';
import { slugField } from '../../fields/slug';
import { makerYearMin, validateDeathYear, validateWebUrl, validateYear } from '../../fields/validators';
import { publicReadsPublished } from '../../hooks/publicReadsPublished';
import { refreshMediaAfterChange, refreshMediaAfterDelete } from '../../hooks/refreshMediaVisibility';
import { versionsWithDrafts } from '../versions';

export const Artisans: CollectionConfig = {
  slug: 'artisans',
  labels: { singular: { en: 'Artisan', ru: 'Мастер' }, plural: { en: 'Artisans', ru: 'Мастера' } },
  admin: {
    preview: previewButton('artisans'),
    useAsTitle: 'name',
    defaultColumns: ['name', 'country', 'city', '_status', 'updatedAt'],
    listSearchableFields: ['name', 'slug'],
  },
  access: {
    create: isCurator,
    delete: isOrganiser,
    read: publishedOrSignedIn,
    readVersions: isCurator,
    update: isCurator,
  },
  versions: versionsWithDrafts,
  hooks: {
    beforeOperation: [publicReadsPublished],
    beforeChange: [refuseOthersPrivatePhotos],
    afterChange: [refreshMediaAfterChange],
    afterDelete: [refreshMediaAfterDelete],
  },
  fields: [
    {
      name: 'name',
      type: 'text',
      required: true,
      admin: {
        description: { en: 'As the artisan signs their work.', ru: 'Как мастер подписывает свои работы.' },
      },
    },
    slugField('name'),
    {
      type: 'row',
      fields: [
        {
          name: 'country',
          type: 'select',
          required: true,
          // Central Asia first, then every other country by its English name; typing filters.
          options: [
            ...centralAsianCountries,
            ...countryCodes
              .filter((code) => !(centralAsianCountries as readonly string[]).includes(code))
              .sort((a, b) => countryName(a, 'en').localeCompare(countryName(b, 'en'), 'en')),
          ].map((code) => ({
            value: code,
            label: { en: countryName(code, 'en'), ru: countryName(code, 'ru') },
          })),
        },
        localizedText('city'),
        {
          name: 'birthYear',
          type: 'number',
          validate: validateYear(makerYearMin),
          admin: { description: { en: 'Optional.', ru: 'Необязательно.' } },
        },
        {
          name: 'deathYear',
          type: 'number',
          validate: validateDeathYear,
          admin: {
            description: { en: 'For historical makers.', ru: 'Для мастеров прошлого.' },
          },
        },
      ],
    },
    { name: 'disciplines', type: 'select', hasMany: true, options: selectOptions(disciplines) },
    {
      name: 'bio',
      type: 'richText',
      localized: true,
      admin: {
        description: {
          en: 'A short biography in each language: training, workshop, what they make.',
          ru: 'Краткая биография на каждом языке: обучение, мастерская, что создаёт.',
        },
      },
    },
    { name: 'portrait', type: 'upload', relationTo: 'media' },
    { name: 'website', type: 'text', validate: validateWebUrl },
    {
      name: 'socialLinks',
      type: 'array',
      labels: { singular: { en: 'Link', ru: 'Ссылка' }, plural: { en: 'Social links', ru: 'Соцсети' } },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'platform',
              type: 'select',
              required: true,
              options: socialPlatformCodes.map((value) => ({ value, label: socialPlatforms[value] })),
            },
            { name: 'url', type: 'text', required: true, validate: validateWebUrl },
          ],
        },
      ],
    },
    {
      name: 'works',
      type: 'join',
      collection: 'works',
      on: 'artisans',
      defaultLimit: 50,
      admin: { defaultColumns: ['title', '_status', 'updatedAt'] },
    },
  ],
};
