import { locales } from '@oyu/shared-types';
import { demoAbout, demoEditions, demoVenues } from './demo/editions';
import type { DemoWork } from './demo/works';
import { drawPiece } from './draw';
import { paragraphs } from './paragraphs';
import { createLocalized, type SeedWriter, upload } from './writer';

/** The festival's side of the demo: venues, editions, their showcases and the site settings. */

/** The venues; their ids by key. */
export async function writeVenues(w: SeedWriter): Promise<Map<string, number>> {
  const venueIds = new Map<string, number>();
  for (const venue of demoVenues) {
    venueIds.set(
      venue.key,
      await createLocalized(
        w,
        'venues',
        { slug: venue.key, location: { latitude: venue.latitude, longitude: venue.longitude } },
        (locale) => ({
          name: venue.name[locale],
          address: venue.address[locale],
          city: locale === 'en' ? 'Almaty' : 'Алматы',
        }),
      ),
    );
  }
  return venueIds;
}

/** The editions, each with a drawn hero image; their ids by year. */
export async function writeEditions(
  w: SeedWriter,
  venueIds: Map<string, number>,
): Promise<Map<number, number>> {
  const editionIds = new Map<number, number>();
  for (const [index, edition] of demoEditions.entries()) {
    const image = await drawPiece(
      'brooch',
      { metal: 'gold', gem: '#1f5f8b', backdrop: ['#f5f1ea', '#c2b59b'] },
      900 + index,
      { width: w.photoSize.width, height: Math.round(w.photoSize.width / 2) },
    );
    const hero = await upload(w, image, `ajw-${edition.year}.jpg`, {
      en: `Almaty Jewelry Week ${edition.year}: ${edition.theme.en}`,
      ru: `Almaty Jewelry Week ${edition.year}: ${edition.theme.ru}`,
      kk: `Almaty Jewelry Week ${edition.year}: ${edition.theme.kk}`,
    });
    editionIds.set(
      edition.year,
      await createLocalized(
        w,
        'editions',
        {
          year: edition.year,
          stage: edition.stage,
          startDate: edition.startDate,
          endDate: edition.endDate,
          heroImage: hero,
          venues: edition.venues.map((key) => venueIds.get(key)),
          _status: 'published',
        },
        (locale) => ({
          title: `Almaty Jewelry Week ${edition.year}`,
          theme: edition.theme[locale],
          description: paragraphs([edition.description[locale]]),
        }),
      ),
    );
  }
  return editionIds;
}

/** Each venue's opening hours during each edition held there (an edition must exist first). */
export async function addOpeningHours(
  w: SeedWriter,
  venueIds: Map<string, number>,
  editionIds: Map<number, number>,
): Promise<void> {
  for (const venue of demoVenues) {
    const hours = demoEditions.filter((e) => e.venues.includes(venue.key));
    const id = venueIds.get(venue.key) as number;
    for (const locale of locales) {
      const current = await w.payload.findByID({ collection: 'venues', id, locale, ...w.options });
      await w.payload.update({
        collection: 'venues',
        id,
        locale,
        data: {
          openingHours: hours.map((edition, i) => ({
            ...(current.openingHours?.[i]?.id ? { id: current.openingHours[i]?.id } : {}),
            edition: editionIds.get(edition.year) as number,
            hours: venue.hours[locale],
          })),
        },
        ...w.options,
      });
    }
  }
}

/** The showcases of each edition, with the works shown in them; how many. */
export async function writeShowcases(
  w: SeedWriter,
  works: DemoWork[],
  workIds: Map<string, number>,
  editionIds: Map<number, number>,
): Promise<number> {
  let showcaseCount = 0;
  for (const edition of demoEditions) {
    for (const showcase of edition.showcases) {
      const members = works
        .filter((work) => work.showcase === showcase.key)
        .map((work) => workIds.get(work.slug));
      await createLocalized(
        w,
        'showcases',
        { slug: showcase.key, edition: editionIds.get(edition.year), works: members, _status: 'published' },
        (locale) => ({
          title: showcase.title[locale],
          introduction: paragraphs([showcase.introduction[locale]]),
        }),
      );
      showcaseCount += 1;
    }
  }
  return showcaseCount;
}

/** The site settings: the current edition, the about text and the contact address. */
export async function writeSettings(w: SeedWriter, editionIds: Map<number, number>): Promise<void> {
  const current = demoEditions.find((e) => e.stage === 'current');
  for (const locale of locales) {
    await w.payload.updateGlobal({
      slug: 'site-settings',
      locale,
      data: {
        ...(current ? { currentEdition: editionIds.get(current.year) } : {}),
        about: paragraphs(demoAbout[locale]),
        contact: { email: 'hello@oyu.example' },
      },
      ...w.options,
    });
  }
}
