import { type ChangeEvent, useEffect, useMemo, useRef, useState } from 'react';
import { type BrowseCard, type BrowseIndex, type BrowseLabels, loadBrowseIndex } from '../lib/browseData';
import { groupDigits } from '../lib/count';
import {
  type CountTable,
  type FacetKey,
  type FacetOption,
  facetKeys,
  facetPath,
  parseSelection,
  type Selection,
  selectionQuery,
  toggle,
} from '../lib/facets';
import './Browse.css';

const eagerCards = 4;

type Props = {
  /** `/en`: where the static one-value pages live. */
  base: string;
  /** The language's works.json (see lib/browseData.ts): every work, fetched once hydrated. */
  src: string;
  /** The first page of works, shown until the data arrives (and for good without JavaScript). */
  first: BrowseCard[];
  /** How many works there are in all. */
  total: number;
  /** Each facet value's number of works, over all works. */
  counts: CountTable;
  /** The second page of the listing for visitors without JavaScript, when there is one. */
  next?: string | undefined;
  options: Record<FacetKey, FacetOption[]>;
  labels: BrowseLabels;
  pageSize?: number;
};

/**
 * The browse page's filters. Rendered on the server with the first page of works, the filters
 * as links to the static one-value pages and a link to the next page of the listing, so it
 * works without JavaScript. Once hydrated, it fetches every work (works.json): at once when
 * the address holds a selection, else after the page's load event (or when focus moves into
 * the filters), so that it does not slow the card photos. When they arrive, the links become
 * checkboxes that combine, with live counts, and the selection lives in the URL
 * (`?material=silver,gold&colour=red`). Until then, or if the fetch fails, the server-rendered
 * page stays as it is. Filtering and counting go through the bit sets of `BrowseIndex`, and a
 * card is only made for a work on screen, so a choice costs the same few milliseconds at
 * 20,000 works as at 500.
 */
export default function Browse({
  base,
  src,
  first,
  total,
  counts: initialCounts,
  next,
  options,
  labels,
  pageSize = 48,
}: Props) {
  const [works, setWorks] = useState<BrowseIndex | null>(null);
  const [selection, setSelection] = useState<Selection>({});
  const [shown, setShown] = useState(pageSize);
  const root = useRef<HTMLDivElement>(null);
  /** The control that had focus when the data arrived, to focus its replacement. */
  const refocus = useRef<string | undefined>(undefined);

  useEffect(() => {
    let stopped = false;
    let started = false;
    const container = root.current;
    const start = (init: RequestInit) => {
      if (started) return;
      started = true;
      window.removeEventListener('load', later);
      container?.removeEventListener('focusin', later);
      loadBrowseIndex(src, init)
        .then((index) => {
          if (stopped) return;
          const active = document.activeElement;
          refocus.current =
            active instanceof HTMLElement && root.current?.contains(active)
              ? active.dataset.focus
              : undefined;
          setWorks(index);
        })
        .catch((error: unknown) => {
          // The server-rendered page stays: links to the one-value pages and the next page.
          console.warn('The filters stay links: the works could not be loaded.', error);
        });
    };
    const later = () => start({ priority: 'low' });
    // A selection needs the works to show its results: fetch them at once. Without one, the
    // first page is already right and the card photos come first.
    const read = () => {
      const chosen = parseSelection(window.location.search);
      setSelection(chosen);
      if (Object.keys(chosen).length > 0) start({});
    };
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
      window.removeEventListener('load', later);
      container?.removeEventListener('focusin', later);
    };
  }, [src]);

  const ready = works !== null;
  useEffect(() => {
    if (!ready || !refocus.current) return;
    const key = refocus.current;
    refocus.current = undefined;
    root.current?.querySelector<HTMLElement>(`[data-focus="${CSS.escape(key)}"]`)?.focus();
  }, [ready]);

  const results = useMemo(() => works?.filter(selection), [works, selection]);
  const liveCounts = useMemo(() => works?.counts(selection), [works, selection]);
  // The first page already has its blurred placeholders; works.json leaves them out.
  const placeholders = useMemo(
    () => new Map(first.map((card) => [card.href, card.image?.placeholder])),
    [first],
  );
  const cardOf = (index: number): BrowseCard => {
    const card = (works as BrowseIndex).card(index);
    const placeholder = placeholders.get(card.href);
    return placeholder && card.image ? { ...card, image: { ...card.image, placeholder } } : card;
  };
  const countOf = (key: FacetKey, value: string) =>
    (liveCounts ? liveCounts[key].get(value) : initialCounts[key][value]) ?? 0;
  const chosenOf = (key: FacetKey) => (ready ? (selection[key] ?? []) : []);
  const selectedCount = facetKeys.reduce((sum, key) => sum + chosenOf(key).length, 0);

  const update = (nextSelection: Selection) => {
    setSelection(nextSelection);
    setShown(pageSize);
    window.history.replaceState(null, '', `${window.location.pathname}${selectionQuery(nextSelection)}`);
  };
  const onChange = (key: FacetKey) => (event: ChangeEvent<HTMLInputElement>) =>
    update(toggle(selection, key, event.target.value));

  // Before the data (and without JavaScript): the first page. Then a page at a time.
  const visible: BrowseCard[] = results ? results.slice(0, shown).map(cardOf) : first;
  const count = (n: number) => groupDigits(n, labels.group);
  const status = labels.showing
    .replace('{n}', count(results ? results.length : first.length))
    .replace('{m}', count(works ? works.size : total));

  return (
    <div className="browse" ref={root} data-ready={ready ? '' : undefined}>
      <section className="facets" aria-label={labels.filters}>
        {facetKeys.map((key) => {
          const chosen = chosenOf(key);
          if (!options[key].length) return null;
          return (
            <details key={key} data-facet={key} open={chosen.length > 0 || undefined}>
              <summary>
                {labels.facets[key]}
                {chosen.length > 0 && <span className="chosen"> ({chosen.length})</span>}
              </summary>
              <ul>
                {options[key].map((option) => {
                  const n = countOf(key, option.value);
                  const checked = chosen.includes(option.value);
                  const focus = `${key}=${option.value}`;
                  return (
                    <li key={option.value}>
                      {ready ? (
                        <label className={n === 0 && !checked ? 'empty' : undefined}>
                          <input
                            type="checkbox"
                            name={key}
                            value={option.value}
                            checked={checked}
                            disabled={n === 0 && !checked}
                            onChange={onChange(key)}
                            data-focus={focus}
                          />
                          <span className="label">{option.label}</span>
                          <span className="n">{count(n)}</span>
                        </label>
                      ) : (
                        <a href={`${base}${facetPath(key, option.value)}`} data-focus={focus}>
                          <span className="label">{option.label}</span>
                          <span className="n">{count(n)}</span>
                        </a>
                      )}
                    </li>
                  );
                })}
              </ul>
            </details>
          );
        })}
        {selectedCount > 0 && (
          <button type="button" className="clear" onClick={() => update({})}>
            {labels.clear}
          </button>
        )}
      </section>
      <div className="results">
        <p className="status" role="status">
          {status}
        </p>
        {visible.length === 0 && <p>{labels.none}</p>}
        <ul className="grid">
          {visible.map((item, i) => (
            <li key={item.href} className="card">
              <a href={item.href}>
                {item.image && (
                  <img
                    src={item.image.src}
                    alt=""
                    width={item.image.width}
                    height={item.image.height}
                    // The first row is what a visitor sees first: fetch it at once.
                    loading={i < eagerCards ? 'eager' : 'lazy'}
                    fetchPriority={i < 2 ? 'high' : undefined}
                    decoding="async"
                    style={{
                      backgroundColor: item.image.colour,
                      backgroundImage: item.image.placeholder ? `url(${item.image.placeholder})` : undefined,
                    }}
                  />
                )}
                <span className="title">{item.title}</span>
              </a>
              <p className="muted meta">{item.makers}</p>
            </li>
          ))}
        </ul>
        {results
          ? visible.length < results.length && (
              <button
                type="button"
                className="more"
                data-focus="more"
                onClick={() => setShown(shown + pageSize)}
              >
                {labels.showMore}
              </button>
            )
          : next && (
              <nav className="pages" aria-label={labels.pages}>
                <a href={next} data-focus="more">
                  {labels.nextPage} →
                </a>
              </nav>
            )}
      </div>
    </div>
  );
}
