import { type KeyboardEvent, type MouseEvent, useCallback, useId, useState } from 'react';

export type ViewerPhoto = {
  sources: { type: string; srcset: string }[];
  src: string;
  width: number;
  height: number;
  placeholder: string | undefined;
  alt: string;
  caption: string | null;
  dominantColor: string | null;
  /** A small rendition for the thumbnail strip. */
  thumb: string;
  /** The largest rendition, opened by the thumbnail link when JavaScript is off. */
  full: string;
  /** Accessible name of the thumbnail, e.g. "Photo 2 of 3: …", in the page's language. */
  label: string;
};

type Props = { photos: ViewerPhoto[]; label: string };

/**
 * The work page's photographs: one large photo and a strip of thumbnails. Server-rendered,
 * so without JavaScript the first photo shows and each thumbnail links to its full-size file;
 * with JavaScript the thumbnails switch the photo in place, and ←/→ step through them.
 */
export default function PhotoViewer({ photos, label }: Props) {
  const [index, setIndex] = useState(0);
  const captionId = useId();
  const count = photos.length;
  const go = useCallback((next: number) => setIndex(((next % count) + count) % count), [count]);
  const current = photos[index];
  if (!current) return null;

  const onKeyDown = (event: KeyboardEvent) => {
    if (count < 2) return;
    if (event.key === 'ArrowRight') go(index + 1);
    else if (event.key === 'ArrowLeft') go(index - 1);
    else return;
    event.preventDefault();
  };
  const choose = (event: MouseEvent, i: number) => {
    event.preventDefault();
    go(i);
  };

  const background = [
    current.dominantColor ? `${current.dominantColor}` : '',
    current.placeholder ? `center / cover no-repeat url(${current.placeholder})` : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <figure className="viewer" aria-label={label} onKeyDown={onKeyDown}>
      <picture key={current.src}>
        {current.sources.map((source) => (
          <source
            key={source.type}
            type={source.type}
            srcSet={source.srcset}
            sizes="(min-width: 800px) 60vw, 100vw"
          />
        ))}
        <img
          src={current.src}
          alt={current.alt}
          width={current.width}
          height={current.height}
          aria-describedby={current.caption ? captionId : undefined}
          fetchPriority={index === 0 ? 'high' : undefined}
          style={{ background, width: '100%', height: 'auto', display: 'block', borderRadius: 6 }}
        />
      </picture>
      <figcaption id={captionId} aria-live="polite">
        {current.caption}
        {count > 1 && (
          <span className="position">
            {current.caption ? ' · ' : ''}
            {index + 1} / {count}
          </span>
        )}
      </figcaption>
      {count > 1 && (
        <ul className="thumbs">
          {photos.map((photo, i) => (
            <li key={photo.src}>
              <a
                href={photo.full}
                onClick={(event) => choose(event, i)}
                aria-current={i === index ? 'true' : undefined}
                aria-label={photo.label}
              >
                <img src={photo.thumb} alt="" width={96} height={72} loading="lazy" decoding="async" />
              </a>
            </li>
          ))}
        </ul>
      )}
      <style>{`
        .viewer { margin: 0; }
        .viewer figcaption { color: var(--ink-2); font-size: .95rem; margin-top: .5rem; min-height: 1.6em; }
        .viewer .thumbs { display: flex; flex-wrap: wrap; gap: .5rem; list-style: none; padding: 0; margin: .75rem 0 0; }
        .viewer .thumbs a { display: block; border: 2px solid transparent; border-radius: 6px; line-height: 0; }
        .viewer .thumbs a[aria-current] { border-color: var(--accent); }
        .viewer .thumbs img { width: 6rem; height: 4.5rem; object-fit: cover; border-radius: 4px; }
      `}</style>
    </figure>
  );
}
