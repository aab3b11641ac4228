/**
 * Guards on what a query may ask, run before Payload reads anything, registered on every
 * collection by plugins/publicSite.ts:
 *
 * - a sort may not read what its requester may not (guardSorts, guardJoinSorts);
 * - a `where` compares each field with a value of its kind (guardWhereValues);
 * - `limit` and `page` are numbers a database can use (guardPaging).
 */
import type { CollectionConfig } from 'payload';
import { guardIds, guardPaging } from './pagingGuards';
import { guardJoinSorts, guardSorts } from './sortGuards';
import { guardWhereReads, guardWhereValues } from './whereGuards';

export { checkWhere } from './whereGuards';
export { guardIds, guardJoinSorts, guardPaging, guardSorts, guardWhereReads, guardWhereValues };

/** The guards on a collection. */
export function guardsQueries(collection: CollectionConfig): CollectionConfig {
  return {
    ...collection,
    hooks: {
      ...collection.hooks,
      beforeOperation: [
        guardSorts,
        guardJoinSorts,
        guardWhereReads,
        guardWhereValues,
        guardPaging,
        guardIds,
        ...(collection.hooks?.beforeOperation ?? []),
      ],
    },
  };
}
