import { useEffect, useLayoutEffect, useState, type RefObject } from 'react';

/** Measures before the browser paints (no frame in the wrong layout); a plain effect where there is no DOM. */
const useMeasureEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect;

/**
 * Whether an element is narrower than `below` CSS px, following its size (a ResizeObserver): the state
 * changes only when the width crosses the line, so resizing re-renders nothing until then. False until
 * measured (server rendering and the first paint show the full table).
 */
/**
 * An element's width in steps of `step` CSS px (so it re-renders only when the width moves a step), or
 * `fallback` until measured.
 */
export function useWidthSteps(ref: RefObject<HTMLElement | null>, step: number, fallback: number): number {
  const [width, setWidth] = useState(fallback);
  useMeasureEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return undefined;
    const set = (w: number) => w > 0 && setWidth(Math.floor(w / step) * step);
    set(el.getBoundingClientRect().width);
    const observer = new ResizeObserver(([entry]) => set(entry?.contentRect.width ?? 0));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, step]);
  return width;
}

export function useNarrow(ref: RefObject<HTMLElement | null>, below: number): boolean {
  const [narrow, setNarrow] = useState(false);
  useMeasureEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return undefined;
    const check = (width: number) => setNarrow(width > 0 && width < below);
    check(el.getBoundingClientRect().width);
    const observer = new ResizeObserver(([entry]) => check(entry?.contentRect.width ?? 0));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, below]);
  return narrow;
}
