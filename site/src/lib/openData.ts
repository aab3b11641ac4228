import {
  type Artisan,
  countryName,
  type Edition,
  type Locale,
  locales,
  type MakerRole,
  type RichText,
  type RichTextNode,
  type Showcase,
  type Work,
} from '@oyu/shared-types';
import { renditionPath } from './images';
import { isoYear } from './jsonld';
import { safeHref } from './links';

/**
 * Open data of one edition: its works and their artisans, in every language, as CSV, JSON and
 * schema.org JSON-LD. The built site publishes them under /data/<year>/ (src/pages/data) and
 * `pnpm export` writes the same files from the CMS. Nothing here depends on the time of the
 * build, so an unchanged edition gives byte-identical files.
 */

/** The published content of one language, as a build has it. */
export type LanguageContent = {
  works: Work[];
  artisans: Artisan[];
  editions: Edition[];
  showcases: Showcase[];
};

type Localized = Record<Locale, string>;

export type OpenWork = {
  id: number;
  slug: string;
  url: string;
  title: Localized;
  description: Localized;
  /** Makers in the curator's order; `role` where credited otherwise than as the maker. */
  artisans: { slug: string; name: string; role: MakerRole }[];
  collections: Localized[];
  pieceType: Localized | null;
  materials: Localized[];
  gemstones: Localized[];
  techniques: Localized[];
  colours: string[];
  /** The date as the catalogue words it, per language ("c. 1890"); empty where none was given. */
  date: Localized;
  yearFrom: number | null;
  yearTo: number | null;
  circa: boolean;
  finenessPerMille: number | null;
  weightGrams: number | null;
  heightMm: number | null;
  widthMm: number | null;
  depthMm: number | null;
  diameterMm: number | null;
  editionType: string | null;
  editionSize: number | null;
  creditLine: string | null;
  licence: string | null;
  rightsHolder: string | null;
  images: string[];
};

export type OpenArtisan = {
  id: number;
  slug: string;
  url: string;
  name: string;
  country: string;
  countryName: Localized;
  city: string | null;
  birthYear: number | null;
  deathYear: number | null;
  disciplines: string[];
  bio: Localized;
  website: string | null;
  image: string | null;
};

export type EditionOpenData = {
  edition: {
    year: number;
    title: Localized;
    theme: Localized;
    startDate: string | null;
    endDate: string | null;
    url: string;
  };
  licence: string;
  works: OpenWork[];
  artisans: OpenArtisan[];
};

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
  const works = indexById(content, (c) => c.works);
  const artisans = indexById(content, (c) => c.artisans);
  const showcases = indexById(content, (c) => c.showcases);
  const inEdition = content.en.works
    .filter((work) => work.editions.some((shown) => shown.id === edition.id))
    .sort((a, b) => a.slug.localeCompare(b.slug));

  const openWorks: OpenWork[] = inEdition.map((work) => {
    const copies = Object.fromEntries(locales.map((l) => [l, works[l].get(work.id)])) as Record<
      Locale,
      Work | undefined
    >;
    const terms = (list: (w: Work) => { id: number; label: string }[]) =>
      list(work).map((term) =>
        localized(copies, (copy) => list(copy).find((other) => other.id === term.id)?.label),
      );
    const collections = content.en.showcases
      .filter((showcase) => showcase.edition.id === edition.id && showcase.works.includes(work.id))
      .sort((a, b) => a.slug.localeCompare(b.slug))
      .map((showcase) =>
        localized(
          Object.fromEntries(locales.map((l) => [l, showcases[l].get(showcase.id)])) as Record<
            Locale,
            Showcase | undefined
          >,
          (copy) => copy.title,
        ),
      );
    return {
      id: work.id,
      slug: work.slug,
      url: absolute(site, `/en/works/${work.slug}/`),
      title: localized(copies, (copy) => copy.title),
      description: localized(copies, (copy) => plainText(copy.description)),
      artisans: work.artisans.map((artisan) => ({
        slug: artisan.slug,
        name: artisan.name,
        role: work.makerRoles.find((credit) => credit.artisan === artisan.id)?.role ?? 'maker',
      })),
      collections,
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
  });

  const makerIds = [...new Set(inEdition.flatMap((work) => work.artisans.map((artisan) => artisan.id)))];
  const openArtisans: OpenArtisan[] = makerIds
    .map((id) => artisans.en.get(id))
    .filter((artisan): artisan is Artisan => Boolean(artisan))
    .sort((a, b) => a.slug.localeCompare(b.slug))
    .map((artisan) => {
      const copies = Object.fromEntries(locales.map((l) => [l, artisans[l].get(artisan.id)])) as Record<
        Locale,
        Artisan | undefined
      >;
      const portrait = artisan.portrait ? renditionPath(artisan.portrait, 'webp', 1600) : undefined;
      return {
        id: artisan.id,
        slug: artisan.slug,
        url: absolute(site, `/en/artisans/${artisan.slug}/`),
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

  return {
    edition: {
      year,
      title: localized(editions, (copy) => copy.title),
      theme: localized(editions, (copy) => copy.theme),
      startDate: edition.startDate?.slice(0, 10) ?? null,
      endDate: edition.endDate?.slice(0, 10) ?? null,
      url: absolute(site, `/en/editions/${year}/`),
    },
    licence:
      'Texts and data: CC BY 4.0, credit "Almaty Jewelry Week / Oyu". Photographs: each work\'s licence and rights holder.',
    works: openWorks,
    artisans: openArtisans,
  };
}

/* CSV (RFC 4180, UTF-8 with a byte-order mark so that spreadsheet programs read Cyrillic). */

type Cell = string | number | null | undefined;

/** One CSV field. Text that a spreadsheet would run as a formula gets a leading apostrophe. */
export function csvField(value: Cell): string {
  if (value == null) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csv(header: string[], rows: Cell[][]): string {
  return `\ufeff${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

const perLanguage = (name: string) => locales.map((locale) => `${name}.${locale}`);
const values = (value: Localized | null) => locales.map((locale) => value?.[locale] ?? '');
const joined = (list: Localized[]) => locales.map((locale) => list.map((item) => item[locale]).join('; '));

export function worksCsv(data: EditionOpenData): string {
  return csv(
    [
      'id',
      'slug',
      'url',
      ...perLanguage('title'),
      'artisans',
      'artisan_slugs',
      'artisan_roles',
      ...perLanguage('collections'),
      ...perLanguage('piece_type'),
      ...perLanguage('materials'),
      ...perLanguage('gemstones'),
      ...perLanguage('techniques'),
      'colours',
      ...perLanguage('date'),
      'year_from',
      'year_to',
      'circa',
      'fineness_per_mille',
      'weight_g',
      'height_mm',
      'width_mm',
      'depth_mm',
      'diameter_mm',
      'edition_type',
      'edition_size',
      'credit_line',
      'licence',
      'rights_holder',
      'images',
      ...perLanguage('description'),
    ],
    data.works.map((work) => [
      work.id,
      work.slug,
      work.url,
      ...values(work.title),
      work.artisans.map((artisan) => artisan.name).join('; '),
      work.artisans.map((artisan) => artisan.slug).join('; '),
      work.artisans.map((artisan) => artisan.role).join('; '),
      ...joined(work.collections),
      ...values(work.pieceType),
      ...joined(work.materials),
      ...joined(work.gemstones),
      ...joined(work.techniques),
      work.colours.join('; '),
      ...values(work.date),
      work.yearFrom,
      work.yearTo,
      work.circa ? 'true' : 'false',
      work.finenessPerMille,
      work.weightGrams,
      work.heightMm,
      work.widthMm,
      work.depthMm,
      work.diameterMm,
      work.editionType,
      work.editionSize,
      work.creditLine,
      work.licence,
      work.rightsHolder,
      work.images.join(' '),
      ...values(work.description),
    ]),
  );
}

export function artisansCsv(data: EditionOpenData): string {
  return csv(
    [
      'id',
      'slug',
      'url',
      'name',
      'country',
      ...perLanguage('country_name'),
      'city',
      'birth_year',
      'death_year',
      'disciplines',
      'website',
      'image',
      ...perLanguage('bio'),
    ],
    data.artisans.map((artisan) => [
      artisan.id,
      artisan.slug,
      artisan.url,
      artisan.name,
      artisan.country,
      ...values(artisan.countryName),
      artisan.city,
      artisan.birthYear,
      artisan.deathYear,
      artisan.disciplines.join('; '),
      artisan.website,
      artisan.image,
      ...values(artisan.bio),
    ]),
  );
}

export function editionJson(data: EditionOpenData): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** Language-tagged values, as JSON-LD writes text in several languages. */
const tagged = (value: Localized) =>
  locales
    .filter((locale) => value[locale])
    .map((locale) => ({ '@value': value[locale], '@language': locale }));

/** The edition as a schema.org ExhibitionEvent featuring its works, with their makers. */
export function editionJsonLdGraph(data: EditionOpenData): string {
  const person = (slug: string) =>
    `${data.artisans.find((artisan) => artisan.slug === slug)?.url ?? slug}#person`;
  const graph = [
    {
      '@type': 'ExhibitionEvent',
      '@id': `${data.edition.url}#event`,
      name: tagged(data.edition.title),
      url: data.edition.url,
      startDate: data.edition.startDate ?? undefined,
      endDate: data.edition.endDate ?? undefined,
      organizer: { '@type': 'Organization', name: 'Almaty Jewelry Week' },
      workFeatured: data.works.map((work) => ({ '@id': `${work.url}#work` })),
    },
    ...data.works.map((work) => ({
      '@type': 'VisualArtwork',
      '@id': `${work.url}#work`,
      name: tagged(work.title),
      url: work.url,
      creator: work.artisans.map((artisan) => ({ '@id': person(artisan.slug) })),
      artform: work.pieceType ? tagged(work.pieceType) : undefined,
      artMedium: [...work.materials, ...work.gemstones].flatMap(tagged),
      dateCreated: isoYear(work.yearFrom),
      image: work.images,
      creditText: work.creditLine ?? undefined,
    })),
    ...data.artisans.map((artisan) => ({
      '@type': 'Person',
      '@id': `${artisan.url}#person`,
      name: artisan.name,
      url: artisan.url,
      nationality: { '@type': 'Country', name: tagged(artisan.countryName) },
      birthDate: isoYear(artisan.birthYear),
      deathDate: isoYear(artisan.deathYear),
      image: artisan.image ?? undefined,
    })),
  ];
  return `${JSON.stringify({ '@context': 'https://schema.org', '@graph': graph }, null, 2)}\n`;
}

/** The files of an edition's open data, by name. */
export function openDataFiles(data: EditionOpenData): Record<string, string> {
  return {
    'works.csv': worksCsv(data),
    'artisans.csv': artisansCsv(data),
    'edition.json': editionJson(data),
    'edition.jsonld': editionJsonLdGraph(data),
  };
}
