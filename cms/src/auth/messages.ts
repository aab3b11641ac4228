import type { Locale } from '@oyu/shared-types';
import { messageLocale } from '../contract/messages';
import { signInLimits } from './limits';

/**
 * What sign-in and reset refusals say, in the language of the admin that shows them (Payload's
 * admin speaks en and ru; kk is ready for when it speaks Kazakh).
 */
const texts = {
  address: {
    en: 'Too many sign-in attempts from your address',
    ru: 'Слишком много попыток входа с вашего адреса',
    kk: 'Сіздің мекенжайыңыздан кіру әрекеттері тым көп',
  },
  account: {
    en: 'Too many sign-in attempts for this account from browsers it has not signed in from. A password reset link lets you in at once; or wait',
    ru: 'Слишком много попыток войти в эту учётную запись из браузеров, из которых в неё не входили. Ссылка для сброса пароля впустит сразу; или подождите',
    kk: 'Бұл есептік жазбаға ол кірмеген браузерлерден кіру әрекеттері тым көп. Құпиясөзді қалпына келтіру сілтемесі бірден кіргізеді; немесе күтіңіз',
  },
  browser: {
    en: 'Too many wrong passwords from this browser',
    ru: 'Слишком много неверных паролей из этого браузера',
    kk: 'Бұл браузерден қате құпиясөз тым көп енгізілді',
  },
  resets: {
    en: `A reset e-mail was asked for this account ${signInLimits.resetsPerAccount} times already`,
    ru: `Письмо для сброса пароля этой учётной записи уже запрашивали ${signInLimits.resetsPerAccount} раза`,
    kk: `Бұл есептік жазбаның құпиясөзін қалпына келтіру хаты ${signInLimits.resetsPerAccount} рет сұралып қойған`,
  },
  noEmail: {
    en: 'Give the e-mail address of your account, e.g. name@example.org.',
    ru: 'Укажите адрес электронной почты своей учётной записи, например name@example.org.',
    kk: 'Есептік жазбаңыздың электрондық пошта мекенжайын көрсетіңіз, мысалы name@example.org.',
  },
} satisfies Record<string, Record<Locale, string>>;

export type AuthMessage = keyof typeof texts;

/** "try again in 3 seconds", in the reader's language. */
function tryAgain(ms: number, locale: Locale): string {
  const seconds = Math.ceil(ms / 1000);
  const minutes = seconds >= 120 ? Math.ceil(seconds / 60) : undefined;
  if (locale === 'ru')
    return minutes ? `попробуйте снова через ${minutes} мин.` : `попробуйте снова через ${seconds} с.`;
  if (locale === 'kk')
    return minutes ? `${minutes} минуттан кейін қайталаңыз.` : `${seconds} секундтан кейін қайталаңыз.`;
  return minutes ? `try again in ${minutes} minute(s).` : `try again in ${seconds} second(s).`;
}

export function authMessage(key: AuthMessage, language: string | undefined, waitMs?: number): string {
  const locale = messageLocale(language);
  const text = texts[key][locale];
  return waitMs === undefined ? text : `${text}: ${tryAgain(waitMs, locale)}`;
}
