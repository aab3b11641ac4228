import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

/**
 * Every test file runs in its own process with a throw-away data folder: its own SQLite file
 * and media directory, removed afterwards. Set before any test imports the Payload config,
 * which reads the environment on import.
 */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oyu-cms-test-'));
process.env.OYU_DATA_DIR = dataDir;
process.env.PAYLOAD_SECRET = crypto.randomBytes(32).toString('hex');
process.env.SERVER_URL ??= 'http://localhost:3000';
if (!process.env.TEST_DATABASE_URI) delete process.env.DATABASE_URI;
else process.env.DATABASE_URI = process.env.TEST_DATABASE_URI;

afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});
