import { mulberry32, type PieceKind } from '@oyu/cms/seed/draw';
import { countryCodes, type Locale, starterMaterials, starterTechniques } from '@oyu/shared-types';

/**
 * The benchmark's content, the same on every run: each size is made from a fixed seed, so two
 * runs (or two machines) measure the same artisans, works and photographs.
 *
 *   S   500 works,    50 artisans,  1 photo a work from a pool of 100 (800×600): the smoke
 *       test CI runs, kept to a few minutes; 50 photos uploaded, 50 cloned
 *   M   5,000 works,  500 artisans, 4 photos a work (1600×1200), one in 50 at 24 MP (6000×4000);
 *       500 photos uploaded, 19,500 cloned from them
 *   L   20,000 works, 1,000 artisans, 1 photo a work (1600×1200) from a pool of 2,000: M
 *       measures photos at scale, L pages and documents; 20,000 distinct photos would add
 *       about six hours of upload to its seed and nothing to what it measures
 *
 * Uploading a photo is the CMS encoding each of its renditions (about 1.7 s at M on two
 * cores): 20,000 of them took six hours. Sizes that set `uploadPhotos` upload that many, the
 * first of the dataset, which is what the upload figures are measured on, and clone the rest
 * from them in the database and the media folder (clonePhotos.ts): every work still has its
 * own photos with files of their own, which is what the site build and its copy measure.
 */
export type BenchSize = 'S' | 'M' | 'L';

export type SizeSpec = {
  works: number;
  artisans: number;
  photosPerWork: number;
  photo: { width: number; height: number };
  /** Every `largeEvery`-th photo is a 24-megapixel original (0: none). */
  largeEvery: number;
  /** Works share this many distinct photos (0: every photo is its own). */
  photoPool: number;
  /** Photos uploaded through the REST API, the first ones; the others are cloned. All when not set. */
  uploadPhotos?: number;
  editions: number[];
};

export const sizes: Record<BenchSize, SizeSpec> = {
  S: {
    works: 500,
    artisans: 50,
    photosPerWork: 1,
    photo: { width: 800, height: 600 },
    largeEvery: 0,
    photoPool: 100,
    uploadPhotos: 50,
    editions: [2024, 2025, 2026],
  },
  M: {
    works: 5000,
    artisans: 500,
    photosPerWork: 4,
    photo: { width: 1600, height: 1200 },
    largeEvery: 50,
    photoPool: 0,
    uploadPhotos: 500,
    editions: [2022, 2023, 2024, 2025, 2026],
  },
  L: {
    works: 20000,
    artisans: 1000,
    photosPerWork: 1,
    photo: { width: 1600, height: 1200 },
    largeEvery: 0,
    photoPool: 2000,
    editions: [2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026],
  },
};

export const large = { width: 6000, height: 4000 };

type Localized = Record<Locale, string>;

export type BenchArtisan = { index: number; name: string; slug: string; country: string; city: Localized };
export type BenchPhoto = {
  seed: number;
  kind: PieceKind;
  metal: 'silver' | 'gold';
  gem: string;
  backdrop: [string, string];
  width: number;
  height: number;
  name: string;
  alt: string;
};
export type BenchWork = {
  index: number;
  slug: string;
  title: Localized;
  artisans: number[];
  pieceType: string;
  materials: string[];
  techniques: string[];
  year: number;
  edition: number;
  /** Indexes into the dataset's photos. */
  photos: number[];
};

const syllables = [
  'ai',
  'ger',
  'im',
  'nur',
  'lan',
  'as',
  'kar',
  'bek',
  'dar',
  'ya',
  'ka',
  'mi',
  'sa',
  'ule',
  'tor',
  'zhan',
];
const surnames = ['ova', 'ov', 'uly', 'kyzy', 'ev', 'eva', 'bekov', 'beková'];
const cities: Localized[] = [
  { en: 'Almaty', ru: 'Алматы', kk: 'Алматы' },
  { en: 'Astana', ru: 'Астана', kk: 'Астана' },
  { en: 'Bishkek', ru: 'Бишкек', kk: 'Бішкек' },
  { en: 'Tashkent', ru: 'Ташкент', kk: 'Ташкент' },
  { en: 'Samarkand', ru: 'Самарканд', kk: 'Самарқанд' },
  { en: 'Dushanbe', ru: 'Душанбе', kk: 'Душанбе' },
];
const motifs: Localized[] = [
  { en: 'Steppe', ru: 'Степь', kk: 'Дала' },
  { en: 'Tulip', ru: 'Тюльпан', kk: 'Қызғалдақ' },
  { en: 'Falcon', ru: 'Сокол', kk: 'Сұңқар' },
  { en: 'Shanyrak', ru: 'Шанырак', kk: 'Шаңырақ' },
  { en: 'Moon', ru: 'Луна', kk: 'Ай' },
  { en: 'River', ru: 'Река', kk: 'Өзен' },
  { en: 'Ornament', ru: 'Орнамент', kk: 'Ою' },
  { en: 'Caravan', ru: 'Караван', kk: 'Керуен' },
];
const kinds: { type: string; drawing: PieceKind; label: Localized }[] = [
  { type: 'ring', drawing: 'ring', label: { en: 'Ring', ru: 'Кольцо', kk: 'Жүзік' } },
  { type: 'brooch', drawing: 'brooch', label: { en: 'Brooch', ru: 'Брошь', kk: 'Төсбелгі' } },
  { type: 'necklace', drawing: 'necklace', label: { en: 'Necklace', ru: 'Колье', kk: 'Алқа' } },
  { type: 'earrings', drawing: 'earrings', label: { en: 'Earrings', ru: 'Серьги', kk: 'Сырға' } },
  { type: 'bracelet', drawing: 'bracelet', label: { en: 'Bracelet', ru: 'Браслет', kk: 'Білезік' } },
  { type: 'pendant', drawing: 'pendant', label: { en: 'Pendant', ru: 'Кулон', kk: 'Кулон' } },
];
const backdrops: [string, string][] = [
  ['#f3ede4', '#b9a58c'],
  ['#e8eef2', '#8ca0b3'],
  ['#efe6ef', '#a58caf'],
  ['#e9f0e6', '#93a88a'],
];
const gems = ['#2fa4a0', '#c0392b', '#2e86c1', '#27ae60', '#8e44ad'];
const countries = ['KZ', 'KG', 'UZ', 'TJ', 'TM'].filter((code) =>
  (countryCodes as readonly string[]).includes(code),
);

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

function pickSome<T>(rand: () => number, items: readonly T[], most: number): T[] {
  const count = 1 + Math.floor(rand() * most);
  return [...new Set(Array.from({ length: count }, () => pick(rand, items)))];
}

export function dataset(size: BenchSize) {
  const spec = sizes[size];
  const rand = mulberry32(7 + size.charCodeAt(0));
  const artisans: BenchArtisan[] = Array.from({ length: spec.artisans }, (_, index) => {
    const first = `${pick(rand, syllables)}${pick(rand, syllables)}`;
    const last = `${pick(rand, syllables)}${pick(rand, syllables)}${pick(rand, surnames)}`;
    const name = `${first[0]?.toUpperCase()}${first.slice(1)} ${last[0]?.toUpperCase()}${last.slice(1)}`;
    return {
      index,
      name,
      slug: `bench-artisan-${index + 1}`,
      country: pick(rand, countries),
      city: pick(rand, cities),
    };
  });
  const photos: BenchPhoto[] = [];
  const works: BenchWork[] = Array.from({ length: spec.works }, (_, index) => {
    const kind = pick(rand, kinds);
    const motif = pick(rand, motifs);
    const number = index + 1;
    const title: Localized = {
      en: `${motif.en} ${kind.label.en} No. ${number}`,
      ru: `${kind.label.ru} «${motif.ru}» № ${number}`,
      kk: `«${motif.kk}» ${kind.label.kk.toLowerCase()} № ${number}`,
    };
    const metal = rand() < 0.6 ? 'silver' : 'gold';
    const gem = pick(rand, gems);
    const backdrop = pick(rand, backdrops);
    const photoIndexes = Array.from({ length: spec.photosPerWork }, (_, view) => {
      if (spec.photoPool && photos.length >= spec.photoPool)
        return (index * spec.photosPerWork + view) % spec.photoPool;
      const isLarge = spec.largeEvery > 0 && (photos.length + 1) % spec.largeEvery === 0;
      const { width, height } = isLarge ? large : spec.photo;
      photos.push({
        seed: index * 10 + view + 1,
        kind: kind.drawing,
        metal,
        gem,
        backdrop,
        width,
        height,
        name: `bench-work-${number}-${view + 1}.jpg`,
        alt: `${title.en}, view ${view + 1}`,
      });
      return photos.length - 1;
    });
    return {
      index,
      slug: `bench-work-${number}`,
      title,
      artisans: [Math.floor(rand() * spec.artisans)],
      pieceType: kind.type,
      materials: pickSome(
        rand,
        starterMaterials.filter((m) => m.kind === 'metal').map((m) => m.slug),
        2,
      ),
      techniques: pickSome(
        rand,
        starterTechniques.map((t) => t.slug),
        2,
      ),
      year: 2000 + Math.floor(rand() * 26),
      edition: pick(rand, spec.editions),
      photos: photoIndexes,
    };
  });
  return { spec, artisans, works, photos };
}
