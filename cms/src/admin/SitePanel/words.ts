import { buildPhaseLabels } from '@oyu/shared-types';

/** The panel's words in the admin's two languages. */
export const words = {
  en: {
    rebuild: 'Rebuild the site',
    starting: 'Starting…',
    current: 'Current build',
    history: 'Earlier builds',
    none: 'No build yet.',
    when: 'Started',
    who: 'By',
    status: 'Result',
    duration: 'Time',
    pages: 'Pages',
    size: 'Size',
    warnings: 'Warnings',
    live: 'live',
    putBack: 'Put this build back',
    confirm: (release: string) => `Put build ${release} back live? Visitors will see it at once.`,
    phases: buildPhaseLabels('en'),
    statuses: { queued: 'waiting', running: 'running', succeeded: 'published', failed: 'failed' },
    triggers: { admin: 'Site page', cli: 'command line', start: 'pnpm start', auto: 'automatic' } as Record<
      string,
      string
    >,
    log: 'Log',
    failedBecause: 'The site was not changed:',
  },
  ru: {
    rebuild: 'Пересобрать сайт',
    starting: 'Запуск…',
    current: 'Текущая сборка',
    history: 'Предыдущие сборки',
    none: 'Сборок ещё не было.',
    when: 'Начало',
    who: 'Кто',
    status: 'Итог',
    duration: 'Время',
    pages: 'Страниц',
    size: 'Объём',
    warnings: 'Предупреждения',
    live: 'на сайте',
    putBack: 'Вернуть эту сборку',
    confirm: (release: string) => `Вернуть сборку ${release} на сайт? Посетители сразу увидят её.`,
    phases: buildPhaseLabels('ru'),
    statuses: { queued: 'в очереди', running: 'идёт', succeeded: 'опубликована', failed: 'ошибка' },
    triggers: {
      admin: 'страница «Сайт»',
      cli: 'командная строка',
      start: 'pnpm start',
      auto: 'автоматически',
    } as Record<string, string>,
    log: 'Журнал',
    failedBecause: 'Сайт не изменён:',
  },
};

export type Words = (typeof words)['en'];

export const seconds = (ms?: number | null) => (ms ? `${(ms / 1000).toFixed(1)} s` : '–');
export const mebibytes = (bytes?: number | null) => (bytes ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : '–');
