import type { Locale } from '@oyu/shared-types';

/**
 * What the publishing contract says, in each language Oyu speaks. The admin itself speaks
 * English and Russian (Payload has no Kazakh yet); Kazakh is here for the spreadsheet import and
 * the site's draft preview, which speak the curator's language.
 */

type Texts = Record<Locale, string>;

export const kindNames: Record<string, Texts> = {
  work: { en: 'work', ru: 'работа', kk: 'жұмыс' },
  artisan: { en: 'artisan', ru: 'мастер', kk: 'шебер' },
  edition: { en: 'edition', ru: 'выпуск', kk: 'шығарылым' },
  collection: { en: 'collection', ru: 'коллекция', kk: 'коллекция' },
  venue: { en: 'venue', ru: 'площадка', kk: 'алаң' },
  photo: { en: 'photo', ru: 'фото', kk: 'фото' },
  term: { en: 'vocabulary term', ru: 'термин словаря', kk: 'сөздік термині' },
};

const kindPlurals: Record<string, Texts> = {
  work: { en: 'works', ru: 'работы', kk: 'жұмыстар' },
  artisan: { en: 'artisans', ru: 'мастера', kk: 'шеберлер' },
  edition: { en: 'editions', ru: 'выпуски', kk: 'шығарылымдар' },
  collection: { en: 'collections', ru: 'коллекции', kk: 'коллекциялар' },
  venue: { en: 'venues', ru: 'площадки', kk: 'алаңдар' },
  photo: { en: 'photos', ru: 'фото', kk: 'фотолар' },
  term: { en: 'vocabulary terms', ru: 'термины словаря', kk: 'сөздік терминдері' },
};

export const languageNames: Record<Locale, Texts> = {
  en: { en: 'English', ru: 'английский', kk: 'ағылшынша' },
  ru: { en: 'Russian', ru: 'русский', kk: 'орысша' },
  kk: { en: 'Kazakh', ru: 'казахский', kk: 'қазақша' },
};

/**
 * The shared-types schemas' own messages, translated. A message not listed here (zod's own,
 * such as "Invalid input") is shown as it is, in English.
 */
const schemaMessages: Record<string, Omit<Texts, 'en'>> = {
  'has no title': { ru: 'нет названия', kk: 'атауы жоқ' },
  'has no name': { ru: 'нет имени', kk: 'аты жоқ' },
  'has no label': { ru: 'нет подписи', kk: 'белгісі жоқ' },
  'has no photo': { ru: 'нет ни одной фотографии', kk: 'бірде-бір фотосы жоқ' },
  'has no published artisan': { ru: 'нет опубликованного мастера', kk: 'жарияланған шебері жоқ' },
  'has no alt text': {
    ru: 'нет текстового описания (alt) для незрячих читателей',
    kk: 'көзі көрмейтін оқырмандарға арналған сипаттамасы (alt) жоқ',
  },
  'is not a URL slug (lowercase letters, digits, hyphens)': {
    ru: 'не годится для адреса страницы (строчные латинские буквы, цифры, дефисы)',
    kk: 'бет мекенжайына жарамайды (кіші латын әріптері, сандар, сызықшалар)',
  },
  'is not an http(s) address': { ru: 'не http(s)-адрес', kk: 'http(s) мекенжайы емес' },
  'is not published': { ru: 'не опубликовано', kk: 'жарияланбаған' },
  'is not a data: URL': { ru: 'не data: URL', kk: 'data: URL емес' },
  'is not a #rrggbb colour': { ru: 'не цвет вида #rrggbb', kk: '#rrggbb түріндегі түс емес' },
};

export function schemaMessage(message: string, locale: Locale): string {
  if (locale === 'en') return message;
  return schemaMessages[message]?.[locale] ?? message;
}

const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? `{${key}}`));

const texts = {
  /** Heading of a refusal: "This work cannot be published: …". */
  cannotPublish: {
    en: 'This {kind} cannot be published: {reasons}',
    ru: 'Эту запись ({kind}) нельзя опубликовать: {reasons}',
    kk: 'Бұл жазбаны ({kind}) жариялау мүмкін емес: {reasons}',
  },
  /** A document it uses is not public. */
  notPublic: {
    en: '{kind} {names} is not published yet: publish it first or keep this one as a draft',
    ru: '{kind} {names} — ещё не опубликовано: сначала опубликуйте или сохраните эту запись как черновик',
    kk: '{kind} {names} әлі жарияланбаған: алдымен жариялаңыз немесе бұл жазбаны жоба ретінде сақтаңыз',
  },
  /** A document it uses does not exist any more. */
  missing: {
    en: '{kind} with id {ids} no longer exists: remove it from this record',
    ru: '{kind} с id {ids} больше не существует: уберите из этой записи',
    kk: 'id {ids} бар {kind} енді жоқ: оны бұл жазбадан алып тастаңыз',
  },
  /** A field's problem, in the languages where it occurs. */
  inLanguages: {
    en: '{problem} (in {languages})',
    ru: '{problem} (язык: {languages})',
    kk: '{problem} (тіл: {languages})',
  },
  /** Unpublishing or deleting what published documents use. */
  usedBy: {
    en: 'This {kind} cannot be {action}: published {users} use it ({names}). Change or unpublish them first.',
    ru: 'Эту запись ({kind}) нельзя {action}: её используют опубликованные записи ({users}: {names}). Сначала измените их или снимите с публикации.',
    kk: 'Бұл жазбаны ({kind}) {action} болмайды: оны жарияланған жазбалар қолданады ({users}: {names}). Алдымен оларды өзгертіңіз немесе жариялаудан алыңыз.',
  },
  unpublished: { en: 'unpublished', ru: 'снять с публикации', kk: 'жариялаудан алу' },
  deleted: { en: 'deleted', ru: 'удалить', kk: 'жою' },
  /** A bulk edit that would have published something unbuildable: nothing of it is kept. */
  bulkRefused: {
    en: 'Nothing was changed: {count} of the selected documents could not be saved as asked. {details}',
    ru: 'Ничего не изменено: {count} из выбранных записей нельзя сохранить так. {details}',
    kk: 'Ештеңе өзгертілмеді: таңдалған жазбалардың {count} бұлай сақталмайды. {details}',
  },
  andMore: { en: 'and {count} more', ru: 'и ещё {count}', kk: 'және тағы {count}' },
  /** Rich-text links (contract/richTextLinks.ts); the admin's link form says the same. */
  linkRelative: {
    en: 'Link “{url}” is not a full address: for a page of this site choose Internal Link and pick the document; for another website write the whole address starting with https://',
    ru: 'Ссылка «{url}» — не полный адрес: для страницы этого сайта выберите «Внутренняя ссылка» и документ; для другого сайта напишите адрес целиком с https://',
    kk: '«{url}» сілтемесі толық мекенжай емес: осы сайттың беті үшін «Ішкі сілтеме» түрін таңдап құжатты көрсетіңіз; басқа сайт үшін мекенжайды https:// бастап толық жазыңыз',
  },
  linkScheme: {
    en: 'Links starting with “{scheme}” are not allowed: link to web pages (https://…) or e-mail (mailto:…) only; for a page of this site choose Internal Link',
    ru: 'Ссылки на «{scheme}» не допускаются: можно ссылаться только на веб-страницы (https://…) и почту (mailto:…); для страницы этого сайта выберите «Внутренняя ссылка»',
    kk: '«{scheme}» деп басталатын сілтемелерге болмайды: тек веб-беттерге (https://…) және поштаға (mailto:…) сілтеуге болады; осы сайттың беті үшін «Ішкі сілтеме» түрін таңдаңыз',
  },
  linkCharacters: {
    en: 'Link “{url}” contains spaces or invisible characters: remove them (a space inside an address is written %20)',
    ru: 'В ссылке «{url}» есть пробелы или невидимые символы: уберите их (пробел внутри адреса пишется %20)',
    kk: '«{url}» сілтемесінде бос орын немесе көрінбейтін таңбалар бар: оларды алып тастаңыз (мекенжай ішіндегі бос орын %20 деп жазылады)',
  },
  linkIncomplete: {
    en: 'Link “{url}” is not a complete address: write it whole (for example https://example.com/page)',
    ru: 'Ссылка «{url}» — неполный адрес: напишите его целиком (например https://example.com/page)',
    kk: '«{url}» сілтемесі толық емес: мекенжайды толық жазыңыз (мысалы https://example.com/page)',
  },
  linkTarget: {
    en: 'An internal link may lead only to a work / artisan / edition / collection',
    ru: 'Внутренняя ссылка может вести только на работу / мастера / выпуск / коллекцию',
    kk: 'Ішкі сілтеме тек жұмысқа / шеберге / шығарылымға / коллекцияға апара алады',
  },
  /** An internal link to a document that is not there. */
  linkMissing: {
    en: '{field}: the link to {kind} with id {ids} leads nowhere (there is no such document): remove the link or choose another document',
    ru: '{field}: ссылка на запись ({kind}) с id {ids} никуда не ведёт (такой записи нет): уберите ссылку или выберите другой документ',
    kk: '{field}: id {ids} бар жазбаға ({kind}) сілтеме ешқайда апармайды (мұндай жазба жоқ): сілтемені алып тастаңыз немесе басқа құжатты таңдаңыз',
  },
  /** An internal link of a published document to a draft. */
  linkNotPublic: {
    en: '{field} links to {kind} {names} which is not published yet: publish it first or remove the link',
    ru: '{field}: ссылка ведёт на неопубликованную запись ({kind}: {names}): сначала опубликуйте её или уберите ссылку',
    kk: '{field}: сілтеме жарияланбаған жазбаға апарады ({kind}: {names}): алдымен оны жариялаңыз немесе сілтемені алып тастаңыз',
  },
  /** Unpublishing or deleting what published documents link to. */
  linkedBy: {
    en: 'This {kind} cannot be {action}: published {users} link to it ({names}). Remove the links or unpublish them first.',
    ru: 'Эту запись ({kind}) нельзя {action}: на неё ссылаются опубликованные записи ({users}: {names}). Сначала уберите ссылки или снимите их с публикации.',
    kk: 'Бұл жазбаны ({kind}) {action} болмайды: оған жарияланған жазбалар сілтейді ({users}: {names}). Алдымен сілтемелерді алып тастаңыз немесе оларды жариялаудан алыңыз.',
  },
  linkedBySettings: {
    en: 'This {kind} cannot be {action}: the site settings link to it ({fields}). Remove the link there first.',
    ru: 'Эту запись ({kind}) нельзя {action}: на неё ссылаются настройки сайта ({fields}). Сначала уберите там ссылку.',
    kk: 'Бұл жазбаны ({kind}) {action} болмайды: оған сайт баптаулары сілтейді ({fields}). Алдымен ондағы сілтемені алып тастаңыз.',
  },
} satisfies Record<string, Texts>;

export type MessageKey = keyof typeof texts;
/** Parts of a sentence: not capitalised. */
const fragments = new Set<MessageKey>(['unpublished', 'deleted', 'andMore', 'inLanguages']);

export function say(key: MessageKey, locale: Locale, values: Record<string, string | number> = {}): string {
  const text = fill(texts[key][locale], values);
  if (fragments.has(key)) return text;
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

export const kindName = (kind: string, locale: Locale, plural = false) =>
  (plural ? kindPlurals : kindNames)[kind]?.[locale] ?? kind;

/** "“Silver cuff”, “Wolf ring” and 3 more": at most `shown` names, then a count. */
export function nameList(names: string[], locale: Locale, shown = 5): string {
  const quoted = names.slice(0, shown).map((name) => (locale === 'en' ? `“${name}”` : `«${name}»`));
  const rest = names.length - shown;
  // Not commas: the admin's error toast splits a message into items at each comma.
  return rest > 0 ? `${quoted.join('; ')} ${say('andMore', locale, { count: rest })}` : quoted.join('; ');
}

/** The language of a request's messages: the admin's language, English otherwise. */
export function messageLocale(language: string | undefined): Locale {
  return language === 'ru' || language === 'kk' ? language : 'en';
}
