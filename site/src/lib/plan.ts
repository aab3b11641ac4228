import path from 'node:path';
import { locales } from '@oyu/shared-types';
import { readEnv } from '../env';
import {
  type BuildData,
  type DataIndex,
  dataIndex,
  dataIndexFile,
  type LinkIndex,
  linkIndexFile,
  type Plan,
  planBuild,
  readBuildData,
} from './incremental';
import { readJson } from './jsonFile';
import { pendingOf, snapshotDir } from './snapshot';

type BuildPlan = { plan: Plan; next: DataIndex; data: BuildData };

/**
 * This build's plan, made once per build (after the loaders fetched the data) and shared by
 * every page's getStaticPaths and by the build's last steps. Astro loads this module twice,
 * once with the config and once in the bundle that renders the pages: the plan is kept on
 * `globalThis`, so that the build's documents are read and hashed once, not twice.
 */
const planKey = Symbol.for('oyu.buildPlan');
const shared = globalThis as unknown as Record<symbol, Promise<BuildPlan> | undefined>;

/** Where this build's data is: what the loaders just fetched, or the snapshot it rebuilds. */
function buildDataDir(): string {
  const env = readEnv();
  const dir = snapshotDir(env.snapshotDir);
  return env.fromSnapshot ? dir : pendingOf(dir);
}

export function buildPlan(): Promise<BuildPlan> {
  shared[planKey] ??= (async () => {
    const env = readEnv();
    const data = await readBuildData(buildDataDir());
    const next = dataIndex(data, env.codeHash);
    if (!env.baseRelease || env.fromSnapshot) {
      return { data, next, plan: { mode: 'full', reason: 'a full build was asked for' } as Plan };
    }
    const [baseData, baseLinks] = await Promise.all([
      readJson<DataIndex>(path.join(env.baseRelease, dataIndexFile)),
      readJson<LinkIndex>(path.join(env.baseRelease, linkIndexFile)),
    ]);
    const base = baseData && baseLinks ? { data: baseData, links: baseLinks } : undefined;
    return { data, next, plan: planBuild({ base, next, data }) };
  })();
  return shared[planKey];
}

/**
 * The file a route writes for some params, relative to the output: `en/works/ring/index.html`
 * for a page (`[lang]/works/[slug]`), `en/browse/works.json` for an endpoint named like a file
 * (`[lang]/browse/works.json`).
 */
export function routeFile(route: string, params: Record<string, string | undefined>): string {
  const filled = route.replace(/\[(\w+)\]/g, (_, name: string) => params[name] ?? '');
  return /\.\w+$/.test(route) ? filled : `${filled}/index.html`;
}

/**
 * The paths of a route this build renders: all of them in a full build, only the planned
 * pages (and files) in a partial one. `route` is the route's file pattern, e.g.
 * `[lang]/works/[slug]` or `[lang]/browse/works.json`.
 */
export async function planned<T extends { params: Record<string, string | undefined> }>(
  route: string,
  paths: T[],
): Promise<T[]> {
  const { plan: current } = await buildPlan();
  if (current.mode === 'full') return paths;
  return paths.filter((entry) => current.pages.has(routeFile(route, entry.params)));
}

/** The paths of a route with one page (or file) per language, e.g. `[lang]/about`. */
export function perLanguage(route: string) {
  return planned(
    route,
    locales.map((lang) => ({ params: { lang } })),
  );
}
