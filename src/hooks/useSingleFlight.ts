import { useCallback, useRef } from 'react';

/**
 * Runs an action only when the last one has finished: two clicks in one tick (before React shows the first
 * as pending) start it once. The action calls `done` when it is over (settled, or failed and may be tried
 * again).
 */
export function useSingleFlight(): (run: (done: () => void) => void) => void {
  const busy = useRef(false);
  return useCallback((run) => {
    if (busy.current) return;
    busy.current = true;
    run(() => {
      busy.current = false;
    });
  }, []);
}
