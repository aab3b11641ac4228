import { type BrowseIndex, loadBrowseIndex } from '../../lib/browseData';
import { parseSelection, type Selection } from '../../lib/facets';

type Watch = {
  /** The language's works.json. */
  src: string;
  /** The island's element: focus moving into it starts the fetch. */
  container: HTMLElement | null;
  /** Called with the address's selection, now and on every step back or forward. */
  onSelection: (selection: Selection) => void;
  /** Called once with every work, unless stopped before they arrive. */
  onWorks: (index: BrowseIndex) => void;
};

/**
 * Reads the selection from the address and fetches works.json: at once when the address holds
 * a selection (its results need the works), else after the page's load event or when focus
 * moves into the island, at low priority, so that the card photos come first. Returns what
 * stops it.
 */
export function watchWorks({ src, container, onSelection, onWorks }: Watch): () => void {
  let stopped = false;
  let started = false;
  function start(init: RequestInit) {
    if (started) return;
    started = true;
    stopWaiting();
    loadBrowseIndex(src, init)
      .then((index) => {
        if (!stopped) onWorks(index);
      })
      .catch((error: unknown) => {
        // The server-rendered page stays: links to the one-value pages and the next page.
        console.warn('The filters stay links: the works could not be loaded.', error);
      });
  }
  function later() {
    start({ priority: 'low' });
  }
  function stopWaiting() {
    window.removeEventListener('load', later);
    container?.removeEventListener('focusin', later);
  }
  function read() {
    const chosen = parseSelection(window.location.search);
    onSelection(chosen);
    if (Object.keys(chosen).length > 0) start({});
  }

  read();
  window.addEventListener('popstate', read);
  if (document.readyState === 'complete') later();
  else {
    window.addEventListener('load', later);
    container?.addEventListener('focusin', later);
  }
  return () => {
    stopped = true;
    window.removeEventListener('popstate', read);
    stopWaiting();
  };
}
