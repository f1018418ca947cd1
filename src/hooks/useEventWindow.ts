import { useInfiniteQuery, useQueries } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { isAuditApiError } from '../api/errors.js';
import type { AuditEvent } from '../core/event.js';
import type { EventPage } from '../core/page.js';
import type { AuditQuery } from '../core/query.js';
import { useAuditLogsEnvironment } from './context.js';
import { auditLogsKeys } from './queryKeys.js';

/** Events per request. */
export const PAGE_SIZE = 100;
/** At most this many pages are observed at once; the rest are released from memory. */
const MAX_OBSERVED_PAGES = 12;
/** How long a page nobody looks at stays cached. */
const PAGE_GC_MS = 20_000;

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
  /** The first error among the pages in view. */
  error: unknown;
  /** Malformed events left out of the pages in view. */
  skipped: number;
  retry(): void;
}

export interface VisibleRange {
  start: number;
  end: number;
}

/**
 * Retry what may pass (network, server, a short rate limit) twice; a server that asks for a long wait, or
 * refuses the request, is shown to the user at once.
 */
const retry = (failures: number, error: unknown): boolean =>
  failures < 2 && (!isAuditApiError(error) || (error.retryable && (error.retryAfter ?? 0) <= 10));
const retryDelay = (attempt: number, error: unknown): number =>
  isAuditApiError(error) && error.retryAfter !== undefined ? error.retryAfter * 1000 : Math.min(1000 * 2 ** attempt, 8000);

/** Rows for a query: offset pages for the visible range only, or cursor pages as the user nears the end. */
export function useEventWindow(query: AuditQuery, range: VisibleRange): EventWindow {
  const { adapter } = useAuditLogsEnvironment();
  const mode = adapter.capabilities.paging === 'cursor' ? 'cursor' : 'offset';
  const offset = useOffsetPages(query, range, mode === 'offset');
  const cursor = useCursorPages(query, range, mode === 'cursor');
  return mode === 'offset' ? offset : cursor;
}

function pagesFor(range: VisibleRange, total: number | undefined): number[] {
  const last = total === undefined ? 0 : Math.max(0, Math.ceil(total / PAGE_SIZE) - 1);
  const from = Math.min(Math.floor(range.start / PAGE_SIZE), last);
  const to = Math.min(Math.floor(Math.max(range.start, range.end) / PAGE_SIZE), last, from + MAX_OBSERVED_PAGES - 1);
  const pages: number[] = [];
  for (let p = from; p <= to; p++) pages.push(p);
  return pages;
}

function useOffsetPages(query: AuditQuery, range: VisibleRange, enabled: boolean): EventWindow {
  const { adapter, tenantId, queryClient, scope } = useAuditLogsEnvironment();
  // The last total seen for this query: keeps the scrollbar steady while other pages load.
  const queryKey = auditLogsKeys.events(scope, tenantId, query);
  const identity = JSON.stringify(queryKey);
  const [known, setKnown] = useState<{ identity: string; total: number } | undefined>();
  const total = known?.identity === identity ? known.total : undefined;
  const pages = enabled ? pagesFor(range, total) : [];
  const results = useQueries(
    {
      queries: pages.map((pageIndex) => ({
        queryKey: auditLogsKeys.offsetPage(scope, tenantId, query, pageIndex, PAGE_SIZE),
        queryFn: ({ signal }: { signal: AbortSignal }) =>
          adapter.list(
            { tenantId, query, page: { type: 'offset', offset: pageIndex * PAGE_SIZE, limit: PAGE_SIZE } },
            { signal },
          ),
        staleTime: 30_000,
        gcTime: PAGE_GC_MS,
        retry,
        retryDelay,
      })),
    },
    queryClient,
  );
  const latestTotal = results.find((r) => r.data?.total !== undefined)?.data?.total;
  if (latestTotal !== undefined && latestTotal !== total) setKnown({ identity, total: latestTotal });

  const byPage = new Map<number, (typeof results)[number]>();
  pages.forEach((p, i) => byPage.set(p, results[i]!));
  const effectiveTotal = total ?? latestTotal;
  const error = results.find((r) => r.isError)?.error ?? null;
  return {
    mode: 'offset',
    rowCount: effectiveTotal ?? 0,
    total: effectiveTotal,
    exact: effectiveTotal !== undefined,
    initialLoading: effectiveTotal === undefined && !error,
    row(index) {
      const page = byPage.get(Math.floor(index / PAGE_SIZE));
      if (!page) return { status: 'loading' };
      if (page.data) {
        const event = page.data.events[index % PAGE_SIZE];
        return event ? { status: 'ready', event } : { status: 'missing' };
      }
      return page.isError ? { status: 'error' } : { status: 'loading' };
    },
    error,
    skipped: results.reduce((n, r) => n + (r.data?.skipped?.length ?? 0), 0),
    retry: () => {
      for (const r of results) if (r.isError) void r.refetch();
    },
  };
}

function useCursorPages(query: AuditQuery, range: VisibleRange, enabled: boolean): EventWindow {
  const { adapter, tenantId, queryClient, scope } = useAuditLogsEnvironment();
  const result = useInfiniteQuery(
    {
      queryKey: auditLogsKeys.cursorPages(scope, tenantId, query, PAGE_SIZE),
      queryFn: ({ pageParam, signal }) =>
        adapter.list({ tenantId, query, page: { type: 'cursor', cursor: pageParam, limit: PAGE_SIZE } }, { signal }),
      initialPageParam: null as string | null,
      getNextPageParam: (last: EventPage) => last.nextCursor ?? undefined,
      enabled,
      staleTime: 30_000,
      retry,
      retryDelay,
    },
    queryClient,
  );
  const pages = result.data?.pages;
  const loaded = useMemo(() => (pages ?? []).flatMap((p) => p.events), [pages]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage, isError } = result;
  // Re-checked after every page, so a fast backend cannot leave the user waiting at the loader row.
  const loadedCount = loaded.length;
  const nearEnd = range.end >= loadedCount - 20;
  useEffect(() => {
    if (enabled && nearEnd && hasNextPage && !isFetchingNextPage && !isError) void fetchNextPage();
  }, [enabled, nearEnd, loadedCount, hasNextPage, isFetchingNextPage, isError, fetchNextPage]);
  const reportedTotal = pages?.at(-1)?.total;
  const exact = Boolean(pages) && !hasNextPage;
  return {
    mode: 'cursor',
    rowCount: loaded.length + (hasNextPage ? 1 : 0),
    // Without a reported total, what has loaded is a lower bound ("At least 200 events").
    total: reportedTotal ?? (pages ? loaded.length : undefined),
    exact: reportedTotal !== undefined || exact,
    initialLoading: enabled && result.isPending,
    row(index) {
      const event = loaded[index];
      if (event) return { status: 'ready', event };
      return isError ? { status: 'error' } : { status: 'loading' };
    },
    error: result.error,
    skipped: (pages ?? []).reduce((n, p) => n + (p.skipped?.length ?? 0), 0),
    retry: () => {
      if (pages?.length) void fetchNextPage();
      else void result.refetch();
    },
  };
}
