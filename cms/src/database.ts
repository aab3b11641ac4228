import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { postgresAdapter } from '@payloadcms/db-postgres';
import { sqliteAdapter } from '@payloadcms/db-sqlite';
import type { DatabaseAdapterObj, Migration } from 'payload';
import { migrations as postgresMigrations } from '../migrations/postgres';
import { migrations as sqliteMigrations } from '../migrations/sqlite';
import type { CmsEnv } from './env';
import { indexPostgresLocaleParents, indexSqliteLocaleParents } from './localeIndexes';

const migrationsRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../migrations');

/**
 * SQLite (a file under data/) unless DATABASE_URI is a postgres:// URL. The schema is never
 * pushed: it changes only through committed migrations, one folder per dialect, which
 * Payload applies on start in production (`prodMigrations`) and `pnpm start` applies itself.
 */
export function databaseAdapter(env: CmsEnv): DatabaseAdapterObj {
  if (env.dialect === 'postgres') {
    return postgresAdapter({
      pool: { connectionString: env.databaseUri },
      push: false,
      migrationDir: path.join(migrationsRoot, 'postgres'),
      prodMigrations: postgresMigrations,
      afterSchemaInit: [indexPostgresLocaleParents],
    });
  }
  const file = env.databaseUri.replace(/^file:/, '');
  fs.mkdirSync(path.dirname(path.resolve(/*turbopackIgnore: true*/ file)), { recursive: true });
  // Transactions one at a time: plugins/publicSite.ts (sqliteTransactions.ts).
  return sqliteAdapter({
    client: { url: env.databaseUri },
    push: false,
    migrationDir: path.join(migrationsRoot, 'sqlite'),
    prodMigrations: sqliteMigrations,
    afterSchemaInit: [indexSqliteLocaleParents],
    // Wait for a lock instead of failing at once, keep a write-ahead log so the site build can
    // read while curators write, and wrap each request in a transaction so a failing hook
    // leaves nothing half-written. https://www.sqlite.org/lang_transaction.html
    busyTimeout: env.sqliteBusyTimeoutMs,
    wal: true,
    // Any options object turns transactions on. libsql opens every transaction with BEGIN
    // IMMEDIATE (it ignores drizzle's `behavior`), which takes the write lock up front.
    transactionOptions: {},
  });
}

/** The committed migrations of the configured dialect, for `payload.db.migrate()`. */
export function migrationsFor(env: CmsEnv): Migration[] {
  // Each dialect's migrations take that dialect's arguments; `migrate()` passes the right ones.
  return (env.dialect === 'postgres' ? postgresMigrations : sqliteMigrations) as unknown as Migration[];
}
