import type http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildAstroApp } from './astroApp';
import { codeHash } from './codeHash';
import { siteDir } from './env';

/**
 * The draft preview server (site/astro.preview.config.ts): built once per code version, then
 * loaded into the process that serves the site, which mounts it at /preview.
 */

export const previewAppDir = path.join(siteDir, 'dist-preview');
const previewSources = ['preview', 'astro.preview.config.ts'];

export type PreviewApp = {
  /**
   * Astro's Node middleware: renders /preview/… pages, calls `next` for anything else. It is
   * async; the site server awaits it, so a rejection answers 500 instead of going unhandled.
   */
  handler: (
    request: http.IncomingMessage,
    response: http.ServerResponse,
    next: () => void,
  ) => void | Promise<void>;
  /** The preview pages' styles and scripts, served under /preview/. */
  clientDir: string;
};

/**
 * Builds the preview server unless the one in `dir` was built from this code. It is built
 * aside and moved into place, so a failed build leaves the previous one in use.
 */
export async function buildPreviewApp(
  options: { dir?: string; onLine?: (line: string) => void } = {},
): Promise<{ dir: string; built: boolean }> {
  return buildAstroApp({
    config: 'astro.preview.config.ts',
    dir: options.dir ?? previewAppDir,
    stamp: await codeHash(previewSources),
    outDirVar: 'PREVIEW_OUT_DIR',
    onLine: options.onLine,
  });
}

/** Loads a built preview server. It reads CMS_URL from this process's environment on each request. */
export async function loadPreviewApp(dir = previewAppDir): Promise<PreviewApp> {
  const entry = path.join(dir, 'server', 'entry.mjs');
  const { handler } = (await import(pathToFileURL(entry).href)) as { handler: PreviewApp['handler'] };
  return { handler, clientDir: path.join(dir, 'client') };
}
