/**
 * Where the site's pages live: every page type the site builds, the Astro route that builds it,
 * the address a visitor opens and the file the build writes. Pages, cards, JSON-LD, open data,
 * the sitemap, the incremental planner, the draft preview and the Lighthouse page list all take
 * their addresses from here, so a page type's URL is written once, and the pages a document
 * change touches can be worked out from the document alone.
 *
 * Browser-safe (the browse island imports it) and free of Astro: scripts import it as
 * `@oyu/site/routes`. routes.test.ts fails when a file under src/pages has no route here, and
 * when a page address is written by hand elsewhere.
 */

export {
  allWorksFiles,
  type DocumentKind,
  documentKinds,
  documentPath,
  isDocumentKind,
  memberFiles,
  type WorkMembership,
} from './documents';
export { matchFile, matchPath, type RouteMatch } from './match';
export {
  aboutPath,
  artisanPath,
  artisansPath,
  browseDataPath,
  browsePath,
  collectionPath,
  editionPath,
  editionsPath,
  facetPath,
  facetPathInLanguage,
  homePath,
  languagesPath,
  listingPath,
  notFoundPath,
  type OpenDataFile,
  openDataFileNames,
  openDataPath,
  previewPath,
  searchPath,
  type WorkListing,
  workPath,
  workPathPrefix,
} from './pages';
export {
  fileOfPath,
  type LanguageRoute,
  languagePrefix,
  localePath,
  pathOfFile,
  previewBase,
  previewRoutes,
  type RouteName,
  type RouteParams,
  routeFile,
  routePath,
  routes,
  writesFile,
} from './table';
