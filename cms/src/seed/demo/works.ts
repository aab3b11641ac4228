import {
  type Colour,
  type Locale,
  starterMaterials,
  starterPieceTypes,
  starterTechniques,
} from '@oyu/shared-types';
import type { PieceKind } from '../draw';
import { demoArtisans } from './artisans';
import { demoEditions } from './editions';

type Localized = Record<Locale, string>;

const motifs: Localized[] = [
  { en: 'Steppe Dawn', ru: 'Рассвет в степи', kk: 'Дала таңы' },
  { en: 'Ram’s Horn', ru: 'Бараний рог', kk: 'Қошқар мүйіз' },
  { en: 'Silk Road', ru: 'Шёлковый путь', kk: 'Жібек жолы' },
  { en: 'Tulip', ru: 'Тюльпан', kk: 'Қызғалдақ' },
  { en: 'Mountain Lake', ru: 'Горное озеро', kk: 'Тау көлі' },
  { en: 'Golden Eagle', ru: 'Беркут', kk: 'Бүркіт' },
  { en: 'Shanyrak', ru: 'Шанырак', kk: 'Шаңырақ' },
  { en: 'Pomegranate', ru: 'Гранат', kk: 'Анар' },
  { en: 'Snow Leopard', ru: 'Снежный барс', kk: 'Ақ барс' },
  { en: 'Crescent', ru: 'Полумесяц', kk: 'Жарты ай' },
  { en: 'Caravan', ru: 'Караван', kk: 'Керуен' },
  { en: 'Apple Blossom', ru: 'Цветение яблони', kk: 'Алма гүлі' },
  { en: 'Morning Star', ru: 'Утренняя звезда', kk: 'Шолпан' },
  { en: 'Felt Pattern', ru: 'Войлочный узор', kk: 'Киіз өрнегі' },
  { en: 'River Stones', ru: 'Речные камни', kk: 'Өзен тастары' },
  { en: 'Wind', ru: 'Ветер', kk: 'Жел' },
  { en: 'Saiga', ru: 'Сайгак', kk: 'Ақбөкен' },
  { en: 'Desert Rose', ru: 'Роза пустыни', kk: 'Шөл раушаны' },
  { en: 'Nomad’s Road', ru: 'Дорога кочевника', kk: 'Көшпенді жолы' },
  { en: 'Spring', ru: 'Весна', kk: 'Көктем' },
  { en: 'Moonlight', ru: 'Лунный свет', kk: 'Ай сәулесі' },
  { en: 'Blue Dome', ru: 'Голубой купол', kk: 'Көк күмбез' },
  { en: 'Heritage', ru: 'Наследие', kk: 'Мұра' },
  { en: 'Dombra', ru: 'Домбра', kk: 'Домбыра' },
  { en: 'Horse Mane', ru: 'Конская грива', kk: 'Жал' },
  { en: 'Poppy Field', ru: 'Маковое поле', kk: 'Көкнәр алқабы' },
  { en: 'Ornament', ru: 'Орнамент', kk: 'Ою-өрнек' },
  { en: 'Sun Disc', ru: 'Солнечный диск', kk: 'Күн шеңбері' },
  { en: 'Falcon', ru: 'Сокол', kk: 'Сұңқар' },
  { en: 'Bride’s Gift', ru: 'Подарок невесте', kk: 'Қалыңдыққа сыйлық' },
];

const views: Localized[] = [
  { en: 'Front view', ru: 'Вид спереди', kk: 'Алдыңғы көрінісі' },
  { en: 'Side view', ru: 'Вид сбоку', kk: 'Бүйір көрінісі' },
  { en: 'Detail', ru: 'Деталь', kk: 'Бөлшегі' },
  { en: 'Back', ru: 'Оборотная сторона', kk: 'Артқы жағы' },
];

const drawingFor: Record<string, PieceKind> = {
  ring: 'ring',
  brooch: 'brooch',
  necklace: 'necklace',
  earrings: 'earrings',
  bracelet: 'bracelet',
  bilezik: 'bracelet',
  pendant: 'pendant',
  sholpy: 'pendant',
  alka: 'necklace',
  headdress: 'brooch',
};

const gemColours: Record<string, string> = {
  turquoise: '#2fa3a0',
  carnelian: '#b4412b',
  coral: '#e0584f',
  'lapis-lazuli': '#1f3f8b',
  pearl: '#f1ece2',
  garnet: '#7b1e2b',
  jasper: '#8c5a3c',
};

/**
 * The colour a material gives a piece, for the colour filter. Enamel and felt come in any
 * colour, so they add none.
 */
const materialColours: Record<string, Colour> = {
  silver: 'silver',
  gold: 'gold',
  'gilded-silver': 'gold',
  copper: 'copper',
  brass: 'gold',
  leather: 'brown',
  turquoise: 'turquoise',
  carnelian: 'orange',
  coral: 'red',
  'lapis-lazuli': 'blue',
  pearl: 'white',
  garnet: 'red',
  jasper: 'brown',
};

export type DemoWork = {
  slug: string;
  title: Localized;
  artisans: string[];
  pieceType: string;
  materials: string[];
  gemstones: string[];
  techniques: string[];
  colours: Colour[];
  description: Record<Locale, string[]>;
  views: Localized[];
  drawing: PieceKind;
  gemColour: string;
  metal: 'silver' | 'gold';
  fineness: number;
  weightGrams: number;
  dimensions: { heightMm: number; widthMm: number; depthMm?: number; diameterMm?: number };
  year: number;
  editionSize?: number;
  editions: number[];
  showcase?: string;
  draft: boolean;
};

const label = (list: { slug: string; label: Localized }[], slug: string, locale: Locale) =>
  list.find((term) => term.slug === slug)?.label[locale] ?? slug;
const joinList = (items: string[], and: string) =>
  items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`;
const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Sixty works, five per artisan, generated deterministically: the same demo every time.
 * Titles and descriptions are assembled from the vocabulary's own labels in each language,
 * using constructions that need no grammatical agreement.
 */
export function demoWorks(): DemoWork[] {
  const gems = starterMaterials.filter((m) => m.kind === 'gemstone').map((m) => m.slug);
  const works: DemoWork[] = [];
  demoArtisans.forEach((artisan, a) => {
    for (let w = 0; w < 5; w += 1) {
      const n = a * 5 + w;
      const motif = motifs[n % motifs.length] as Localized;
      const pieceType =
        starterPieceTypes[(n + Math.floor(n / motifs.length) * 3) % starterPieceTypes.length]?.slug ?? 'ring';
      const metal = n % 4 === 3 ? (artisan.metal === 'gold' ? 'silver' : 'gold') : artisan.metal;
      const materials = [
        metal === 'gold' ? 'gold' : 'silver',
        ...(n % 5 === 0 ? ['enamel'] : []),
        ...(artisan.key === 'dana' ? ['felt'] : []),
      ];
      const gemstones =
        n % 6 === 5
          ? []
          : [
              gems[n % gems.length] as string,
              ...(n % 4 === 0 ? [gems[(n + 3) % gems.length] as string] : []),
            ];
      const techniques = [
        starterTechniques[n % starterTechniques.length]?.slug ?? 'casting',
        ...(n % 3 === 0 ? ['granulation'] : []),
      ].filter((t, i, all) => all.indexOf(t) === i);
      const edition = demoEditions[n % demoEditions.length];
      const year = edition?.year ?? 2026;
      const showcases = edition?.showcases ?? [];
      const pieceLabel = (locale: Locale) => label(starterPieceTypes, pieceType, locale);
      const title: Localized = {
        en: `${motif.en} ${pieceLabel('en').replace(/ \(.*\)$/, '')}`,
        ru: `${pieceLabel('ru').replace(/ \(.*\)$/, '')} «${motif.ru}»`,
        kk: `«${motif.kk}» ${lower(pieceLabel('kk').replace(/ \(.*\)$/, ''))}`,
      };
      const names = (slugs: string[], list: { slug: string; label: Localized }[], locale: Locale) =>
        slugs.map((slug) => lower(label(list, slug, locale)));
      const description: Record<Locale, string[]> = {
        en: [
          `${capital(lower(pieceLabel('en')))} in ${joinList(names(materials, starterMaterials, 'en'), 'and')}${
            gemstones.length ? `, set with ${joinList(names(gemstones, starterMaterials, 'en'), 'and')}` : ''
          }. Technique: ${joinList(names(techniques, starterTechniques, 'en'), 'and')}.`,
          `Inspired by the motif “${motif.en}”.`,
        ],
        ru: [
          `${pieceLabel('ru')}. Материалы: ${names([...materials, ...gemstones], starterMaterials, 'ru').join(', ')}. Техника: ${names(techniques, starterTechniques, 'ru').join(', ')}.`,
          `Навеяно мотивом «${motif.ru}».`,
        ],
        kk: [
          `${pieceLabel('kk')}. Материалдары: ${names([...materials, ...gemstones], starterMaterials, 'kk').join(', ')}. Техникасы: ${names(techniques, starterTechniques, 'kk').join(', ')}.`,
          `«${motif.kk}» мотивінен шабыт алған.`,
        ],
      };
      const slug = `${title.en}`
        .toLowerCase()
        .replace(/’/g, '')
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '');
      works.push({
        slug,
        title,
        artisans:
          n % 17 === 4
            ? [artisan.key, demoArtisans[(a + 1) % demoArtisans.length]?.key ?? artisan.key]
            : [artisan.key],
        pieceType,
        materials,
        gemstones,
        techniques,
        colours: [...new Set([...materials, ...gemstones].flatMap((slug) => materialColours[slug] ?? []))],
        description,
        views: views.slice(0, 2 + (n % 3)),
        drawing: drawingFor[pieceType] ?? 'brooch',
        gemColour: gemColours[gemstones[0] ?? ''] ?? '#c9b79c',
        metal,
        fineness: metal === 'gold' ? (n % 2 ? 750 : 585) : 925,
        weightGrams: Math.round((4 + ((n * 37) % 90)) * 10) / 10,
        dimensions:
          pieceType === 'ring'
            ? { heightMm: 18 + (n % 9), widthMm: 20 + (n % 7), diameterMm: 16.5 + (n % 5) * 0.5 }
            : { heightMm: 30 + ((n * 13) % 120), widthMm: 20 + ((n * 7) % 80), depthMm: 3 + (n % 8) },
        year: year - (n % 3 === 1 ? 1 : 0),
        ...(n % 7 === 3 ? { editionSize: 5 + (n % 4) * 5 } : {}),
        editions: [year],
        ...(showcases.length ? { showcase: showcases[n % showcases.length]?.key } : {}),
        draft: n % 29 === 11,
      });
    }
  });
  return works;
}
