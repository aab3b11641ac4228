import type { Locale } from './locales';

/** Fixed lists that the CMS offers as selects and the site labels in every language. */

type Labels = Record<Locale, string>;

export const licences = {
  'all-rights-reserved': {
    en: 'All rights reserved',
    ru: 'Все права защищены',
    kk: 'Барлық құқықтар қорғалған',
  },
  'cc-by-4.0': { en: 'CC BY 4.0', ru: 'CC BY 4.0', kk: 'CC BY 4.0' },
  'cc-by-sa-4.0': { en: 'CC BY-SA 4.0', ru: 'CC BY-SA 4.0', kk: 'CC BY-SA 4.0' },
  'cc-by-nc-4.0': { en: 'CC BY-NC 4.0', ru: 'CC BY-NC 4.0', kk: 'CC BY-NC 4.0' },
  'cc-by-nc-nd-4.0': { en: 'CC BY-NC-ND 4.0', ru: 'CC BY-NC-ND 4.0', kk: 'CC BY-NC-ND 4.0' },
  cc0: { en: 'CC0 (no rights reserved)', ru: 'CC0 (без оговорок)', kk: 'CC0 (шектеусіз)' },
  'public-domain': { en: 'Public domain', ru: 'Общественное достояние', kk: 'Қоғамдық игілік' },
} as const satisfies Record<string, Labels>;
export type Licence = keyof typeof licences;
export const licenceCodes = Object.keys(licences) as Licence[];

export const disciplines = {
  jewellery: { en: 'Jewellery', ru: 'Ювелирное искусство', kk: 'Зергерлік өнер' },
  goldsmithing: { en: 'Goldsmithing', ru: 'Золотое дело', kk: 'Алтын ұсталығы' },
  silversmithing: { en: 'Silversmithing', ru: 'Серебряное дело', kk: 'Күміс ұсталығы' },
  enamel: { en: 'Enamel', ru: 'Эмаль', kk: 'Эмаль' },
  'stone-setting': { en: 'Stone setting', ru: 'Закрепка камней', kk: 'Тас орнату' },
  textile: { en: 'Textile', ru: 'Текстиль', kk: 'Тоқыма' },
  felt: { en: 'Felt', ru: 'Войлок', kk: 'Киіз' },
  leather: { en: 'Leather', ru: 'Кожа', kk: 'Былғары' },
  ceramics: { en: 'Ceramics', ru: 'Керамика', kk: 'Керамика' },
  woodwork: { en: 'Woodwork', ru: 'Резьба по дереву', kk: 'Ағаш ою' },
} as const satisfies Record<string, Labels>;
export type Discipline = keyof typeof disciplines;
export const disciplineCodes = Object.keys(disciplines) as Discipline[];

export const socialPlatforms = {
  instagram: 'Instagram',
  facebook: 'Facebook',
  behance: 'Behance',
  telegram: 'Telegram',
  vk: 'VK',
  youtube: 'YouTube',
  tiktok: 'TikTok',
  other: 'Other',
} as const;
export type SocialPlatform = keyof typeof socialPlatforms;
export const socialPlatformCodes = Object.keys(socialPlatforms) as SocialPlatform[];

/**
 * How a maker is credited for a work, as museum catalogues credit them. Without a role a maker
 * is simply the maker.
 */
export const makerRoles = {
  maker: { en: 'maker', ru: 'автор', kk: 'авторы' },
  designer: { en: 'designer', ru: 'дизайнер', kk: 'дизайнер' },
  manufacturer: { en: 'manufacturer', ru: 'изготовитель', kk: 'жасаушы' },
  'attributed-to': { en: 'attributed to', ru: 'приписывается', kk: 'телінеді' },
} as const satisfies Record<string, Labels>;
export type MakerRole = keyof typeof makerRoles;
export const makerRoleCodes = Object.keys(makerRoles) as MakerRole[];

export const materialKinds = {
  metal: { en: 'Metal', ru: 'Металл', kk: 'Металл' },
  gemstone: { en: 'Gemstone', ru: 'Камень', kk: 'Асыл тас' },
  organic: { en: 'Organic', ru: 'Органика', kk: 'Органикалық' },
  textile: { en: 'Textile', ru: 'Текстиль', kk: 'Тоқыма' },
  other: { en: 'Other', ru: 'Другое', kk: 'Басқа' },
} as const satisfies Record<string, Labels>;
export type MaterialKind = keyof typeof materialKinds;
export const materialKindCodes = Object.keys(materialKinds) as MaterialKind[];

export const editionStatuses = {
  upcoming: { en: 'Upcoming', ru: 'Предстоит', kk: 'Алдағы' },
  current: { en: 'Current', ru: 'Идёт сейчас', kk: 'Қазір өтуде' },
  archived: { en: 'Archived', ru: 'Архив', kk: 'Мұрағат' },
} as const satisfies Record<string, Labels>;
export type EditionStatus = keyof typeof editionStatuses;
export const editionStatusCodes = Object.keys(editionStatuses) as EditionStatus[];

/**
 * The dominant colours of a piece (metal and stones), which visitors filter works by. Kept
 * short and coarse on purpose: a filter with near-synonyms splits the same works in two.
 */
export const colours = {
  gold: { en: 'Gold', ru: 'Золотой', kk: 'Алтын түсті' },
  silver: { en: 'Silver', ru: 'Серебряный', kk: 'Күміс түсті' },
  copper: { en: 'Copper / bronze', ru: 'Медный / бронзовый', kk: 'Мыс / қола түсті' },
  black: { en: 'Black', ru: 'Чёрный', kk: 'Қара' },
  white: { en: 'White', ru: 'Белый', kk: 'Ақ' },
  red: { en: 'Red', ru: 'Красный', kk: 'Қызыл' },
  pink: { en: 'Pink', ru: 'Розовый', kk: 'Қызғылт' },
  orange: { en: 'Orange', ru: 'Оранжевый', kk: 'Қызғылт сары' },
  yellow: { en: 'Yellow', ru: 'Жёлтый', kk: 'Сары' },
  green: { en: 'Green', ru: 'Зелёный', kk: 'Жасыл' },
  turquoise: { en: 'Turquoise', ru: 'Бирюзовый', kk: 'Көгілдір' },
  blue: { en: 'Blue', ru: 'Синий', kk: 'Көк' },
  purple: { en: 'Purple', ru: 'Фиолетовый', kk: 'Күлгін' },
  brown: { en: 'Brown', ru: 'Коричневый', kk: 'Қоңыр' },
  multicolour: { en: 'Multicoloured', ru: 'Разноцветный', kk: 'Түрлі түсті' },
} as const satisfies Record<string, Labels>;
export type Colour = keyof typeof colours;
export const colourCodes = Object.keys(colours) as Colour[];

/** Payload select options with labels in each admin language. */
export function selectOptions<K extends string>(table: Record<K, Labels>) {
  return (Object.keys(table) as K[]).map((value) => ({ value, label: { ...table[value] } }));
}
