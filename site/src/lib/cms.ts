/**
 * The one module that talks to the CMS. It reads published documents through the public
 * REST API (no admin key), page by page, checks every document against the shared schemas,
 * and turns every failure into a message that names the URL or the document and field.
 *
 * The entry of `@oyu/site/cms-client`; the parts live in lib/cms/: requests and errors
 * (request.ts), how a collection is asked for (lists.ts), documents (documents.ts), what changed
 * (versions.ts), photos (media.ts) and the draft preview (preview.ts).
 */
export {
  adminUrl,
  type FetchOptions,
  fetchAll,
  fetchArtisans,
  fetchEditions,
  fetchShowcases,
  fetchSiteSettings,
  fetchSource,
  fetchVenues,
  fetchWorks,
} from './cms/documents';
export { type Source, sourceListUrl, sources } from './cms/lists';
export { downloadMedia, type MediaCounts, type MediaSources, renditions } from './cms/media';
export { fetchPreviewDocument, fetchPreviewMedia, type PreviewAnswer } from './cms/preview';
export { type CmsClientOptions, CmsError, describeDocument } from './cms/request';
export { fetchVersions, type VersionIndex } from './cms/versions';
