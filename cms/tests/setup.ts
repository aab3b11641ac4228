import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { createTestDatabase } from './postgresDatabases';

/**
 * Every test file runs in its own process with a throw-away data folder: its own SQLite file
 * and media directory, removed afterwards. Set before any test imports the Payload config,
 * which reads the environment on import.
 *
 * The `cms-postgres` project (vitest.config.ts at the root) runs the same files on PostgreSQL:
 * each file then gets a database of its own on the server TEST_POSTGRES_URI names
 * (postgresDatabases.ts).
 */
/** A port free at this moment (the system's choice), closed again at once. */
function unusedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oyu-cms-test-'));
process.env.OYU_DATA_DIR = dataDir;
process.env.PAYLOAD_SECRET = crypto.randomBytes(32).toString('hex');
// A port nothing listens on, not the default 3000: the CMS of a `pnpm start` on this machine
// would otherwise answer the builds that tests expect to find no CMS.
process.env.SERVER_URL ??= `http://localhost:${await unusedPort()}`;
delete process.env.DATABASE_URI;

if (process.env.OYU_TEST_DIALECT === 'postgres') process.env.DATABASE_URI = await createTestDatabase();

afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});
