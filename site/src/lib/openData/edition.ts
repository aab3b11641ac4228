import {
  type Artisan,
  countryName,
  type Edition,
  type Locale,
  locales,
  type RichText,
  type RichTextNode,
  type Showcase,
  type Work,
} from '@oyu/shared-types';
import { renditionPath } from '../images';
import { safeHref } from '../links';
import { artisanPath, editionPath, workPath } from '../routes';
import type { EditionOpenData, LanguageContent, Localized, OpenArtisan, OpenWork } from './types';

/** The text of a rich-text value: paragraphs and list items on lines of their own. */
export function plainText(value: RichText | undefined): string {
  if (!value) return '';
  const blocks: string[] = [];
  const text = (node: RichTextNode): string =>
    node.type === 'linebreak' ? '\n' : (node.text ?? '') + (node.children ?? []).map(text).join('');
  const walk = (nodes: RichTextNode[]) => {
    for (const node of nodes) {
      if (node.type === 'list') walk(node.children ?? []);
      else blocks.push(text(node).trim());
    }
  };
  walk(value.root.children);
  return blocks.filter(Boolean).join('\n\n');
}

const absolute = (site: URL, path: string) => new URL(path, site).toString();

/** One value per language, taken from each language's copy of the same document. */
function localized<T>(
  byLocale: Record<Locale, T | undefined>,
  pick: (doc: T) => string | null | undefined,
): Localized {
  return Object.fromEntries(
    locales.map((locale) => {
      const doc = byLocale[locale];
      return [locale, (doc && pick(doc)) ?? ''];
    }),
  ) as Localized;
}

function indexById<T extends { id: number }>(
  content: Record<Locale, LanguageContent>,
  pick: (c: LanguageContent) => T[],
) {
  return Object.fromEntries(
    locales.map((locale) => [locale, new Map(pick(content[locale]).map((doc) => [doc.id, doc]))]),
  ) as Record<Locale, Map<number, T>>;
}

/** Each language's copy of the document `id`. */
const copiesOf = <T>(index: Record<Locale, Map<number, T>>, id: number) =>
  Object.fromEntries(locales.map((l) => [l, index[l].get(id)])) as Record<Locale, T | undefined>;

/** What every work of the edition is read against. */
type Context = {
  content: Record<Locale, LanguageContent>;
  edition: Edition;
  works: Record<Locale, Map<number, Work>>;
  showcases: Record<Locale, Map<number, Showcase>>;
  site: URL;
};

/** The open data of the edition of `year`, or undefined when there is no such edition. */
export function editionOpenData(
  year: number,
  content: Record<Locale, LanguageContent>,
  site: URL,
): EditionOpenData | undefined {
  const editions = Object.fromEntries(
    locales.map((locale) => [locale, content[locale].editions.find((edition) => edition.year === year)]),
  ) as Record<Locale, Edition | undefined>;
  const edition = editions.en;
  if (!edition) return undefined;
  const context: Context = {
    content,
    edition,
    works: indexById(content, (c) => c.works),
    showcases: indexById(content, (c) => c.showcases),
    site,
  };
  const inEdition = content.en.works
    .filter((work) => work.editions.some((shown) => shown.id === edition.id))
    .sort((a, b) => a.slug.localeCompare(b.slug));
  return {
    edition: {
      year,
      title: localized(editions, (copy) => copy.title),
      theme: localized(editions, (copy) => copy.theme),
      startDate: edition.startDate?.slice(0, 10) ?? null,
      endDate: edition.endDate?.slice(0, 10) ?? null,
      url: absolute(site, editionPath('en', { year })),
    },
    licence:
      'Texts and data: CC BY 4.0, credit "Almaty Jewelry Week / Oyu". Photographs: each work\'s licence and rights holder.',
    works: inEdition.map((work) => openWork(work, context)),
    artisans: openArtisans(
      inEdition,
      indexById(content, (c) => c.artisans),
      site,
    ),
  };
}

function openWork(work: Work, context: Context): OpenWork {
  const { site } = context;
  const copies = copiesOf(context.works, work.id);
  const terms = (list: (w: Work) => { id: number; label: string }[]) =>
    list(work).map((term) =>
      localized(copies, (copy) => list(copy).find((other) => other.id === term.id)?.label),
    );
  return {
    id: work.id,
    slug: work.slug,
    url: absolute(site, workPath('en', work)),
    title: localized(copies, (copy) => copy.title),
    description: localized(copies, (copy) => plainText(copy.description)),
    artisans: work.artisans.map((artisan) => ({
      slug: artisan.slug,
      name: artisan.name,
      role: work.makerRoles.find((credit) => credit.artisan === artisan.id)?.role ?? 'maker',
    })),
    collections: workCollections(work, context),
    pieceType: work.pieceType ? localized(copies, (copy) => copy.pieceType?.label) : null,
    materials: terms((w) => w.materials),
    gemstones: terms((w) => w.gemstones),
    techniques: terms((w) => w.techniques),
    colours: work.colours,
    date: localized(copies, (copy) => copy.year?.display ?? undefined),
    yearFrom: work.year?.from ?? null,
    yearTo: work.year?.to ?? null,
    circa: work.year?.circa ?? false,
    finenessPerMille: work.fineness ?? null,
    weightGrams: work.weightGrams ?? null,
    heightMm: work.dimensions?.heightMm ?? null,
    widthMm: work.dimensions?.widthMm ?? null,
    depthMm: work.dimensions?.depthMm ?? null,
    diameterMm: work.dimensions?.diameterMm ?? null,
    editionType: work.editionType ?? null,
    editionSize: work.editionSize ?? null,
    creditLine: work.creditLine ?? null,
    licence: work.licence ?? null,
    rightsHolder: work.rightsHolder ?? null,
    images: work.photos
      .map((photo) => renditionPath(photo, 'webp', 1600))
      .filter((path): path is string => Boolean(path))
      .map((path) => absolute(site, path)),
  };
}

/** The titles of the edition's showcases that show the work, by slug. */
function workCollections(work: Work, { content, edition, showcases }: Context): Localized[] {
  return content.en.showcases
    .filter((showcase) => showcase.edition.id === edition.id && showcase.works.includes(work.id))
    .sort((a, b) => a.slug.localeCompare(b.slug))
    .map((showcase) => localized(copiesOf(showcases, showcase.id), (copy) => copy.title));
}

/** The makers of the edition's works, by slug. */
function openArtisans(
  inEdition: Work[],
  artisans: Record<Locale, Map<number, Artisan>>,
  site: URL,
): OpenArtisan[] {
  const makerIds = [...new Set(inEdition.flatMap((work) => work.artisans.map((artisan) => artisan.id)))];
  return makerIds
    .map((id) => artisans.en.get(id))
    .filter((artisan): artisan is Artisan => Boolean(artisan))
    .sort((a, b) => a.slug.localeCompare(b.slug))
    .map((artisan) => {
      const copies = copiesOf(artisans, artisan.id);
      const portrait = artisan.portrait ? renditionPath(artisan.portrait, 'webp', 1600) : undefined;
      return {
        id: artisan.id,
        slug: artisan.slug,
        url: absolute(site, artisanPath('en', artisan)),
        name: artisan.name,
        country: artisan.country,
        countryName: Object.fromEntries(
          locales.map((l) => [l, countryName(artisan.country, l)]),
        ) as Localized,
        city: artisan.city ?? null,
        birthYear: artisan.birthYear ?? null,
        deathYear: artisan.deathYear ?? null,
        disciplines: artisan.disciplines,
        bio: localized(copies, (copy) => plainText(copy.bio)),
        website: safeHref(artisan.website ?? undefined) ?? null,
        image: portrait ? absolute(site, portrait) : null,
      };
    });
}
