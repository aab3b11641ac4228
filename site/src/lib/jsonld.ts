import {
  type Artisan,
  countryName,
  type Edition,
  type Locale,
  type Media,
  type Showcase,
  type Work,
} from '@oyu/shared-types';
import { ui } from '../i18n/ui';
import { renditionPath } from './images';
import { safeHref } from './links';
import { artisanPath, collectionPath, editionPath, workPath } from './routes';

/**
 * schema.org descriptions of the gallery's pages. `serialize` escapes every character that
 * could end the surrounding <script> element, so CMS text cannot break out of it.
 */
export function serialize(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const absolute = (site: URL, path: string) => new URL(path, site).toString();
const image = (site: URL, media: Media) => {
  const path = renditionPath(media, 'webp', 1600);
  return path ? absolute(site, path) : undefined;
};
const mm = (value: number | null | undefined) =>
  value ? { '@type': 'QuantitativeValue', value, unitCode: 'MMT' } : undefined;

export function workJsonLd(work: Work, lang: Locale, site: URL) {
  return {
    '@context': 'https://schema.org',
    '@type': 'VisualArtwork',
    name: work.title,
    url: absolute(site, workPath(lang, work)),
    inLanguage: lang,
    creator: work.artisans.map((artisan) => ({
      '@type': 'Person',
      name: artisan.name,
      url: absolute(site, artisanPath(lang, artisan)),
      nationality: { '@type': 'Country', name: countryName(artisan.country, lang) },
    })),
    image: work.photos.map((photo) => image(site, photo)).filter(Boolean),
    artform: work.pieceType?.label,
    artMedium: [...work.materials, ...work.gemstones].map((term) => term.label).join(', ') || undefined,
    // The earliest year: schema.org has no range or "circa"; the page shows the catalogue's words.
    dateCreated: isoYear(work.year?.from),
    height: mm(work.dimensions?.heightMm),
    width: mm(work.dimensions?.widthMm),
    depth: mm(work.dimensions?.depthMm),
    weight: work.weightGrams
      ? { '@type': 'QuantitativeValue', value: work.weightGrams, unitCode: 'GRM' }
      : undefined,
    artEdition: work.editionType === 'edition' && work.editionSize ? String(work.editionSize) : undefined,
    copyrightHolder: work.rightsHolder ? { '@type': 'Person', name: work.rightsHolder } : undefined,
    creditText: work.creditLine ?? undefined,
  };
}

export function editionJsonLd(
  edition: Edition,
  venues: {
    name: string;
    address?: string | null;
    location?: { latitude?: number | null; longitude?: number | null } | null;
  }[],
  lang: Locale,
  site: URL,
) {
  return {
    '@context': 'https://schema.org',
    '@type': 'ExhibitionEvent',
    name: edition.title,
    alternateName: edition.theme ?? undefined,
    url: absolute(site, editionPath(lang, edition)),
    inLanguage: lang,
    startDate: edition.startDate?.slice(0, 10),
    endDate: edition.endDate?.slice(0, 10),
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    eventStatus: 'https://schema.org/EventScheduled',
    image: edition.heroImage ? image(site, edition.heroImage) : undefined,
    location: venues.map((venue) => ({
      '@type': 'Place',
      name: venue.name,
      address: venue.address ?? undefined,
      geo:
        venue.location?.latitude != null && venue.location?.longitude != null
          ? {
              '@type': 'GeoCoordinates',
              latitude: venue.location.latitude,
              longitude: venue.location.longitude,
            }
          : undefined,
    })),
    organizer: { '@type': 'Organization', name: 'Almaty Jewelry Week' },
    description: ui(lang).siteTagline,
  };
}

/** An AJW collection is an exhibition within its edition: the edition is its `superEvent`. */
export function showcaseJsonLd(showcase: Showcase, lang: Locale, site: URL) {
  return {
    '@context': 'https://schema.org',
    '@type': 'ExhibitionEvent',
    name: showcase.title,
    url: absolute(site, collectionPath(lang, showcase)),
    inLanguage: lang,
    superEvent: {
      '@type': 'ExhibitionEvent',
      name: showcase.edition.title,
      url: absolute(site, editionPath(lang, showcase.edition)),
    },
  };
}

/**
 * A year as ISO 8601 writes it: four digits, and BC years in astronomical numbering (400 BC is
 * -0399, since 1 BC is year 0).
 */
export function isoYear(year: number | null | undefined): string | undefined {
  if (typeof year !== 'number' || year === 0) return undefined;
  return year > 0 ? String(year).padStart(4, '0') : `-${String(-year - 1).padStart(4, '0')}`;
}

export function personJsonLd(artisan: Artisan, lang: Locale, site: URL) {
  const sameAs = [artisan.website, ...artisan.socialLinks.map((link) => link.url)]
    .map((url) => safeHref(url))
    .filter(Boolean);
  return {
    '@context': 'https://schema.org',
    '@type': 'Person',
    name: artisan.name,
    url: absolute(site, artisanPath(lang, artisan)),
    nationality: { '@type': 'Country', name: countryName(artisan.country, lang) },
    homeLocation: artisan.city ? { '@type': 'Place', name: artisan.city } : undefined,
    birthDate: isoYear(artisan.birthYear),
    deathDate: isoYear(artisan.deathYear),
    image: artisan.portrait ? image(site, artisan.portrait) : undefined,
    sameAs: sameAs.length ? sameAs : undefined,
  };
}
