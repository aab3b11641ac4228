import type { PostgresAdapterArgs } from '@payloadcms/db-postgres';
import { index as postgresIndex } from '@payloadcms/db-postgres/drizzle/pg-core';
import type { SQLiteSchemaHook } from '@payloadcms/db-sqlite';
import { index as sqliteIndex } from '@payloadcms/db-sqlite/drizzle/sqlite-core';

/**
 * An index on `_parent_id` for every table of localized fields (`works_locales`,
 * `_works_v_locales`, `media_locales`, …).
 *
 * Payload gives each of these tables one index, unique on (`_locale`, `_parent_id`), and reads
 * them with `where _parent_id = ?` alone, for every document it returns (the `_locales`
 * subquery of each find). An index that starts with `_locale` cannot answer that, so each
 * document read scans the whole table, and a list of a hundred works reads it hundreds of times
 * (the figures: docs/performance.notes.md). The same column is the foreign key a deleted
 * document cascades through. Added through the adapters' `afterSchemaInit`, so migrations
 * generated from the config carry the indexes and nothing sees them as drift.
 *
 * No upstream issue found (Payload 3.90). These indexes can go once Payload's own schema has an
 * index that starts with `_parent_id` on every `_locales` table: a migration generated with
 * `payload migrate:create` with `afterSchemaInit` left out then shows one, and "has an index
 * leading with every foreign key column" in cms/tests/int/schema.test.ts passes without these.
 */
type PostgresSchemaHook = NonNullable<PostgresAdapterArgs['afterSchemaInit']>[number];

export const localeParentIndexName = (table: string) => `${table}_parent_id_idx`;

function localeTables<T>(tables: Record<string, T>) {
  return Object.entries(tables).filter(
    ([name, table]) => name.endsWith('_locales') && (table as Record<string, unknown>)._parentID,
  );
}

export const indexSqliteLocaleParents: SQLiteSchemaHook = ({ schema, extendTable }) => {
  for (const [name, table] of localeTables(schema.tables)) {
    extendTable({
      table,
      extraConfig: (columns) => ({
        _parentIDIdx: sqliteIndex(localeParentIndexName(name)).on(columns._parentID),
      }),
    });
  }
  return schema;
};

export const indexPostgresLocaleParents: PostgresSchemaHook = ({ schema, extendTable }) => {
  for (const [name, table] of localeTables(schema.tables)) {
    extendTable({
      table,
      extraConfig: (columns) => ({
        _parentIDIdx: postgresIndex(localeParentIndexName(name)).on(columns._parentID),
      }),
    });
  }
  return schema;
};
