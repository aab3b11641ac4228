import type { CollectionConfig } from 'payload';
import { isCurator } from '../access/isCurator';
import { isOrganiser } from '../access/isOrganiser';
import { publishedOrSignedIn } from '../access/publishedOrSignedIn';
import { slugField } from '../fields/slug';
import { requiredInEnglish } from '../fields/validators';
import { publicReadsPublished } from '../hooks/publicReadsPublished';
import { versionsWithDrafts } from './versions';

/**
 * An AJW "collection": a curated group of works inside an edition. Called Showcase in code,
 * because "collection" already means something in Payload and in Astro; people see
 * "Collections".
 */
export const Showcases: CollectionConfig = {
  slug: 'showcases',
  labels: { singular: { en: 'Collection', ru: 'Коллекция' }, plural: { en: 'Collections', ru: 'Коллекции' } },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'edition', '_status', 'updatedAt'],
  },
  access: {
    create: isOrganiser,
    delete: isOrganiser,
    read: publishedOrSignedIn,
    readVersions: isCurator,
    update: isOrganiser,
  },
  versions: versionsWithDrafts,
  hooks: { beforeOperation: [publicReadsPublished] },
  fields: [
    { name: 'title', type: 'text', required: true, localized: true, validate: requiredInEnglish },
    slugField('title'),
    { name: 'edition', type: 'relationship', relationTo: 'editions', required: true, index: true },
    { name: 'curators', type: 'relationship', relationTo: 'users', hasMany: true },
    { name: 'introduction', type: 'richText', localized: true },
    {
      name: 'works',
      type: 'relationship',
      relationTo: 'works',
      hasMany: true,
      admin: {
        description: {
          en: 'In the order visitors will see them; drag to reorder.',
          ru: 'В том порядке, в каком их увидят посетители; перетаскивайте, чтобы изменить.',
        },
      },
    },
  ],
};
