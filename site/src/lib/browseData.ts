import { type FacetKey, type Facetted, facetKeys, type Selection } from './facets';

/** What a card shows of a work. */
export type BrowseCard = {
  href: string;
  title: string;
  makers: string;
  image: { src: string; width: number; height: number; placeholder?: string; colour?: string } | null;
};

/** A card and the work's facet values. */
export type BrowseItem = BrowseCard & Facetted;

export type BrowseLabels = {
  /**
   * What the language puts between groups of three digits (`,` or a no-break space), found
   * with Intl at build time so the browser need not start ICU to write counts (lib/count.ts).
   */
  group: string;
  facets: Record<FacetKey, string>;
  filters: string;
  clear: string;
  /** "{n} of {m} works" */
  showing: string;
  showMore: string;
  none: string;
  /** The name of the navigation to the next page of the listing. */
  pages: string;
  nextPage: string;
};

/**
 * `/<lang>/browse/works.json`: every published work of a language, as the browse island needs
 * it. The page itself carries only the first page of cards; the island fetches this file once
 * it is hydrated, on a phone as often as not, and at L it holds 20,000 works. So it is built to
 * be small to fetch and cheap to read:
 *
 * - what many works share is written once and referred to by its index: the beginnings of work
 *   and photo addresses, the maker lines, the card photos (works share photos), facet values;
 * - a work is an array, `[slug, title, maker, photo]`, not an object with named fields;
 * - facets are stored per value, as the works that have it: ascending work indexes written as
 *   the gaps between them (small numbers, one or two digits), which is also the shape the
 *   island filters with (a bit set per value, see `BrowseIndex`);
 * - no blurred placeholder per photo (base64 that does not compress: the placeholders would be
 *   most of the gzipped file, docs/performance.notes.md); the dominant colour stands in for it.
 *
 * Browser-safe: the island imports this module.
 */
export type BrowseData = {
  /** The beginning of every work's address, e.g. `/en/works/`: a work's page is `${pages}${slug}/`. */
  pages: string;
  /** The beginning of every photo's address, e.g. `/media/`: a photo is at `${media}${file}`. */
  media: string;
  /** Every maker line ("A and B"), once. */
  makers: string[];
  /** Every card photo, once: the square file, its size and, when known, its dominant colour. */
  photos: BrowsePhoto[];
  /** Per facet (left out when no work has a value of it): each value and the works that have it. */
  facets: Partial<Record<FacetKey, [value: string, gaps: number[]][]>>;
  /** The works in the site's order. `photo` is -1 for a work without photos. */
  works: [slug: string, title: string, maker: number, photo: number][];
};

export type BrowsePhoto = [file: string, width: number, height: number, colour?: string];

function after(prefix: string, value: string, what: string): string {
  if (!value.startsWith(prefix)) throw new Error(`${what} ${value} does not start with ${prefix}`);
  return value.slice(prefix.length);
}

/** The index of `value` in `table`, adding it when it is new. */
function intern<T>(table: T[], indexes: Map<string, number>, key: string, value: T): number {
  let index = indexes.get(key);
  if (index === undefined) {
    index = table.push(value) - 1;
    indexes.set(key, index);
  }
  return index;
}

/** The works.json of `items`, whose pages start with `pages` and whose photos with `media`. */
export function packBrowseData(items: BrowseItem[], prefixes: { pages: string; media: string }): BrowseData {
  const makers: string[] = [];
  const makerIndexes = new Map<string, number>();
  const photos: BrowsePhoto[] = [];
  const photoIndexes = new Map<string, number>();
  const members = Object.fromEntries(facetKeys.map((key) => [key, new Map<string, number[]>()])) as Record<
    FacetKey,
    Map<string, number[]>
  >;
  const works = items.map((item, index): BrowseData['works'][number] => {
    const page = after(prefixes.pages, item.href, 'the work page');
    if (!page.endsWith('/') || page.slice(0, -1).includes('/'))
      throw new Error(`the work page ${item.href} is not ${prefixes.pages}<slug>/`);
    for (const key of facetKeys) {
      for (const value of new Set(item.facets[key])) {
        const list = members[key].get(value);
        if (list) list.push(index);
        else members[key].set(value, [index]);
      }
    }
    const { image } = item;
    let photo = -1;
    if (image) {
      const entry: BrowsePhoto = [after(prefixes.media, image.src, 'the photo'), image.width, image.height];
      if (image.colour) entry.push(image.colour);
      photo = intern(photos, photoIndexes, JSON.stringify(entry), entry);
    }
    return [page.slice(0, -1), item.title, intern(makers, makerIndexes, item.makers, item.makers), photo];
  });
  const facets: BrowseData['facets'] = {};
  for (const key of facetKeys) {
    if (!members[key].size) continue;
    facets[key] = [...members[key]].map(([value, list]) => [
      value,
      list.map((work, i) => work - (i === 0 ? -1 : (list[i - 1] as number))),
    ]);
  }
  return { ...prefixes, makers, photos, facets, works };
}

const notBrowseData = (what: string) => new Error(`works.json is not browse data: ${what}`);
const isIndex = (value: unknown, size: number): value is number =>
  Number.isInteger(value) && (value as number) >= 0 && (value as number) < size;

/** Per facet value, the works that have it: bit `i` of the set is work `i`. */
type FacetSets = Record<FacetKey, Map<string, Uint32Array>>;

/** How many set bits a 32-bit word has. */
function popcount(word: number): number {
  let x = word - ((word >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/**
 * A works.json, ready to filter: each facet value is a bit set of the works that have it, so a
 * selection is a few hundred word operations (OR within a facet, AND across facets) however
 * many works there are, and a card is only made for a work that is shown.
 *
 * The semantics are those of `filterItems` and `facetCounts` in lib/facets.ts: values of one
 * facet are alternatives, facets narrow each other, and a value's count is what choosing it
 * would show given the rest of the selection.
 */
export class BrowseIndex {
  /** How many works there are. */
  readonly size: number;
  private readonly words: number;
  private readonly sets: FacetSets;
  private readonly data: BrowseData;

  /** Throws, saying what is wrong, when `data` is not a well-formed works.json. */
  constructor(data: BrowseData) {
    if (
      typeof data?.pages !== 'string' ||
      typeof data.media !== 'string' ||
      !Array.isArray(data.makers) ||
      !Array.isArray(data.photos) ||
      !Array.isArray(data.works) ||
      typeof data.facets !== 'object' ||
      data.facets === null
    )
      throw notBrowseData('it needs `pages`, `media`, `makers`, `photos`, `facets` and `works`');
    data.works.forEach((work, i) => {
      if (
        !Array.isArray(work) ||
        typeof work[0] !== 'string' ||
        typeof work[1] !== 'string' ||
        !isIndex(work[2], data.makers.length) ||
        !(work[3] === -1 || isIndex(work[3], data.photos.length))
      )
        throw notBrowseData(`work ${i} is not [slug, title, maker, photo] with a known maker and photo`);
    });
    this.data = data;
    this.size = data.works.length;
    this.words = Math.ceil(this.size / 32);
    this.sets = Object.fromEntries(facetKeys.map((key) => [key, new Map()])) as FacetSets;
    for (const key of facetKeys) {
      for (const [value, gaps] of data.facets[key] ?? []) {
        const set = new Uint32Array(this.words);
        let work = -1;
        for (const gap of gaps) {
          work += gap;
          if (!Number.isInteger(gap) || gap < 1 || work >= this.size)
            throw notBrowseData(`the works of ${key} ${value} are not ascending indexes of works`);
          set[work >>> 5] = (set[work >>> 5] as number) | (1 << (work & 31));
        }
        this.sets[key].set(String(value), set);
      }
    }
  }

  /** The card of work `index`. */
  card(index: number): BrowseCard {
    const [slug, title, maker, photo] = this.data.works[index] as BrowseData['works'][number];
    const image = this.data.photos[photo];
    return {
      href: `${this.data.pages}${slug}/`,
      title,
      makers: this.data.makers[maker] as string,
      image: image
        ? {
            src: `${this.data.media}${image[0]}`,
            width: image[1],
            height: image[2],
            ...(image[3] ? { colour: image[3] } : {}),
          }
        : null,
    };
  }

  /** The works a facet's chosen values allow (any of them), or undefined when none is chosen. */
  private facetMask(key: FacetKey, selection: Selection): Uint32Array | undefined {
    const chosen = selection[key];
    if (!chosen?.length) return undefined;
    const mask = new Uint32Array(this.words);
    for (const value of chosen) {
      const set = this.sets[key].get(value);
      if (set) for (let w = 0; w < this.words; w++) mask[w] = (mask[w] as number) | (set[w] as number);
    }
    return mask;
  }

  /** The works every chosen facet allows, but `ignore`'s; undefined when that is all of them. */
  private mask(selection: Selection, ignore?: FacetKey): Uint32Array | undefined {
    let mask: Uint32Array | undefined;
    for (const key of facetKeys) {
      if (key === ignore) continue;
      const allowed = this.facetMask(key, selection);
      if (!allowed) continue;
      if (!mask) mask = allowed;
      else for (let w = 0; w < this.words; w++) mask[w] = (mask[w] as number) & (allowed[w] as number);
    }
    return mask;
  }

  /** The indexes, in the site's order, of the works that pass `selection`. */
  filter(selection: Selection): number[] {
    const mask = this.mask(selection);
    if (!mask) return Array.from({ length: this.size }, (_, i) => i);
    const found: number[] = [];
    for (let w = 0; w < this.words; w++) {
      let word = mask[w] as number;
      while (word !== 0) {
        const lowest = word & -word;
        found.push(w * 32 + 31 - Math.clz32(lowest));
        word ^= lowest;
      }
    }
    return found;
  }

  /** For each facet, how many works each value would show, given the rest of the selection. */
  counts(selection: Selection): Record<FacetKey, Map<string, number>> {
    const counts = {} as Record<FacetKey, Map<string, number>>;
    for (const key of facetKeys) {
      const mask = this.mask(selection, key);
      const values = new Map<string, number>();
      for (const [value, set] of this.sets[key]) {
        let n = 0;
        for (let w = 0; w < this.words; w++)
          n += popcount(mask ? (set[w] as number) & (mask[w] as number) : (set[w] as number));
        values.set(value, n);
      }
      counts[key] = values;
    }
    return counts;
  }

  /** The address of every card photo, each once (the media step reads them, as from a page). */
  photoSources(): string[] {
    return this.data.photos.map(([file]) => `${this.data.media}${file}`);
  }

  /** Every work as a browse item: its card and its facet values (in the order works.json lists them). */
  items(): BrowseItem[] {
    const facets = Array.from(
      { length: this.size },
      () => Object.fromEntries(facetKeys.map((key) => [key, [] as string[]])) as BrowseItem['facets'],
    );
    for (const key of facetKeys) {
      for (const [value] of this.data.facets[key] ?? []) {
        for (const work of this.filter({ [key]: [value] })) facets[work]?.[key].push(value);
      }
    }
    return facets.map((itemFacets, i) => ({ ...this.card(i), facets: itemFacets }));
  }
}

/** The browse items of a works.json; throws when it is not one. */
export function unpackBrowseData(data: BrowseData): BrowseItem[] {
  return new BrowseIndex(data).items();
}

/** Fetches a works.json and makes it ready to filter. */
export async function loadBrowseIndex(
  url: string,
  init: RequestInit = {},
  fetcher: typeof fetch = fetch,
): Promise<BrowseIndex> {
  const response = await fetcher(url, init);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return new BrowseIndex((await response.json()) as BrowseData);
}
