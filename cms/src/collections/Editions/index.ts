import { editionStatuses, selectOptions } from '@oyu/shared-types';
import type { CollectionConfig } from 'payload';
import { isCurator } from '../../access/isCurator';
import { isOrganiser } from '../../access/isOrganiser';
import { publishedOrSignedIn } from '../../access/publishedOrSignedIn';
import { localizedText } from '../../fields/localizedText';
import { validateYear } from '../../fields/validators';
import { publicReadsPublished } from '../../hooks/publicReadsPublished';
import { refreshMediaAfterChange, refreshMediaAfterDelete } from '../../hooks/refreshMediaVisibility';
import { versionsWithDrafts } from '../versions';
import { makeCurrent } from './hooks/makeCurrent';
import { stampFrozen } from './hooks/stampFrozen';
import { validateDates } from './hooks/validateDates';

/** One Almaty Jewelry Week a year, addressed by its year. */
export const Editions: CollectionConfig = {
  slug: 'editions',
  labels: { singular: { en: 'Edition', ru: 'Выпуск' }, plural: { en: 'Editions', ru: 'Выпуски' } },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['year', 'title', 'stage', '_status'],
  },
  defaultSort: '-year',
  access: {
    create: isOrganiser,
    delete: isOrganiser,
    read: publishedOrSignedIn,
    readVersions: isCurator,
    update: isOrganiser,
  },
  versions: versionsWithDrafts,
  hooks: {
    beforeOperation: [publicReadsPublished],
    beforeValidate: [validateDates],
    beforeChange: [stampFrozen],
    afterChange: [refreshMediaAfterChange, makeCurrent],
    afterDelete: [refreshMediaAfterDelete],
  },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'year',
          type: 'number',
          required: true,
          unique: true,
          index: true,
          validate: validateYear(2000),
        },
        {
          // Not `status`: with drafts, Payload already keeps `_status`, and in PostgreSQL both
          // would want the enum type "enum_editions_status".
          name: 'stage',
          label: { en: 'Status', ru: 'Статус' },
          type: 'select',
          required: true,
          defaultValue: 'upcoming',
          options: selectOptions(editionStatuses),
        },
      ],
    },
    localizedText(
      'title',
      { en: 'e.g. “Almaty Jewelry Week 2026”.', ru: 'Например, «Almaty Jewelry Week 2026».' },
      { required: true },
    ),
    localizedText('theme'),
    {
      type: 'row',
      fields: [
        { name: 'startDate', type: 'date', admin: { date: { pickerAppearance: 'dayOnly' } } },
        { name: 'endDate', type: 'date', admin: { date: { pickerAppearance: 'dayOnly' } } },
      ],
    },
    { name: 'description', type: 'richText', localized: true },
    { name: 'heroImage', type: 'upload', relationTo: 'media' },
    { name: 'venues', type: 'relationship', relationTo: 'venues', hasMany: true },
    {
      name: 'curators',
      type: 'relationship',
      relationTo: 'users',
      hasMany: true,
      admin: {
        description: {
          en: 'Curators assigned here may edit every work of this edition.',
          ru: 'Назначенные кураторы могут редактировать все работы этого выпуска.',
        },
      },
    },
    {
      name: 'frozen',
      type: 'checkbox',
      defaultValue: false,
      label: { en: 'Freeze the archive', ru: 'Заморозить архив' },
      admin: {
        position: 'sidebar',
        description: {
          en: 'Keeps this edition’s page and its collection pages on the site exactly as the next build shows them: later edits to artisans, works, photos or vocabulary no longer change them. Work and artisan pages stay current. Untick to let the pages follow the CMS again.',
          ru: 'Страница выпуска и страницы его коллекций останутся на сайте такими, какими их покажет следующая сборка: последующие правки мастеров, работ, фото и словарей их не изменят. Страницы работ и мастеров остаются актуальными. Снимите отметку, чтобы страницы снова следовали за CMS.',
        },
      },
    },
    {
      name: 'frozenAt',
      type: 'date',
      label: { en: 'Frozen since', ru: 'Заморожен с' },
      admin: {
        position: 'sidebar',
        readOnly: true,
        condition: (data) => Boolean(data?.frozen),
        date: { pickerAppearance: 'dayAndTime' },
      },
    },
    { name: 'showcases', type: 'join', collection: 'showcases', on: 'edition' },
    { name: 'works', type: 'join', collection: 'works', on: 'editions', defaultLimit: 20 },
  ],
};
