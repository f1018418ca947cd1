import { useTable } from '@tanstack/react-table';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { AuditEvent } from '../../core/event.js';
import type { FieldDefinition } from '../../core/fields.js';
import type { AuditSort } from '../../core/query.js';
import { nextRowIndex } from '../../core/rowNavigation.js';
import { useAuditLogsEnvironment } from '../../hooks/context.js';
import type { EventWindow } from '../../hooks/useEventWindow.js';
import type { ScaledVirtualizer } from '../../hooks/useScaledVirtualizer.js';
import { useIsRtl, useScrollCue } from '../../hooks/useScrollCue.js';
import { useStableCallback } from '../../hooks/useStableCallback.js';
import { buildColumns, pinStyles, sampleText, tableFeaturesUsed } from './columns.js';
import { cardColumns, fitWidths, headerName, resizeColumn, shareSpareWidth, shownFields, type ResolvedColumns } from '../../core/columnLayout.js';
import { EventRow } from './EventRow.js';
import { TableHead } from './TableHead.js';
import { own } from '../../core/own.js';
import { useWidthSteps } from '../../hooks/useNarrow.js';

export interface EventTableProps {
  rows: EventWindow;
  fields: readonly FieldDefinition[];
  sort: AuditSort;
  onSortChange: (sort: AuditSort) => void;
  /** The virtualizer over `rows`, owned by the caller (which owns the visible range with it). */
  virtual: ScaledVirtualizer;
  scrollerRef: RefObject<HTMLDivElement | null>;
  /** A row to focus as soon as it is rendered; `onFocused` is called once it is. */
  focusRequest: number | null;
  onFocused: () => void;
  /** The active row (the one Tab reaches and arrows move from). */
  active: number;
  /** A row took focus (its event id when it has loaded). Stable. */
  onActivate: (index: number, id?: string) => void;
  /** Make a row active, scroll it into view and focus it. */
  onFocusRow: (index: number) => void;
  onOpen: (index: number) => void;
  rowHeight: number;
  /** Narrow container: each row is a two-line card of time and severity, then actor and action. */
  cards?: boolean;
  /** The user's columns: visibility, order, widths, pins. */
  columns: ResolvedColumns;
  onColumnsChange: (columns: ResolvedColumns) => void;
  /** Extra class on the table. */
  className?: string;
}

const SKELETON_ROWS = 8;
/** Rows the virtualizer renders past each edge of the screen (its default). */
const OVERSCAN = 4;

/** The virtualized log: TanStack Table for the shown columns' cells and widths (and resizing), TanStack Virtual for rows. */
export function EventTable(props: EventTableProps) {
  const { rows, fields, sort, onSortChange, virtual, scrollerRef, focusRequest, onFocused, active, onOpen, rowHeight, className } = props;
  const { messages, formatter } = useAuditLogsEnvironment();
  const headRef = useRef<HTMLDivElement>(null);
  const tableRef = useRef<HTMLDivElement>(null);
  const lastLeft = useRef(0);
  // The table is one Tab stop (roving tabindex): the active row, or the header cell last focused.
  const [inHead, setInHead] = useState(false);
  // Right-to-left hosts: dragging a column edge toward the inline end still widens it.
  const rtl = useIsRtl(tableRef);
  const [headIndex, setHeadIndex] = useState(0);

  const { columns: layout, onColumnsChange } = props;
  // Widths fitted to the first events shown for these fields, once (so columns never jump while scrolling).
  const [fitted, setFitted] = useState<{ fields: readonly FieldDefinition[]; widths: Record<string, number> } | null>(null);
  if (rows.loaded.length && fitted?.fields !== fields) {
    const index = new Map(fields.map((f, i) => [f.name, i]));
    setFitted({ fields, widths: fitWidths(fields, sampleText(fields, rows.loaded), (name) => index.get(name) ?? -1) });
  }
  // The table's width (in 16 px steps): spare room at the end is shared among the text columns.
  const tableWidth = useWidthSteps(tableRef, 16, 0);
  const fittedWidths = useMemo(() => {
    const widths = fitted?.fields === fields ? fitted.widths : undefined;
    // A little room is kept for the vertical scrollbar.
    return widths && tableWidth && !props.cards ? shareSpareWidth(fields, widths, layout, tableWidth - 20) : widths;
  }, [fitted, fields, tableWidth, layout, props.cards]);
  // Date columns say which time zone their times are in: "Time (UTC)".
  const { zoneName } = formatter;
  const { zonedColumn } = messages;
  const cards = props.cards ?? false;
  const cardLayout = useMemo(() => cardColumns(fields), [fields]);
  const shown = cards ? cardLayout : layout;
  // The table gets the columns shown, in display order; a width change keeps the same columns.
  const { order, visibility, pinned } = shown;
  const visibleFields = useMemo(() => shownFields(fields, { order, visibility, pinned }), [fields, order, visibility, pinned]);
  const columns = useMemo(
    () => buildColumns(visibleFields, fittedWidths, (f) => headerName(f, zonedColumn, zoneName)),
    [visibleFields, fittedWidths, zonedColumn, zoneName],
  );
  const { virtualizer, spacerHeight, rowTop } = virtual;
  const items = virtualizer.getVirtualItems();
  // Table data: the events of the pages in view, the same array while those pages are unchanged.
  const data = rows.loaded as AuditEvent[];
  const table = useTable({
    features: tableFeaturesUsed,
    columns,
    data,
    getRowId: (event: AuditEvent) => event.id,
    state: { columnSizing: layout.widths },
    columnResizeMode: 'onChange',
    columnResizeDirection: rtl ? 'rtl' : 'ltr',
    onColumnSizingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(layout.widths) : updater;
      let changed = layout;
      for (const [name, width] of Object.entries(next)) if (own(layout.widths, name) !== width) changed = resizeColumn(changed, name, width);
      if (changed !== layout) onColumnsChange(changed);
    },
  });
  const rowModel = table.getRowModel();
  const rowById = useMemo(() => new Map(rowModel.rows.map((r) => [r.id, r])), [rowModel]);
  // Cards fill the width; columns have theirs.
  const width = cards ? undefined : table.getTotalSize();
  // The same map while pins and widths stay: the memoized rows then skip re-rendering as the list scrolls.
  const pinnedWidths = JSON.stringify([...shown.pinned.start, ...shown.pinned.end].map((name) => [name, table.getColumn(name)?.getSize() ?? 0]));
  const sticky = useMemo(() => {
    const widths = new Map<string, number>(JSON.parse(pinnedWidths) as [string, number][]);
    return pinStyles(shown, (name) => widths.get(name) ?? 0);
  }, [shown, pinnedWidths]);
  const visibleCount = columns.length;

  // A shadow at either edge where columns are cut off.
  const updateScrollCue = useScrollCue(scrollerRef, tableRef, width);

  // The header follows horizontal scrolling. Reading `scrollLeft` right after the virtualizer rendered new rows
  // would force a layout of them in the scroll event, then again for the frame: so it is read only where the
  // columns are wider than the table, once a frame, in the frame's own animation callback.
  const horizontal = width !== undefined && (tableWidth === 0 || width > tableWidth - 40);
  const syncFrame = useRef(0);
  const syncHead = useStableCallback(() => {
    syncFrame.current = 0;
    const left = scrollerRef.current?.scrollLeft ?? 0;
    if (headRef.current && left !== lastLeft.current) {
      lastLeft.current = left;
      headRef.current.scrollLeft = left;
      updateScrollCue();
    }
  });
  const onScroll = () => {
    if (horizontal && !syncFrame.current) syncFrame.current = requestAnimationFrame(syncHead);
  };
  // Columns that now fit: the browser put the scroller back at the start, and the header follows.
  useEffect(() => {
    if (!horizontal) syncHead();
  }, [horizontal, syncHead]);
  useEffect(() => () => cancelAnimationFrame(syncFrame.current), []);

  // Focus a row the keyboard (or closing the details) moved to, once it is rendered.
  useEffect(() => {
    if (focusRequest === null) return;
    const el = scrollerRef.current?.querySelector<HTMLElement>(`[data-index="${focusRequest}"]`);
    if (el) {
      el.focus({ preventScroll: true });
      onFocused();
    }
  });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const scroller = scrollerRef.current;
    const screen = Math.max(1, Math.floor((scroller?.clientHeight ?? rowHeight * 10) / rowHeight));
    if (event.key === 'ArrowUp' && active === 0 && event.target !== scroller) {
      // Up from the first row: into the header.
      event.preventDefault();
      const heads = headRef.current?.querySelectorAll<HTMLElement>('[data-head-focus]');
      heads?.[Math.min(headIndex, heads.length - 1)]?.focus();
      return;
    }
    if (event.key === 'Enter' && event.target !== scroller) {
      if (rows.row(active).status === 'ready') {
        event.preventDefault();
        onOpen(active);
      }
      return;
    }
    const next = nextRowIndex(event.key, active, rows.rowCount, screen);
    if (next === undefined) return;
    event.preventDefault();
    props.onFocusRow(event.target === scroller && event.key === 'ArrowDown' ? (items[0]?.index ?? 0) : next);
  };

  const headCount = table.getHeaderGroups()[0]?.headers.length ?? 0;
  // With no rows to land on, the header is the Tab stop.
  const headStop = inHead || rows.rowCount === 0 || rows.initialLoading;
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
      sticky,
      active: index === active,
      tabbable: index === active && !headStop,
      messages,
      onOpen,
      onActivate: props.onActivate,
    };
  };

  // One keyed list: the rows on screen plus, when it is off screen, the active row (kept in the DOM,
  // just above the scroll area, so focus is never lost). Rows are keyed by slot (index modulo the rows a
  // screen holds), so a jump far down the log updates the same elements instead of building new ones; the
  // active row keeps its slot's key when off screen (a row in view on that slot takes a spare key), so its
  // element and its focus survive scrolling it back into view.
  const slots = Math.max(items.length, Math.ceil((virtualizer.scrollRect?.height ?? 0) / rowHeight) + 2 * OVERSCAN + 2);
  const keepActive = !activeRendered && active < rows.rowCount && !rows.initialLoading;
  const windowRows = items.map((item) => {
    const slot = item.index % slots;
    const key = keepActive && slot === active % slots ? `spare-${slot}` : `slot-${slot}`;
    return <EventRow key={key} {...rowProps(item.index, item.start - (first?.start ?? 0))} />;
  });
  if (keepActive) windowRows.push(<EventRow key={`slot-${active % slots}`} {...rowProps(active, -base - rowHeight * 4)} />);

  return (
    <div
      ref={tableRef}
      role="table"
      aria-label={messages.table}
      aria-rowcount={rows.exact && rows.total !== undefined ? rows.total + 1 : -1}
      aria-busy={rows.initialLoading || undefined}
      className={['ral-table', cards ? 'ral-table--cards' : '', className ?? ''].filter(Boolean).join(' ')}
    >
      <TableHead
        table={table}
        sort={sort}
        onSortChange={onSortChange}
        width={width}
        headRef={headRef}
        sticky={sticky}
        onResize={(name, size) => onColumnsChange(resizeColumn(layout, name, size))}
        rtl={rtl}
        tabStop={headStop ? Math.min(headIndex, Math.max(0, headCount - 1)) : null}
        onHeadFocus={(index) => {
          setInHead(true);
          setHeadIndex(index);
        }}
        onEnterRows={() => {
          if (rows.rowCount > 0 && !rows.initialLoading) props.onFocusRow(active);
        }}
        onFit={(name) => {
          // Fit to what the rendered cells of that column need (a layout read, on the user's request).
          const cells = scrollerRef.current?.querySelectorAll<HTMLElement>(`[data-column="${CSS.escape(name)}"] > *`) ?? [];
          const head = headRef.current?.querySelector<HTMLElement>(`[data-column="${CSS.escape(name)}"] > *`);
          let needed = head ? head.scrollWidth : 0;
          for (const cell of cells) needed = Math.max(needed, cell.scrollWidth);
          onColumnsChange(resizeColumn(layout, name, needed + 24));
        }}
      />
      <div
        ref={scrollerRef}
        role="rowgroup"
        className="ral-table__scroller"
        // Never a Tab stop of its own (Chromium makes scrollers focusable): the rows and header are.
        tabIndex={-1}
        onKeyDown={onKeyDown}
        onFocus={() => setInHead(false)}
        onScroll={onScroll}
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
}
