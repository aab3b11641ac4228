import crypto from 'node:crypto';
import fs from 'node:fs';
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
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oyu-cms-test-'));
process.env.OYU_DATA_DIR = dataDir;
process.env.PAYLOAD_SECRET = crypto.randomBytes(32).toString('hex');
process.env.SERVER_URL ??= 'http://localhost:3000';
delete process.env.DATABASE_URI;

if (process.env.OYU_TEST_DIALECT === 'postgres') process.env.DATABASE_URI = await createTestDatabase();

afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});
