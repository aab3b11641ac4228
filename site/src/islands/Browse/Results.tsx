import type { BrowseCard, BrowseLabels } from '../../lib/browseData';

/** The first row is what a visitor sees first: fetch it at once. */
const eagerCards = 4;

type Props = {
  labels: BrowseLabels;
  /** "48 of 130 works" */
  status: string;
  /** The cards on screen. */
  visible: BrowseCard[];
  /** Shows another page of cards; left out when there are no more or the works have not arrived. */
  onMore?: (() => void) | undefined;
  /** The listing's next page, for visitors without (or before) the works. */
  next?: string | undefined;
};

/** The cards of the works chosen, with how many there are and a way to the next ones. */
export function Results({ labels, status, visible, onMore, next }: Props) {
  return (
    <div className="results">
      <p className="status" role="status">
        {status}
      </p>
      {visible.length === 0 && <p>{labels.none}</p>}
      <ul className="grid">
        {visible.map((item, i) => (
          <Card key={item.href} item={item} index={i} />
        ))}
      </ul>
      {onMore ? (
        <button type="button" className="more" data-focus="more" onClick={onMore}>
          {labels.showMore}
        </button>
      ) : (
        next && (
          <nav className="pages" aria-label={labels.pages}>
            <a href={next} data-focus="more">
              {labels.nextPage} →
            </a>
          </nav>
        )
      )}
    </div>
  );
}

/** A work's card; `index` is its place on screen, which decides how eagerly its photo loads. */
function Card({ item, index }: { item: BrowseCard; index: number }) {
  return (
    <li className="card">
      <a href={item.href}>
        {item.image && (
          <img
            src={item.image.src}
            alt=""
            width={item.image.width}
            height={item.image.height}
            loading={index < eagerCards ? 'eager' : 'lazy'}
            fetchPriority={index < 2 ? 'high' : undefined}
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
  );
}
