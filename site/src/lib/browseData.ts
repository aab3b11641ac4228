import type { BrowseItem } from '../islands/Browse';
import { type FacetKey, facetKeys } from './facets';

/**
 * `/<lang>/browse/works.json`: every published work of a language, as the browse island needs
 * it. The page itself carries only the first page of cards; the island fetches this file once
 * it is hydrated. Phones fetch it, so it is compact: no whitespace, the shared beginnings of
 * work and photo addresses written once, facets without values left out, and no blurred
 * placeholder per photo (base64 that does not compress: over half of the gzipped file). The
 * dominant colour stands in for it.
 *
 * Browser-safe: the island imports this module.
 */
export type BrowseRecord = {
  /** The work's page is `${pages}${slug}/`. */
  slug: string;
  title: string;
  makers: string;
  /** The square card photo, at `${media}${file}`. */
  image?: { file: string; width: number; height: number; colour?: string };
  /** The work's facet values; a facet it has no value of is left out. */
  facets: Partial<Record<FacetKey, string[]>>;
};

export type BrowseData = {
  /** The beginning of every work's address, e.g. `/en/works/`. */
  pages: string;
  /** The beginning of every photo's address, e.g. `/media/`. */
  media: string;
  works: BrowseRecord[];
};

function after(prefix: string, value: string, what: string): string {
  if (!value.startsWith(prefix)) throw new Error(`${what} ${value} does not start with ${prefix}`);
  return value.slice(prefix.length);
}

/** The works.json of `items`, whose pages start with `pages` and whose photos with `media`. */
export function packBrowseData(items: BrowseItem[], prefixes: { pages: string; media: string }): BrowseData {
  return {
    ...prefixes,
    works: items.map((item) => {
      const page = after(prefixes.pages, item.href, 'the work page');
      if (!page.endsWith('/') || page.slice(0, -1).includes('/'))
        throw new Error(`the work page ${item.href} is not ${prefixes.pages}<slug>/`);
      const facets: BrowseRecord['facets'] = {};
      for (const key of facetKeys) if (item.facets[key].length) facets[key] = item.facets[key];
      const { image } = item;
      return {
        slug: page.slice(0, -1),
        title: item.title,
        makers: item.makers,
        ...(image
          ? {
              image: {
                file: after(prefixes.media, image.src, 'the photo'),
                width: image.width,
                height: image.height,
                ...(image.colour ? { colour: image.colour } : {}),
              },
            }
          : {}),
        facets,
      };
    }),
  };
}

/** The browse items of a works.json; throws when it is not one. */
export function unpackBrowseData(data: BrowseData): BrowseItem[] {
  if (typeof data?.pages !== 'string' || typeof data.media !== 'string' || !Array.isArray(data.works))
    throw new Error('works.json is not browse data: it needs `pages`, `media` and `works`');
  return data.works.map((record) => ({
    href: `${data.pages}${record.slug}/`,
    title: record.title,
    makers: record.makers,
    image: record.image
      ? {
          src: `${data.media}${record.image.file}`,
          width: record.image.width,
          height: record.image.height,
          ...(record.image.colour ? { colour: record.image.colour } : {}),
        }
      : null,
    facets: Object.fromEntries(facetKeys.map((key) => [key, record.facets[key] ?? []])) as Record<
      FacetKey,
      string[]
    >,
  }));
}

/** Fetches and unpacks a works.json. */
export async function loadBrowseData(url: string, fetcher: typeof fetch = fetch): Promise<BrowseItem[]> {
  const response = await fetcher(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return unpackBrowseData((await response.json()) as BrowseData);
}

/** A count as the reader's language writes it: 5,000 in English, 5 000 in Russian and Kazakh. */
export function formatCount(n: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(n);
}
