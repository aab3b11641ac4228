import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { mapLimit } from '@oyu/shared-types';
import type { Plan } from '../lib/incremental';
import { setPagePlan } from '../lib/plan';
import { setSiteDataSource } from '../lib/siteData';
import { dataSourceOf, type SiteModel } from './model';

/** The render app's entry (site/render/entry.ts), as built by scripts/lib/renderApp.ts. */
export type RenderApp = { render: (url: string) => Promise<{ status: number; body: Uint8Array }> };

export async function loadRenderApp(dir: string): Promise<RenderApp> {
  return (await import(pathToFileURL(path.join(dir, 'server', 'entry.mjs')).href)) as RenderApp;
}

/**
 * The address that writes a file of the build's output: `en/works/ring/index.html` is
 * `/en/works/ring/`, `en/browse/works.json` is itself, `404.html` is `/404/`. An open data
 * file's name is a parameter of its route (`data/[year]/[file]`), which has no extension of
 * its own, so its address takes the trailing slash every such route has.
 */
export function pathOfFile(file: string): string {
  if (file === '404.html') return '/404/';
  const page = file.match(/^(.*\/)?index\.html$/);
  const address = page ? `/${page[1] ?? ''}` : `/${file}${file.startsWith('data/') ? '/' : ''}`;
  return address.split('/').map(encodeURIComponent).join('/');
}

/**
 * Renders the given files of the site's output with the render app, from the model's
 * documents, under `plan` (which pages each route lists). Returns each file's bytes; a page
 * that fails names its file.
 */
export async function renderFiles(
  app: RenderApp,
  options: {
    siteUrl: string;
    model: SiteModel;
    plan: Plan;
    files: string[];
    /** Called as pages are done, with how many are. */
    onRendered?: (done: number) => void;
  },
): Promise<Map<string, Uint8Array>> {
  setSiteDataSource(dataSourceOf(options.model));
  setPagePlan(options.plan);
  const rendered = new Map<string, Uint8Array>();
  await mapLimit(options.files, 8, async (file) => {
    const { status, body } = await app.render(`${options.siteUrl}${pathOfFile(file)}`);
    const expected = file === '404.html' ? 404 : 200;
    if (status !== expected) {
      // The render app's error page (site/render/500.astro) carries the page's error.
      const why =
        status === 500 ? `: ${new TextDecoder().decode(body).trim().split('\n').slice(0, 8).join('\n')}` : '';
      throw new Error(`the page ${file} could not be rendered: the render app answered ${status}${why}`);
    }
    rendered.set(file, body);
    // Every 50 pages and the last: enough for a progress bar.
    if (rendered.size % 50 === 0 || rendered.size === options.files.length)
      options.onRendered?.(rendered.size);
  });
  return rendered;
}
