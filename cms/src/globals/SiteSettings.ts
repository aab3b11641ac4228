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
      type: 'row',
      fields: [
        {
          name: 'autoRebuild',
          type: 'checkbox',
          defaultValue: false,
          label: { en: 'Rebuild the site after publishing', ru: 'Пересобирать сайт после публикации' },
          admin: {
            description: {
              en: 'Each published change starts a countdown; the site is rebuilt when it ends.',
              ru: 'Каждое опубликованное изменение запускает отсчёт; сайт пересобирается по его окончании.',
            },
          },
        },
        {
          name: 'autoRebuildDelaySeconds',
          type: 'number',
          defaultValue: 60,
          min: 0,
          max: 3600,
          label: { en: 'Countdown (seconds)', ru: 'Отсчёт (секунды)' },
          admin: {
            condition: (data) => Boolean(data?.autoRebuild),
            description: {
              en: '0 rebuilds right after each change.',
              ru: '0 — пересборка сразу после каждого изменения.',
            },
          },
        },
      ],
    },
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
