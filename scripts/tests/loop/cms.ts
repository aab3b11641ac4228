import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { siteFolders } from '../../lib/siteBuild';
import type { Stack } from './stack';

/** Talking to an install's CMS the way the admin and the build job do. */

/** The first admin's email and password, as the seed saved them. */
function adminCredentials(dataDir: string) {
  const saved = fs.readFileSync(path.join(dataDir, 'admin-credentials.txt'), 'utf8');
  return { email: saved.match(/^email: (.+)$/m)?.[1], password: saved.match(/^password: (.+)$/m)?.[1] };
}

/** An admin's token, from the credentials the first run saved. */
export async function adminToken(stack: Stack): Promise<string> {
  const login = await fetch(`${stack.cmsUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(adminCredentials(stack.dataDir)),
  });
  return ((await login.json()) as { token: string }).token;
}

export type BuildRecord = {
  id: number;
  status: string;
  phase?: string | null;
  pages?: number;
  release?: string;
  live?: boolean;
  log?: string;
  error?: string;
};

export const buildRecord = async (stack: Stack, id: number, token: string) =>
  (await (
    await fetch(`${stack.cmsUrl}/api/site-builds/${id}?depth=0`, {
      headers: { authorization: `JWT ${token}` },
    })
  ).json()) as BuildRecord;

/** Asks the CMS for a rebuild, as the Site page's button does; the build's id. */
export const startRebuild = async (stack: Stack, token: string) => {
  const response = await fetch(`${stack.cmsUrl}/api/site-builds/rebuild`, {
    method: 'POST',
    headers: { authorization: `JWT ${token}` },
  });
  expect(response.status).toBe(202);
  return ((await response.json()) as { build: { id: number } }).build.id;
};

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The documents a build recorded, by snapshot file (without the time they were taken). */
export function snapshotDocs(dataDir: string) {
  const dir = siteFolders(dataDir).snapshotDir;
  return Object.fromEntries(
    fs
      .readdirSync(dir)
      .filter((file) => /\.(en|ru|kk)\.json$/.test(file))
      .map((file) => [
        file,
        (JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as { docs: unknown }).docs,
      ]),
  );
}
