import { demoArtisans, demoEditions, demoWorks as makeDemoWorks } from '@oyu/cms/seed/demo';

/** The demo the global setup seeded, as the tests expect to find it on the site. */
export { demoArtisans, demoEditions };

export const demoWorks = makeDemoWorks();
export const published = demoWorks.filter((work) => !work.draft);
export const drafts = demoWorks.filter((work) => work.draft);
export const nameOf = (key: string) => demoArtisans.find((artisan) => artisan.key === key)?.name ?? key;

/** An artisan's address on the site, made from the name as the CMS makes the slug. */
export const artisanSlug = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');
