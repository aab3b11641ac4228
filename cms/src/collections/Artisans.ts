import { countryCodes, countryName } from '@oyu/shared-types';
import type { CollectionConfig } from 'payload';
import { anyone } from '../access/anyone';
import { isSignedIn } from '../access/isSignedIn';
import { slugField } from '../fields/slug';

export const Artisans: CollectionConfig = {
  slug: 'artisans',
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'country', 'updatedAt'],
  },
  access: {
    create: isSignedIn,
    delete: isSignedIn,
    read: anyone,
    update: isSignedIn,
  },
  fields: [
    { name: 'name', type: 'text', required: true },
    slugField('name'),
    {
      name: 'country',
      type: 'select',
      required: true,
      options: countryCodes.map((code) => ({ label: countryName(code, 'en'), value: code })),
    },
    { name: 'bio', type: 'richText', localized: true },
    { name: 'portrait', type: 'upload', relationTo: 'media' },
  ],
};
