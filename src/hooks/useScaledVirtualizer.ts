import { elementScroll, observeElementOffset, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { useEffect } from 'react';

/**
 * Browsers cap an element's height (Chrome near 33.5 million px, Firefox near 17.9 million), so a
 * million 36 px rows cannot be one tall spacer. Past this height the scroll range is compressed.
 */
export const MAX_SCROLL_HEIGHT = 8_000_000;

export interface ScaledVirtualizer {
  virtualizer: Virtualizer<HTMLDivElement, HTMLDivElement>;
  /** Height of the spacer that gives the scrollbar its range. */
  spacerHeight: number;
  /** Where a row sits inside the spacer (CSS px), for `translateY`. */
  rowTop(start: number): number;
  /**
   * Scrolls just enough to show a row. (The virtualizer's own `scrollToIndex` clamps to the element's
   * scroll height, which is wrong once the range is compressed, so this works in list pixels.)
   */
  scrollToRow(index: number): void;
  scrollToTop(): void;
}

/** Real pixel height of `count` rows, compressed to at most `max`. */
export function scaledHeight(count: number, rowHeight: number, max = MAX_SCROLL_HEIGHT): number {
  return Math.min(count * rowHeight, max);
}

/** How many list pixels one scrolled pixel stands for: 1 until the list outgrows `MAX_SCROLL_HEIGHT`. */
export function scrollRatio(count: number, rowHeight: number, viewport: number, max = MAX_SCROLL_HEIGHT): number {
  const real = count * rowHeight;
  const scaled = scaledHeight(count, rowHeight, max);
  if (real <= scaled) return 1;
  return Math.max(1, (real - viewport) / Math.max(1, scaled - viewport));
}

/**
 * TanStack Virtual over fixed-height rows, with the scroll range compressed for huge lists: the
 * virtualizer works in list pixels while the scroll element scrolls a spacer no taller than the
 * browser allows; `observeElementOffset` and `scrollToFn` translate between the two.
 */
export function useScaledVirtualizer(options: {
  count: number;
  rowHeight: number;
  overscan?: number;
  getScrollElement: () => HTMLDivElement | null;
  onChange?: (virtualizer: Virtualizer<HTMLDivElement, HTMLDivElement>) => void;
}): ScaledVirtualizer {
  const { count, rowHeight } = options;
  const ratioOf = (instance: Virtualizer<HTMLDivElement, HTMLDivElement>): number =>
    scrollRatio(instance.options.count, rowHeight, instance.scrollRect?.height ?? 0);
  const virtualizer = useVirtualizer<HTMLDivElement, HTMLDivElement>({
    count,
    getScrollElement: options.getScrollElement,
    estimateSize: () => rowHeight,
    // Two rows past each edge: every row rendered on a scroll step is laid out and styled in that frame. Peer
    // bench, two runs with the builds side by side (slots swapped): frames over 16.7 / 50 ms at 100,000 went
    // 23 / 3 → 17 / 2 and 10 / 1 → 9 / 1; at 1,000,000 16 / 6 → 11 / 1 and 21 / 1 → 19 / 0 (with 4 rows).
    overscan: options.overscan ?? 2,
    observeElementOffset: (instance, cb) =>
      observeElementOffset(instance, (offset, isScrolling) => cb(offset * ratioOf(instance), isScrolling)),
    scrollToFn: (offset, scrollOptions, instance) => elementScroll(offset / ratioOf(instance), scrollOptions, instance),
    onChange: options.onChange,
    // Rows follow a scroll in React's next render, not synchronously inside the scroll event (where rendering the
    // new range, then reading the offset for the next event, laid the new rows out before the frame did): peer
    // bench, 100,000 events, one run side by side: 32 → 18 frames over 16.7 ms, 7 → 1 over 50 ms.
    useFlushSync: false,
  });
  // A new row height (cards in a narrow container) changes every row's size: measure again.
  useEffect(() => {
    virtualizer.measure();
  }, [virtualizer, rowHeight]);
  const listOffset = virtualizer.scrollOffset ?? 0;
  const scrolled = listOffset / ratioOf(virtualizer);
  return {
    virtualizer,
    spacerHeight: scaledHeight(count, rowHeight),
    rowTop: (start) => scrolled + (start - listOffset),
    scrollToRow: (index) => {
      const el = options.getScrollElement();
      if (!el) return;
      const target = offsetToShowRow(index, rowHeight, virtualizer.scrollOffset ?? 0, el.clientHeight);
      if (target !== undefined) el.scrollTop = target / scrollRatio(count, rowHeight, el.clientHeight);
    },
    scrollToTop: () => {
      const el = options.getScrollElement();
      if (el) el.scrollTop = 0;
    },
  };
}

/** The list offset that brings a row fully into view with the least scrolling; `undefined` if it is in view. */
export function offsetToShowRow(index: number, rowHeight: number, offset: number, viewport: number): number | undefined {
  const start = index * rowHeight;
  const end = start + rowHeight;
  if (start < offset) return start;
  if (end > offset + viewport) return Math.max(0, end - viewport);
  return undefined;
}
