import type { CollectionBeforeOperationHook, CollectionConfig } from 'payload';

/**
 * What one anonymous read may ask for. The site's build asks for pages of at most 1,000 (its
 * change index, fields trimmed with `select`) and a depth of at most 1; a browser reading the
 * open data needs no more. Without caps, `?limit=0` or `?pagination=false` would make the CMS
 * read and populate every document in one answer, and a deep `depth` every relationship of every
 * relationship: one request could keep the CMS busy for everyone.
 *
 * The same holds for the documents a join field lists (`joins[works][limit]`).
 *
 * Asking for more is not an error: the answer is paginated as usual (`limit`, `hasNextPage`,
 * `totalDocs` tell the client what it got), as APIs that cap a page size do. Signed-in people
 * (the admin, imports) and server code are not capped.
 */
export const publicReadLimits = { limit: 1000, depth: 2 } as const;

export const capPublicReads: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'read' || req.user || args.overrideAccess === true) return args;
  // A list (find) has `limit` and `pagination`; one document (findByID) only `depth`.
  const asked = args as { limit?: number | string; pagination?: boolean; depth?: number | string };
  const capped: typeof asked = {};
  // Payload reads `limit=0` and `pagination=false` as "everything".
  const limit = asked.limit === undefined ? undefined : Number(asked.limit);
  if (asked.pagination === false || limit === 0 || (limit ?? 0) > publicReadLimits.limit) {
    capped.pagination = true;
    capped.limit = publicReadLimits.limit;
  }
  if (asked.depth !== undefined && Number(asked.depth) > publicReadLimits.depth) {
    capped.depth = publicReadLimits.depth;
  }
  // The documents a join field lists (an artisan's works): `limit=0` there means all of them.
  const joins = (args as { joins?: Record<string, false | { limit?: number }> }).joins;
  const cappedJoins =
    joins && typeof joins === 'object'
      ? Object.fromEntries(
          Object.entries(joins).map(([name, join]) => [
            name,
            join && (join.limit === 0 || (join.limit ?? 0) > publicReadLimits.limit)
              ? { ...join, limit: publicReadLimits.limit }
              : join,
          ]),
        )
      : undefined;
  return { ...args, ...capped, ...(cappedJoins ? { joins: cappedJoins } : {}) };
};

/** The caps on every collection the public may read. */
export function capsPublicReads(collection: CollectionConfig): CollectionConfig {
  return {
    ...collection,
    hooks: {
      ...collection.hooks,
      beforeOperation: [capPublicReads, ...(collection.hooks?.beforeOperation ?? [])],
    },
  };
}
