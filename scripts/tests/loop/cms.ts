import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { readCredentials } from '../../lib/secrets';
import { signIn } from '../../lib/seededCms';
import { siteFolders } from '../../lib/siteBuild';
import type { Stack } from './stack';

/** Talking to an install's CMS the way the admin and the build job do. */

/** An admin's token, from the credentials the first run saved. */
export const adminToken = (stack: Stack): Promise<string> =>
  signIn(stack.cmsUrl, readCredentials(stack.dataDir));

export type BuildRecord = {
  id: number;
  status: string;
  phase?: string | null;
  pagesDone?: number | null;
  pagesTotal?: number | null;
  mode?: string | null;
  rendered?: number | null;
  reason?: string | null;
  pages?: number;
  release?: string;
  live?: boolean;
  /** Kept for rollback: its release is still on disk. */
  kept?: boolean;
  durationMs?: number | null;
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
