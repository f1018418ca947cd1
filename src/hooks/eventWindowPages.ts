import type { UseQueryResult } from '@tanstack/react-query';
import type { AuditEvent } from '../core/event.js';
import type { EventPage } from '../core/page.js';

/** At most this many pages are observed at once; the rest are released from memory. */
export const MAX_OBSERVED_PAGES = 12;

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
  /** The source is still counting the matches (`total` is a lower bound until it is done). */
  counting?: boolean;
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
export const MAX_EMPTY_PAGES = 5;

/** Rows in view, first and last (inclusive). */
export interface VisibleRange {
  start: number;
  end: number;
}

export function pageRange(first: number, last: number): number[] {
  const pages: number[] = [];
  for (let p = first; p <= Math.min(last, first + MAX_OBSERVED_PAGES - 1); p++) pages.push(p);
  return pages;
}

/**
 * Page results plus all their events. As a `combine` (stable, module-level), TanStack Query shares the
 * result structurally: `events` keeps its identity until a page's events change.
 */
export function combinePages(results: UseQueryResult<EventPage>[]) {
  return { results, events: results.flatMap((r) => r.data?.events ?? []) };
}

/** The parts of a window both paging modes share, from the page results in view. */
export function common(results: UseQueryResult<EventPage>[], loaded: readonly AuditEvent[]) {
  return {
    loaded,
    error: results.find((r) => r.isError)?.error ?? null,
    skipped: results.reduce((n, r) => n + (r.data?.skipped?.length ?? 0), 0),
    retry: () => {
      for (const r of results) if (r.isError) void r.refetch();
    },
  };
}
