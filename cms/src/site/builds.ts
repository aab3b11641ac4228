/**
 * What a site build can be: its states and who started it (the site-builds collection and the
 * build job share them). Its phases are shared-types' `buildPhases`.
 */
export const buildStatuses = ['queued', 'running', 'succeeded', 'failed'] as const;
export type BuildStatus = (typeof buildStatuses)[number];
export const buildTriggers = ['admin', 'cli', 'start', 'auto'] as const;
export type BuildTrigger = (typeof buildTriggers)[number];
