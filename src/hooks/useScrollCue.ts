import { useCallback, useEffect, useState, type RefObject } from 'react';

/**
 * Marks a table where columns are cut off at either edge (`data-more-start`, `data-more-end`, for a shadow),
 * following its scroller's size and scroll position. Set straight on the element: no render per scroll.
 * Returns the update, for the scroller's scroll handler.
 */
export function useScrollCue(scrollerRef: RefObject<HTMLElement | null>, tableRef: RefObject<HTMLElement | null>, width: unknown): () => void {
  const update = useCallback(() => {
    const el = scrollerRef.current;
    const table = tableRef.current;
    if (!el || !table) return;
    const left = Math.abs(el.scrollLeft);
    table.toggleAttribute('data-more-start', left > 1);
    table.toggleAttribute('data-more-end', el.scrollWidth - el.clientWidth - left > 1);
  }, [scrollerRef, tableRef]);
  useEffect(update, [update, width]);
  useEffect(() => {
    const el = scrollerRef.current;
    if (!el || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => observer.disconnect();
  }, [scrollerRef, update]);
  return update;
}

/** Whether an element lays out right to left (read once it has mounted). */
export function useIsRtl(ref: RefObject<HTMLElement | null>): boolean {
  const [rtl, setRtl] = useState(false);
  useEffect(() => {
    if (ref.current) setRtl(getComputedStyle(ref.current).direction === 'rtl');
  }, [ref]);
  return rtl;
}
