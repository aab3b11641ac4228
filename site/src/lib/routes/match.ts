import { locales } from '@oyu/shared-types';
import { facetKeys } from '../facets';
import { fileOfPath, type RouteName, type RouteParams, routes, writesFile } from './table';

/** The reverse: which page type a built file or an address is (the planner, the Lighthouse list). */

export type RouteMatch = { [R in RouteName]: { route: R; params: RouteParams<R> } }[RouteName];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Each route's files as a regular expression, its params as named groups; made on first use. */
let fileMatchers: { route: RouteName; regex: RegExp }[] | undefined;

function matchers() {
  if (fileMatchers) return fileMatchers;
  // What each kind of param may be, so that `en/browse/page/2/` is not a filter value's page.
  const syntax: Record<string, string> = {
    lang: locales.join('|'),
    facet: facetKeys.join('|'),
    year: '\\d+',
    n: '\\d+',
  };
  fileMatchers = (Object.keys(routes) as RouteName[]).map((route) => {
    const pattern: string = routes[route];
    const body = pattern
      .split(/(\[\w+\])/)
      .map((part) => {
        const name = /^\[(\w+)\]$/.exec(part)?.[1];
        return name ? `(?<${name}>${syntax[name] ?? '[^/]+'})` : escapeRegExp(part);
      })
      .join('');
    const file =
      route === 'notFound'
        ? '404\\.html'
        : writesFile(pattern)
          ? body
          : `${body}${body ? '/' : ''}index\\.html`;
    return { route, regex: new RegExp(`^${file}$`) };
  });
  return fileMatchers;
}

/** The page type of a built file (`en/works/ring/index.html`) and its params; undefined for other files. */
export function matchFile(file: string): RouteMatch | undefined {
  for (const { route, regex } of matchers()) {
    const found = regex.exec(file);
    if (!found) continue;
    const params = Object.fromEntries(
      Object.entries(found.groups ?? {}).map(([name, value]) => [name, decodeURIComponent(value)]),
    );
    return { route, params } as RouteMatch;
  }
  return undefined;
}

/** The page type of an address (`/en/works/ring/`) and its params. */
export function matchPath(path: string): RouteMatch | undefined {
  return matchFile(fileOfPath(path));
}
