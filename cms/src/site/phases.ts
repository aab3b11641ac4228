/** The phases of a site build, in the admin's languages: for the Site page and the CLI. */
export const buildPhaseLabels = {
  en: {
    data: 'reading the CMS',
    pages: 'writing pages',
    search: 'indexing for search',
    photos: 'copying photos',
    check: 'checking',
    publish: 'publishing',
    deploy: 'deploying',
  },
  ru: {
    data: 'чтение CMS',
    pages: 'создание страниц',
    search: 'индекс поиска',
    photos: 'копирование фото',
    check: 'проверка',
    publish: 'публикация',
    deploy: 'выгрузка',
  },
} satisfies Record<'en' | 'ru', Record<string, string>>;
