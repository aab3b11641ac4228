import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Locale, locales } from '@oyu/shared-types';
import { describe, expect, it } from 'vitest';
import {
  aboutPath,
  allWorksFiles,
  artisanPath,
  artisansPath,
  browseDataPath,
  browsePath,
  collectionPath,
  documentPath,
  editionPath,
  editionsPath,
  facetPath,
  facetPathInLanguage,
  fileOfPath,
  homePath,
  languagePrefix,
  languagesPath,
  localePath,
  matchFile,
  matchPath,
  memberFiles,
  notFoundPath,
  openDataPath,
  pathOfFile,
  previewPath,
  previewRoutes,
  type RouteMatch,
  routeFile,
  routePath,
  routes,
  searchPath,
  workPath,
  workPathPrefix,
  writesFile,
} from '../src/lib/routes';
import samples from './fixtures/handWrittenAddresses.json';

const siteDir = fileURLToPath(new URL('..', import.meta.url));
const repoDir = path.dirname(siteDir);

/** Every page of a language for a sample document: the route, its params, the address and the file. */
function languagePages(lang: Locale): [RouteMatch, string, string][] {
  return [
    [{ route: 'home', params: { lang } }, `/${lang}/`, `${lang}/index.html`],
    [{ route: 'about', params: { lang } }, `/${lang}/about/`, `${lang}/about/index.html`],
    [{ route: 'search', params: { lang } }, `/${lang}/search/`, `${lang}/search/index.html`],
    [{ route: 'editions', params: { lang } }, `/${lang}/editions/`, `${lang}/editions/index.html`],
    [
      { route: 'edition', params: { lang, year: '2024' } },
      `/${lang}/editions/2024/`,
      `${lang}/editions/2024/index.html`,
    ],
    [
      { route: 'collection', params: { lang, slug: 'heirlooms' } },
      `/${lang}/collections/heirlooms/`,
      `${lang}/collections/heirlooms/index.html`,
    ],
    [{ route: 'artisans', params: { lang } }, `/${lang}/artisans/`, `${lang}/artisans/index.html`],
    [
      { route: 'artisan', params: { lang, slug: 'aigerim' } },
      `/${lang}/artisans/aigerim/`,
      `${lang}/artisans/aigerim/index.html`,
    ],
    [
      { route: 'work', params: { lang, slug: 'silver-ring' } },
      `/${lang}/works/silver-ring/`,
      `${lang}/works/silver-ring/index.html`,
    ],
    [{ route: 'browse', params: { lang } }, `/${lang}/browse/`, `${lang}/browse/index.html`],
    [
      { route: 'browsePage', params: { lang, n: '3' } },
      `/${lang}/browse/page/3/`,
      `${lang}/browse/page/3/index.html`,
    ],
    [{ route: 'browseData', params: { lang } }, `/${lang}/browse/works.json`, `${lang}/browse/works.json`],
    [
      { route: 'facet', params: { lang, facet: 'material', value: 'silver' } },
      `/${lang}/browse/material/silver/`,
      `${lang}/browse/material/silver/index.html`,
    ],
    [
      { route: 'facetPage', params: { lang, facet: 'edition', value: '2024', n: '2' } },
      `/${lang}/browse/edition/2024/page/2/`,
      `${lang}/browse/edition/2024/page/2/index.html`,
    ],
  ];
}

/** The pages outside the languages. */
const sharedPages: [RouteMatch, string, string][] = [
  [{ route: 'languages', params: {} }, '/', 'index.html'],
  [{ route: 'notFound', params: {} }, '/404/', '404.html'],
  [{ route: 'robots', params: {} }, '/robots.txt', 'robots.txt'],
  [
    { route: 'openData', params: { year: '2024', file: 'works.csv' } },
    '/data/2024/works.csv',
    'data/2024/works.csv',
  ],
];

describe('the routes', () => {
  const everyPage = [...locales.flatMap(languagePages), ...sharedPages];

  it('cover every page type in the sample', () => {
    expect(new Set(everyPage.map(([page]) => page.route))).toEqual(new Set(Object.keys(routes)));
  });

  it.each(everyPage)(
    'give %j its address %s and its file %s, and find it from either',
    (page, address, file) => {
      expect(routePath(page.route, page.params as never)).toBe(address);
      expect(routeFile(page.route, page.params as never)).toBe(file);
      expect(matchFile(file)).toEqual(page);
      if (page.route !== 'notFound') {
        expect(fileOfPath(address)).toBe(file);
        expect(pathOfFile(file)).toBe(address);
        expect(matchPath(address)).toEqual(page);
      }
    },
  );

  it.each(locales)('have a function per page type, from its document, in %s', (lang) => {
    const edition = { year: 2024 };
    const work = { slug: 'silver-ring' };
    expect(homePath(lang)).toBe(`/${lang}/`);
    expect(aboutPath(lang)).toBe(`/${lang}/about/`);
    expect(searchPath(lang)).toBe(`/${lang}/search/`);
    expect(editionsPath(lang)).toBe(`/${lang}/editions/`);
    expect(editionPath(lang, edition)).toBe(`/${lang}/editions/2024/`);
    expect(collectionPath(lang, { slug: 'heirlooms' })).toBe(`/${lang}/collections/heirlooms/`);
    expect(artisansPath(lang)).toBe(`/${lang}/artisans/`);
    expect(artisanPath(lang, { slug: 'aigerim' })).toBe(`/${lang}/artisans/aigerim/`);
    expect(workPath(lang, work)).toBe(`/${lang}/works/silver-ring/`);
    expect(workPath(lang, work)).toBe(`${workPathPrefix(lang)}${work.slug}/`);
    expect(browsePath(lang)).toBe(`/${lang}/browse/`);
    expect(browsePath(lang, 2)).toBe(`/${lang}/browse/page/2/`);
    expect(browseDataPath(lang)).toBe(`/${lang}/browse/works.json`);
    expect(facetPath(lang, 'material', 'silver')).toBe(`/${lang}/browse/material/silver/`);
    expect(facetPath(lang, 'material', 'silver', 2)).toBe(`/${lang}/browse/material/silver/page/2/`);
    expect(previewPath(lang, 'abc.def')).toBe(`/preview/${lang}/abc.def/`);
  });

  it('put the pages outside a language where the server expects them', () => {
    expect(languagesPath()).toBe('/');
    expect(notFoundPath()).toBe('/404/');
    expect(openDataPath({ year: 2024 }, 'edition.jsonld')).toBe('/data/2024/edition.jsonld');
  });

  it('keep localePath: a language prefix, then the path inside the language (the browse island’s)', () => {
    expect(localePath('ru')).toBe('/ru/');
    expect(localePath('ru', '/works/x/')).toBe('/ru/works/x/');
    expect(localePath('kk', 'about/')).toBe('/kk/about/');
    const values = [
      ['colour', 'red'],
      ['material', 'a&b'],
      ['edition', '2024'],
    ] as const;
    for (const lang of locales) {
      for (const [facet, value] of values) {
        const inLanguage = `${languagePrefix(lang)}${facetPathInLanguage(facet, value)}`;
        expect(inLanguage).toBe(facetPath(lang, facet, value));
      }
    }
  });

  it('escape params, and read them back unescaped', () => {
    expect(facetPath('en', 'material', 'a&b')).toBe('/en/browse/material/a%26b/');
    expect(matchPath('/en/browse/material/a%26b/')).toEqual({
      route: 'facet',
      params: { lang: 'en', facet: 'material', value: 'a&b' },
    });
  });

  it('tell pages from other files, and filter values from the listing’s pages', () => {
    for (const file of [
      '_astro/a.js',
      'media/ring.webp',
      'pagefind/x.js',
      'xx/works/a/index.html',
      'en/works/a',
    ])
      expect(matchFile(file)).toBeUndefined();
    // `page` is no facet and `2024x` no year: these are the listing's page and no page at all.
    expect(matchFile('en/browse/page/2/index.html')?.route).toBe('browsePage');
    expect(matchFile('en/editions/2024x/index.html')).toBeUndefined();
  });

  it('name a document’s own page, and the pages that list a work by membership', () => {
    expect(documentPath('works', 'kk', { slug: 'ring' })).toBe('/kk/works/ring/');
    expect(documentPath('artisans', 'kk', { slug: 'aigerim' })).toBe('/kk/artisans/aigerim/');
    expect(documentPath('showcases', 'kk', { slug: 'heirlooms' })).toBe('/kk/collections/heirlooms/');
    expect(documentPath('editions', 'kk', { year: 2024 })).toBe('/kk/editions/2024/');
    expect(documentPath('editions', 'kk', { slug: 'x' })).toBeUndefined();
    expect(documentPath('works', 'kk', { year: 2024 })).toBeUndefined();
    expect(memberFiles('ru', { editions: [{ year: 2024 }], artisans: [{ slug: 'aigerim' }] })).toEqual([
      'ru/editions/2024/index.html',
      'ru/artisans/aigerim/index.html',
    ]);
    expect(allWorksFiles('en')).toEqual(['en/index.html', 'en/browse/index.html', 'en/browse/works.json']);
  });
});

/** A page file's route: its path under the pages folder without extension or a last `index`. */
function routeOfFile(file: string): string {
  return file.replace(/\.(astro|ts)$/, '').replace(/(^|\/)index$/, '');
}

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

describe('every page file', () => {
  it('of the site has its route declared in routes.ts, and every route a file', () => {
    const declared = Object.values(routes).sort();
    expect(filesUnder(path.join(siteDir, 'src/pages')).map(routeOfFile).sort()).toEqual(declared);
  });

  it('that is an endpoint (.ts) writes a file, and every page (.astro) a folder', () => {
    for (const file of filesUnder(path.join(siteDir, 'src/pages'))) {
      const route = routeOfFile(file);
      expect(writesFile(route), file).toBe(file.endsWith('.ts'));
    }
  });

  it('of the draft preview has its route declared too', () => {
    const declared = Object.values(previewRoutes).sort();
    expect(filesUnder(path.join(siteDir, 'preview/pages')).map(routeOfFile).sort()).toEqual(declared);
  });
});

/**
 * Page addresses written by hand. The page prefixes come from the routes: `works`, `browse`…
 * An address is flagged when it starts (after an optional language, `/${lang}`, `${locale}` or
 * `/en`) with a page prefix followed by a param (`/works/${`), or when it is a whole page path
 * without params (`'/browse/'`); and any use of localePath, the routes' own building block.
 */
function handWrittenMatchers(): RegExp[] {
  const language = String.raw`(?:\/?\$\{[^}]*\}|\/(?:${locales.join('|')}))?`;
  const firstSegments = (withParams: boolean) => [
    ...new Set(
      Object.values(routes)
        .map((pattern) => pattern.replace(/^\[lang\]\/?/, '').split('/'))
        .filter((segments) => segments.length > (withParams ? 1 : 0) && /^[a-z]+$/.test(segments[0] ?? ''))
        .map((segments) => segments[0]),
    ),
  ];
  return [
    new RegExp(String.raw`\`${language}\/(?:${firstSegments(true).join('|')})\/\$\{`),
    new RegExp(String.raw`['"\`]${language}\/(?:${firstSegments(false).join('|')})\/['"\`]`),
    /\blocalePath\(/,
  ];
}

/** The lines of `text` that write a page address by hand, comment lines aside. */
function handWrittenLines(text: string, matchers = handWrittenMatchers()): string[] {
  return text
    .split('\n')
    .filter((line) => !/^\s*(\*|\/\/|\/\*|<!--)/.test(line))
    .filter((line) => matchers.some((matcher) => matcher.test(line)));
}

describe('page addresses', () => {
  it('are recognised when written by hand, and media or CMS addresses are not', () => {
    const { flagged, fine } = samples as { flagged: string[]; fine: string[] };
    for (const line of flagged) expect(handWrittenLines(line), line).toEqual([line]);
    for (const line of fine) expect(handWrittenLines(line), line).toEqual([]);
  });

  it('are made by routes.ts only, in the site and the scripts', () => {
    const roots = [path.join(siteDir, 'src'), path.join(repoDir, 'scripts/lib')];
    // routes.ts makes them; the benchmark's peer site is another site, with addresses of its own.
    const exempt = [path.join(siteDir, 'src/lib/routes'), path.join(repoDir, 'scripts/lib/bench/peerSite')];
    const found: string[] = [];
    for (const root of roots) {
      for (const file of filesUnder(root)) {
        const full = path.join(root, file);
        if (!/\.(ts|tsx|astro)$/.test(file) || exempt.some((dir) => full.startsWith(`${dir}/`))) continue;
        for (const line of handWrittenLines(fs.readFileSync(full, 'utf8')))
          found.push(`${path.relative(repoDir, full)}: ${line.trim()}`);
      }
    }
    expect(found).toEqual([]);
  });
});
