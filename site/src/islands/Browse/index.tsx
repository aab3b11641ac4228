import { useMemo, useRef, useState } from 'react';
import type { BrowseCard, BrowseIndex, BrowseLabels } from '../../lib/browseData';
import { groupDigits } from '../../lib/count';
import {
  type CountTable,
  type FacetKey,
  type FacetOption,
  type Selection,
  selectionQuery,
  toggle,
} from '../../lib/facets';
import { Facets } from './Facets';
import { Results } from './Results';
import { useBrowseWorks } from './useBrowseWorks';
import './Browse.css';

type Props = {
  /** The language's prefix, `/en` (lib/routes.ts): the static one-value pages are under it. */
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
  const root = useRef<HTMLDivElement>(null);
  const { works, selection, setSelection } = useBrowseWorks(src, root);
  const [shown, setShown] = useState(pageSize);
  const ready = works !== null;
  const results = useMemo(() => works?.filter(selection), [works, selection]);
  const liveCounts = useMemo(() => works?.counts(selection), [works, selection]);
  const cardOf = useCardOf(works, first);

  const update = (nextSelection: Selection) => {
    setSelection(nextSelection);
    setShown(pageSize);
    window.history.replaceState(null, '', `${window.location.pathname}${selectionQuery(nextSelection)}`);
  };
  // Before the data (and without JavaScript): the first page. Then a page at a time.
  const visible: BrowseCard[] = results ? results.slice(0, shown).map(cardOf) : first;

  return (
    <div className="browse" ref={root} data-ready={ready ? '' : undefined}>
      <Facets
        base={base}
        options={options}
        labels={labels}
        ready={ready}
        chosenOf={(key) => (ready ? (selection[key] ?? []) : [])}
        countOf={(key, value) => (liveCounts ? liveCounts[key].get(value) : initialCounts[key][value]) ?? 0}
        onToggle={(key, value) => update(toggle(selection, key, value))}
        onClear={() => update({})}
      />
      <Results
        labels={labels}
        status={statusText(labels, results ? results.length : first.length, works ? works.size : total)}
        visible={visible}
        onMore={results && visible.length < results.length ? () => setShown(shown + pageSize) : undefined}
        next={results ? undefined : next}
      />
    </div>
  );
}

/** The card of a work by its index, with the blurred placeholder the first page had for it. */
function useCardOf(works: BrowseIndex | null, first: BrowseCard[]) {
  // The first page already has its blurred placeholders; works.json leaves them out.
  const placeholders = useMemo(
    () => new Map(first.map((card) => [card.href, card.image?.placeholder])),
    [first],
  );
  return (index: number): BrowseCard => {
    const card = (works as BrowseIndex).card(index);
    const placeholder = placeholders.get(card.href);
    return placeholder && card.image ? { ...card, image: { ...card.image, placeholder } } : card;
  };
}

/** "{n} of {m} works", the numbers grouped as the language writes them. */
function statusText(labels: BrowseLabels, n: number, m: number): string {
  const count = (value: number) => groupDigits(value, labels.group);
  return labels.showing.replace('{n}', count(n)).replace('{m}', count(m));
}
