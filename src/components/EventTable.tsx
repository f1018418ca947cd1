import { useTable } from '@tanstack/react-table';
import {
  forwardRef,
  useCallback,
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import type { AuditEvent } from '../core/event.js';
import type { FieldDefinition } from '../core/fields.js';
import type { AuditSort } from '../core/query.js';
import { nextRowIndex } from '../core/rowNavigation.js';
import { useAuditLogsEnvironment } from '../hooks/context.js';
import { PAGE_SIZE, type EventWindow, type VisibleRange } from '../hooks/useEventWindow.js';
import { useScaledVirtualizer } from '../hooks/useScaledVirtualizer.js';
import { buildColumns, tableFeaturesUsed, visibilityOf } from './columns.js';
import { EventRow } from './EventRow.js';
import { TableHead } from './TableHead.js';

export interface EventTableHandle {
  /** Scrolls a row into view and focuses it (once it is rendered). */
  focusRow(index: number): void;
  /** Scrolls a row into view and makes it the active row, without moving focus. */
  scrollToRow(index: number): void;
  /** Scrolls down by whole rows (rows were added above what the user reads). */
  scrollByRows(count: number): void;
}

export interface EventTableProps {
  rows: EventWindow;
  fields: readonly FieldDefinition[];
  sort: AuditSort;
  onSortChange: (sort: AuditSort) => void;
  onRangeChange: (range: VisibleRange) => void;
  onOpen: (index: number) => void;
  /** Changes when the query does: the table scrolls back to the top. */
  resetKey: string;
  rowHeight: number;
  /** Extra class on the table. */
  className?: string;
}

const SKELETON_ROWS = 8;

/** The virtualized log: TanStack Table for columns and sorting state, TanStack Virtual for rows. */
export const EventTable = forwardRef<EventTableHandle, EventTableProps>(function EventTable(props, ref) {
  const { rows, fields, sort, onSortChange, onRangeChange, onOpen, resetKey, rowHeight, className } = props;
  const { messages } = useAuditLogsEnvironment();
  const scrollerRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<number | null>(null);
  const lastPages = useRef('');
  const lastLeft = useRef(0);
  const [active, setActive] = useState(0);

  const columns = useMemo(() => buildColumns(fields), [fields]);
  const columnVisibility = useMemo(() => visibilityOf(fields), [fields]);

  const reportRange = useCallback(
    (start: number, end: number) => {
      const from = Math.floor(start / PAGE_SIZE) * PAGE_SIZE;
      const to = (Math.floor(end / PAGE_SIZE) + 1) * PAGE_SIZE - 1;
      const key = `${from}:${to}`;
      if (key === lastPages.current) return;
      lastPages.current = key;
      onRangeChange({ start: from, end: to });
    },
    [onRangeChange],
  );

  const { virtualizer, spacerHeight, rowTop, scrollToRow, scrollToTop } = useScaledVirtualizer({
    count: rows.rowCount,
    rowHeight,
    getScrollElement: () => scrollerRef.current,
    onChange: (instance) => {
      const range = instance.range;
      if (range) reportRange(range.startIndex, range.endIndex);
    },
  });

  // A new query starts at the top.
  const [lastReset, setLastReset] = useState(resetKey);
  if (lastReset !== resetKey) {
    setLastReset(resetKey);
    setActive(0);
  }
  useEffect(() => {
    scrollToTop();
    lastPages.current = '';
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new query scrolls back up
  }, [resetKey]);

  const items = virtualizer.getVirtualItems();
  const states = items.map((item) => rows.row(item.index));
  const readyIds = states.map((s) => (s.status === 'ready' ? s.event.id : '')).join('|');
  // Table data: the events of the rendered rows; the same array while the same rows are on screen.
  const data = useMemo(
    () => states.flatMap((s) => (s.status === 'ready' ? [s.event] : [])),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- readyIds is the identity of `states`' events
    [readyIds],
  );
  const sorting = useMemo(() => [{ id: sort.field, desc: sort.direction === 'desc' }], [sort]);
  const table = useTable({
    features: tableFeaturesUsed,
    columns,
    data,
    getRowId: (event: AuditEvent) => event.id,
    manualSorting: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
    state: { sorting, columnVisibility },
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      const first = next[0];
      if (first) onSortChange({ field: first.id, direction: first.desc ? 'desc' : 'asc' });
    },
  });
  const rowById = new Map(table.getRowModel().rows.map((r) => [r.id, r]));
  const width = table.getTotalSize();
  const visibleCount = columns.filter((c) => columnVisibility[c.id ?? ''] !== false).length;

  const focusRow = useCallback(
    (index: number) => {
      setActive(index);
      pendingFocus.current = index;
      scrollToRow(index);
    },
    [scrollToRow],
  );
  useImperativeHandle(
    ref,
    () => ({
      focusRow,
      scrollToRow: (index: number) => {
        setActive(index);
        scrollToRow(index);
      },
      scrollByRows: (count: number) => {
        const el = scrollerRef.current;
        if (el) el.scrollTop += count * rowHeight;
        setActive((a) => a + count);
      },
    }),
    [focusRow, scrollToRow, rowHeight],
  );

  useEffect(() => {
    const index = pendingFocus.current;
    if (index === null) return;
    const el = scrollerRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
    if (el) {
      pendingFocus.current = null;
      el.focus({ preventScroll: true });
    }
  });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const screen = Math.max(1, Math.floor((scrollerRef.current?.clientHeight ?? rowHeight * 10) / rowHeight));
    if (event.key === 'Enter' && event.target !== scrollerRef.current) {
      if (rows.row(active).status === 'ready') {
        event.preventDefault();
        onOpen(active);
      }
      return;
    }
    const next = nextRowIndex(event.key, active, rows.rowCount, screen);
    if (next === undefined) return;
    event.preventDefault();
    focusRow(event.target === scrollerRef.current && event.key === 'ArrowDown' ? (items[0]?.index ?? 0) : next);
  };

  const onActivate = useCallback((index: number) => setActive(index), []);
  const first = items[0];
  const base = first ? rowTop(first.start) : 0;
  const activeRendered = items.some((i) => i.index === active);
  const rowProps = (index: number, top: number) => {
    const state = rows.row(index);
    return {
      index,
      top,
      height: rowHeight,
      width,
      state: state.status,
      row: state.status === 'ready' ? rowById.get(state.event.id) : undefined,
      columnCount: visibleCount,
      active: index === active,
      messages,
      onOpen,
      onActivate,
    };
  };

  // One keyed list: the rows on screen plus, when it is off screen, the active row (kept in the DOM,
  // just above the scroll area, so focus is never lost). Same list and key either way, so the
  // element and its focus survive scrolling it back into view.
  const windowRows = items.map((item) => (
    <EventRow key={item.index} {...rowProps(item.index, item.start - (first?.start ?? 0))} />
  ));
  if (!activeRendered && active < rows.rowCount && !rows.initialLoading) {
    windowRows.push(<EventRow key={active} {...rowProps(active, -base - rowHeight * 4)} />);
  }

  return (
    <div
      role="table"
      aria-label={messages.table}
      aria-rowcount={rows.exact && rows.total !== undefined ? rows.total + 1 : -1}
      aria-busy={rows.initialLoading || undefined}
      className={className ? `ral-table ${className}` : 'ral-table'}
    >
      <TableHead table={table} width={width} headRef={headRef} />
      <div
        ref={scrollerRef}
        role="rowgroup"
        className="ral-table__scroller"
        tabIndex={rows.rowCount > 0 && !activeRendered ? 0 : -1}
        onKeyDown={onKeyDown}
        onScroll={(e) => {
          // Only horizontal scrolling moves the header; writing scrollLeft on every vertical
          // scroll would force a synchronous layout each frame.
          const left = e.currentTarget.scrollLeft;
          if (headRef.current && left !== lastLeft.current) {
            lastLeft.current = left;
            headRef.current.scrollLeft = left;
          }
        }}
      >
        <div className="ral-table__body" style={{ height: spacerHeight || undefined, width }}>
          {rows.initialLoading
            ? Array.from({ length: SKELETON_ROWS }, (_, i) => (
                <EventRow key={`skeleton-${i}`} {...rowProps(i, i * rowHeight)} state="loading" active={false} />
              ))
            : null}
          <div className="ral-table__window" style={{ transform: `translateY(${base}px)` }}>
            {windowRows}
          </div>
        </div>
      </div>
    </div>
  );
});
