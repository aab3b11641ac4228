import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';

/**
 * Secrets live in data/secrets.env (git-ignored, readable by the owner only), made once on
 * the first start and reused after, so sessions and signed tokens survive a restart.
 */
export function ensureSecrets(dataDir: string): { PAYLOAD_SECRET: string } {
  const file = path.join(dataDir, 'secrets.env');
  fs.mkdirSync(dataDir, { recursive: true });
  if (!fs.existsSync(file)) {
    const secret = crypto.randomBytes(32).toString('hex');
    fs.writeFileSync(
      file,
      `# Made by pnpm start. Keep it private; losing it signs everyone out.\nPAYLOAD_SECRET=${secret}\n`,
      {
        mode: 0o600,
        flag: 'wx',
      },
    );
  }
  const values = parseEnv(fs.readFileSync(file, 'utf8'));
  const secret = values.PAYLOAD_SECRET;
  if (!secret || secret.length < 32) {
    throw new Error(
      `${file} has no PAYLOAD_SECRET of 32+ characters: fix it, or delete the file to make a new one`,
    );
  }
  return { PAYLOAD_SECRET: secret };
}

export function credentialsFile(dataDir: string): string {
  return path.join(dataDir, 'admin-credentials.txt');
}

export function saveCredentials(dataDir: string, email: string, password: string): string {
  const file = credentialsFile(dataDir);
  fs.writeFileSync(
    file,
    `# The first admin account, made by pnpm start. Change the password after signing in.\nemail: ${email}\npassword: ${password}\n`,
    { mode: 0o600 },
  );
  return file;
}

/** The first admin's sign-in, as saveCredentials wrote it. */
export function readCredentials(dataDir: string): { email: string; password: string } {
  const text = fs.readFileSync(credentialsFile(dataDir), 'utf8');
  const value = (key: string) => new RegExp(`^${key}: (.+)$`, 'm').exec(text)?.[1]?.trim() ?? '';
  return { email: value('email'), password: value('password') };
}
