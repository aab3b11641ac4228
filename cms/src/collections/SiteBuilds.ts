import { buildPhases, isBuildPhase } from '@oyu/shared-types';
import type { CollectionConfig } from 'payload';
import { isOrganiser } from '../access/isOrganiser';
import { leaveQueueSlot } from '../site/buildQueue';
import { buildStatuses, buildTriggers } from '../site/builds';
import { siteBuildEndpoints } from '../site/rebuild';

/**
 * The history of site builds: who started each, when, how long it took, what it produced,
 * and why it failed. Organisers and admins read it; only the server writes it (through the
 * rebuild endpoint, the CLI and the build job), so nobody can forge a build's record.
 */
export const SiteBuilds: CollectionConfig = {
  slug: 'site-builds',
  labels: {
    singular: { en: 'Site build', ru: 'Сборка сайта' },
    plural: { en: 'Site builds', ru: 'Сборки сайта' },
  },
  admin: {
    group: { en: 'Site', ru: 'Сайт' },
    useAsTitle: 'release',
    defaultColumns: ['status', 'trigger', 'startedBy', 'queuedAt', 'durationMs', 'pages', 'live'],
    description: {
      en: 'Every build of the public site. Start one, follow it and roll back from the Site page.',
      ru: 'Все сборки публичного сайта. Запуск, ход сборки и откат — на странице «Сайт».',
    },
  },
  access: {
    read: isOrganiser,
    create: () => false,
    update: () => false,
    delete: () => false,
  },
  defaultSort: '-queuedAt',
  endpoints: siteBuildEndpoints,
  hooks: { beforeChange: [leaveQueueSlot] },
  fields: [
    {
      name: 'status',
      type: 'select',
      required: true,
      options: [...buildStatuses],
      defaultValue: 'queued',
      index: true,
    },
    { name: 'trigger', type: 'select', required: true, options: [...buildTriggers] },
    { name: 'startedBy', type: 'relationship', relationTo: 'users' },
    { name: 'queuedAt', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    {
      // The automatic rebuild's countdown, kept here so every CMS process on the database
      // shares it: each change pushes it later (site/buildQueue.ts).
      name: 'notBefore',
      type: 'date',
      admin: {
        date: { pickerAppearance: 'dayAndTime' },
        description: 'A queued build starts no earlier than this.',
      },
    },
    {
      // "queued" while the build waits, empty otherwise: the unique index lets no second
      // process queue another build beside it.
      name: 'queueSlot',
      type: 'text',
      unique: true,
      admin: { hidden: true },
    },
    {
      name: 'runner',
      type: 'text',
      admin: { description: 'The CMS process running this build (host:pid).' },
    },
    { name: 'startedAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'finishedAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'durationMs', type: 'number' },
    {
      // Text, not a select: a select is an enum in PostgreSQL, and a new phase would need a
      // migration. The list is shared-types' `buildPhases`.
      name: 'phase',
      type: 'text',
      validate: (value: string | null | undefined) =>
        value == null || isBuildPhase(value) || `a build phase is one of ${buildPhases.join(', ')}`,
    },
    { name: 'pagesDone', type: 'number' },
    { name: 'pagesTotal', type: 'number' },
    { name: 'pages', type: 'number' },
    { name: 'bytes', type: 'number' },
    {
      name: 'mode',
      type: 'text',
      validate: (value: string | null | undefined) =>
        value == null || ['full', 'partial'].includes(value) || 'a build is full or partial',
      admin: { description: 'Full: every page rendered; partial: only the pages whose data changed.' },
    },
    { name: 'rendered', type: 'number', admin: { description: 'Pages rendered by this build.' } },
    {
      name: 'reason',
      type: 'text',
      admin: { description: 'Why the build was full, or what changed for a partial one.' },
    },
    {
      name: 'warnings',
      type: 'array',
      fields: [{ name: 'message', type: 'text', required: true }],
    },
    { name: 'error', type: 'textarea', admin: { description: 'Why the build failed, in plain words.' } },
    { name: 'deploy', type: 'textarea' },
    { name: 'log', type: 'textarea' },
    {
      name: 'release',
      type: 'text',
      index: true,
      admin: { description: 'The folder of this build under data/site/releases/.' },
    },
    { name: 'live', type: 'checkbox', defaultValue: false, index: true },
    {
      name: 'kept',
      type: 'checkbox',
      defaultValue: false,
      admin: { description: 'Whether this build is still on disk, so the site can be rolled back to it.' },
    },
  ],
};
