/**
 * The search page: Pagefind, in the browser, over the index of the page's language (Pagefind
 * picks it from `<html lang>`). Results show as you type, with a thumbnail and an excerpt;
 * the query lives in the URL (`?q=`), so a search can be shared or reloaded.
 */
export type SearchLabels = {
  /** "Nothing found for “{q}”." */
  none: string;
  /** "Results for “{q}”: {n}" */
  count: string;
  loading: string;
};

type ResultData = {
  url: string;
  excerpt: string;
  meta: { title?: string; image?: string; kind?: string };
};
type Pagefind = {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  debouncedSearch: (
    query: string,
    options?: Record<string, unknown>,
    wait?: number,
  ) => Promise<{ results: { data: () => Promise<ResultData> }[] } | null>;
};

const shownResults = 30;

export function initSearch() {
  const root = document.querySelector<HTMLElement>('[data-search]');
  if (!root) return;
  const labels = JSON.parse(root.dataset.labels ?? '{}') as SearchLabels;
  const form = root.querySelector('form') as HTMLFormElement;
  const input = root.querySelector('input[type="search"]') as HTMLInputElement;
  const status = root.querySelector('.status') as HTMLElement;
  const list = root.querySelector('.results') as HTMLOListElement;

  let pagefind: Promise<Pagefind> | undefined;
  const load = () => {
    // A runtime URL: the index is written after the site is bundled, one per language.
    const url = `/pagefind/${document.documentElement.lang}/pagefind.js`;
    pagefind ??= (import(/* @vite-ignore */ url) as Promise<Pagefind>).then(async (module) => {
      await module.options({ excerptLength: 24 });
      await module.init();
      return module;
    });
    return pagefind;
  };

  async function run(query: string) {
    const trimmed = query.trim();
    window.history.replaceState(
      null,
      '',
      trimmed ? `?q=${encodeURIComponent(trimmed)}` : window.location.pathname,
    );
    if (!trimmed) {
      status.textContent = '';
      list.replaceChildren();
      return;
    }
    status.textContent = labels.loading;
    const search = await (await load()).debouncedSearch(trimmed, {}, 150);
    if (!search) return; // a newer query replaced this one
    const data = await Promise.all(search.results.slice(0, shownResults).map((result) => result.data()));
    if (input.value.trim() !== trimmed) return;
    status.textContent = (search.results.length ? labels.count : labels.none)
      .replace('{q}', trimmed)
      .replace('{n}', String(search.results.length));
    list.replaceChildren(...data.map(resultItem));
  }

  input.addEventListener('input', () => void run(input.value));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(input.value);
  });
  const initial = new URLSearchParams(window.location.search).get('q') ?? '';
  if (initial) {
    input.value = initial;
    void run(initial);
  }
  input.addEventListener('focus', () => void load(), { once: true });
}

function resultItem(result: ResultData): HTMLLIElement {
  const item = document.createElement('li');
  const image = document.createElement('img');
  image.alt = '';
  image.width = 88;
  image.height = 88;
  image.loading = 'lazy';
  if (result.meta.image) image.src = result.meta.image;
  const body = document.createElement('div');
  if (result.meta.kind) {
    const kind = document.createElement('span');
    kind.className = 'kind';
    kind.textContent = result.meta.kind;
    body.append(kind);
  }
  const link = document.createElement('a');
  link.href = result.url;
  link.textContent = result.meta.title ?? result.url;
  const excerpt = document.createElement('p');
  excerpt.append(...excerptNodes(result.excerpt));
  body.append(link, excerpt);
  item.append(image, body);
  return item;
}

/** The excerpt's text with Pagefind's <mark> highlights, and nothing else of its markup. */
function excerptNodes(html: string): Node[] {
  const parsed = new DOMParser().parseFromString(html, 'text/html').body;
  return [...parsed.childNodes].map((node) => {
    if (node.nodeName !== 'MARK') return document.createTextNode(node.textContent ?? '');
    const mark = document.createElement('mark');
    mark.textContent = node.textContent;
    return mark;
  });
}
