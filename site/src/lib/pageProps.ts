import { siteDataSource } from './siteData';

type StaticPath<P> = { params: Record<string, string | number | undefined>; props?: P };
type GetStaticPaths<P> = () => Promise<StaticPath<P>[]> | StaticPath<P>[];

/** Each route's paths, worked out once per set of documents (the route's function is its key). */
const worked = new WeakMap<object, { version: string; paths: Promise<StaticPath<unknown>[]> }>();

const sameParams = (a: StaticPath<unknown>['params'], b: Record<string, string | undefined>) =>
  Object.keys({ ...a, ...b }).every((key) => (a[key] === undefined ? undefined : String(a[key])) === b[key]);

/**
 * A page's props. In a static build Astro hands them over from the page's `getStaticPaths`.
 * When the publisher renders the page on request (the render app, lib/siteData.ts), Astro
 * does not call `getStaticPaths` for it, so the page looks its props up there itself: under
 * the publisher's plan (lib/plan.ts) it lists only the pages being rendered, so this stays
 * cheap. Both ways run the same code, so the page comes out the same.
 */
export async function pageProps<P>(
  astro: { props: P; params: Record<string, string | undefined> },
  getStaticPaths: GetStaticPaths<P>,
): Promise<P> {
  const source = siteDataSource();
  if (!source) return astro.props;
  let entry = worked.get(getStaticPaths);
  if (entry?.version !== source.version) {
    entry = { version: source.version, paths: Promise.resolve(getStaticPaths()) };
    worked.set(getStaticPaths, entry);
  }
  const match = (await entry.paths).find((path) => sameParams(path.params, astro.params));
  if (!match) throw new Error(`no page for ${JSON.stringify(astro.params)} in this publish`);
  return match.props as P;
}
