import { siteDataSource } from './siteData';

type StaticPath<P> = { params: Record<string, string | number | undefined>; props?: P };
type GetStaticPaths<P> = () => Promise<StaticPath<P>[]> | StaticPath<P>[];

/**
 * Each route's paths by their params (`paramsKey`), worked out once per set of documents (the
 * route's function is its key): a publish of 100 works renders thousands of listing pages, each
 * looked up among as many.
 */
const worked = new WeakMap<object, { version: string; paths: Promise<Map<string, StaticPath<unknown>>> }>();

/** Params as one text, their names sorted, values as text, those undefined left out. */
const paramsKey = (params: Record<string, string | number | undefined>) =>
  JSON.stringify(
    Object.keys(params)
      .filter((key) => params[key] !== undefined)
      .sort()
      .map((key) => [key, String(params[key])]),
  );

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
    const paths = Promise.resolve(getStaticPaths()).then(
      (list) => new Map(list.map((path) => [paramsKey(path.params), path] as const)),
    );
    entry = { version: source.version, paths };
    worked.set(getStaticPaths, entry);
  }
  const match = (await entry.paths).get(paramsKey(astro.params));
  if (!match) throw new Error(`no page for ${JSON.stringify(astro.params)} in this publish`);
  return match.props as P;
}
