import type { CollectionConfig } from 'payload';
import { isSignedIn } from '../access/isSignedIn';
import { publishedOrSignedIn } from '../access/publishedOrSignedIn';
import { slugField } from '../fields/slug';

export const Works: CollectionConfig = {
  slug: 'works',
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'artisan', '_status', 'updatedAt'],
  },
  access: {
    create: isSignedIn,
    delete: isSignedIn,
    read: publishedOrSignedIn,
    update: isSignedIn,
  },
  // Drafts are saved without validation; publishing checks every required field.
  versions: {
    drafts: true,
    maxPerDoc: 50,
  },
  fields: [
    { name: 'title', type: 'text', required: true, localized: true },
    slugField('title'),
    { name: 'artisan', type: 'relationship', relationTo: 'artisans', required: true, index: true },
    {
      name: 'photos',
      type: 'array',
      required: true,
      minRows: 1,
      labels: { singular: 'Photo', plural: 'Photos' },
      admin: { description: 'Drag to reorder. The first photo is the one shown in lists.' },
      fields: [
        { name: 'image', type: 'upload', relationTo: 'media', required: true },
        { name: 'caption', type: 'text', localized: true },
      ],
    },
    { name: 'description', type: 'richText', localized: true },
  ],
};
