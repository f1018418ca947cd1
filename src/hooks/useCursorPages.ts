import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import type { EventPage } from '../core/page.js';
import type { AuditQuery } from '../core/query.js';
import { useQueryScope } from './context.js';
import { auditLogsQueries } from './queries.js';
import { MAX_EMPTY_PAGES, combinePages, common, pageRange, type EventWindow, type VisibleRange } from './eventWindowPages.js';

/** What a cursor walk has learned: the cursor of each page, how many rows each page has, and whether it ended. */
interface CursorTrail {
  identity: string;
  cursors: (string | null)[];
  sizes: number[];
  ended: boolean;
  /** Set when the walk stopped because the server's paging would repeat or never end. */
  stopped?: 'repeated' | 'empty';
  /** Empty pages in a row at the end of the trail. */
  empty: number;
}

export function useCursorPages(query: AuditQuery, range: VisibleRange, enabled: boolean): EventWindow {
  const scope = useQueryScope();
  const identity = JSON.stringify(query);
  const [stored, setTrail] = useState<CursorTrail | undefined>();
  const trail: CursorTrail = stored?.identity === identity ? stored : { identity, cursors: [null], sizes: [], ended: false, empty: 0 };
  const starts = [0];
  for (const size of trail.sizes) starts.push(starts[starts.length - 1]! + size);
  const loadedRows = starts[starts.length - 1]!;
  const pageOf = (row: number): number => {
    let p = 0;
    while (p + 1 < starts.length - 1 && starts[p + 1]! <= row) p++;
    return p;
  };
  // Pages the range covers, and the next one when the user nears the end of what is known.
  const knownPages = trail.sizes.length;
  const from = knownPages ? pageOf(range.start) : 0;
  let to = knownPages ? pageOf(Math.max(range.start, range.end)) : 0;
  if (range.end >= loadedRows - 20 && trail.cursors.length > knownPages) to = knownPages;
  const pages = enabled ? pageRange(from, Math.min(to, trail.cursors.length - 1)) : [];
  const { results, events } = useQueries(
    { queries: pages.map((p) => auditLogsQueries.cursorPage(scope, query, trail.cursors[p]!)), combine: combinePages },
    scope.queryClient,
  );

  // Learn sizes and next cursors from pages seen for the first time (state from data, set during render).
  let next = trail;
  pages.forEach((p, i) => {
    const data = results[i]!.data;
    if (!data || next.sizes[p] !== undefined || p !== next.sizes.length) return;
    const cursor = data.nextCursor ?? null;
    // A page that only repeats the one before, a cursor sent before, or empty pages that keep pointing on:
    // the walk ends here instead of repeating rows or loading forever.
    const before = i > 0 && pages[i - 1] === p - 1 ? results[i - 1]!.data?.events : undefined;
    const repeatsPage = Boolean(before?.length && data.events.length && data.events.every((e) => before!.some((b) => b.id === e.id)));
    const empty = data.events.length === 0 ? next.empty + 1 : 0;
    const stopped = repeatsPage || (cursor !== null && next.cursors.includes(cursor)) ? 'repeated' : cursor && empty >= MAX_EMPTY_PAGES ? 'empty' : undefined;
    next = {
      ...next,
      sizes: [...next.sizes, repeatsPage ? 0 : data.events.length],
      cursors: cursor && !stopped ? [...next.cursors, cursor] : next.cursors,
      ended: !cursor || Boolean(stopped),
      empty,
      ...(stopped && { stopped }),
    };
  });
  if (next !== trail) setTrail(next);

  const byPage = new Map<number, UseQueryResult<EventPage>>();
  pages.forEach((p, i) => byPage.set(p, results[i]!));
  const reportedTotal = results.find((r) => r.data?.total !== undefined)?.data?.total;
  const shared = common(results, events);
  return {
    mode: 'cursor',
    rowCount: loadedRows + (trail.ended ? 0 : 1),
    // Without a reported total, what has loaded is a lower bound ("At least 200 events").
    total: reportedTotal ?? (knownPages ? loadedRows : undefined),
    exact: reportedTotal !== undefined || (trail.ended && !trail.stopped),
    initialLoading: enabled && !knownPages && !shared.error,
    ...(trail.stopped && { pagingStopped: trail.stopped }),
    row(index) {
      if (index >= loadedRows) return shared.error ? { status: 'error' } : { status: 'loading' };
      const p = pageOf(index);
      const page = byPage.get(p);
      if (page?.data) {
        const event = index - starts[p]! < trail.sizes[p]! ? page.data.events[index - starts[p]!] : undefined;
        return event ? { status: 'ready', event } : { status: 'missing' };
      }
      return page?.isError ? { status: 'error' } : { status: 'loading' };
    },
    indexOf(id) {
      for (const [p, page] of byPage) {
        const i = page.data?.events.findIndex((e) => e.id === id) ?? -1;
        if (i >= 0) return starts[p]! + i;
      }
      return undefined;
    },
    ...shared,
  };
}
