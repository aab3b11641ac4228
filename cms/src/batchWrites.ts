import type { PayloadRequest } from 'payload';
import { deferPublishContract } from './contract';

/**
 * The Local API options of a batch writer (the seed, the import) on its transaction's request.
 * Photo visibility is computed once at the end rather than after every save, and the publishing
 * contract checked after it (contract/index.ts).
 */
export const batchWriteOptions = (req: PayloadRequest) =>
  ({
    req,
    overrideAccess: true,
    depth: 0,
    context: { skipMediaVisibility: true, ...deferPublishContract() },
  }) as const;

export type BatchWriteOptions = ReturnType<typeof batchWriteOptions>;

/** The files an upload wrote, its original and each size: what a rollback removes. */
export const uploadedFiles = (media: {
  filename?: string | null;
  sizes?: Record<string, { filename?: string | null } | undefined> | null;
}): string[] => [
  media.filename ?? '',
  ...Object.values(media.sizes ?? {}).map((size) => size?.filename ?? ''),
];
