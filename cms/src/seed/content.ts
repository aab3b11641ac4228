import type { CountryCode, Locale } from '@oyu/shared-types';
import type { Palette, PieceKind } from './draw';

/** The demo: a few makers from the forum and their works, in the three languages. */

type Localized = Record<Locale, string>;

export type DemoArtisan = {
  key: string;
  name: string;
  country: CountryCode;
  bio: Record<Locale, string[]>;
  backdrop: [string, string];
};

export type DemoWork = {
  title: Localized;
  artisan: string;
  kind: PieceKind;
  palette: Palette;
  description: Record<Locale, string[]>;
  captions: Localized[];
  /** Left as a draft: the public must never see it. */
  draft?: boolean;
};

export const demoArtisans: DemoArtisan[] = [
  {
    key: 'aigerim',
    name: 'Aigerim Seitkali',
    country: 'KZ',
    backdrop: ['#d9cbb8', '#8f7a62'],
    bio: {
      en: [
        'Aigerim works in Almaty, reviving the silver filigree of Kazakh bridal jewellery.',
        'Her pieces join the ram’s-horn ornament with carnelian from the Zhetysu hills.',
      ],
      ru: [
        'Айгерим работает в Алматы и возрождает серебряную филигрань казахских свадебных украшений.',
        'В её работах орнамент «кошкар муйиз» соединяется с сердоликом из предгорий Жетысу.',
      ],
      kk: [
        'Әйгерім Алматыда тұрады, қазақтың үйлену әшекейлеріндегі күміс зерлеуді қайта жаңғыртады.',
        'Оның бұйымдарында қошқар мүйіз ою-өрнегі Жетісу тауларының карнеолымен үйлеседі.',
      ],
    },
  },
  {
    key: 'timur',
    name: 'Timur Rakhimov',
    country: 'UZ',
    backdrop: ['#c9d6df', '#52616b'],
    bio: {
      en: ['Timur is a third-generation goldsmith from Bukhara who works in gold and enamel.'],
      ru: ['Тимур — ювелир в третьем поколении из Бухары, работает с золотом и эмалью.'],
      kk: ['Тимур — Бұхарадан шыққан үшінші буын зергер, алтын мен эмальмен жұмыс істейді.'],
    },
  },
  {
    key: 'gulnara',
    name: 'Gulnara Toktogulova',
    country: 'KG',
    backdrop: ['#e8d5c4', '#a0826d'],
    bio: {
      en: ['Gulnara, from Bishkek, casts and engraves silver with coral and turquoise.'],
      ru: ['Гульнара из Бишкека отливает и гравирует серебро с кораллами и бирюзой.'],
      kk: ['Бішкектік Гүлнара күмісті құйып, маржан мен көгілдір таспен безендіреді.'],
    },
  },
  {
    key: 'elise',
    name: 'Élise Vandenberghe',
    country: 'BE',
    backdrop: ['#dfe7e2', '#6b8f80'],
    bio: {
      en: ['Élise, a Brussels jeweller, met Kazakh filigree at the forum and now works with it.'],
      ru: ['Элиза, ювелир из Брюсселя, познакомилась с казахской филигранью на форуме.'],
      kk: ['Брюссельдік зергер Элиза қазақ зерлеуімен форумда танысты.'],
    },
  },
];

const silverCarnelian: Palette = { metal: 'silver', gem: '#b4412b', backdrop: ['#f3eee7', '#cbbfae'] };
const goldEnamel: Palette = { metal: 'gold', gem: '#1f5f8b', backdrop: ['#f5f1ea', '#c2b59b'] };
const silverTurquoise: Palette = { metal: 'silver', gem: '#2fa3a0', backdrop: ['#eef1f3', '#aab4bc'] };
const silverCoral: Palette = { metal: 'silver', gem: '#e0584f', backdrop: ['#f4ecea', '#c9b3ad'] };

export const demoWorks: DemoWork[] = [
  {
    title: {
      en: 'Carnelian Ram’s-Horn Ring',
      ru: 'Кольцо «Кошкар муйиз» с сердоликом',
      kk: 'Карнеолды «Қошқар мүйіз» жүзік',
    },
    artisan: 'aigerim',
    kind: 'ring',
    palette: silverCarnelian,
    description: {
      en: ['A wide silver ring crowned with the ram’s-horn scroll and a cabochon carnelian.'],
      ru: ['Широкое серебряное кольцо с завитком «кошкар муйиз» и сердоликом-кабошоном.'],
      kk: ['Қошқар мүйіз өрнегі мен кабошон карнеолы бар кең күміс жүзік.'],
    },
    captions: [
      { en: 'Front view', ru: 'Вид спереди', kk: 'Алдыңғы көрінісі' },
      { en: 'Three-quarter view', ru: 'Вид в три четверти', kk: 'Жартылай бүйір көрінісі' },
    ],
  },
  {
    title: {
      en: 'Bridal Filigree Pendant',
      ru: 'Свадебная филигранная подвеска',
      kk: 'Үйлену тойына арналған зерлі алқа',
    },
    artisan: 'aigerim',
    kind: 'pendant',
    palette: silverCarnelian,
    description: {
      en: ['A filigree pendant after the alqa worn by Kazakh brides, on a hand-made chain.'],
      ru: ['Филигранная подвеска по мотивам алқа казахских невест, на цепочке ручной работы.'],
      kk: ['Қазақ қалыңдықтары таққан алқа үлгісіндегі зерлі әшекей, қолдан жасалған шынжырда.'],
    },
    captions: [
      { en: 'On the chain', ru: 'На цепочке', kk: 'Шынжырда' },
      { en: 'Detail of the filigree', ru: 'Деталь филиграни', kk: 'Зерлеу бөлшегі' },
      { en: 'Back of the pendant', ru: 'Обратная сторона', kk: 'Артқы жағы' },
    ],
  },
  {
    title: { en: 'Enamel Sky Earrings', ru: 'Серьги «Эмалевое небо»', kk: '«Эмаль аспан» сырғалары' },
    artisan: 'timur',
    kind: 'earrings',
    palette: goldEnamel,
    description: {
      en: ['Gold drops with Bukhara-blue enamel and granulated borders.'],
      ru: ['Золотые подвески с бухарской синей эмалью и зернью по краю.'],
      kk: ['Бұхара көк эмалі мен түйіршікті жиегі бар алтын сырғалар.'],
    },
    captions: [
      { en: 'The pair', ru: 'Пара', kk: 'Жұбы' },
      { en: 'Side view', ru: 'Вид сбоку', kk: 'Бүйір көрінісі' },
    ],
  },
  {
    title: { en: 'Seven-Stone Cuff', ru: 'Браслет с семью камнями', kk: 'Жеті тасты білезік' },
    artisan: 'timur',
    kind: 'bracelet',
    palette: goldEnamel,
    description: {
      en: ['A gilded cuff set with seven enamelled stones, one for each day of the week.'],
      ru: ['Позолоченный браслет с семью эмалевыми вставками — по одной на каждый день недели.'],
      kk: ['Апта күндерінің санымен жеті эмаль тас орнатылған алтын жалатылған білезік.'],
    },
    captions: [{ en: 'On a linen stand', ru: 'На льняной подставке', kk: 'Зығыр тұғырда' }],
  },
  {
    title: { en: 'Turquoise Sun Brooch', ru: 'Брошь «Бирюзовое солнце»', kk: '«Көгілдір күн» төсбелгісі' },
    artisan: 'gulnara',
    kind: 'brooch',
    palette: silverTurquoise,
    description: {
      en: ['A cast silver brooch with four ram’s-horn scrolls around a turquoise centre.'],
      ru: ['Литая серебряная брошь: четыре завитка вокруг бирюзы.'],
      kk: ['Көгілдір тастың айналасында төрт қошқар мүйіз өрнегі бар құйма күміс төсбелгі.'],
    },
    captions: [
      { en: 'Front', ru: 'Лицевая сторона', kk: 'Алды' },
      { en: 'In the light', ru: 'На свету', kk: 'Жарықта' },
    ],
  },
  {
    title: { en: 'Coral Bead Necklace', ru: 'Ожерелье из коралловых бусин', kk: 'Маржан моншақ алқа' },
    artisan: 'gulnara',
    kind: 'necklace',
    palette: silverCoral,
    description: {
      en: ['Engraved silver beads strung with Mediterranean coral.'],
      ru: ['Гравированные серебряные бусины с средиземноморским кораллом.'],
      kk: ['Жерорта теңізі маржанымен тізілген ойып безендірілген күміс моншақтар.'],
    },
    captions: [{ en: 'Laid flat', ru: 'В разложенном виде', kk: 'Жайылған күйі' }],
  },
  {
    title: { en: 'Filigree Study No. 1', ru: 'Этюд в филиграни № 1', kk: 'Зерлеу эскизі № 1' },
    artisan: 'elise',
    kind: 'pendant',
    palette: silverTurquoise,
    description: {
      en: ['A first study in Kazakh filigree, made during the forum’s workshop in Almaty.'],
      ru: ['Первый этюд в казахской филиграни, сделанный на мастер-классе форума в Алматы.'],
      kk: ['Алматыдағы форум шеберханасында жасалған қазақ зерлеуіндегі алғашқы эскиз.'],
    },
    captions: [{ en: 'Front', ru: 'Лицевая сторона', kk: 'Алды' }],
  },
  {
    title: {
      en: 'Unfinished Headdress (draft)',
      ru: 'Незаконченный головной убор',
      kk: 'Аяқталмаған сәукеле',
    },
    artisan: 'elise',
    kind: 'brooch',
    palette: silverCoral,
    draft: true,
    description: {
      en: ['Work in progress, not yet ready to be shown.'],
      ru: ['Работа в процессе.'],
      kk: ['Жұмыс жүріп жатыр.'],
    },
    captions: [{ en: 'Work in progress', ru: 'В работе', kk: 'Жұмыс үстінде' }],
  },
];
