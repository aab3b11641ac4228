import type { Locale } from '@oyu/shared-types';
import {
  APIError,
  type CollectionAfterChangeHook,
  type CollectionAfterOperationHook,
  type CollectionBeforeDeleteHook,
  type CollectionSlug,
  type Config,
  type GlobalAfterChangeHook,
  type PayloadRequest,
  type Plugin,
  type RequestContext,
  ValidationError,
} from 'payload';
import { linkableCollections } from '../fields/richText';
import { refuseMissingReferences, refuseMissingReferencesGlobal } from './existingReferences';
import { kindName, messageLocale, say } from './messages';
import {
  type ContractProblem,
  contractModels,
  dependentsMessage,
  globalLinkProblems,
  isolatedRequest,
  type LinkIndex,
  photoUses,
  publishedDependents,
  publishedLinkIndex,
  publishedUses,
  publishProblems,
} from './publishable';
import { refuseUnsafeLinks, refuseUnsafeLinksGlobal } from './richTextLinks';

/**
 * The publishing contract as a plugin: every write that leaves a document public (admin, REST,
 * GraphQL, bulk edits, scheduled publishing, restoring a version, duplicating, the import, the
 * seed) is checked inside its transaction, after the document is written and its photos made
 * public, and refused with a 400 that says what to fix; the refusal rolls the write back.
 * Unpublishing or deleting what published documents use is refused the same way. See
 * publishable.ts for what "publishable" means.
 */

type Deferred = { collection: string; id: number | string };
type ContractContext = { deferred?: Deferred[]; refused?: boolean };

const contractOf = (context: RequestContext): ContractContext | undefined =>
  context.publishContract as ContractContext | undefined;

/**
 * A context for batch writers (seed, import) that make photos public once at the end instead
 * of after every write: the checks are collected, and `checkDeferred` runs them before the
 * batch commits. Only server code can set a request's context; API clients cannot.
 */
export function deferPublishContract(): RequestContext {
  return { publishContract: { deferred: [] } satisfies ContractContext };
}

export type Refusal = Deferred & { problems: ContractProblem[] };

/**
 * What a write did to the live document, when the check knows: `written` is the `updatedAt` of
 * the version it wrote, `created` whether it made the document.
 */
type Write = { created: boolean; written: unknown };

/** Why a document, as the transaction now has it, breaks the contract ([] when it does not). */
async function contractProblems(
  req: PayloadRequest,
  collection: string,
  id: number | string,
  locale: Locale,
  links: () => Promise<LinkIndex>,
  write?: Write,
): Promise<ContractProblem[]> {
  const model = contractModels[collection];
  if (!model) return [];
  if (collection === 'media') {
    const media = await req.payload.findByID({
      collection: 'media',
      id,
      depth: 0,
      overrideAccess: true,
      select: { isPublic: true },
      disableErrors: true,
      req: isolatedRequest(req),
    });
    return media?.isPublic ? publishProblems(req, collection, id, locale) : [];
  }
  if (!model.drafts) return publishProblems(req, collection, id, locale);
  // The main table holds the live version: a draft saved over a published document leaves it live.
  const live = (await req.payload.findByID({
    collection: collection as CollectionSlug,
    id,
    depth: 0,
    draft: false,
    overrideAccess: true,
    select: { _status: true, updatedAt: true } as never,
    disableErrors: true,
    req: isolatedRequest(req),
  })) as { _status?: string; updatedAt?: unknown } | null;
  if (live?._status === 'published') {
    return publishProblems(req, collection, id, locale);
  }
  // Published rich text links only to published documents, so only a write that took this one
  // off the site can leave such a link behind: not a new document, and not a draft saved over
  // an unpublished one (Payload leaves the live row alone then, so its `updatedAt` differs from
  // the version's). Searching every published document's links is kept for those writes.
  const tookOffline = !write || (!write.created && write.written === live?.updatedAt);
  const dependents = await publishedDependents(req, collection, id, tookOffline ? await links() : undefined);
  return dependents.length
    ? [{ path: '_status', message: dependentsMessage(collection, dependents, 'unpublished', locale) }]
    : [];
}

/** The link index, read at most once by whoever asks first. */
function lazyLinks(req: PayloadRequest): () => Promise<LinkIndex> {
  let index: Promise<LinkIndex> | undefined;
  return () => {
    index ??= publishedLinkIndex(req);
    return index;
  };
}

function refuse(req: PayloadRequest, collection: string, id: number | string, problems: ContractProblem[]) {
  const locale = messageLocale(req.i18n?.language);
  const contract = contractOf(req.context);
  if (contract) contract.refused = true;
  else req.context.publishContract = { refused: true } satisfies ContractContext;
  const error = new ValidationError(
    { collection, id, errors: problems.map(({ path, message }) => ({ path, message })), req },
    req.t,
  );
  // Payload's own headline only lists field names; the reasons are what the curator needs.
  const unpublishing = problems.every((problem) => problem.path === '_status');
  error.message = unpublishing
    ? problems.map((problem) => problem.message).join(' ')
    : say('cannotPublish', locale, {
        kind: kindName(contractModels[collection]?.kind ?? collection, locale),
        // The admin's toast lists the reasons, split at commas: one item each, so none inside.
        reasons: problems.map((problem) => problem.message.replace(/,\s*/g, '; ')).join(', '),
      });
  return error;
}

const checkAfterChange: CollectionAfterChangeHook = async ({ collection, doc, operation, req, context }) => {
  // The visibility refresh's own update of a photo: the document that uses it is checked.
  if (collection.slug === 'media' && context.skipMediaVisibility) return doc;
  const deferred = contractOf(context)?.deferred;
  if (deferred) {
    deferred.push({ collection: collection.slug, id: doc.id });
    return doc;
  }
  const problems = await contractProblems(
    req,
    collection.slug,
    doc.id,
    messageLocale(req.i18n?.language),
    lazyLinks(req),
    {
      created: operation === 'create',
      written: doc.updatedAt,
    },
  );
  if (problems.length) throw refuse(req, collection.slug, doc.id, problems);
  return doc;
};

/**
 * The checks a batch writer deferred, once each, in the order written. Returns what is refused;
 * the caller rolls its transaction back when anything is.
 */
export async function checkDeferred(req: PayloadRequest, locale?: Locale): Promise<Refusal[]> {
  const contract = contractOf(req.context);
  const deferred = contract?.deferred ?? [];
  const language = locale ?? messageLocale(req.i18n?.language);
  const seen = new Set<string>();
  const refusals: Refusal[] = [];
  // The batch is written by now: one read of who links to what answers for all of it.
  const links = lazyLinks(req);
  // Checked without deferring: the context still says "defer" for the writes.
  for (const { collection, id } of deferred) {
    const key = `${collection}:${String(id)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const problems = await contractProblems(req, collection, id, language, links);
    if (problems.length) refusals.push({ collection, id, problems });
  }
  if (contract) contract.deferred = [];
  return refusals;
}

/** Throws the first refusal as the API would; for batch writers with nothing better to say. */
export async function enforceDeferred(req: PayloadRequest): Promise<void> {
  const [first] = await checkDeferred(req);
  if (first) throw refuse(req, first.collection, first.id, first.problems);
}

const refuseDeletingWhatIsUsed: CollectionBeforeDeleteHook = async ({ collection, id, req }) => {
  const links = linkable.has(collection.slug) ? await publishedLinkIndex(req) : undefined;
  const dependents = await publishedDependents(req, collection.slug, id, links);
  if (!dependents.length) return;
  const locale = messageLocale(req.i18n?.language);
  throw new APIError(dependentsMessage(collection.slug, dependents, 'deleted', locale), 409, null, true);
};

/**
 * A bulk edit shares one transaction: a document refused after it was written would still be
 * committed with the rest. So a bulk edit with a refusal keeps nothing, and says why for each.
 */
const bulkAllOrNothing: CollectionAfterOperationHook = ({ args, operation, result }) => {
  if (operation !== 'update') return result;
  const req = (args as { req: PayloadRequest }).req;
  const errors = (result as { errors?: { id: number | string; message: string }[] }).errors ?? [];
  if (!errors.length || !contractOf(req.context)?.refused) return result;
  const locale = messageLocale(req.i18n?.language);
  throw new APIError(
    say('bulkRefused', locale, {
      count: errors.length,
      details: errors.map((error) => `#${String(error.id)}: ${error.message}`).join(' '),
    }),
    400,
    { errors },
    true,
  );
};

const linkable = new Set<string>(linkableCollections);
const usedTargets = new Set([
  ...[...publishedUses, ...photoUses].map((use) => use.target as string),
  ...linkableCollections,
]);

/** The site settings are live as saved: their links must lead to published pages. */
const checkGlobalLinks: GlobalAfterChangeHook = async ({ doc, global, req }) => {
  const problems = await globalLinkProblems(req, global, messageLocale(req.i18n?.language));
  if (!problems.length) return doc;
  const error = new ValidationError(
    { global: global.slug, errors: problems.map(({ path, message }) => ({ path, message })), req },
    req.t,
  );
  error.message = problems.map((problem) => problem.message.replace(/,\s*/g, '; ')).join(', ');
  throw error;
};

/**
 * Adds the contract's hooks to every collection the site reads, to every collection the check
 * that what a write points at exists and that its rich-text links are safe, and the same to
 * every global (the site settings).
 */
export function publishContract(): Plugin {
  return (config: Config): Config => ({
    ...config,
    collections: (config.collections ?? []).map((collection) => {
      const hooks = collection.hooks ?? {};
      const checked = {
        ...collection,
        hooks: {
          ...hooks,
          beforeValidate: [refuseUnsafeLinks, refuseMissingReferences, ...(hooks.beforeValidate ?? [])],
        },
      };
      if (!contractModels[collection.slug]) return checked;
      return {
        ...checked,
        hooks: {
          ...checked.hooks,
          afterChange: [...(hooks.afterChange ?? []), checkAfterChange],
          afterOperation: [...(hooks.afterOperation ?? []), bulkAllOrNothing],
          ...(usedTargets.has(collection.slug)
            ? { beforeDelete: [...(hooks.beforeDelete ?? []), refuseDeletingWhatIsUsed] }
            : {}),
        },
      };
    }),
    globals: (config.globals ?? []).map((global) => {
      const hooks = global.hooks ?? {};
      return {
        ...global,
        hooks: {
          ...hooks,
          beforeValidate: [
            refuseUnsafeLinksGlobal,
            refuseMissingReferencesGlobal,
            ...(hooks.beforeValidate ?? []),
          ],
          afterChange: [...(hooks.afterChange ?? []), checkGlobalLinks],
        },
      };
    }),
  });
}
