import type { CollectionConfig } from 'payload';
import { anyone } from '../access/anyone';
import { isOrganiser } from '../access/isOrganiser';
import { localizedText, localizedTextarea } from '../fields/localizedText';
import { slugField } from '../fields/slug';
import { validateWebUrl } from '../fields/validators';

const coordinate = (name: 'latitude' | 'longitude', limit: number) => ({
  name,
  type: 'number' as const,
  min: -limit,
  max: limit,
  admin: { step: 0.000001 },
});

/** Where an edition happens. Venues have no drafts: they are public facts, kept by organisers. */
export const Venues: CollectionConfig = {
  slug: 'venues',
  labels: { singular: { en: 'Venue', ru: 'Площадка' }, plural: { en: 'Venues', ru: 'Площадки' } },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'city', 'updatedAt'] },
  access: {
    create: isOrganiser,
    delete: isOrganiser,
    read: anyone,
    update: isOrganiser,
  },
  fields: [
    localizedText('name', undefined, { required: true }),
    slugField('name'),
    localizedTextarea('address'),
    localizedText('city'),
    {
      name: 'location',
      type: 'group',
      admin: {
        description: {
          en: 'Decimal degrees, e.g. 43.2389, 76.8897.',
          ru: 'Десятичные градусы, например 43.2389, 76.8897.',
        },
      },
      fields: [{ type: 'row', fields: [coordinate('latitude', 90), coordinate('longitude', 180)] }],
    },
    { name: 'website', type: 'text', validate: validateWebUrl },
    {
      name: 'openingHours',
      type: 'array',
      labels: {
        singular: { en: 'Opening hours', ru: 'Часы работы' },
        plural: { en: 'Opening hours', ru: 'Часы работы' },
      },
      fields: [
        { name: 'edition', type: 'relationship', relationTo: 'editions', required: true },
        localizedTextarea(
          'hours',
          { en: 'e.g. “Mon–Sat 11:00–20:00”.', ru: 'Например, «Пн–Сб 11:00–20:00».' },
          { required: true },
        ),
      ],
    },
  ],
};
