import { type RefObject, useEffect, useRef, useState } from 'react';
import type { BrowseIndex } from '../../lib/browseData';
import type { Selection } from '../../lib/facets';
import { watchWorks } from './watchWorks';

/**
 * Every work, once works.json has arrived (`null` until then), and the selection, read from the
 * address. The links the server rendered become checkboxes when the works arrive: the control
 * that had focus then hands it to its replacement.
 */
export function useBrowseWorks(src: string, root: RefObject<HTMLDivElement | null>) {
  const [works, setWorks] = useState<BrowseIndex | null>(null);
  const [selection, setSelection] = useState<Selection>({});
  /** The control that had focus when the data arrived, to focus its replacement. */
  const refocus = useRef<string | undefined>(undefined);

  useEffect(
    () =>
      watchWorks({
        src,
        container: root.current,
        onSelection: setSelection,
        onWorks: (index) => {
          const active = document.activeElement;
          refocus.current =
            active instanceof HTMLElement && root.current?.contains(active)
              ? active.dataset.focus
              : undefined;
          setWorks(index);
        },
      }),
    [src],
  );

  const ready = works !== null;
  useEffect(() => {
    if (!ready || !refocus.current) return;
    const key = refocus.current;
    refocus.current = undefined;
    root.current?.querySelector<HTMLElement>(`[data-focus="${CSS.escape(key)}"]`)?.focus();
  }, [ready]);

  return { works, selection, setSelection };
}
