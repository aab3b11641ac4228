import {
  APIError,
  type Collection,
  type CollectionConfig,
  type FlattenedField,
  type PayloadRequest,
} from 'payload';

/**
 * The first collection along `path` the requester may read only in part, if any; with
 * `counts`, only collections it accepts are considered.
 */
export async function hiddenHop(
  path: string,
  fields: FlattenedField[],
  req: PayloadRequest,
  counts?: (config: CollectionConfig) => boolean,
): Promise<string | undefined> {
  const collections = req.payload.collections as Record<string, Collection | undefined>;
  let current = fields;
  const segments = path.split('.');
  for (const [index, segment] of segments.entries()) {
    const field = current.find((candidate) => candidate.name === segment);
    if (!field) return undefined;
    if (field.type === 'relationship' || field.type === 'upload') {
      const targets = Array.isArray(field.relationTo) ? field.relationTo : [field.relationTo];
      for (const target of targets) {
        const config = collections[target]?.config;
        if (config && counts && !counts(config)) continue;
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
      // A path inside a plain value: Payload's SQL for it fails (a `where`, which passes
      // `counts`, gets its own message from checkWhere).
      if (!counts && index < segments.length - 1) {
        throw new APIError(`Sorting by ${path} is not possible: ${segment} has no fields inside it.`, 400);
      }
      return undefined;
    }
  }
  return undefined;
}
