import { useEffect, useRef } from 'react';
import { useStableCallback } from './useStableCallback.js';

/** While the view jumps past whole pages, it asks for the pages it is over at most this often. */
export const JUMP_INTERVAL_MS = 100;

interface Range {
  start: number;
  end: number;
  /** The query the range is of. */
  key: string;
}

/**
 * Passes the rows in view (whole pages) on to `set`, but not every range a fast scroll flies over: a range
 * that does not touch the last one passed on (a scrollbar dragged through a large log, a wheel spun hard)
 * is passed on at most once every `JUMP_INTERVAL_MS`, and the range the view stops on always follows. Pages
 * the view only crosses are then never built; their rows show as loading for that moment. Scrolling that
 * reaches the next page, or a jump after a pause, is passed on at once. `key` names the query: a range of an
 * earlier query still waiting is dropped, and a new query's first range goes at once.
 */
export function useJumpThrottle(set: (start: number, end: number) => void, key: string): (start: number, end: number) => void {
  const state = useRef<{ last?: Range & { at: number }; pending?: Range; timer?: ReturnType<typeof setTimeout> }>({});
  // Always of the query now shown: a range of the one shown before (still waiting when the query changed) is dropped.
  const apply = useStableCallback((start: number, end: number, of = key) => {
    if (of !== key) return;
    clearTimeout(state.current.timer);
    state.current = { last: { start, end, key, at: performance.now() } };
    set(start, end);
  });
  useEffect(() => () => clearTimeout(state.current.timer), []);
  return useStableCallback((start: number, end: number) => {
    const s = state.current;
    const prev = s.last;
    const wait = prev ? prev.at + JUMP_INTERVAL_MS - performance.now() : 0;
    if (!prev || prev.key !== key || (start <= prev.end + 1 && end >= prev.start - 1) || wait <= 0) return apply(start, end);
    s.pending = { start, end, key };
    s.timer ??= setTimeout(() => {
      const next = s.pending!;
      s.timer = s.pending = undefined;
      apply(next.start, next.end, next.key);
    }, wait);
  });
}
