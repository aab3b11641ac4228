// @vitest-environment happy-dom
import { WorkSchema } from '@oyu/shared-types';
import { act, createElement } from 'react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Browse from '../src/islands/Browse';
import { browseCard, browseItem, browseLabels, browsePageSize, browsePages } from '../src/lib/browse';
import { packBrowseData } from '../src/lib/browseData';
import { countTable, facetOptions } from '../src/lib/facets';
import { browsePath } from '../src/lib/routes';
import { makeWork } from './fixtures/documents';

/**
 * The browse island as the page renders it and a browser hydrates it: the first page from the
 * server, then every work from works.json.
 */
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const term = (id: number, slug: string, label: string) => ({ id, slug, label });
const silver = term(1, 'silver', 'Silver');
const gold = term(2, 'gold', 'Gold');
const ring = term(10, 'ring', 'Ring');
const cuff = term(11, 'cuff', 'Cuff');
/** 130 works: every third silver (44), the others gold; odd ones rings, even ones cuffs. */
const works = Array.from({ length: 130 }, (_, i) =>
  WorkSchema.parse(
    makeWork(i + 1, {
      materials: [i % 3 === 0 ? silver : gold],
      pieceType: i % 2 === 0 ? ring : cuff,
    }),
  ),
);
const silverWorks = works.filter((_, i) => i % 3 === 0);
const silverRings = works.filter((_, i) => i % 3 === 0 && i % 2 === 0);
const json = JSON.stringify(
  packBrowseData(
    works.map((work) => browseItem(work, 'en')),
    { pages: '/en/works/', media: '/media/' },
  ),
);

const props = {
  base: '/en',
  src: '/en/browse/works.json',
  first: (browsePages(works)[0] ?? []).map((work) => browseCard(work, 'en')),
  total: works.length,
  counts: countTable(works.map((work) => browseItem(work, 'en'))),
  next: browsePath('en', 2),
  options: facetOptions(works, 'en'),
  labels: browseLabels('en'),
  pageSize: browsePageSize,
};

/** A response to the fetch, released when the test says so. */
function deferredFetch() {
  let release: (response: Response) => void = () => {};
  const fetch = vi.fn(() => new Promise<Response>((resolve) => (release = resolve)));
  vi.stubGlobal('fetch', fetch);
  return { fetch, respond: (response: Response) => act(async () => release(response)) };
}

let container: HTMLElement;
let root: Root | undefined;
const errors: unknown[] = [];

/** The server's HTML in the page, then hydrated as `client:load` does. */
async function hydrate(url = '/en/browse/') {
  window.history.replaceState(null, '', url);
  container = document.createElement('div');
  container.innerHTML = renderToString(createElement(Browse, props));
  document.body.append(container);
  await act(async () => {
    root = hydrateRoot(container, createElement(Browse, props), {
      onRecoverableError: (error) => errors.push(error),
    });
  });
}

const status = () => container.querySelector('.status')?.textContent;
const cards = () => [...container.querySelectorAll('.card > a')].map((a) => a.getAttribute('href'));
const checkboxes = () => container.querySelectorAll<HTMLInputElement>('.facets input[type="checkbox"]');
const box = (value: string) => container.querySelector<HTMLInputElement>(`input[value="${value}"]`);

beforeEach(() => {
  errors.length = 0;
});
afterEach(async () => {
  await act(async () => root?.unmount());
  root = undefined;
  container?.remove();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the browse island', () => {
  it('renders the first page, the counts over all works, and a link to the next page on the server', () => {
    const html = renderToString(createElement(Browse, props));
    const page = document.createElement('div');
    page.innerHTML = html;
    expect(page.querySelectorAll('.card')).toHaveLength(48);
    expect(page.querySelector('.status')?.textContent).toBe('48 of 130 works');
    expect(page.querySelector('nav.pages a')?.getAttribute('href')).toBe('/en/browse/page/2/');
    expect(page.querySelector('nav.pages')?.getAttribute('aria-label')).toBe('Pages');
    // The filters are links to the one-value pages, with counts over all 130 works.
    const silverLink = page.querySelector('a[href="/en/browse/material/silver/"]');
    expect(silverLink?.querySelector('.n')?.textContent).toBe(String(silverWorks.length));
    expect(page.querySelectorAll('input')).toHaveLength(0);
    expect(html).not.toContain('work-49/');
  });

  it('fetches works.json once hydrated, keeps the server’s page until it arrives, then filters every work', async () => {
    const { fetch, respond } = deferredFetch();
    await hydrate();
    // The page has loaded (happy-dom's document is complete): fetched at once, at low priority.
    expect(fetch).toHaveBeenCalledWith('/en/browse/works.json', { priority: 'low' });
    // Until the data arrives: the same page, nothing empty, nothing moved.
    expect(cards()).toHaveLength(48);
    expect(status()).toBe('48 of 130 works');
    expect(checkboxes()).toHaveLength(0);
    expect(container.querySelector('nav.pages a')).not.toBeNull();

    await respond(new Response(json));
    expect(status()).toBe('130 of 130 works');
    expect(cards()).toEqual(props.first.map((card) => card.href));
    expect(container.querySelector('nav.pages')).toBeNull();
    expect(checkboxes().length).toBeGreaterThan(0);
    // The first page keeps the placeholders works.json leaves out.
    expect(container.querySelector<HTMLImageElement>('.card img')?.style.backgroundImage).toContain(
      'data:image',
    );

    await act(async () => box('silver')?.click());
    expect(status()).toBe(`${silverWorks.length} of 130 works`);
    expect(window.location.search).toBe('?material=silver');
    expect(box('ring')?.parentElement?.querySelector('.n')?.textContent).toBe(String(silverRings.length));
    await act(async () => box('ring')?.click());
    expect(status()).toBe(`${silverRings.length} of 130 works`);
    expect(cards()).toEqual(silverRings.map((work) => `/en/works/${work.slug}/`));

    // "Show more" goes through every work a page at a time.
    await act(async () => container.querySelector<HTMLButtonElement>('button.clear')?.click());
    expect(window.location.search).toBe('');
    for (const shown of [96, 130]) {
      await act(async () => container.querySelector<HTMLButtonElement>('button.more')?.click());
      expect(cards()).toHaveLength(shown);
    }
    expect(container.querySelector('button.more')).toBeNull();
    expect(errors).toEqual([]);
  });

  it('waits for the page’s load event before fetching works.json, unless a selection or focus needs it', async () => {
    const readyState = vi.spyOn(document, 'readyState', 'get').mockReturnValue('loading');
    // No selection: the card photos come first; works.json follows the load event.
    let { fetch, respond } = deferredFetch();
    await hydrate();
    expect(fetch).not.toHaveBeenCalled();
    await act(async () => window.dispatchEvent(new Event('load')));
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledWith('/en/browse/works.json', { priority: 'low' });
    await respond(new Response(json));
    expect(status()).toBe('130 of 130 works');
    await act(async () => window.dispatchEvent(new Event('load')));
    expect(fetch).toHaveBeenCalledTimes(1);
    await act(async () => root?.unmount());
    container.remove();

    // Focus moving into the filters before the load event starts the fetch, once.
    ({ fetch, respond } = deferredFetch());
    await hydrate();
    await act(async () =>
      container.querySelector<HTMLElement>('a[href="/en/browse/material/gold/"]')?.focus(),
    );
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledWith('/en/browse/works.json', { priority: 'low' });
    await respond(new Response(json));
    expect(document.activeElement).toBe(box('gold'));
    await act(async () => window.dispatchEvent(new Event('load')));
    expect(fetch).toHaveBeenCalledTimes(1);
    await act(async () => root?.unmount());
    container.remove();

    // A shared selection: fetched at once, at the default priority.
    ({ fetch, respond } = deferredFetch());
    await hydrate('/en/browse/?material=silver');
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledWith('/en/browse/works.json', {});
    await respond(new Response(json));
    expect(status()).toBe(`${silverWorks.length} of 130 works`);
    await act(async () => root?.unmount());
    container.remove();

    // Going back to an address with a selection before the load event fetches at once too.
    ({ fetch, respond } = deferredFetch());
    await hydrate();
    expect(fetch).not.toHaveBeenCalled();
    await act(async () => {
      window.history.pushState(null, '', '/en/browse/?type=ring');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(fetch).toHaveBeenCalledWith('/en/browse/works.json', {});
    await respond(new Response(json));
    expect(box('ring')?.checked).toBe(true);
    readyState.mockRestore();
    expect(errors).toEqual([]);
  });

  it('applies a selection in the address once the works are there', async () => {
    const { respond } = deferredFetch();
    await hydrate('/en/browse/?material=silver');
    expect(status()).toBe('48 of 130 works');
    await respond(new Response(json));
    expect(status()).toBe(`${silverWorks.length} of 130 works`);
    expect(box('silver')?.checked).toBe(true);
    expect(cards()).toEqual(silverWorks.slice(0, 48).map((work) => `/en/works/${work.slug}/`));
    expect(errors).toEqual([]);
  });

  it('keeps the server’s page and its links when works.json cannot be had', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (const failure of [new Response('gone', { status: 404 }), new Response('{"works":"no"}')]) {
      const { respond } = deferredFetch();
      await hydrate();
      await respond(failure);
      expect(status()).toBe('48 of 130 works');
      expect(cards()).toHaveLength(48);
      expect(container.querySelector('nav.pages a')?.getAttribute('href')).toBe('/en/browse/page/2/');
      expect(container.querySelector('a[href="/en/browse/material/silver/"]')).not.toBeNull();
      expect(checkboxes()).toHaveLength(0);
      await act(async () => root?.unmount());
      root = undefined;
      container.remove();
    }
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it('moves focus from the next-page link to "Show more", and from a filter link to its checkbox', async () => {
    for (const [from, to] of [
      ['nav.pages a', 'button.more'],
      ['a[href="/en/browse/material/gold/"]', 'input[value="gold"]'],
    ] as const) {
      const { respond } = deferredFetch();
      await hydrate();
      container.querySelector<HTMLElement>(from)?.focus();
      expect(document.activeElement).toBe(container.querySelector(from));
      await respond(new Response(json));
      expect(document.activeElement).toBe(container.querySelector(to));
      await act(async () => root?.unmount());
      root = undefined;
      container.remove();
    }
  });
});
