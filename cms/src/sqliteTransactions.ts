import type { DatabaseAdapterObj } from 'payload';

/**
 * Makes SQLite transactions wait their turn instead of failing with SQLITE_BUSY.
 *
 * libsql runs SQL synchronously and opens a new connection for whatever comes after each
 * transaction starts. Two things follow, with Payload 3.90 and @libsql/client 0.14.0:
 *  - the new connection has SQLite's default busy timeout of 0, so the adapter's
 *    `busyTimeout` (a PRAGMA on the first connection) only holds until the first transaction:
 *    later writes fail at once when another process holds the lock.
 *    https://github.com/tursodatabase/libsql-client-ts/issues/288; fixed in @libsql/client
 *    0.17.4 by a `timeout` option that every connection gets
 *    (https://github.com/tursodatabase/libsql-client-ts/pull/345). `primeConnections` can go
 *    once @payloadcms/db-sqlite uses a client that recent and passes `busyTimeout` as its
 *    `timeout`;
 *  - two requests in one process that both write would each open a transaction on their own
 *    connection; with a busy timeout, the second BEGIN blocks the event loop that the first
 *    needs to finish, so both stall until the timeout. This follows from a synchronous driver
 *    and has no upstream issue: the queue can go only if the SQLite adapter serialises
 *    transactions itself.
 * So: one transaction at a time per process (a queue), and every connection a transaction
 * uses gets the busy timeout, which then only covers other processes (seeds, imports).
 * cms/tests/int/sqliteConcurrency.test.ts tells whether either part is still needed: "queues
 * concurrent writes in one process instead of failing" for the queue, "waits for another
 * process that holds the lock, every time" for the busy timeout.
 */

type Client = {
  execute: (sql: string) => Promise<unknown>;
  transaction: (mode?: string) => Promise<unknown>;
};
type TransactionId = number | string | Promise<number | string>;

/** Longest a transaction may hold the queue before the next one is let through anyway. */
const stuckAfterMs = 60_000;

export function serializeSqliteTransactions(
  adapterObj: DatabaseAdapterObj,
  busyTimeoutMs: number,
): DatabaseAdapterObj {
  return {
    ...adapterObj,
    init: (args) => {
      const adapter = adapterObj.init(args);
      const connect = adapter.connect?.bind(adapter);
      if (connect) {
        adapter.connect = async (options) => {
          await connect(options);
          primeConnections((adapter as unknown as { client: Client }).client, busyTimeoutMs);
        };
      }

      const begin = adapter.beginTransaction.bind(adapter);
      const commit = adapter.commitTransaction.bind(adapter);
      const rollback = adapter.rollbackTransaction.bind(adapter);
      const releases = new Map<number | string, () => void>();
      let queue: Promise<void> = Promise.resolve();

      adapter.beginTransaction = async (options) => {
        let release = () => {};
        const turn = new Promise<void>((resolve) => {
          release = resolve;
        });
        const previous = queue;
        queue = previous.then(() => turn);
        await previous;
        const watchdog = setTimeout(() => {
          // Expected once: the demo seed writes everything in one transaction. Anything else
          // this long is a transaction left open, and the next one is let through.
          args.payload.logger.warn(
            `A database transaction has held the write queue for ${stuckAfterMs / 1000} s; letting the next one through (the demo seed's single transaction takes this long, anything else should not)`,
          );
          release();
        }, stuckAfterMs);
        watchdog.unref();
        const done = () => {
          clearTimeout(watchdog);
          release();
        };
        try {
          const id = await begin(options);
          if (id === null) done();
          else releases.set(id, done);
          return id;
        } catch (error) {
          done();
          throw error;
        }
      };
      const finish = (end: (id: TransactionId) => Promise<void>) => async (id: TransactionId) => {
        const key = await id;
        try {
          await end(key);
        } finally {
          releases.get(key)?.();
          releases.delete(key);
        }
      };
      adapter.commitTransaction = finish(commit);
      adapter.rollbackTransaction = finish(rollback);
      return adapter;
    },
  };
}

function primeConnections(client: Client, busyTimeoutMs: number) {
  const transaction = client.transaction.bind(client);
  client.transaction = (mode) => {
    // Both calls run synchronously in libsql: the PRAGMA lands on the very connection that
    // the BEGIN below then uses.
    void client.execute(`PRAGMA busy_timeout = ${busyTimeoutMs}`);
    return transaction(mode);
  };
}
