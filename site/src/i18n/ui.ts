import { defaultLocale, type Locale, locales } from '@oyu/shared-types';

/** Every string the site itself shows, in each language. CMS content brings its own. */
const strings = {
  en: {
    siteTagline: 'Central Asian artisans and jewellers, from Almaty Jewelry Week.',
    skip: 'Skip to content',
    mainNav: 'Main',
    works: 'Works',
    artisans: 'Artisans',
    language: 'Language',
    heroTitle: 'Jewellery and craft from Central Asia',
    heroText:
      'Makers from Kazakhstan, Kyrgyzstan, Uzbekistan, Tajikistan and Turkmenistan, shown at Almaty Jewelry Week and the Central Asia – European Creative Forum.',
    noWorks: 'No works are published yet.',
    nWorks: (n: number) => `${n} ${n === 1 ? 'work' : 'works'}`,
    by: 'by',
    and: 'and',
    born: 'born',
    website: 'Website',
    noPublishedWorks: 'No published works yet.',
    photosOf: (title: string) => `Photographs of ${title}`,
    photoNofM: (n: number, m: number, alt: string) => `Photo ${n} of ${m}: ${alt}`,
    object: 'Object',
    materials: 'Materials',
    gemstones: 'Gemstones',
    techniques: 'Techniques',
    fineness: 'Fineness / hallmark',
    weight: 'Weight',
    dimensions: 'Dimensions',
    date: 'Date',
    edition: 'Edition',
    marks: 'Marks',
    exhibited: 'Exhibited',
    uniquePiece: 'Unique piece',
    editionOf: (n: number) => `Edition of ${n}`,
    grams: 'g',
    mm: 'mm',
    footer:
      'Oyu — Central Asian artisans and jewellers, shown by the Central Asia – European Creative Forum and Almaty Jewelry Week.',
    workDescription: (title: string, makers: string) => `${title} by ${makers}.`,
    artisanDescription: (name: string, place: string) => `${name}, ${place}: works on Oyu.`,
  },
  ru: {
    siteTagline: 'Мастера и ювелиры Центральной Азии — Almaty Jewelry Week.',
    skip: 'Перейти к содержанию',
    mainNav: 'Основное меню',
    works: 'Работы',
    artisans: 'Мастера',
    language: 'Язык',
    heroTitle: 'Украшения и ремёсла Центральной Азии',
    heroText:
      'Мастера из Казахстана, Кыргызстана, Узбекистана, Таджикистана и Туркменистана на Almaty Jewelry Week и Центральноазиатско-европейском творческом форуме.',
    noWorks: 'Опубликованных работ пока нет.',
    nWorks: (n: number) => `работ: ${n}`,
    by: 'автор:',
    and: 'и',
    born: 'год рождения',
    website: 'Сайт',
    noPublishedWorks: 'Опубликованных работ пока нет.',
    photosOf: (title: string) => `Фотографии: ${title}`,
    photoNofM: (n: number, m: number, alt: string) => `Фото ${n} из ${m}: ${alt}`,
    object: 'Предмет',
    materials: 'Материалы',
    gemstones: 'Камни',
    techniques: 'Техники',
    fineness: 'Проба / клеймо',
    weight: 'Вес',
    dimensions: 'Размеры',
    date: 'Дата',
    edition: 'Тираж',
    marks: 'Клейма',
    exhibited: 'Выставлялось',
    uniquePiece: 'Уникальное изделие',
    editionOf: (n: number) => `Тираж ${n}`,
    grams: 'г',
    mm: 'мм',
    footer:
      'Oyu — мастера и ювелиры Центральной Азии на Центральноазиатско-европейском творческом форуме и Almaty Jewelry Week.',
    workDescription: (title: string, makers: string) => `${title}. Автор: ${makers}.`,
    artisanDescription: (name: string, place: string) => `${name}, ${place}: работы на Oyu.`,
  },
  kk: {
    siteTagline: 'Орталық Азия шеберлері мен зергерлері — Almaty Jewelry Week.',
    skip: 'Мазмұнға өту',
    mainNav: 'Негізгі мәзір',
    works: 'Жұмыстар',
    artisans: 'Шеберлер',
    language: 'Тіл',
    heroTitle: 'Орталық Азияның әшекейлері мен қолөнері',
    heroText:
      'Қазақстан, Қырғызстан, Өзбекстан, Тәжікстан және Түрікменстан шеберлері Almaty Jewelry Week пен Орталық Азия – Еуропа шығармашылық форумында.',
    noWorks: 'Жарияланған жұмыстар әзірге жоқ.',
    nWorks: (n: number) => `жұмыс: ${n}`,
    by: 'авторы:',
    and: 'және',
    born: 'туған жылы',
    website: 'Сайт',
    noPublishedWorks: 'Жарияланған жұмыстар әзірге жоқ.',
    photosOf: (title: string) => `Фотосуреттер: ${title}`,
    photoNofM: (n: number, m: number, alt: string) => `${m} фотоның ${n}-і: ${alt}`,
    object: 'Бұйым',
    materials: 'Материалдар',
    gemstones: 'Асыл тастар',
    techniques: 'Техникалар',
    fineness: 'Сынама / таңба',
    weight: 'Салмағы',
    dimensions: 'Өлшемдері',
    date: 'Күні',
    edition: 'Таралымы',
    marks: 'Таңбалар',
    exhibited: 'Көрмелер',
    uniquePiece: 'Бірегей бұйым',
    editionOf: (n: number) => `Таралымы: ${n}`,
    grams: 'г',
    mm: 'мм',
    footer:
      'Oyu — Орталық Азия – Еуропа шығармашылық форумы мен Almaty Jewelry Week ұсынған Орталық Азия шеберлері мен зергерлері.',
    workDescription: (title: string, makers: string) => `${title}. Авторы: ${makers}.`,
    artisanDescription: (name: string, place: string) => `${name}, ${place}: Oyu сайтындағы жұмыстары.`,
  },
} satisfies Record<Locale, Record<string, unknown>>;

export type Strings = (typeof strings)['en'];

export function ui(locale: Locale): Strings {
  return strings[locale];
}

/** `/ru/works/x/` from a locale and a path inside it. */
export function localePath(locale: Locale, path = '/'): string {
  return `/${locale}${path.startsWith('/') ? path : `/${path}`}`;
}

export { defaultLocale, locales };
