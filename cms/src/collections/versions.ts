import type { CollectionConfig } from 'payload';

/**
 * Drafts with autosave and scheduled publishing, and a bounded history. Drafts are saved
 * without validation; publishing checks every required field.
 * https://payloadcms.com/docs/versions/drafts
 */
export const versionsWithDrafts: CollectionConfig['versions'] = {
  drafts: {
    autosave: { interval: 2000 },
    schedulePublish: true,
    validate: false,
  },
  maxPerDoc: 50,
};
