import type { RelationshipField } from 'payload';
import { isAdminField } from '../access/isAdmin';
import { setCreatedBy } from '../hooks/setCreatedBy';

/**
 * Who created the document: set by the server on create and never taken from the request, so
 * nobody can file a document under someone else's name. Only an admin can reassign it.
 */
export function createdByField(
  overrides: Partial<Omit<RelationshipField, 'type' | 'relationTo'>> = {},
): RelationshipField {
  return {
    name: 'createdBy',
    type: 'relationship',
    relationTo: 'users',
    index: true,
    access: { create: isAdminField, update: isAdminField },
    hooks: { beforeChange: [setCreatedBy] },
    admin: {
      position: 'sidebar',
      readOnly: true,
      description: {
        en: 'Set automatically to whoever created this.',
        ru: 'Заполняется автоматически: кто создал запись.',
      },
    },
    ...overrides,
  } as RelationshipField;
}
