import crypto from 'node:crypto';
import pg from 'pg';

/**
 * The cms-postgres project's databases: one per test file, named after this run. Payload keeps
 * one pool connection open until its process ends, so a file cannot drop its own database;
 * they are dropped here, once their test processes have gone.
 */

function serverUri(): string {
  const server = process.env.TEST_POSTGRES_URI;
  if (!server) {
    throw new Error(
      'The cms-postgres tests need TEST_POSTGRES_URI: a PostgreSQL role that may create databases (see .ci/run).',
    );
  }
  return server;
}

async function withServer<T>(task: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUri() });
  await client.connect();
  try {
    return await task(client);
  } finally {
    await client.end();
  }
}

/**
 * Drops the test databases `pattern` matches that nobody is connected to. One still in use (a
 * file still running, or another run) is left, and dropped by a later run.
 */
async function dropUnused(pattern: string): Promise<void> {
  await withServer(async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname LIKE $1',
      [pattern],
    );
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS "${datname}"`).catch(() => undefined);
    }
  });
}

/**
 * Vitest global setup: names the run and drops what earlier runs left; its teardown drops this
 * run's databases. (Vitest may call a project's teardown while other projects still run, so
 * nothing is dropped by force.)
 */
export default async function setup() {
  const run = crypto.randomBytes(3).toString('hex');
  process.env.OYU_TEST_PG_RUN = run;
  await dropUnused('oyu\\_test\\_%');
  return () => dropUnused(`oyu\\_test\\_${run}\\_%`);
}

/** A database of its own for one test file; returns its URI. */
export async function createTestDatabase(): Promise<string> {
  const run = process.env.OYU_TEST_PG_RUN ?? 'adhoc';
  const name = `oyu_test_${run}_${process.pid}_${crypto.randomBytes(2).toString('hex')}`;
  await withServer((client) => client.query(`CREATE DATABASE "${name}"`));
  const uri = new URL(serverUri());
  uri.pathname = `/${name}`;
  return uri.toString();
}
