import type { EditionStatus, Locale } from '@oyu/shared-types';

type Localized = Record<Locale, string>;

export type DemoVenue = {
  key: string;
  name: Localized;
  address: Localized;
  latitude: number;
  longitude: number;
  hours: Localized;
};

export type DemoShowcase = { key: string; title: Localized; introduction: Localized };

export type DemoEdition = {
  year: number;
  stage: EditionStatus;
  theme: Localized;
  description: Localized;
  startDate: string;
  endDate: string;
  venues: string[];
  showcases: DemoShowcase[];
};

/** Fictional venues at real Almaty addresses' scale; coordinates are in the city centre. */
export const demoVenues: DemoVenue[] = [
  {
    key: 'kok-tas',
    name: { en: 'Kök Tas Gallery', ru: 'Галерея «Көк Тас»', kk: '«Көк Тас» галереясы' },
    address: {
      en: 'Abay Avenue 10, Almaty',
      ru: 'проспект Абая, 10, Алматы',
      kk: 'Абай даңғылы, 10, Алматы',
    },
    latitude: 43.2401,
    longitude: 76.9454,
    hours: { en: 'Tue–Sun 11:00–20:00', ru: 'Вт–Вс 11:00–20:00', kk: 'Сс–Жс 11:00–20:00' },
  },
  {
    key: 'dostyk-hall',
    name: { en: 'Dostyk Exhibition Hall', ru: 'Выставочный зал «Достык»', kk: '«Достық» көрме залы' },
    address: {
      en: 'Dostyk Avenue 85, Almaty',
      ru: 'проспект Достык, 85, Алматы',
      kk: 'Достық даңғылы, 85, Алматы',
    },
    latitude: 43.2335,
    longitude: 76.9573,
    hours: { en: 'Daily 10:00–21:00', ru: 'Ежедневно 10:00–21:00', kk: 'Күн сайын 10:00–21:00' },
  },
  {
    key: 'medeu-craft',
    name: { en: 'Medeu Craft House', ru: 'Дом ремёсел «Медеу»', kk: '«Медеу» қолөнер үйі' },
    address: {
      en: 'Gornaya Street 2, Almaty',
      ru: 'улица Горная, 2, Алматы',
      kk: 'Горная көшесі, 2, Алматы',
    },
    latitude: 43.1986,
    longitude: 76.9851,
    hours: { en: 'Thu–Sun 12:00–19:00', ru: 'Чт–Вс 12:00–19:00', kk: 'Бс–Жс 12:00–19:00' },
  },
];

export const demoEditions: DemoEdition[] = [
  {
    year: 2024,
    stage: 'archived',
    theme: { en: 'Steppe Silver', ru: 'Серебро степи', kk: 'Дала күмісі' },
    description: {
      en: 'The first Almaty Jewelry Week brought twelve makers from five countries to Almaty.',
      ru: 'Первая Almaty Jewelry Week собрала в Алматы двенадцать мастеров из пяти стран.',
      kk: 'Алғашқы Almaty Jewelry Week Алматыға бес елден он екі шеберді жинады.',
    },
    startDate: '2024-09-12',
    endDate: '2024-09-22',
    venues: ['kok-tas'],
    showcases: [
      {
        key: 'filigree-masters',
        title: { en: 'Filigree Masters', ru: 'Мастера филиграни', kk: 'Зерлеу шеберлері' },
        introduction: {
          en: 'Wire as fine as hair, twisted and soldered into lace.',
          ru: 'Проволока тоньше волоса, скрученная и спаянная в кружево.',
          kk: 'Шаштан жіңішке сым бұралып, ширатылып, шілтерге айналады.',
        },
      },
      {
        key: 'nomad-ornament',
        title: { en: 'Nomad Ornament', ru: 'Орнамент кочевников', kk: 'Көшпенділер ою-өрнегі' },
        introduction: {
          en: 'The ram’s horn, the tulip and the sun, from felt to metal.',
          ru: 'Бараний рог, тюльпан и солнце — от войлока к металлу.',
          kk: 'Қошқар мүйіз, қызғалдақ және күн — киізден металға.',
        },
      },
    ],
  },
  {
    year: 2025,
    stage: 'archived',
    theme: { en: 'Threads of the Silk Road', ru: 'Нити Шёлкового пути', kk: 'Жібек жолының жіптері' },
    description: {
      en: 'Stones and techniques that travelled between Bukhara, Samarkand and the steppe.',
      ru: 'Камни и техники, что путешествовали между Бухарой, Самаркандом и степью.',
      kk: 'Бұхара, Самарқанд пен дала арасында саяхаттаған тастар мен тәсілдер.',
    },
    startDate: '2025-09-11',
    endDate: '2025-09-21',
    venues: ['kok-tas', 'dostyk-hall'],
    showcases: [
      {
        key: 'silk-road-stones',
        title: { en: 'Silk Road Stones', ru: 'Камни Шёлкового пути', kk: 'Жібек жолының тастары' },
        introduction: {
          en: 'Turquoise, carnelian and lapis lazuli, traded for centuries.',
          ru: 'Бирюза, сердолик и лазурит — предметы торговли на протяжении веков.',
          kk: 'Ғасырлар бойы саудаланған көгілдір тас, карнеол және лазурит.',
        },
      },
      {
        key: 'enamel-and-fire',
        title: { en: 'Enamel and Fire', ru: 'Эмаль и огонь', kk: 'Эмаль мен от' },
        introduction: {
          en: 'Glass fused onto gold and silver in the kiln.',
          ru: 'Стекло, сплавленное с золотом и серебром в печи.',
          kk: 'Пеште алтын мен күміске балқытылған шыны.',
        },
      },
    ],
  },
  {
    year: 2026,
    stage: 'current',
    theme: { en: 'Ornament Today', ru: 'Орнамент сегодня', kk: 'Бүгінгі ою-өрнек' },
    description: {
      en: 'How young makers and masters read the old patterns now.',
      ru: 'Как молодые мастера и признанные ювелиры читают старые узоры сегодня.',
      kk: 'Жас шеберлер мен танымал зергерлер ескі өрнектерді бүгін қалай оқиды.',
    },
    startDate: '2026-09-10',
    endDate: '2026-09-20',
    venues: ['dostyk-hall', 'medeu-craft'],
    showcases: [
      {
        key: 'new-forms',
        title: { en: 'New Forms', ru: 'Новые формы', kk: 'Жаңа пішіндер' },
        introduction: {
          en: 'Minimal lines drawn from traditional silhouettes.',
          ru: 'Минималистичные линии, рождённые традиционными силуэтами.',
          kk: 'Дәстүрлі пішіндерден туған қарапайым сызықтар.',
        },
      },
      {
        key: 'heirlooms-reimagined',
        title: { en: 'Heirlooms Reimagined', ru: 'Семейные реликвии заново', kk: 'Мұра жаңа қырынан' },
        introduction: {
          en: 'Grandmothers’ pieces, remade for everyday wear.',
          ru: 'Бабушкины украшения, переосмысленные для каждого дня.',
          kk: 'Әжелердің әшекейлері күнделікті киюге жаңаша жасалған.',
        },
      },
      {
        key: 'young-makers',
        title: { en: 'Young Makers', ru: 'Молодые мастера', kk: 'Жас шеберлер' },
        introduction: {
          en: 'First collections by makers under thirty.',
          ru: 'Первые коллекции мастеров до тридцати лет.',
          kk: 'Отызға толмаған шеберлердің алғашқы коллекциялары.',
        },
      },
    ],
  },
];

export const demoAbout = {
  en: [
    'Oyu shows the work of Central Asian artisans and jewellers from the Central Asia – European Creative Forum and Almaty Jewelry Week.',
    'Oyu (ою) is the Kazakh word for ornament.',
  ],
  ru: [
    'Oyu показывает работы мастеров и ювелиров Центральной Азии — участников Центральноазиатско-европейского творческого форума и Almaty Jewelry Week.',
    'Ою — по-казахски «орнамент».',
  ],
  kk: [
    'Oyu Орталық Азия – Еуропа шығармашылық форумы мен Almaty Jewelry Week қатысушыларының — Орталық Азия шеберлері мен зергерлерінің жұмыстарын көрсетеді.',
    'Ою — қазақша өрнек деген сөз.',
  ],
} satisfies Record<Locale, string[]>;
