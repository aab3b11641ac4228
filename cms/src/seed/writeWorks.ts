import { slugify } from '../fields/slugify';
import { demoArtisans } from './demo/artisans';
import { demoEditions, demoVenues } from './demo/editions';
import type { DemoWork } from './demo/works';
import { drawPiece, drawPortrait } from './draw';
import { paragraphs } from './paragraphs';
import type { VocabularyIds } from './vocabularies';
import { createLocalized, type SeedWriter, upload } from './writer';

/** The makers' side of the demo: artisans with their portraits, works with their photographs. */

/** The artisans, each with a drawn portrait; their ids by key. */
export async function writeArtisans(w: SeedWriter): Promise<Map<string, number>> {
  const artisanIds = new Map<string, number>();
  for (const [index, artisan] of demoArtisans.entries()) {
    const portrait = await upload(
      w,
      await drawPortrait(index + 1, artisan.backdrop),
      `${slugify(artisan.name)}-portrait.jpg`,
      { en: `Portrait of ${artisan.name}`, ru: `Портрет: ${artisan.name}`, kk: `Портрет: ${artisan.name}` },
    );
    artisanIds.set(
      artisan.key,
      await createLocalized(
        w,
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
  return artisanIds;
}

/** What the works refer to, by the demo's keys. */
export type WorkLinks = {
  vocab: VocabularyIds;
  artisanIds: Map<string, number>;
  editionIds: Map<number, number>;
};

/** The works, drafts among them; their ids by slug. */
export async function writeWorks(
  w: SeedWriter,
  works: DemoWork[],
  links: WorkLinks,
): Promise<Map<string, number>> {
  const workIds = new Map<string, number>();
  for (const [index, work] of works.entries()) {
    const photos = await workPhotos(w, work, index);
    workIds.set(
      work.slug,
      await createLocalized(
        w,
        'works',
        workData(work, photos, links),
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
  }
  return workIds;
}

/** A work's photographs: one drawing for each view, on its artisan's backdrop. */
async function workPhotos(w: SeedWriter, work: DemoWork, index: number): Promise<number[]> {
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
      w.photoSize,
    );
    photos.push(
      await upload(
        w,
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
  return photos;
}

/** A work's fields in English, with its makers, terms and editions as ids. */
function workData(work: DemoWork, photos: number[], { vocab, artisanIds, editionIds }: WorkLinks) {
  const ids = (map: Map<string, number>, slugs: string[]) => slugs.map((slug) => map.get(slug) as number);
  return {
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
    rightsHolder: work.artisans.map((key) => demoArtisans.find((a) => a.key === key)?.name).join(', '),
    editions: work.editions.map((year) => editionIds.get(year)),
    exhibitionHistory: work.editions.map((year) => ({
      year,
      title: `Almaty Jewelry Week ${year}`,
      venue: demoVenues.find((v) => v.key === demoEditions.find((e) => e.year === year)?.venues[0])?.name.en,
      city: 'Almaty',
    })),
    _status: work.draft ? 'draft' : 'published',
  };
}
