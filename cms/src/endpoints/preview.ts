import {
  ArtisanPreviewSchema,
  type Locale,
  locales,
  type PreviewCollection,
  type PreviewDocument,
  type PreviewRefusal,
  previewCollections,
  WorkPreviewSchema,
} from '@oyu/shared-types';
import type { Endpoint, Payload, PayloadRequest, TypedUser } from 'payload';
import { describeIssues } from '../contract/publishable';
import { env } from '../env';
import { contentTypeOf, isPlainFileName, mediaStore } from '../media/storage';
import { signPreviewToken, verifyPreviewToken } from './previewToken';

/**
 * Draft preview, in three steps:
 *   1. `GET /api/preview/open?collection=works&id=12&locale=ru` — a signed-in person who can read
 *      the draft gets a fresh signed link and is sent to the site's preview page with it (the
 *      admin's Preview button points here, so the link is made when pressed, never stale);
 *   2. `GET /api/preview/document?token=…&locale=ru` — the preview page reads the draft, in the
 *      site's read model, with the rights of the person who made the link;
 *   3. `GET /api/preview/media/<file>?token=…` — the photos that page shows, drafts' included.
 * Steps 2 and 3 need no sign-in: the link is the permission, and it expires.
 */

const schemas = { works: WorkPreviewSchema, artisans: ArtisanPreviewSchema } as const;
const noStore = { 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex', 'Referrer-Policy': 'no-referrer' };

const refusalStatus: Record<PreviewRefusal, number> = {
  malformed: 400,
  altered: 403,
  expired: 410,
  revoked: 403,
  gone: 404,
};

function refuse(code: PreviewRefusal, message: string): Response {
  return Response.json({ error: { code, message } }, { status: refusalStatus[code], headers: noStore });
}

function problem(status: number, message: string): Response {
  return Response.json({ errors: [{ message }] }, { status, headers: noStore });
}

const isLocale = (value: unknown): value is Locale => locales.includes(value as Locale);
const isPreviewCollection = (value: unknown): value is PreviewCollection =>
  previewCollections.includes(value as PreviewCollection);

/** Payload's Local API throws errors carrying an HTTP status: 403 forbidden, 404 not found. */
const statusOf = (error: unknown) => (error as { status?: number }).status;

/** The document as `user` may read it: the latest draft, populated one level like the site reads it. */
async function readDraft(
  payload: Payload,
  collection: PreviewCollection,
  id: number,
  user: TypedUser,
  options: { locale?: Locale; depth?: number } = {},
) {
  return payload.findByID({
    collection,
    id,
    draft: true,
    depth: options.depth ?? 1,
    locale: options.locale ?? 'en',
    fallbackLocale: 'en',
    joins: false,
    overrideAccess: false,
    user,
  });
}

type Reader =
  | { ok: true; doc: Record<string, unknown>; collection: PreviewCollection; expiresAt: Date }
  | { ok: false; response: Response };

/** Checks a link and reads its document, or says plainly why not. */
async function readLinked(req: PayloadRequest, locale: Locale): Promise<Reader> {
  const token = new URL(req.url ?? '', 'http://x').searchParams.get('token') ?? '';
  const check = verifyPreviewToken(token, env.payloadSecret);
  if (!check.ok) return { ok: false, response: refuse(check.code, check.message) };
  const { c: collection, id, u } = check.claims;
  const user = await req.payload
    .findByID({ collection: 'users', id: u, depth: 0, overrideAccess: true })
    .catch(() => null);
  if (!user) {
    return {
      ok: false,
      response: refuse('revoked', 'The account that made this preview link no longer exists.'),
    };
  }
  try {
    const doc = await readDraft(req.payload, collection, id, { ...user, collection: 'users' } as TypedUser, {
      locale,
    });
    return {
      ok: true,
      doc: doc as unknown as Record<string, unknown>,
      collection,
      expiresAt: check.expiresAt,
    };
  } catch (error) {
    if (statusOf(error) === 404) {
      return {
        ok: false,
        response: refuse('gone', 'The document this preview link shows has been deleted.'),
      };
    }
    if (statusOf(error) === 403) {
      return {
        ok: false,
        response: refuse(
          'revoked',
          'The account that made this preview link may no longer read this document.',
        ),
      };
    }
    throw error;
  }
}

/** Every rendition file of the photos a document shows (not the originals, which keep EXIF). */
function renditionFiles(doc: Record<string, unknown>): Set<string> {
  const photos = [...((doc.photos as unknown[] | undefined) ?? []), doc.portrait];
  const files = new Set<string>();
  for (const photo of photos) {
    if (typeof photo !== 'object' || photo === null) continue;
    for (const size of Object.values(
      (photo as { sizes?: Record<string, { filename?: string | null }> }).sizes ?? {},
    ))
      if (size?.filename) files.add(size.filename);
  }
  return files;
}

/** True when `filename` is a rendition of a photo the public may see. */
async function isPublicRendition(payload: Payload, filename: string): Promise<boolean> {
  const sizes = payload.collections.media.config.upload.imageSizes ?? [];
  const found = await payload.count({
    collection: 'media',
    overrideAccess: false,
    where: { or: sizes.map((size) => ({ [`sizes.${size.name}.filename`]: { equals: filename } })) },
  });
  return found.totalDocs > 0;
}

export const previewEndpoints: Endpoint[] = [
  {
    path: '/preview/open',
    method: 'get',
    handler: async (req) => {
      if (req.user?.collection !== 'users') {
        return problem(401, 'Sign in to the CMS to preview drafts.');
      }
      const query = new URL(req.url ?? '', 'http://x').searchParams;
      const collection = query.get('collection');
      const id = Number(query.get('id'));
      const locale = query.get('locale') ?? 'en';
      if (!isPreviewCollection(collection)) {
        return problem(400, `Only ${previewCollections.join(' and ')} can be previewed.`);
      }
      if (!Number.isInteger(id) || id <= 0) return problem(400, 'The id must be a document number.');
      if (!isLocale(locale)) return problem(400, `The language must be one of ${locales.join(', ')}.`);
      try {
        await readDraft(req.payload, collection, id, req.user, { depth: 0 });
      } catch (error) {
        const status = statusOf(error);
        if (status === 404) return problem(404, `There is no such document in ${collection}.`);
        if (status === 403) return problem(403, 'You may not read this document.');
        throw error;
      }
      const expiresAt = new Date(Date.now() + env.previewLinkMinutes * 60_000);
      const token = signPreviewToken(
        { c: collection, id, u: Number(req.user.id), exp: Math.floor(expiresAt.getTime() / 1000) },
        env.payloadSecret,
      );
      const url = `${env.previewUrl}/${locale}/${token}/`;
      if (query.get('format') === 'json') {
        return Response.json({ url, expiresAt: expiresAt.toISOString() }, { headers: noStore });
      }
      return new Response(null, { status: 303, headers: { ...noStore, Location: url } });
    },
  },
  {
    path: '/preview/document',
    method: 'get',
    handler: async (req) => {
      const locale = new URL(req.url ?? '', 'http://x').searchParams.get('locale') ?? 'en';
      if (!isLocale(locale)) return problem(400, `The language must be one of ${locales.join(', ')}.`);
      const linked = await readLinked(req, locale);
      if (!linked.ok) return linked.response;
      const { doc, collection, expiresAt } = linked;
      const parsed = schemas[collection].safeParse(doc);
      const title = String((collection === 'works' ? doc.title : doc.name) ?? `#${String(doc.id)}`);
      const body: PreviewDocument = {
        collection,
        expiresAt: expiresAt.toISOString(),
        title,
        // In the page's language, worded as a refused publish would be.
        problems: parsed.success ? [] : describeIssues(req, collection, parsed.error.issues, locale),
        // Only the read model's fields leave: the schema drops everything else.
        doc: parsed.success ? parsed.data : null,
      };
      return Response.json(body, { headers: noStore });
    },
  },
  {
    path: '/preview/media/:filename',
    method: 'get',
    handler: async (req) => {
      const filename = String(req.routeParams?.filename ?? '');
      if (!isPlainFileName(filename)) {
        return problem(404, 'No such photo.');
      }
      const linked = await readLinked(req, 'en');
      if (!linked.ok) return linked.response;
      const allowed =
        renditionFiles(linked.doc).has(filename) || (await isPublicRendition(req.payload, filename));
      if (!allowed) return problem(404, 'This preview link does not show that photo.');
      const store = mediaStore(env);
      let file: Buffer | null;
      try {
        file = await store.read(filename);
      } catch (error) {
        req.payload.logger.error(error);
        return problem(503, 'The photo storage did not answer; try again in a moment.');
      }
      if (!file) return problem(404, `The photo file is missing from ${store.description}.`);
      return new Response(new Uint8Array(file), {
        headers: {
          'Content-Type': contentTypeOf(filename),
          'Cache-Control': 'private, max-age=600',
          'X-Content-Type-Options': 'nosniff',
        },
      });
    },
  },
];

/** The admin's Preview button on works and artisans: a link that makes a fresh signed link. */
export function previewButton(collection: PreviewCollection) {
  return (doc: Record<string, unknown>, { locale }: { locale: string }) =>
    `/api/preview/open?collection=${collection}&id=${String(doc.id)}&locale=${isLocale(locale) ? locale : 'en'}`;
}
