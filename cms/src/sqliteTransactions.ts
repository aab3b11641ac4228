import type { DatabaseAdapterObj } from 'payload';

/**
 * Makes SQLite transactions wait their turn instead of failing with SQLITE_BUSY.
 *
 * libsql runs SQL synchronously and opens a new connection for whatever comes after each
 * transaction starts. Two things follow, both seen here with Payload 3.90 and libsql 0.14:
 *  - the new connection has SQLite's default busy timeout of 0, so the adapter's
 *    `busyTimeout` only holds until the first transaction: later writes fail at once when
 *    another process holds the lock;
 *  - two requests in one process that both write would each open a transaction on their own
 *    connection; with a busy timeout, the second BEGIN blocks the event loop that the first
 *    needs to finish, so both stall until the timeout.
 * So: one transaction at a time per process (a queue), and every connection a transaction
 * uses gets the busy timeout, which then only covers other processes (seeds, imports).
 * Remove when the SQLite adapter serialises transactions itself.
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
