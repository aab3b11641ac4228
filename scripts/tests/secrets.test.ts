import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { credentialsFile, ensureSecrets, saveCredentials } from '../lib/secrets';

const dirs: string[] = [];
const tmp = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oyu-secrets-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('secrets', () => {
  it('makes a random secret once, readable by the owner only, and reuses it', () => {
    const dir = tmp();
    const first = ensureSecrets(dir);
    expect(first.PAYLOAD_SECRET).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.statSync(path.join(dir, 'secrets.env')).mode & 0o777).toBe(0o600);
    expect(ensureSecrets(dir)).toEqual(first);
    expect(ensureSecrets(tmp()).PAYLOAD_SECRET).not.toBe(first.PAYLOAD_SECRET);
  });

  it('refuses a secrets file with a short secret, saying how to fix it', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'secrets.env'), 'PAYLOAD_SECRET=short\n');
    expect(() => ensureSecrets(dir)).toThrow(/no PAYLOAD_SECRET of 32\+ characters.*delete the file/);
  });

  it('keeps the first admin credentials private', () => {
    const dir = tmp();
    const file = saveCredentials(dir, 'admin@oyu.local', 'pw-123');
    expect(file).toBe(credentialsFile(dir));
    expect(fs.readFileSync(file, 'utf8')).toContain('password: pw-123');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });
});
