import type { Artisan, Edition, Locale, MakerRole, Showcase, Work } from '@oyu/shared-types';

/** The published content of one language, as a build has it. */
export type LanguageContent = {
  works: Work[];
  artisans: Artisan[];
  editions: Edition[];
  showcases: Showcase[];
};

/** A text in every language. */
export type Localized = Record<Locale, string>;

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
