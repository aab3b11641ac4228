import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';

/**
 * The PostgreSQL server the scripts' tests use (TEST_POSTGRES_URI, a role that may create
 * databases; .ci/run makes one), and how they make and drop their databases on it.
 */

/** Runs `task` on a connection to `uri`, closed afterwards whatever happens. */
export async function withClient<T>(uri: string, task: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: uri });
  await client.connect();
  try {
    return await task(client);
  } finally {
    await client.end();
  }
}

/**
 * Drops database `name` once this role's own connections to it are ended.
 *
 * Not `DROP DATABASE … WITH (FORCE)`: that signals every backend on the database, and an
 * autovacuum worker busy on it (likely right after a benchmark wrote thousands of rows) belongs
 * to no role, so an ordinary role is refused ("must be a member of the role whose process is
 * being terminated"; CI failed so). A plain DROP asks autovacuum to stop by itself; a connection
 * that has not yet gone away is waited for and asked again.
 */
export async function dropDatabase(client: pg.Client, name: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    await client.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = $1 AND usename = current_user AND pid <> pg_backend_pid()`,
      [name],
    );
    try {
      await client.query(`DROP DATABASE IF EXISTS "${name}"`);
      return;
    } catch (error) {
      // 55006 object_in_use: someone is still connected.
      if ((error as { code?: string }).code !== '55006' || attempt === 10) throw error;
      await sleep(500);
    }
  }
}

/** Drops `name` if it is there and makes it again, empty; returns its URI on the same server. */
export async function freshDatabase(server: string, name: string): Promise<string> {
  await withClient(server, async (client) => {
    await dropDatabase(client, name);
    await client.query(`CREATE DATABASE "${name}"`);
  });
  const uri = new URL(server);
  uri.pathname = `/${name}`;
  return uri.toString();
}
