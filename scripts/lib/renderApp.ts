import path from 'node:path';
import { buildAstroApp } from './astroApp';
import { codeHash } from './codeHash';
import { siteDir } from './env';

/**
 * The publisher's render app (site/astro.render.config.ts): the site's pages as a server
 * bundle, built once per code version and site address, which the publisher loads to render
 * only the pages a change touches.
 */
export const renderAppDir = path.join(siteDir, 'dist-render');
const renderSources = ['render', 'astro.render.config.ts'];

/**
 * Builds the render app for `siteUrl` unless the one in `dir` was built from this code for
 * the same address (absolute links and JSON-LD carry it, so it is part of the pages' bytes).
 */
export async function buildRenderApp(options: {
  siteUrl: string;
  dir?: string;
  onLine?: (line: string) => void;
}): Promise<{ dir: string; built: boolean }> {
  return buildAstroApp({
    config: 'astro.render.config.ts',
    dir: options.dir ?? renderAppDir,
    stamp: `${await codeHash(renderSources)} ${options.siteUrl}`,
    outDirVar: 'RENDER_OUT_DIR',
    // Its content loaders read nothing: the publisher hands the pages their documents.
    env: { SITE_URL: options.siteUrl, OYU_TYPES_ONLY: '1' },
    onLine: options.onLine,
  });
}
