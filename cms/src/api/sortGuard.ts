import {
  APIError,
  type Collection,
  type CollectionBeforeOperationHook,
  type CollectionConfig,
  type FlattenedField,
  type PayloadRequest,
} from 'payload';

/**
 * Refuses a sort that reads, through a relationship, a collection the requester may not read
 * in full: `?sort=createdBy.email` on works, asked by a curator, who may read only their own
 * account. Payload keeps such a `where` within the requester's rights (a filter on another
 * user's e-mail matches nothing), but sorts by the related value as it is, so the order of the
 * answer would tell which e-mails come before which: with their own e-mail to move, a curator
 * could find out everyone's. The public may not read users at all and Payload refuses it that
 * path already; this closes it for everyone else.
 *
 * A sort by the document's own fields, or through a relationship whose collection the
 * requester reads without restriction, is left alone.
 */
export const guardSorts: CollectionBeforeOperationHook = async ({ args, operation, req, collection }) => {
  if (operation !== 'read' || args.overrideAccess === true) return args;
  const sort = (args as { sort?: string | string[] }).sort;
  if (!sort) return args;
  const paths = (Array.isArray(sort) ? sort : String(sort).split(','))
    .map((path) => path.trim().replace(/^[-+]/, ''))
    .filter((path) => path.includes('.'));
  for (const path of paths) {
    const hidden = await hiddenHop(path, collection.flattenedFields, req);
    if (hidden) {
      throw new APIError(
        `Sorting by ${path} is not allowed: it reads ${hidden}, which you may not read in full. Sort by a field of the ${collection.slug} themselves.`,
        400,
      );
    }
  }
  return args;
};

/** The first collection along `path` the requester may read only in part, if any. */
async function hiddenHop(
  path: string,
  fields: FlattenedField[],
  req: PayloadRequest,
): Promise<string | undefined> {
  const collections = req.payload.collections as Record<string, Collection | undefined>;
  let current = fields;
  for (const segment of path.split('.')) {
    const field = current.find((candidate) => candidate.name === segment);
    if (!field) return undefined;
    if (field.type === 'relationship' || field.type === 'upload') {
      const targets = Array.isArray(field.relationTo) ? field.relationTo : [field.relationTo];
      for (const target of targets) {
        const config = collections[target]?.config;
        const read = config?.access?.read;
        const allowed = read ? await read({ req }) : Boolean(req.user);
        if (allowed !== true) return target;
      }
      const first = collections[targets[0] as string]?.config;
      if (!first) return undefined;
      current = first.flattenedFields;
    } else if ('flattenedFields' in field && Array.isArray(field.flattenedFields)) {
      current = field.flattenedFields;
    } else {
      return undefined;
    }
  }
  return undefined;
}

/** The guard on a collection. */
export function guardsSorts(collection: CollectionConfig): CollectionConfig {
  return {
    ...collection,
    hooks: {
      ...collection.hooks,
      beforeOperation: [guardSorts, ...(collection.hooks?.beforeOperation ?? [])],
    },
  };
}
