import { z } from 'zod';
import { ArtisanSchema } from './artisan';
import { WorkSchema } from './work';

/**
 * Draft preview: what the CMS hands the site's preview server for a signed preview link.
 * The documents are the public read model (the schemas the site builds from), except that
 * they may still be drafts. Nothing outside these schemas leaves the CMS through a link.
 */
export const previewCollections = ['works', 'artisans'] as const;
export type PreviewCollection = (typeof previewCollections)[number];

const draftOrPublished = z.enum(['draft', 'published']);
export const WorkPreviewSchema = WorkSchema.extend({ _status: draftOrPublished });
export const ArtisanPreviewSchema = ArtisanSchema.extend({ _status: draftOrPublished.optional() });

/** `GET /api/preview/document`: the document, or what keeps it from being shown. */
export const PreviewDocumentSchema = z.object({
  collection: z.enum(previewCollections),
  /** When the link stops working (ISO 8601). */
  expiresAt: z.string(),
  /** The work's title or the artisan's name, for the page's heading when it cannot be shown. */
  title: z.string(),
  /** What the document lacks before it can be shown or published, as `field: problem`. */
  problems: z.array(z.string()),
  /** The document in the read model; null when `problems` is not empty. */
  doc: z.unknown(),
});
export type PreviewDocument = z.infer<typeof PreviewDocumentSchema>;

/** Why a link is refused: every refusal has a code the preview page explains in each language. */
export const previewRefusals = ['malformed', 'altered', 'expired', 'revoked', 'gone'] as const;
export type PreviewRefusal = (typeof previewRefusals)[number];
export const PreviewRefusalSchema = z.object({
  error: z.object({ code: z.enum(previewRefusals), message: z.string() }),
});
