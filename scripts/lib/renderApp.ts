import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { buildAstroApp } from './astroApp';
import { waitForBuildLock } from './buildLock';
import { codeHash } from './codeHash';
import { siteDir } from './env';

/**
 * The publisher's render app (site/astro.render.config.ts): the site's pages as a server
 * bundle, built once per code version and site address, which the publisher loads to render
 * only the pages a change touches.
 *
 * Each version has a folder of its own under `root`, never replaced: a process that loaded one
 * imports its pages' chunks lazily, as it first renders them, so the files must stay as they
 * were. One build at a time (a build job and a test may ask at once); the newest few versions
 * are kept.
 */
export const renderAppRoot = path.join(siteDir, 'dist-render');
const renderSources = ['render', 'astro.render.config.ts'];
const keptVersions = 3;

/**
 * The render app for `siteUrl` built from this code, built first if it is not there yet
 * (absolute links and JSON-LD carry the address, so it is part of the pages' bytes).
 */
export async function buildRenderApp(options: {
  siteUrl: string;
  root?: string;
  onLine?: (line: string) => void;
}): Promise<{ dir: string; built: boolean }> {
  const root = options.root ?? renderAppRoot;
  const stamp = `${await codeHash(renderSources)} ${options.siteUrl}`;
  const dir = path.join(root, createHash('sha1').update(stamp).digest('hex').slice(0, 16));
  const lock = await waitForBuildLock(root);
  try {
    const built = await buildAstroApp({
      config: 'astro.render.config.ts',
      dir,
      stamp,
      outDirVar: 'RENDER_OUT_DIR',
      // Its content loaders read nothing: the publisher hands the pages their documents.
      env: { SITE_URL: options.siteUrl, OYU_TYPES_ONLY: '1' },
      onLine: options.onLine,
    });
    if (built.built) await pruneVersions(root, dir);
    return built;
  } finally {
    await lock.release();
  }
}

/** Removes all but the newest versions (`keep` among them). */
async function pruneVersions(root: string, keep: string) {
  const entries = await fs.readdir(root, { withFileTypes: true });
  const versions = await Promise.all(
    entries
      .filter((entry) => entry.isDirectory() && /^[0-9a-f]{16}$/.test(entry.name))
      .map(async (entry) => {
        const dir = path.join(root, entry.name);
        return { dir, at: (await fs.stat(dir)).mtimeMs };
      }),
  );
  const old = versions
    .filter((version) => version.dir !== keep)
    .sort((a, b) => b.at - a.at)
    .slice(keptVersions - 1);
  for (const { dir } of old) await fs.rm(dir, { recursive: true, force: true });
}
