import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import type { AuditEvent } from '../core/event.js';
import type { EventPage } from '../core/page.js';
import type { AuditQuery } from '../core/query.js';
import { useQueryScope } from './context.js';
import { auditLogsQueries, PAGE_SIZE } from './queries.js';

export { PAGE_SIZE } from './queries.js';

/** At most this many pages are observed at once; the rest are released from memory. */
const MAX_OBSERVED_PAGES = 12;

export type RowState =
  | { status: 'ready'; event: AuditEvent }
  | { status: 'loading' }
  | { status: 'error' }
  /** The source sent a malformed event here; it was left out. */
  | { status: 'missing' };

/** The rows a table shows, over whatever paging the adapter has. */
export interface EventWindow {
  mode: 'offset' | 'cursor';
  /** Rows the scrollbar covers. */
  rowCount: number;
  /** Matching events, when known. */
  total: number | undefined;
  /** `total` is exact (offset paging, or a cursor walk that reached the end). */
  exact: boolean;
  /** Nothing has loaded yet. */
  initialLoading: boolean;
  row(index: number): RowState;
  /** Where the event with this id is among the loaded rows. */
  indexOf(id: string): number | undefined;
  /** The events of the pages in view; the same array while those pages are unchanged. */
  loaded: readonly AuditEvent[];
  /** The first error among the pages in view. */
  error: unknown;
  /** Malformed events left out of the pages in view. */
  skipped: number;
  /**
   * Why a cursor walk stopped before the server said it ended: it sent a cursor (or a page) it had sent
   * before, or empty pages that kept pointing on. What loaded before stays.
   */
  pagingStopped?: 'repeated' | 'empty';
  retry(): void;
}

/** Empty pages in a row, each with a next cursor, before the viewer stops asking. */
const MAX_EMPTY_PAGES = 5;

/** Rows in view, first and last (inclusive). */
export interface VisibleRange {
  start: number;
  end: number;
}

/**
 * Rows for a query: only the pages the visible range needs are fetched and observed; pages out of view
 * are released and fetched again on the way back. Offset adapters jump anywhere; cursor adapters keep
 * every cursor they learned (not the pages) and load the next page as the user nears the end.
 */
export function useEventWindow(query: AuditQuery, range: VisibleRange): EventWindow {
  const scope = useQueryScope();
  const cursorMode = scope.adapter.capabilities.paging === 'cursor';
  const offset = useOffsetPages(query, range, !cursorMode);
  const cursor = useCursorPages(query, range, cursorMode);
  return cursorMode ? cursor : offset;
}

function pageRange(first: number, last: number): number[] {
  const pages: number[] = [];
  for (let p = first; p <= Math.min(last, first + MAX_OBSERVED_PAGES - 1); p++) pages.push(p);
  return pages;
}

/**
 * Page results plus all their events. As a `combine` (stable, module-level), TanStack Query shares the
 * result structurally: `events` keeps its identity until a page's events change.
 */
function combinePages(results: UseQueryResult<EventPage>[]) {
  return { results, events: results.flatMap((r) => r.data?.events ?? []) };
}

/** The parts of a window both paging modes share, from the page results in view. */
function common(results: UseQueryResult<EventPage>[], loaded: readonly AuditEvent[]) {
  return {
    loaded,
    error: results.find((r) => r.isError)?.error ?? null,
    skipped: results.reduce((n, r) => n + (r.data?.skipped?.length ?? 0), 0),
    retry: () => {
      for (const r of results) if (r.isError) void r.refetch();
    },
  };
}

function useOffsetPages(query: AuditQuery, range: VisibleRange, enabled: boolean): EventWindow {
  const scope = useQueryScope();
  const identity = JSON.stringify(query);
  // The last total seen for this query: keeps the scrollbar steady while other pages load.
  const [known, setKnown] = useState<{ identity: string; total: number } | undefined>();
  const total = known?.identity === identity ? known.total : undefined;
  const lastPage = total === undefined ? 0 : Math.max(0, Math.ceil(total / PAGE_SIZE) - 1);
  const first = Math.min(Math.floor(range.start / PAGE_SIZE), lastPage);
  const pages = enabled ? pageRange(first, Math.min(Math.floor(Math.max(range.start, range.end) / PAGE_SIZE), lastPage)) : [];
  const { results, events } = useQueries(
    { queries: pages.map((p) => auditLogsQueries.offsetPage(scope, query, p)), combine: combinePages },
    scope.queryClient,
  );
  const latestTotal = results.find((r) => r.data?.total !== undefined)?.data?.total;
  if (latestTotal !== undefined && latestTotal !== total) setKnown({ identity, total: latestTotal });

  const byPage = new Map<number, UseQueryResult<EventPage>>();
  pages.forEach((p, i) => byPage.set(p, results[i]!));
  const effectiveTotal = total ?? latestTotal;
  const shared = common(results, events);
  return {
    mode: 'offset',
    rowCount: effectiveTotal ?? 0,
    total: effectiveTotal,
    exact: effectiveTotal !== undefined,
    initialLoading: effectiveTotal === undefined && !shared.error,
    row(index) {
      const page = byPage.get(Math.floor(index / PAGE_SIZE));
      if (!page) return { status: 'loading' };
      if (page.data) {
        const event = page.data.events[index % PAGE_SIZE];
        return event ? { status: 'ready', event } : { status: 'missing' };
      }
      return page.isError ? { status: 'error' } : { status: 'loading' };
    },
    indexOf(id) {
      for (const [p, page] of byPage) {
        const i = page.data?.events.findIndex((e) => e.id === id) ?? -1;
        if (i >= 0) return p * PAGE_SIZE + i;
      }
      return undefined;
    },
    ...shared,
  };
}

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

function useCursorPages(query: AuditQuery, range: VisibleRange, enabled: boolean): EventWindow {
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
