import type { GlobalConfig } from 'payload';
import { anyone } from '../access/anyone';
import { isOrganiser } from '../access/isOrganiser';
import { localizedTextarea } from '../fields/localizedText';
import { validateEmail, validateWebUrl } from '../fields/validators';

export const SiteSettings: GlobalConfig = {
  slug: 'site-settings',
  label: { en: 'Site settings', ru: 'Настройки сайта' },
  access: { read: anyone, update: isOrganiser },
  fields: [
    {
      name: 'currentEdition',
      type: 'relationship',
      relationTo: 'editions',
      admin: { description: { en: 'Shown on the home page.', ru: 'Показывается на главной странице.' } },
    },
    { name: 'about', type: 'richText', localized: true },
    {
      name: 'contact',
      type: 'group',
      fields: [
        { name: 'email', type: 'text', validate: validateEmail },
        { name: 'phone', type: 'text' },
        localizedTextarea('address'),
        { name: 'website', type: 'text', validate: validateWebUrl },
      ],
    },
  ],
};
