import { type ChangeEvent, useEffect, useMemo, useState } from 'react';
import {
  type FacetKey,
  type FacetOption,
  type Facetted,
  facetCounts,
  facetKeys,
  facetPath,
  filterItems,
  parseSelection,
  type Selection,
  selectionQuery,
  toggle,
} from '../lib/facets';
import './Browse.css';

const eagerCards = 4;

export type BrowseItem = Facetted & {
  href: string;
  title: string;
  makers: string;
  image: { src: string; width: number; height: number; placeholder?: string; colour?: string } | null;
};

export type BrowseLabels = {
  facets: Record<FacetKey, string>;
  filters: string;
  clear: string;
  /** "{n} of {m} works" */
  showing: string;
  showMore: string;
  none: string;
};

type Props = {
  /** `/en`: where the static one-value pages live. */
  base: string;
  items: BrowseItem[];
  options: Record<FacetKey, FacetOption[]>;
  labels: BrowseLabels;
  pageSize?: number;
};

/**
 * The browse page's filters. Rendered on the server as links to the static one-value pages,
 * so it works without JavaScript; once hydrated, the links become checkboxes that combine,
 * with live counts, and the selection lives in the URL (`?material=silver,gold&colour=red`).
 */
export default function Browse({ base, items, options, labels, pageSize = 48 }: Props) {
  const [hydrated, setHydrated] = useState(false);
  const [selection, setSelection] = useState<Selection>({});
  const [shown, setShown] = useState(pageSize);

  useEffect(() => {
    const read = () => setSelection(parseSelection(window.location.search));
    read();
    setHydrated(true);
    window.addEventListener('popstate', read);
    return () => window.removeEventListener('popstate', read);
  }, []);

  const results = useMemo(() => filterItems(items, selection), [items, selection]);
  const counts = useMemo(() => facetCounts(items, selection), [items, selection]);
  const selectedCount = facetKeys.reduce((sum, key) => sum + (selection[key]?.length ?? 0), 0);

  const update = (next: Selection) => {
    setSelection(next);
    setShown(pageSize);
    window.history.replaceState(null, '', `${window.location.pathname}${selectionQuery(next)}`);
  };
  const onChange = (key: FacetKey) => (event: ChangeEvent<HTMLInputElement>) =>
    update(toggle(selection, key, event.target.value));

  // Without JavaScript every work is listed; once hydrated, a page at a time.
  const visible = hydrated ? results.slice(0, shown) : results;
  const status = labels.showing.replace('{n}', String(results.length)).replace('{m}', String(items.length));

  return (
    <div className="browse">
      <section className="facets" aria-label={labels.filters}>
        {facetKeys.map((key) => {
          const chosen = selection[key] ?? [];
          if (!options[key].length) return null;
          return (
            <details key={key} open={chosen.length > 0 || undefined}>
              <summary>
                {labels.facets[key]}
                {chosen.length > 0 && <span className="chosen"> ({chosen.length})</span>}
              </summary>
              <ul>
                {options[key].map((option) => {
                  const count = counts[key].get(option.value) ?? 0;
                  const checked = chosen.includes(option.value);
                  return (
                    <li key={option.value}>
                      {hydrated ? (
                        <label className={count === 0 && !checked ? 'empty' : undefined}>
                          <input
                            type="checkbox"
                            name={key}
                            value={option.value}
                            checked={checked}
                            disabled={count === 0 && !checked}
                            onChange={onChange(key)}
                          />
                          <span className="label">{option.label}</span>
                          <span className="n">{count}</span>
                        </label>
                      ) : (
                        <a href={`${base}${facetPath(key, option.value)}`}>
                          <span className="label">{option.label}</span>
                          <span className="n">{count}</span>
                        </a>
                      )}
                    </li>
                  );
                })}
              </ul>
            </details>
          );
        })}
        {hydrated && selectedCount > 0 && (
          <button type="button" className="clear" onClick={() => update({})}>
            {labels.clear}
          </button>
        )}
      </section>
      <div className="results">
        <p className="status" role="status">
          {status}
        </p>
        {results.length === 0 && <p>{labels.none}</p>}
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
        {hydrated && visible.length < results.length && (
          <button type="button" className="more" onClick={() => setShown(shown + pageSize)}>
            {labels.showMore}
          </button>
        )}
      </div>
    </div>
  );
}
