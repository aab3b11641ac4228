import { locales } from '@oyu/shared-types';
import { isoYear } from '../jsonld';
import type { EditionOpenData, Localized } from './types';

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
