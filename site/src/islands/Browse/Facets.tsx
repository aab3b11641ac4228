import type { BrowseLabels } from '../../lib/browseData';
import { groupDigits } from '../../lib/count';
import { type FacetKey, type FacetOption, facetKeys } from '../../lib/facets';
import { facetPathInLanguage } from '../../lib/routes';

type Props = {
  /** The language's prefix, `/en` (lib/routes.ts): the static one-value pages are under it. */
  base: string;
  options: Record<FacetKey, FacetOption[]>;
  labels: BrowseLabels;
  /** Whether every work has arrived: checkboxes then, links to the one-value pages before. */
  ready: boolean;
  chosenOf: (key: FacetKey) => string[];
  countOf: (key: FacetKey, value: string) => number;
  onToggle: (key: FacetKey, value: string) => void;
  onClear: () => void;
};

/** The filters: a folding list per facet, and a button that clears the selection. */
export function Facets({ base, options, labels, ready, chosenOf, countOf, onToggle, onClear }: Props) {
  const selectedCount = facetKeys.reduce((sum, key) => sum + chosenOf(key).length, 0);
  return (
    <section className="facets" aria-label={labels.filters}>
      {facetKeys.map((key) =>
        options[key].length ? (
          <Facet
            key={key}
            facet={key}
            base={base}
            options={options[key]}
            labels={labels}
            ready={ready}
            chosen={chosenOf(key)}
            countOf={(value) => countOf(key, value)}
            onToggle={(value) => onToggle(key, value)}
          />
        ) : null,
      )}
      {selectedCount > 0 && (
        <button type="button" className="clear" onClick={onClear}>
          {labels.clear}
        </button>
      )}
    </section>
  );
}

type FacetProps = Pick<Props, 'base' | 'labels' | 'ready'> & {
  facet: FacetKey;
  options: FacetOption[];
  chosen: string[];
  countOf: (value: string) => number;
  onToggle: (value: string) => void;
};

/** One facet's values, open when one of them is chosen. */
function Facet({ facet, base, options, labels, ready, chosen, countOf, onToggle }: FacetProps) {
  return (
    <details data-facet={facet} open={chosen.length > 0 || undefined}>
      <summary>
        {labels.facets[facet]}
        {chosen.length > 0 && <span className="chosen"> ({chosen.length})</span>}
      </summary>
      <ul>
        {options.map((option) => (
          <li key={option.value}>
            <Choice
              facet={facet}
              option={option}
              href={`${base}${facetPathInLanguage(facet, option.value)}`}
              ready={ready}
              n={countOf(option.value)}
              group={labels.group}
              checked={chosen.includes(option.value)}
              onToggle={onToggle}
            />
          </li>
        ))}
      </ul>
    </details>
  );
}

type ChoiceProps = {
  facet: FacetKey;
  option: FacetOption;
  /** The value's static one-value page. */
  href: string;
  ready: boolean;
  /** How many works the value would show. */
  n: number;
  /** What goes between groups of three digits (see `BrowseLabels`). */
  group: string;
  checked: boolean;
  onToggle: (value: string) => void;
};

/** A value: a checkbox with its live count once the works are here, a link to its page before. */
function Choice({ facet, option, href, ready, n, group, checked, onToggle }: ChoiceProps) {
  const focus = `${facet}=${option.value}`;
  const text = (
    <>
      <span className="label">{option.label}</span>
      <span className="n">{groupDigits(n, group)}</span>
    </>
  );
  if (!ready)
    return (
      <a href={href} data-focus={focus}>
        {text}
      </a>
    );
  return (
    <label className={n === 0 && !checked ? 'empty' : undefined}>
      <input
        type="checkbox"
        name={facet}
        value={option.value}
        checked={checked}
        disabled={n === 0 && !checked}
        onChange={(event) => onToggle(event.target.value)}
        data-focus={focus}
      />
      {text}
    </label>
  );
}
