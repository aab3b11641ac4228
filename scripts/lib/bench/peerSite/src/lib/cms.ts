import type { Artisan, Media, Work } from '@oyu/shared-types/payload-types';

/**
 * The CMS client a typical starter has: plain `fetch` against the REST API, no validation.
 * English only: Oyu builds three languages, so the benchmark compares the two per page.
 */
export const CMS_URL: string = import.meta.env.CMS_URL ?? 'http://localhost:3000';

type List<T> = { docs: T[]; totalDocs: number; hasNextPage?: boolean };

export async function cms<T>(query: string): Promise<List<T>> {
  const response = await fetch(`${CMS_URL}/api/${query}`);
  if (!response.ok) throw new Error(`${CMS_URL}/api/${query} answered ${response.status}`);
  return (await response.json()) as List<T>;
}

/** Every document the query finds, page after page (the CMS gives the public 1,000 at most). */
async function all<T>(query: string): Promise<List<T>> {
  const docs: T[] = [];
  for (let page = 1; ; page += 1) {
    const list = await cms<T>(`${query}&limit=1000&page=${page}`);
    docs.push(...list.docs);
    if (!list.hasNextPage) return { docs, totalDocs: list.totalDocs };
  }
}

export const publishedWorks = (extra = '') =>
  all<Work>(`works?locale=en&depth=1&where[_status][equals]=published${extra}`);

export const publishedArtisans = () =>
  all<Artisan>('artisans?locale=en&depth=1&where[_status][equals]=published');

/** A populated upload (depth 1), or nothing when only its id came back. */
export function media(value: number | Media | null | undefined): Media | undefined {
  return typeof value === 'object' && value?.url ? value : undefined;
}

/**
 * The photo's address on this CMS. Payload writes absolute URLs with its own `serverURL`
 * (`localhost`), which may not be the address the build reads the CMS at.
 */
export function photoSrc(photo: Media): string {
  return new URL(new URL(photo.url ?? '', CMS_URL).pathname, CMS_URL).href;
}

/** Height for `width`, keeping the photo's proportions. */
export function heightFor(photo: Media, width: number): number {
  return Math.round((width * (photo.height ?? 3)) / (photo.width ?? 4));
}

type RichText = { root?: { children?: unknown[] } } | null | undefined;

/** The plain text of a Lexical rich-text field, one paragraph per block. */
export function plainText(value: RichText): string[] {
  const text = (node: unknown): string => {
    const { text: own, children } = node as { text?: string; children?: unknown[] };
    return own ?? (children ?? []).map(text).join('');
  };
  return (value?.root?.children ?? []).map(text).filter(Boolean);
}
