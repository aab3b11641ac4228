import type { CountryCode, Discipline, Locale } from '@oyu/shared-types';

type Localized = Record<Locale, string>;

export type DemoArtisan = {
  key: string;
  name: string;
  country: CountryCode;
  city: Localized;
  birthYear?: number;
  disciplines: Discipline[];
  /** What they make, completing "…works in {city}, " in each language. */
  craft: Localized;
  metal: 'silver' | 'gold';
  backdrop: [string, string];
  website?: string;
  instagram?: string;
};

/** Twelve designers of the forum. Fictional people; real places and crafts. */
export const demoArtisans: DemoArtisan[] = [
  {
    key: 'aigerim',
    name: 'Aigerim Seitkali',
    country: 'KZ',
    city: { en: 'Almaty', ru: 'Алматы', kk: 'Алматы' },
    birthYear: 1987,
    disciplines: ['jewellery', 'silversmithing'],
    craft: {
      en: 'reviving the silver filigree of Kazakh bridal jewellery',
      ru: 'возрождает серебряную филигрань казахских свадебных украшений',
      kk: 'қазақ үйлену әшекейлерінің күміс зерлеуін жаңғыртады',
    },
    metal: 'silver',
    backdrop: ['#d9cbb8', '#8f7a62'],
    website: 'https://aigerim-seitkali.example',
    instagram: 'https://instagram.com/aigerim.seitkali.example',
  },
  {
    key: 'nurlan',
    name: 'Nurlan Abenov',
    country: 'KZ',
    city: { en: 'Shymkent', ru: 'Шымкент', kk: 'Шымкент' },
    birthYear: 1979,
    disciplines: ['silversmithing', 'leather'],
    craft: {
      en: 'making horse harness silver and belts with niello',
      ru: 'создаёт серебряные детали конской сбруи и пояса с чернением',
      kk: 'ат әбзелінің күміс бөлшектері мен қаралау белдіктер жасайды',
    },
    metal: 'silver',
    backdrop: ['#cfd8dc', '#546e7a'],
  },
  {
    key: 'dana',
    name: 'Dana Zhaksylykova',
    country: 'KZ',
    city: { en: 'Astana', ru: 'Астана', kk: 'Астана' },
    birthYear: 1994,
    disciplines: ['jewellery', 'felt'],
    craft: {
      en: 'joining felt and silver in contemporary pieces',
      ru: 'соединяет войлок и серебро в современных украшениях',
      kk: 'заманауи әшекейлерде киіз бен күмісті ұштастырады',
    },
    metal: 'silver',
    backdrop: ['#e0d7ce', '#9c8b7a'],
  },
  {
    key: 'yerlan',
    name: 'Yerlan Ospanov',
    country: 'KZ',
    city: { en: 'Turkistan', ru: 'Туркестан', kk: 'Түркістан' },
    birthYear: 1982,
    disciplines: ['goldsmithing', 'stone-setting'],
    craft: {
      en: 'setting turquoise and carnelian in gold after medieval finds',
      ru: 'закрепляет бирюзу и сердолик в золоте по мотивам средневековых находок',
      kk: 'ортағасырлық олжалар үлгісімен алтынға көгілдір тас пен карнеол орнатады',
    },
    metal: 'gold',
    backdrop: ['#eadbc8', '#a1887f'],
  },
  {
    key: 'gulnara',
    name: 'Gulnara Toktogulova',
    country: 'KG',
    city: { en: 'Bishkek', ru: 'Бишкек', kk: 'Бішкек' },
    birthYear: 1985,
    disciplines: ['jewellery', 'silversmithing'],
    craft: {
      en: 'casting and engraving silver set with coral and turquoise',
      ru: 'отливает и гравирует серебро с кораллами и бирюзой',
      kk: 'маржан мен көгілдір тас орнатылған күмісті құйып, ою салады',
    },
    metal: 'silver',
    backdrop: ['#e8d5c4', '#a0826d'],
  },
  {
    key: 'azamat',
    name: 'Azamat Sydykov',
    country: 'KG',
    city: { en: 'Osh', ru: 'Ош', kk: 'Ош' },
    birthYear: 1990,
    disciplines: ['silversmithing', 'woodwork'],
    craft: {
      en: 'forging bracelets in the style of southern Kyrgyz smiths',
      ru: 'куёт браслеты в традиции южнокыргызских мастеров',
      kk: 'оңтүстік қырғыз ұсталарының дәстүрімен білезік соғады',
    },
    metal: 'silver',
    backdrop: ['#d7ccc8', '#6d4c41'],
  },
  {
    key: 'timur',
    name: 'Timur Rakhimov',
    country: 'UZ',
    city: { en: 'Bukhara', ru: 'Бухара', kk: 'Бұхара' },
    birthYear: 1976,
    disciplines: ['goldsmithing', 'enamel'],
    craft: {
      en: 'a third-generation goldsmith working in gold and enamel',
      ru: 'ювелир в третьем поколении, работает с золотом и эмалью',
      kk: 'үшінші буын зергер, алтын мен эмальмен жұмыс істейді',
    },
    metal: 'gold',
    backdrop: ['#c9d6df', '#52616b'],
  },
  {
    key: 'malika',
    name: 'Malika Yusupova',
    country: 'UZ',
    city: { en: 'Samarkand', ru: 'Самарканд', kk: 'Самарқанд' },
    birthYear: 1991,
    disciplines: ['jewellery', 'textile'],
    craft: {
      en: 'drawing on suzani embroidery for gilded silver jewellery',
      ru: 'переносит узоры сюзане в украшения из позолоченного серебра',
      kk: 'сюзане кестесінің өрнектерін алтын жалатылған күміс әшекейлерге көшіреді',
    },
    metal: 'gold',
    backdrop: ['#f3e5f5', '#8e6c88'],
  },
  {
    key: 'sardor',
    name: 'Sardor Karimov',
    country: 'UZ',
    city: { en: 'Tashkent', ru: 'Ташкент', kk: 'Ташкент' },
    birthYear: 1998,
    disciplines: ['jewellery'],
    craft: {
      en: 'designing minimal rings and earrings from recycled silver',
      ru: 'создаёт минималистичные кольца и серьги из переработанного серебра',
      kk: 'қайта өңделген күмістен қарапайым жүзік пен сырға жасайды',
    },
    metal: 'silver',
    backdrop: ['#e3f2fd', '#5c7a99'],
  },
  {
    key: 'farrukh',
    name: 'Farrukh Nazarov',
    country: 'TJ',
    city: { en: 'Dushanbe', ru: 'Душанбе', kk: 'Душанбе' },
    birthYear: 1984,
    disciplines: ['goldsmithing', 'stone-setting'],
    craft: {
      en: 'working lapis lazuli from the Pamir into gold pendants',
      ru: 'оправляет памирский лазурит в золотые подвески',
      kk: 'Памир лазуритін алтын аспаларға орнатады',
    },
    metal: 'gold',
    backdrop: ['#dcdff0', '#4a5a8c'],
  },
  {
    key: 'nigina',
    name: 'Nigina Saidova',
    country: 'TJ',
    city: { en: 'Khujand', ru: 'Худжанд', kk: 'Хұжанд' },
    birthYear: 1995,
    disciplines: ['jewellery', 'enamel'],
    craft: {
      en: 'painting enamel miniatures set in silver',
      ru: 'пишет эмалевые миниатюры в серебряной оправе',
      kk: 'күміс жақтаудағы эмаль миниатюралар салады',
    },
    metal: 'silver',
    backdrop: ['#fff3e0', '#b08968'],
  },
  {
    key: 'aynur',
    name: 'Aynur Orazova',
    country: 'TM',
    city: { en: 'Ashgabat', ru: 'Ашхабад', kk: 'Ашхабад' },
    birthYear: 1988,
    disciplines: ['silversmithing', 'stone-setting'],
    craft: {
      en: 'making Turkmen gilded silver with carnelian, as her grandmother did',
      ru: 'делает туркменское позолоченное серебро с сердоликом, как её бабушка',
      kk: 'әжесі сияқты карнеолды түрікмен алтын жалатылған күмісін жасайды',
    },
    metal: 'gold',
    backdrop: ['#f8e1d4', '#a4604a'],
  },
];
