import { useCallback, useEffect, useLayoutEffect, useState, type RefObject } from 'react';

/** Measures before the browser paints (no frame in the wrong layout); a plain effect where there is no DOM. */
const useMeasureEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect;

/**
 * A value read from an element's width, following its size (a ResizeObserver). The state changes only when
 * the value does, so resizing re-renders nothing until then. `initial` until measured (server rendering).
 */
function useFromWidth<T extends number | boolean>(ref: RefObject<HTMLElement | null>, read: (width: number) => T, initial: T): T {
  const [value, setValue] = useState(initial);
  useMeasureEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return undefined;
    const set = (width: number) => width > 0 && setValue(read(width));
    set(el.getBoundingClientRect().width);
    const observer = new ResizeObserver(([entry]) => set(entry?.contentRect.width ?? 0));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, read]);
  return value;
}

/** An element's width in steps of `step` CSS px, or `fallback` until measured. */
export function useWidthSteps(ref: RefObject<HTMLElement | null>, step: number, fallback: number): number {
  const read = useCallback((width: number) => Math.floor(width / step) * step, [step]);
  return useFromWidth(ref, read, fallback);
}

/** Whether an element is narrower than `below` CSS px (false until measured: the full table first). */
export function useNarrow(ref: RefObject<HTMLElement | null>, below: number): boolean {
  const read = useCallback((width: number) => width < below, [below]);
  return useFromWidth(ref, read, false);
}
