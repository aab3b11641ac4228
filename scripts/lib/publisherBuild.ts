import path from 'node:path';
import type { BuildPlan, BuildProgress } from '@oyu/shared-types';
import { loadRenderApp, publishChanges, readSiteEnv, readySpare, warmBuildState } from '@oyu/site/publish';
import { liveRelease, type ReleaseStore, releaseDir } from './releases';
import { buildRenderApp } from './renderApp';

/**
 * The publisher's side of a site build (buildRelease.ts): a partial build without `astro
 * build`, and a kept build process made ready for it.
 */

/**
 * How a build went: the plan it followed (with, from the publisher, what to do once its
 * release is live), or nothing changed.
 */
export type BuildOutcome =
  | (BuildPlan & {
      afterPublish?: (releaseDir: string) => Promise<void>;
      /** The publisher's: pages its release has beyond its base's, less those it deleted. */
      pageChange?: number;
      /** Drops what the publisher kept for `afterPublish`, when the release is not published. */
      discard?: () => Promise<void>;
    })
  | { mode: 'unchanged'; reason: string };

/**
 * A partial build by the publisher (`@oyu/site/publish`): the site's own reading, planning and
 * checks, with only the changed pages rendered by the render app, built once per code version
 * (renderApp.ts) instead of a whole `astro build`. Undefined when the build must be full (a
 * setting changed, an edition added, the code changed…): nothing was written then, and `astro build`
 * makes it. `unchanged` when nothing changed since the live build: nothing was written either.
 */
export async function publishPartial(
  siteEnv: Record<string, string>,
  outDir: string,
  say: (line: string) => void,
  progress: (value: BuildProgress) => void,
): Promise<BuildOutcome | undefined> {
  const started = performance.now();
  const env = readSiteEnv(siteEnv);
  const app = await loadRenderApp((await buildRenderApp({ siteUrl: env.siteUrl, onLine: say })).dir);
  say(`render app ready (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  const result = await publishChanges({
    env,
    outDir,
    app,
    onEvent: (event) => (event.type === 'log' ? say(event.line) : progress(event.progress)),
  });
  if (result.mode === 'full') {
    say(`full build: ${result.reason}`);
    return undefined;
  }
  return result;
}

/**
 * Gets a build process ready for its next build while nothing is being built: the render app
 * built (if the code changed) and loaded, the snapshot read into memory (snapshot.ts) with its
 * documents' hashes, and the live release's indexes read (warmBuildState), so the first edit
 * after a start costs what later ones do.
 */
export async function prepareForBuilds(options: {
  siteUrl: string;
  snapshotDir: string;
  /** The releases, to read the live one's indexes. */
  store?: ReleaseStore;
  /** The photo cache, listed once so that the first build does not. */
  mediaCacheDir?: string;
  onLog: (line: string) => void;
}): Promise<void> {
  const started = performance.now();
  const app = await buildRenderApp({ siteUrl: options.siteUrl, onLine: options.onLog });
  await loadRenderApp(app.dir);
  const { store } = options;
  const live = store && (await liveRelease(store));
  const liveDir = store && live ? releaseDir(store, live) : undefined;
  const docs = await warmBuildState({
    snapshotDir: path.resolve(options.snapshotDir),
    liveDir,
    mediaCacheDir: options.mediaCacheDir && path.resolve(options.mediaCacheDir),
  });
  // Without a spare the next build links its starting copy itself: only slower.
  const spared = liveDir
    ? await readySpare(liveDir).then(
        () => true,
        () => false,
      )
    : false;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const spare = spared ? ', the live build linked for the next one to start from' : '';
  options.onLog(
    `ready for the next build: render app loaded, ${docs} documents of the snapshot read${spare} (${seconds} s)`,
  );
}
