import type { Locale, ReadModel } from '@oyu/shared-types';
import type { CollectionSlug, PayloadRequest } from 'payload';
import type { Doc } from './models';

/** The contract's reads: inside the caller's transaction, and as the public reads. */

/**
 * A request of its own inside the caller's transaction, for the contract's reads. The Local API
 * writes the locale (and more) of a call into the request it is given; on the caller's own
 * request that would change the language of writes still to come (a bulk edit saves its
 * documents at once, on one request).
 */
export function isolatedRequest(req: PayloadRequest): PayloadRequest {
  return { ...req, payloadAPI: 'local', context: { ...req.context }, query: {} } as unknown as PayloadRequest;
}

/**
 * The same with the public's rights: no user, and a fresh dataloader (the caller's may hold
 * documents read with staff rights).
 */
function publicRequest(req: PayloadRequest): PayloadRequest {
  return {
    ...isolatedRequest(req),
    user: null,
    payloadDataLoader: undefined,
    context: {},
  } as unknown as PayloadRequest;
}

/** A read model's `populate` and join fields as the Local API takes them. */
export function readOptions(model: ReadModel): { populate: never; joins: never } {
  return {
    populate: Object.fromEntries(
      Object.entries(model.populate).map(([collection, fields]) => [
        collection,
        Object.fromEntries(fields.map((field) => [field, true])),
      ]),
    ) as never,
    joins: Object.fromEntries(model.withoutJoins.map((field) => [field, false])) as never,
  };
}

/** The document as the site reads it in one language, or null when the public cannot read it. */
export async function readAsPublic(
  req: PayloadRequest,
  model: ReadModel,
  id: number | string,
  locale: Locale,
): Promise<Doc | null> {
  const doc = await req.payload.findByID({
    collection: model.collection as CollectionSlug,
    id,
    depth: model.depth,
    locale,
    fallbackLocale: 'en',
    draft: false,
    overrideAccess: false,
    disableErrors: true,
    ...readOptions(model),
    req: publicRequest(req),
  });
  return (doc as Doc | null) ?? null;
}
