import {
  type Artisan,
  ArtisanPreviewSchema,
  type Locale,
  locales,
  type Media,
  type PreviewRefusal,
  type Showcase,
  type Work,
  WorkPreviewSchema,
} from '@oyu/shared-types';
import { readEnv } from '../env';
import { type CmsClientOptions, fetchPreviewDocument, fetchSource, sources } from './cms';
import { relatedIndex } from './related';
import { previewPath } from './routes';

/**
 * Draft preview: a signed link from the CMS opens a draft work or artisan page, rendered on
 * request by the site's own components (astro.preview.config.ts). The link (a token) is the
 * only permission; the CMS checks it on every request, for the page and for each photo.
 */

/** What Base.astro needs to show a preview: its language links and, when it shows a draft, the link's expiry. */
export type PreviewBanner = { hrefs: Record<Locale, string>; expiresAt?: string | undefined };

export type PreviewPage =
  | { kind: 'work'; banner: PreviewBanner; work: Work; related: Work[] }
  | { kind: 'artisan'; banner: PreviewBanner; artisan: Artisan; works: Work[] }
  | { kind: 'incomplete'; banner: PreviewBanner; title: string; problems: string[] }
  | {
      kind: 'refused';
      banner: PreviewBanner;
      status: number;
      code: PreviewRefusal | 'unavailable';
      message: string;
    };

/**
 * A preview page names each photo `<token>~<file>`, so that the photo request carries the
 * link too. Neither a token (base64url and a dot) nor a CMS file name contains `~`.
 */
export function previewMediaName(token: string, filename: string): string {
  return `${token}~${filename}`;
}

export function parsePreviewMediaName(name: string): { token: string; filename: string } | null {
  const at = name.indexOf('~');
  if (at <= 0 || at === name.length - 1) return null;
  return { token: name.slice(0, at), filename: name.slice(at + 1) };
}

/** The same photo, its renditions named through the link. */
function throughLink(media: Media, token: string): Media {
  const sizes = Object.fromEntries(
    Object.entries(media.sizes).map(([name, size]) => [
      name,
      size?.filename ? { ...size, filename: previewMediaName(token, size.filename) } : size,
    ]),
  );
  return { ...media, sizes } as Media;
}

function workThroughLink(work: Work, token: string): Work {
  return { ...work, photos: work.photos.map((photo) => throughLink(photo, token)) };
}

/** Published works and collections per language, read again at most once a minute. */
const publishedTtlMs = 60_000;
const published = new Map<Locale, { at: number; data: Promise<{ works: Work[]; showcases: Showcase[] }> }>();

function publishedIn(locale: Locale, client: CmsClientOptions) {
  const cached = published.get(locale);
  if (cached && Date.now() - cached.at < publishedTtlMs) return cached.data;
  // A published document the site cannot build is the next build's business, not this draft's:
  // it is left out of the related works here.
  const lenient = { skipInvalid: (problem: string) => console.warn(`preview: left out ${problem}`) };
  const data = Promise.all([
    fetchSource(sources.works, client, lenient),
    fetchSource(sources.showcases, client, lenient),
  ]).then(([works, showcases]) => ({ works, showcases }));
  // A failed read is not kept: the next preview tries again.
  data.catch(() => published.delete(locale));
  published.set(locale, { at: Date.now(), data });
  return data;
}

/**
 * Everything a preview page shows: the draft, and around it the published works its page
 * links to (related works, an artisan's works), as the next build would show them.
 */
export async function loadPreview(token: string, lang: Locale): Promise<PreviewPage> {
  const env = readEnv();
  const client: CmsClientOptions = { baseUrl: env.cmsUrl, pageSize: env.pageSize, locale: lang, retries: 1 };
  const hrefs = Object.fromEntries(locales.map((locale) => [locale, previewPath(locale, token)])) as Record<
    Locale,
    string
  >;
  const answer = await fetchPreviewDocument(token, client);
  if (!answer.ok) return { kind: 'refused', banner: { hrefs }, ...answer };
  const { preview } = answer;
  const banner = { hrefs, expiresAt: preview.expiresAt };
  if (preview.problems.length) {
    return { kind: 'incomplete', banner, title: preview.title, problems: preview.problems };
  }
  let context: { works: Work[]; showcases: Showcase[] };
  try {
    context = await publishedIn(lang, client);
  } catch (error) {
    return { kind: 'refused', banner, status: 503, code: 'unavailable', message: (error as Error).message };
  }
  if (preview.collection === 'works') {
    // The page shows the draft as it will look once published.
    const draft = { ...WorkPreviewSchema.parse(preview.doc), _status: 'published' as const };
    const works = [...context.works.filter((work) => work.id !== draft.id), draft];
    const related = relatedIndex(works, context.showcases)(draft);
    return {
      kind: 'work',
      banner,
      work: workThroughLink(draft, token),
      related: related.map((work) => workThroughLink(work, token)),
    };
  }
  const draft = { ...ArtisanPreviewSchema.parse(preview.doc), _status: 'published' as const };
  const artisan = {
    ...draft,
    portrait: draft.portrait ? throughLink(draft.portrait, token) : draft.portrait,
  };
  const works = context.works
    .filter((work) => work.artisans.some((maker) => maker.id === draft.id))
    .map((work) => workThroughLink(work, token));
  return { kind: 'artisan', banner, artisan, works };
}
