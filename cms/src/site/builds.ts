/** What a site build can be: its states, who started it, its phases (the site-builds collection and the build job share them). */
export const buildStatuses = ['queued', 'running', 'succeeded', 'failed'] as const;
export type BuildStatus = (typeof buildStatuses)[number];
export const buildTriggers = ['admin', 'cli', 'start', 'auto'] as const;
export type BuildTrigger = (typeof buildTriggers)[number];
export const buildPhases = ['data', 'pages', 'search', 'photos', 'check', 'publish', 'deploy'] as const;
