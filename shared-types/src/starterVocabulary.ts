import type { Locale } from './locales';
import type { MaterialKind } from './vocabularies';

/**
 * The terms every Oyu installation starts with. Curators add more in the CMS; these are
 * created once if missing and never overwritten.
 */
type Term = { slug: string; label: Record<Locale, string> };

export const starterMaterials: (Term & { kind: MaterialKind })[] = [
  { slug: 'silver', kind: 'metal', label: { en: 'Silver', ru: 'Серебро', kk: 'Күміс' } },
  { slug: 'gold', kind: 'metal', label: { en: 'Gold', ru: 'Золото', kk: 'Алтын' } },
  {
    slug: 'gilded-silver',
    kind: 'metal',
    label: { en: 'Gilded silver', ru: 'Позолоченное серебро', kk: 'Алтын жалатылған күміс' },
  },
  { slug: 'copper', kind: 'metal', label: { en: 'Copper', ru: 'Медь', kk: 'Мыс' } },
  { slug: 'brass', kind: 'metal', label: { en: 'Brass', ru: 'Латунь', kk: 'Жез' } },
  { slug: 'enamel', kind: 'other', label: { en: 'Enamel', ru: 'Эмаль', kk: 'Эмаль' } },
  { slug: 'felt', kind: 'textile', label: { en: 'Felt', ru: 'Войлок', kk: 'Киіз' } },
  { slug: 'leather', kind: 'organic', label: { en: 'Leather', ru: 'Кожа', kk: 'Былғары' } },
  { slug: 'turquoise', kind: 'gemstone', label: { en: 'Turquoise', ru: 'Бирюза', kk: 'Көгілдір тас' } },
  { slug: 'carnelian', kind: 'gemstone', label: { en: 'Carnelian', ru: 'Сердолик', kk: 'Карнеол' } },
  { slug: 'coral', kind: 'gemstone', label: { en: 'Coral', ru: 'Коралл', kk: 'Маржан' } },
  { slug: 'lapis-lazuli', kind: 'gemstone', label: { en: 'Lapis lazuli', ru: 'Лазурит', kk: 'Лазурит' } },
  { slug: 'pearl', kind: 'gemstone', label: { en: 'Pearl', ru: 'Жемчуг', kk: 'Інжу' } },
  { slug: 'garnet', kind: 'gemstone', label: { en: 'Garnet', ru: 'Гранат', kk: 'Гранат' } },
  { slug: 'jasper', kind: 'gemstone', label: { en: 'Jasper', ru: 'Яшма', kk: 'Яшма' } },
];

export const starterTechniques: Term[] = [
  { slug: 'filigree', label: { en: 'Filigree', ru: 'Филигрань', kk: 'Зерлеу' } },
  { slug: 'granulation', label: { en: 'Granulation', ru: 'Зернь', kk: 'Бүршіктеу' } },
  { slug: 'niello', label: { en: 'Niello', ru: 'Чернение', kk: 'Қаралау' } },
  { slug: 'engraving', label: { en: 'Engraving', ru: 'Гравировка', kk: 'Ою салу' } },
  { slug: 'casting', label: { en: 'Casting', ru: 'Литьё', kk: 'Құю' } },
  { slug: 'stamping', label: { en: 'Stamping', ru: 'Штамповка', kk: 'Қалыптау' } },
  { slug: 'repousse', label: { en: 'Repoussé', ru: 'Чеканка', kk: 'Бедерлеу' } },
  { slug: 'cloisonne', label: { en: 'Cloisonné enamel', ru: 'Перегородчатая эмаль', kk: 'Бөлікті эмаль' } },
  { slug: 'stone-setting', label: { en: 'Stone setting', ru: 'Закрепка камней', kk: 'Тас орнату' } },
];

export const starterPieceTypes: Term[] = [
  { slug: 'ring', label: { en: 'Ring', ru: 'Кольцо', kk: 'Жүзік' } },
  { slug: 'brooch', label: { en: 'Brooch', ru: 'Брошь', kk: 'Төсбелгі' } },
  { slug: 'necklace', label: { en: 'Necklace', ru: 'Ожерелье', kk: 'Мойынсырық' } },
  { slug: 'earrings', label: { en: 'Earrings', ru: 'Серьги', kk: 'Сырға' } },
  { slug: 'bracelet', label: { en: 'Bracelet', ru: 'Браслет', kk: 'Білезік' } },
  { slug: 'pendant', label: { en: 'Pendant', ru: 'Подвеска', kk: 'Аспа' } },
  { slug: 'headdress', label: { en: 'Headdress', ru: 'Головной убор', kk: 'Бас киім' } },
  { slug: 'sholpy', label: { en: 'Sholpy (hair pendant)', ru: 'Шолпы (накосное украшение)', kk: 'Шолпы' } },
  {
    slug: 'alka',
    label: { en: 'Alka (breast ornament)', ru: 'Алка (нагрудное украшение)', kk: 'Алқа (төс әшекейі)' },
  },
  { slug: 'bilezik', label: { en: 'Bilezik (cuff)', ru: 'Білезік (браслет-манжета)', kk: 'Білезік' } },
];
