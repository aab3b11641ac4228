import { APIError, type Collection, type CollectionBeforeOperationHook, type FlattenedField } from 'payload';
import { hiddenHop } from './hiddenHop';

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
 *
 * No upstream issue found (Payload 3.90). Remove when Payload applies the related collection's
 * read access to a sort: "sorting on fields the requester may not read" in
 * cms/tests/int/protectedFields.test.ts, with this guard off, tells.
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

/**
 * The documents a join field lists (an artisan's works) may be sorted by a field of their own
 * that is the same in every language: `?joins[works][sort]=createdBy.email` would order them by
 * what the requester may not read, and Payload's SQL for a sort by a translated field (`title`)
 * fails with a 500. Anything else is refused with a 400 that lists what may be used.
 *
 * No upstream issue found for either (Payload 3.90). The first goes with guardSorts; the second
 * once `joins[works][sort]=title`, as "sorts a join only by a field of the joined documents
 * that is the same in every language" in cms/tests/int/protectedFields.test.ts asks it, is
 * answered without a 500 with this guard off.
 */
export const guardJoinSorts: CollectionBeforeOperationHook = ({ args, operation, req, collection }) => {
  if (operation !== 'read' || args.overrideAccess === true) return args;
  const joins = (args as { joins?: Record<string, false | { sort?: string | string[] }> }).joins;
  if (!joins || typeof joins !== 'object') return args;
  const collections = req.payload.collections as Record<string, Collection | undefined>;
  for (const [name, join] of Object.entries(joins)) {
    if (!join || !join.sort) continue;
    const field = collection.flattenedFields.find((candidate) => candidate.name === name);
    const target = field?.type === 'join' ? collections[field.collection as string]?.config : undefined;
    if (!target) continue;
    const sortable = target.flattenedFields
      .filter(
        (candidate) => fieldAffectsSort(candidate) && !('localized' in candidate && candidate.localized),
      )
      .map((candidate) => candidate.name);
    sortable.unshift('id');
    for (const path of (Array.isArray(join.sort) ? join.sort : String(join.sort).split(',')).map((value) =>
      value.trim().replace(/^[-+]/, ''),
    )) {
      if (!sortable.includes(path)) {
        throw new APIError(
          `The ${name} of ${collection.slug} cannot be sorted by ${path}: use one of ${sortable.join(', ')}.`,
          400,
        );
      }
    }
  }
  return args;
};

/** Fields that hold one plain value of the document itself. */
function fieldAffectsSort(field: FlattenedField): boolean {
  return (
    ['text', 'number', 'date', 'select', 'checkbox', 'email', 'radio'].includes(field.type) ||
    field.name === 'id'
  );
}
