import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';

/**
 * Copies an install's SQLite database into a PostgreSQL database that the same version of Oyu
 * has migrated (so both have the same tables and columns): every row of every table, in one
 * transaction, replacing what the PostgreSQL tables held. Either all of it is copied or nothing
 * changes. Photos are not touched: the two installs can share one media folder.
 *
 * The benchmark measures PostgreSQL on a copy of the SQLite install it seeded, so both answer
 * the same requests over the same rows (seeding M again through the API would re-derive 20,000
 * photos: hours of image work that does not depend on the database).
 */

export class CopyDatabaseError extends Error {
  override name = 'CopyDatabaseError';
}

export type CopyReport = { tables: number; rows: number; seconds: number };

/** Payload's own record of the migrations applied: each database keeps its own. */
const ownTables = new Set(['payload_migrations']);

type Column = { name: string; type: string };

/** How a SQLite value becomes the PostgreSQL column's value (SQLite keeps booleans as 0/1, JSON as text). */
function converter(type: string): (value: unknown) => unknown {
  if (type === 'bool')
    return (value) => (value == null ? null : value === 1 || value === true || value === '1');
  if (type === 'json' || type === 'jsonb')
    return (value) => (value == null || typeof value === 'string' ? value : JSON.stringify(value));
  return (value) => value;
}

/** Parents before children, following the foreign keys (a table's keys to itself are left aside). */
export function insertOrder(tables: string[], references: { child: string; parent: string }[]): string[] {
  const parents = new Map(tables.map((table) => [table, new Set<string>()]));
  for (const { child, parent } of references) {
    if (child !== parent && parents.has(parent)) parents.get(child)?.add(parent);
  }
  const order: string[] = [];
  const placed = new Set<string>();
  while (order.length < tables.length) {
    const ready = tables.filter(
      (table) => !placed.has(table) && [...(parents.get(table) ?? [])].every((parent) => placed.has(parent)),
    );
    if (!ready.length) {
      const left = tables.filter((table) => !placed.has(table));
      throw new CopyDatabaseError(
        `The foreign keys between ${left.join(', ')} form a cycle: no order to copy them in`,
      );
    }
    for (const table of ready) {
      order.push(table);
      placed.add(table);
    }
  }
  return order;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Rows per INSERT: PostgreSQL takes at most 65,535 parameters in one statement. */
const rowsPerInsert = (columns: number) => Math.max(1, Math.min(1000, Math.floor(60_000 / columns)));

export async function copySqliteToPostgres(
  sqliteFile: string,
  postgresUri: string,
  onProgress?: (table: string, rows: number) => void,
): Promise<CopyReport> {
  const started = performance.now();
  const source = new DatabaseSync(sqliteFile, { readOnly: true });
  const target = new pg.Client({ connectionString: postgresUri });
  try {
    await target.connect();
    const tables = sqliteTables(source);
    const plans = copyPlans(source, tables, await postgresColumns(target));
    const order = insertOrder(tables, await foreignKeys(target));
    const rows = await inTransaction(target, async () => {
      await target.query(`TRUNCATE ${tables.map(quote).join(', ')} RESTART IDENTITY`);
      let copied = 0;
      for (const table of order) {
        copied += await copyTable(source, target, table, plans.get(table) as CopyPlan, onProgress);
      }
      await carryOnSerials(target);
      return copied;
    });
    return { tables: order.length, rows, seconds: (performance.now() - started) / 1000 };
  } finally {
    source.close();
    await target.end().catch(() => {});
  }
}

/** The SQLite database's tables, but for its own and Payload's migration record. */
function sqliteTables(source: DatabaseSync): string[] {
  return (
    source
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all() as { name: string }[]
  )
    .map((row) => row.name)
    .filter((name) => !ownTables.has(name));
}

/** Each PostgreSQL table's columns, in their order, with their types. */
async function postgresColumns(target: pg.Client): Promise<Map<string, Column[]>> {
  const { rows } = await target.query<{ table: string; column: string; type: string }>(
    `SELECT c.table_name AS "table", c.column_name AS "column", c.udt_name AS "type"
       FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema
      WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
      ORDER BY c.table_name, c.ordinal_position`,
  );
  const columns = new Map<string, Column[]>();
  for (const row of rows) {
    if (ownTables.has(row.table)) continue;
    const list = columns.get(row.table) ?? [];
    list.push({ name: row.column, type: row.type });
    columns.set(row.table, list);
  }
  return columns;
}

/** A table's SQLite columns, where each goes in PostgreSQL, and how its values are converted. */
type CopyPlan = { columns: Column[]; convert: ((value: unknown) => unknown)[] };

/**
 * What to copy from each table, once both databases are known to have the same tables and
 * every SQLite column has a place to go (PostgreSQL may only add columns with defaults).
 */
function copyPlans(source: DatabaseSync, tables: string[], targetColumns: Map<string, Column[]>) {
  const missing = tables.filter((table) => !targetColumns.has(table));
  const extra = [...targetColumns.keys()].filter((table) => !tables.includes(table));
  if (missing.length || extra.length) {
    throw new CopyDatabaseError(
      `The two databases do not have the same tables${missing.length ? `; only SQLite has ${missing.join(', ')}` : ''}${extra.length ? `; only PostgreSQL has ${extra.join(', ')}` : ''}. Migrate both with the same version of Oyu first.`,
    );
  }
  const plans = new Map<string, CopyPlan>();
  for (const table of tables) {
    const sourceColumns = (
      source.prepare(`PRAGMA table_info(${quote(table)})`).all() as { name: string }[]
    ).map((row) => row.name);
    const byName = new Map((targetColumns.get(table) ?? []).map((column) => [column.name, column]));
    const unknown = sourceColumns.filter((name) => !byName.has(name));
    if (unknown.length) {
      throw new CopyDatabaseError(
        `Table ${table} has columns PostgreSQL lacks: ${unknown.join(', ')}. Migrate both with the same version of Oyu first.`,
      );
    }
    const columns = sourceColumns.map((name) => byName.get(name) as Column);
    plans.set(table, { columns, convert: columns.map((column) => converter(column.type)) });
  }
  return plans;
}

/** Which table refers to which, by PostgreSQL's foreign keys. */
async function foreignKeys(target: pg.Client) {
  const { rows } = await target.query<{ child: string; parent: string }>(
    `SELECT child.relname AS child, parent.relname AS parent
       FROM pg_constraint k
       JOIN pg_class child ON child.oid = k.conrelid
       JOIN pg_class parent ON parent.oid = k.confrelid
      WHERE k.contype = 'f' AND k.connamespace = 'public'::regnamespace`,
  );
  return rows;
}

async function inTransaction<T>(target: pg.Client, task: () => Promise<T>): Promise<T> {
  await target.query('BEGIN');
  try {
    const result = await task();
    await target.query('COMMIT');
    return result;
  } catch (error) {
    await target.query('ROLLBACK');
    throw error;
  }
}

/** Every row of one table, in batches; returns how many. */
async function copyTable(
  source: DatabaseSync,
  target: pg.Client,
  table: string,
  { columns, convert }: CopyPlan,
  onProgress?: (table: string, rows: number) => void,
): Promise<number> {
  const names = columns.map((column) => quote(column.name)).join(', ');
  const batch = rowsPerInsert(columns.length);
  let pending: unknown[][] = [];
  let copied = 0;
  const flush = async () => {
    if (!pending.length) return;
    await insertRows(target, table, names, pending, copied);
    copied += pending.length;
    pending = [];
    onProgress?.(table, copied);
  };
  const select = source.prepare(`SELECT ${names} FROM ${quote(table)} ORDER BY rowid`);
  select.setReturnArrays(true);
  for (const row of select.iterate() as Iterable<unknown[]>) {
    pending.push(row.map((value, index) => (convert[index] as (value: unknown) => unknown)(value)));
    if (pending.length >= batch) await flush();
  }
  await flush();
  return copied;
}

/** One INSERT of many rows; `before` rows of the table went in already (for the message). */
async function insertRows(
  target: pg.Client,
  table: string,
  names: string,
  rows: unknown[][],
  before: number,
) {
  const values: unknown[] = [];
  const tuples = rows.map((row) => {
    const start = values.length;
    values.push(...row);
    return `(${row.map((_, index) => `$${start + index + 1}`).join(', ')})`;
  });
  try {
    await target.query(`INSERT INTO ${quote(table)} (${names}) VALUES ${tuples.join(', ')}`, values);
  } catch (error) {
    throw new CopyDatabaseError(
      `Copying ${table} into PostgreSQL failed in rows ${before + 1}–${before + rows.length}: ${(error as Error).message}; nothing was copied`,
      { cause: error },
    );
  }
}

/** Serial columns carry on after the highest copied value. */
async function carryOnSerials(target: pg.Client) {
  const { rows: serials } = await target.query<{ table: string; column: string }>(
    `SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns
      WHERE table_schema = 'public' AND column_default LIKE 'nextval(%'`,
  );
  for (const { table, column } of serials.filter((serial) => !ownTables.has(serial.table))) {
    await target.query(
      `SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT max(${quote(column)}) FROM ${quote(table)}), 0) + 1, false)`,
      [quote(table), column],
    );
  }
}
