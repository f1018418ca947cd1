import type { AuditQuery } from '../core/query.js';
import { useQueryScope } from './context.js';
import type { EventWindow, VisibleRange } from './eventWindowPages.js';
import { useCursorPages } from './useCursorPages.js';
import { useOffsetPages } from './useOffsetPages.js';

export { PAGE_SIZE } from './queries.js';
export type { EventWindow, RowState, VisibleRange } from './eventWindowPages.js';

/**
 * Rows for a query: only the pages the visible range needs are fetched and observed; pages out of view
 * are released and fetched again on the way back. Offset adapters jump anywhere; cursor adapters keep
 * every cursor they learned (not the pages) and load the next page as the user nears the end. `counted` is
 * the query's total from the stats, for pages answered before their source counted (`counting`).
 */
export function useEventWindow(query: AuditQuery, range: VisibleRange, counted?: number): EventWindow {
  const scope = useQueryScope();
  const cursorMode = scope.adapter.capabilities.paging === 'cursor';
  const offset = useOffsetPages(query, range, !cursorMode, counted);
  const cursor = useCursorPages(query, range, cursorMode);
  return cursorMode ? cursor : offset;
}
