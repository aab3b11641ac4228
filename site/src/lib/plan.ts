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
import { type LanguageRoute, type RouteName, type RouteParams, routeFile } from './routes';
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

const pagePlanKey = Symbol.for('oyu.pagePlan');
const pagePlan = globalThis as unknown as Record<symbol, Plan | undefined>;

/**
 * Sets which pages the routes list, for the publisher: it renders pages from documents of its
 * own (lib/siteData.ts), not from a static build's plan.
 */
export function setPagePlan(plan: Plan): void {
  pagePlan[pagePlanKey] = plan;
}

/**
 * The paths of a route this build renders: all of them in a full build, only the planned
 * pages (and files) in a partial one, found by the file each writes (routes.ts).
 */
export async function planned<R extends RouteName, T extends { params: RouteParams<R> }>(
  route: R,
  paths: T[],
): Promise<T[]> {
  const current = pagePlan[pagePlanKey] ?? (await buildPlan()).plan;
  if (current.mode === 'full') return paths;
  return paths.filter((entry) => current.pages.has(routeFile(route, entry.params)));
}

/** The paths of a route with one page (or file) per language, e.g. `about`. */
export function perLanguage(route: LanguageRoute) {
  return planned(
    route,
    locales.map((lang) => ({ params: { lang } })),
  );
}

/** How many documents a build's reason names one by one, in each group. */
const namedChanges = 12;

/** The documents of one group, for the build's history: every one when few, else a count by collection. */
function describeKeys(keys: string[]): string {
  if (keys.length <= namedChanges) return keys.join(', ');
  const counts = new Map<string, number>();
  for (const key of keys) {
    const collection = key.slice(0, key.indexOf('.'));
    counts.set(collection, (counts.get(collection) ?? 0) + 1);
  }
  const byCollection = [...counts].map(([collection, count]) => `${count} ${collection}`).join(', ');
  return `${keys.length} documents (${byCollection}), among them ${keys.slice(0, namedChanges).join(', ')}…`;
}

/**
 * What changed, for the build's history: the documents changed, published and taken down,
 * every one when few did, else the first few and a count by collection (a vocabulary label
 * renamed changes every work in every language; an import publishes hundreds).
 */
export function describeChanged(plan: { changed: string[]; added?: string[]; gone?: string[] }): string {
  const groups = [
    ['changed', plan.changed],
    ['published', plan.added ?? []],
    ['taken down', plan.gone ?? []],
  ] as const;
  const said = groups
    .filter(([, keys]) => keys.length)
    .map(([name, keys]) => `${name}: ${describeKeys(keys)}`);
  return said.length
    ? said.join('; ')
    : 'changed: only when works were last updated (the home pages list the latest)';
}
