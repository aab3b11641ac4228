import crypto from 'node:crypto';
import { type Locale, locales } from '@oyu/shared-types';
import type { CollectionSlug, Payload } from 'payload';
import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload';
import { deferPublishContract, enforceDeferred } from '../contract';
import { slugify } from '../fields/slugify';
import { refreshMediaVisibility } from '../hooks/refreshMediaVisibility';
import { mediaStore } from '../media/storage';
import { demoArtisans } from './demo/artisans';
import { demoAbout, demoEditions, demoVenues } from './demo/editions';
import { demoWorks } from './demo/works';
import { drawPiece, drawPortrait } from './draw';
import { paragraphs } from './paragraphs';
import { ensureVocabularies } from './vocabularies';

export { paragraphs } from './paragraphs';
export { ensureVocabularies } from './vocabularies';

export type SeedProgress = { step: string; done: number; total: number };
export type SeedOptions = {
  onProgress?: (progress: SeedProgress) => void;
  /** Width and height of the generated work photographs (default 1200×900). */
  photoSize?: { width: number; height: number };
};
export type SeedReport = {
  artisans: number;
  works: number;
  drafts: number;
  photos: number;
  editions: number;
  showcases: number;
  venues: number;
};

type Localized = Record<Locale, string>;
const otherLocales = locales.filter((locale) => locale !== 'en');

export async function isDatabaseEmpty(payload: Payload): Promise<boolean> {
  const [artisans, works] = await Promise.all([
    payload.count({ collection: 'artisans', overrideAccess: true }),
    payload.count({ collection: 'works', overrideAccess: true }),
  ]);
  return artisans.totalDocs === 0 && works.totalDocs === 0;
}

/**
 * The demo used by `pnpm start`: twelve artisans, three editions of Almaty Jewelry Week with
 * their collections and venues, and sixty works with two to four photographs each, every text
 * in English, Russian and Kazakh. Photographs are drawn here (there is no internet).
 */
export async function seedDemo(payload: Payload, options: SeedOptions = {}): Promise<SeedReport> {
  const works = demoWorks();
  const photoTotal =
    demoArtisans.length + demoEditions.length + works.reduce((n, w) => n + w.views.length, 0);
  let photosDone = 0;
  const photoSize = options.photoSize ?? { width: 1200, height: 900 };

  // One transaction for the whole demo: a seed that fails halfway leaves no records behind,
  // and the files it had written are removed, so the next start seeds again from scratch.
  const req = await createLocalReq({}, payload);
  await initTransaction(req);
  const writtenFiles: string[] = [];
  // Photo visibility is computed once at the end rather than after every save, and the
  // publishing contract checked after it (contract/index.ts).
  const common = {
    req,
    overrideAccess: true,
    depth: 0,
    context: { skipMediaVisibility: true, ...deferPublishContract() },
  } as const;
  const mediaIds: number[] = [];

  /** Creates in English, then fills the other languages. */
  async function createLocalized<T extends CollectionSlug>(
    collection: T,
    data: Record<string, unknown>,
    localized: (locale: Locale) => Record<string, unknown>,
    draft = false,
  ): Promise<number> {
    const doc = await payload.create({
      collection,
      data: { ...data, ...localized('en') } as never,
      locale: 'en',
      draft,
      ...common,
    });
    for (const locale of otherLocales) {
      await payload.update({
        collection,
        id: doc.id,
        data: { ...localized(locale), ...('_status' in data ? { _status: data._status } : {}) } as never,
        locale,
        draft,
        ...common,
      });
    }
    return doc.id as number;
  }

  try {
    const vocab = await ensureVocabularies(payload, req);
    const upload = async (data: Buffer, name: string, alt: Localized, caption?: Localized) => {
      const doc = await payload.create({
        collection: 'media',
        data: { alt: alt.en, ...(caption ? { caption: caption.en } : {}), credit: 'Photo: Oyu demo' },
        file: { data, mimetype: 'image/jpeg', name, size: data.length },
        locale: 'en',
        ...common,
      });
      writtenFiles.push(doc.filename ?? '', ...Object.values(doc.sizes ?? {}).map((s) => s?.filename ?? ''));
      for (const locale of otherLocales) {
        await payload.update({
          collection: 'media',
          id: doc.id,
          data: { alt: alt[locale], ...(caption ? { caption: caption[locale] } : {}) },
          locale,
          ...common,
        });
      }
      photosDone += 1;
      mediaIds.push(doc.id);
      options.onProgress?.({ step: name, done: photosDone, total: photoTotal });
      return doc.id;
    };

    const venueIds = new Map<string, number>();
    for (const venue of demoVenues) {
      venueIds.set(
        venue.key,
        await createLocalized(
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

    const editionIds = new Map<number, number>();
    for (const [index, edition] of demoEditions.entries()) {
      const hero = await upload(
        await drawPiece(
          'brooch',
          { metal: 'gold', gem: '#1f5f8b', backdrop: ['#f5f1ea', '#c2b59b'] },
          900 + index,
          {
            width: photoSize.width,
            height: Math.round(photoSize.width / 2),
          },
        ),
        `ajw-${edition.year}.jpg`,
        {
          en: `Almaty Jewelry Week ${edition.year}: ${edition.theme.en}`,
          ru: `Almaty Jewelry Week ${edition.year}: ${edition.theme.ru}`,
          kk: `Almaty Jewelry Week ${edition.year}: ${edition.theme.kk}`,
        },
      );
      editionIds.set(
        edition.year,
        await createLocalized(
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
    for (const venue of demoVenues) {
      const hours = demoEditions.filter((e) => e.venues.includes(venue.key));
      const id = venueIds.get(venue.key) as number;
      for (const locale of locales) {
        const current = await payload.findByID({ collection: 'venues', id, locale, ...common });
        await payload.update({
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
          ...common,
        });
      }
    }

    const artisanIds = new Map<string, number>();
    for (const [index, artisan] of demoArtisans.entries()) {
      const portrait = await upload(
        await drawPortrait(index + 1, artisan.backdrop),
        `${slugify(artisan.name)}-portrait.jpg`,
        { en: `Portrait of ${artisan.name}`, ru: `Портрет: ${artisan.name}`, kk: `Портрет: ${artisan.name}` },
      );
      artisanIds.set(
        artisan.key,
        await createLocalized(
          'artisans',
          {
            name: artisan.name,
            slug: slugify(artisan.name),
            country: artisan.country,
            birthYear: artisan.birthYear,
            disciplines: artisan.disciplines,
            portrait,
            website: artisan.website,
            socialLinks: artisan.instagram ? [{ platform: 'instagram', url: artisan.instagram }] : [],
            _status: 'published',
          },
          (locale) => ({
            city: artisan.city[locale],
            bio: paragraphs([
              {
                en: `${artisan.name} works in ${artisan.city.en}, ${artisan.craft.en}.`,
                ru: `${artisan.name} работает в городе ${artisan.city.ru} и ${artisan.craft.ru}.`,
                kk: `${artisan.name} ${artisan.city.kk} қаласында жұмыс істейді және ${artisan.craft.kk}.`,
              }[locale],
            ]),
          }),
        ),
      );
    }

    const workIds = new Map<string, number>();
    let drafts = 0;
    for (const [index, work] of works.entries()) {
      const photos: number[] = [];
      for (const [view, caption] of work.views.entries()) {
        const image = await drawPiece(
          work.drawing,
          {
            metal: work.metal,
            gem: work.gemColour,
            backdrop: demoArtisans[index % demoArtisans.length]?.backdrop ?? ['#eee', '#999'],
          },
          index * 100 + view + 1,
          photoSize,
        );
        photos.push(
          await upload(
            image,
            `${work.slug}-${view + 1}.jpg`,
            {
              en: `${work.title.en}, ${caption.en.toLowerCase()}`,
              ru: `${work.title.ru}: ${caption.ru.toLowerCase()}`,
              kk: `${work.title.kk}: ${caption.kk.toLowerCase()}`,
            },
            caption,
          ),
        );
      }
      const ids = (map: Map<string, number>, slugs: string[]) => slugs.map((slug) => map.get(slug) as number);
      workIds.set(
        work.slug,
        await createLocalized(
          'works',
          {
            slug: work.slug,
            artisans: work.artisans.map((key) => artisanIds.get(key)),
            photos,
            pieceType: vocab['piece-types'].get(work.pieceType),
            materials: ids(vocab.materials, work.materials),
            gemstones: ids(vocab.materials, work.gemstones),
            techniques: ids(vocab.techniques, work.techniques),
            colours: work.colours,
            fineness: work.fineness,
            weightGrams: work.weightGrams,
            dimensions: work.dimensions,
            year: { from: work.year },
            editionType: work.editionSize ? 'edition' : 'unique',
            ...(work.editionSize ? { editionSize: work.editionSize } : {}),
            licence: 'all-rights-reserved',
            rightsHolder: work.artisans
              .map((key) => demoArtisans.find((a) => a.key === key)?.name)
              .join(', '),
            editions: work.editions.map((year) => editionIds.get(year)),
            exhibitionHistory: work.editions.map((year) => ({
              year,
              title: `Almaty Jewelry Week ${year}`,
              venue: demoVenues.find((v) => v.key === demoEditions.find((e) => e.year === year)?.venues[0])
                ?.name.en,
              city: 'Almaty',
            })),
            _status: work.draft ? 'draft' : 'published',
          },
          (locale) => ({
            title: work.title[locale],
            description: paragraphs(work.description[locale]),
            creditLine: {
              en: 'Courtesy of the artist',
              ru: 'Предоставлено автором',
              kk: 'Автордың рұқсатымен',
            }[locale],
          }),
          work.draft,
        ),
      );
      if (work.draft) drafts += 1;
    }

    let showcaseCount = 0;
    for (const edition of demoEditions) {
      for (const showcase of edition.showcases) {
        const members = works.filter((w) => w.showcase === showcase.key).map((w) => workIds.get(w.slug));
        await createLocalized(
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

    const current = demoEditions.find((e) => e.stage === 'current');
    for (const locale of locales) {
      await payload.updateGlobal({
        slug: 'site-settings',
        locale,
        data: {
          ...(current ? { currentEdition: editionIds.get(current.year) } : {}),
          about: paragraphs(demoAbout[locale]),
          contact: { email: 'hello@oyu.example' },
        },
        ...common,
      });
    }

    await refreshMediaVisibility(req, mediaIds);
    await enforceDeferred(req);
    await commitTransaction(req);
    return {
      artisans: demoArtisans.length,
      works: works.length - drafts,
      drafts,
      photos: photosDone,
      editions: demoEditions.length,
      showcases: showcaseCount,
      venues: demoVenues.length,
    };
  } catch (error) {
    await killTransaction(req);
    await removeFiles(writtenFiles);
    throw error;
  }
}

/** What cannot be removed now, the next sweep removes (media/orphans.ts). */
async function removeFiles(filenames: string[]) {
  // Read on use: importing the seed must not need the CMS environment (scripts/lib/database.ts).
  const { env } = await import('../env');
  await mediaStore(env)
    .remove(filenames.filter(Boolean))
    .catch(() => undefined);
}

/** The first admin account: a random password, returned once so the caller can show it. */
export async function ensureFirstAdmin(
  payload: Payload,
  email = 'admin@oyu.local',
): Promise<{ email: string; password: string } | null> {
  const { totalDocs } = await payload.count({ collection: 'users', overrideAccess: true });
  if (totalDocs > 0) return null;
  const password = crypto.randomBytes(15).toString('base64url');
  await payload.create({
    collection: 'users',
    data: { email, password, name: 'Administrator', roles: ['admin'] },
    overrideAccess: true,
  });
  return { email, password };
}
