import fs from 'node:fs';
import path from 'node:path';
import { loadRenderApp, modelFromSnapshot, renderFiles } from '@oyu/site/publish';
import { describe, expect, it } from 'vitest';
import { siteDir } from '../../lib/env';
import { buildRenderApp } from '../../lib/renderApp';
import { siteFolders } from '../../lib/siteBuild';
import { sharedStack, siteUrl } from './stack';

/**
 * The publisher renders changed pages with the render app (site/astro.render.config.ts), not
 * `astro build`: from the documents of the first build's snapshot, it must write every page
 * and file that build wrote, byte for byte.
 */
const { dataDir, outDir } = sharedStack();

/** What `astro build` writes from the pages (and endpoints): not photos, assets, the search index or the build's records. */
function renderedFiles(dir: string): string[] {
  const publicFiles = new Set(fs.readdirSync(path.join(siteDir, 'public'), { recursive: true }).map(String));
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter(
      (file) =>
        !publicFiles.has(file) &&
        !/^(media|pagefind|_astro)\//.test(file) &&
        !/^(oyu-[a-z-]+\.json|_headers|sitemap-[\w-]+\.xml)$/.test(file),
    )
    .sort();
}

/** Where two files part: a few bytes of each around the first that differs. */
function firstDifference(mine: Buffer, built: Buffer): string {
  let at = 0;
  while (at < mine.length && mine[at] === built[at]) at++;
  const around = (bytes: Buffer) => bytes.subarray(Math.max(0, at - 80), at + 120).toString('utf8');
  return `at byte ${at}, rendered «${around(mine)}», built «${around(built)}»`;
}

describe('the render app', () => {
  it('renders every page and file of a build, byte for byte, from the build’s documents', async () => {
    const { dir } = await buildRenderApp({ siteUrl });
    const model = await modelFromSnapshot(siteFolders(dataDir).snapshotDir);
    const files = renderedFiles(outDir);
    // Every kind of page and file is among them.
    for (const kind of [
      /^en\/works\/[^/]+\/index\.html$/,
      /^kk\/browse\/works\.json$/,
      /^data\/\d+\/works\.csv$/,
      /^404\.html$/,
      /^robots\.txt$/,
      /^ru\/browse\/material\//,
    ])
      expect(
        files.some((file) => kind.test(file)),
        String(kind),
      ).toBe(true);
    const rendered = await renderFiles(await loadRenderApp(dir), {
      siteUrl,
      model,
      plan: { mode: 'full', reason: 'every page' },
      files,
    });
    const differing = files.flatMap((file) => {
      const mine = Buffer.from(rendered.get(file) ?? []);
      const built = fs.readFileSync(path.join(outDir, file));
      return Buffer.compare(mine, built) === 0 ? [] : [`${file}: ${firstDifference(mine, built)}`];
    });
    expect(differing).toEqual([]);
  });

  it('renders only the planned pages of a route, and says which page it could not render', async () => {
    const { dir } = await buildRenderApp({ siteUrl });
    const model = await modelFromSnapshot(siteFolders(dataDir).snapshotDir);
    const work = renderedFiles(outDir).find((file) => /^kk\/works\//.test(file)) as string;
    const app = await loadRenderApp(dir);
    const only = {
      mode: 'partial' as const,
      pages: new Set([work]),
      removed: new Set<string>(),
      changed: [],
      added: [],
      gone: [],
    };
    const rendered = await renderFiles(app, { siteUrl, model, plan: only, files: [work] });
    expect(Buffer.from(rendered.get(work) ?? []).equals(fs.readFileSync(path.join(outDir, work)))).toBe(true);
    await expect(
      renderFiles(app, { siteUrl, model, plan: only, files: ['kk/works/no-such-work/index.html'] }),
    ).rejects.toThrow(/kk\/works\/no-such-work\/index\.html/);
  });
});
