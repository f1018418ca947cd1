import { createPortal } from 'react-dom';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { AuditEvent } from '../core/event.js';
import { BUILT_IN_FIELDS, type FieldDefinition } from '../core/fields.js';
import { DEFAULT_SORT, type AuditQuery, type FieldFilter } from '../core/query.js';
import { clearFilters, hasFilters, withFilter } from '../core/queryEdit.js';
import { useAuditLogsEnvironment } from '../hooks/context.js';
import { useEvent } from '../hooks/useEvent.js';
import { PAGE_SIZE, useEventWindow, type VisibleRange } from '../hooks/useEventWindow.js';
import { useNewEvents } from '../hooks/useNewEvents.js';
import { useScaledVirtualizer } from '../hooks/useScaledVirtualizer.js';
import { useNarrow } from '../hooks/useNarrow.js';
import type { ResolvedColumns } from '../core/columnLayout.js';
import { suggestField, type FieldDialogRequest } from '../core/fieldForm.js';
import type { DataStructure } from '../core/fields.js';
import { FieldDialog } from './FieldDialog.js';
import { HighlightContext } from '../hooks/highlight.js';
import type { AuditLogsClassNames } from './AuditLogs.js';
import { EventDetails } from './EventDetails.js';
import { EventTable } from './EventTable.js';
import { EmptyState, ErrorBanner } from './StatusViews.js';

export interface EventLogProps {
  query: AuditQuery;
  onQueryChange: (query: AuditQuery) => void;
  /** The data structure's fields; undefined while it loads (rows wait for it). */
  fields: readonly FieldDefinition[] | undefined;
  notices: readonly string[];
  selectedId: string | null;
  onSelectedIdChange: (id: string | null) => void;
  onEventOpen?: (event: AuditEvent) => void;
  rowHeight: number;
  /** The data structure, once known (the Add field dialog builds on it). */
  structure: DataStructure | undefined;
  /** The field dialog while it is open: its first values, and the field being edited. */
  fieldDialog: FieldDialogRequest | null;
  /** Opens or closes (null) the field dialog; absent where fields cannot be added. */
  onFieldDialog?: (request: FieldDialogRequest | null) => void;
  /** The user's columns. */
  columns: ResolvedColumns;
  onColumnsChange: (columns: ResolvedColumns) => void;
  newEventsInterval: number;
  classNames?: AuditLogsClassNames;
  /** The activity summary, shown under the status line. */
  summary: ReactNode;
  /** A host's panel for the open event (`AuditLogs.Details`): it shows there, in place, not as a dialog. */
  detailsHost?: HTMLElement | null;
}

const FIRST_PAGES: VisibleRange = { start: 0, end: PAGE_SIZE - 1 };
/** The container width (CSS px) below which events show as cards. */
export const CARD_BREAKPOINT = 600;
/** A card's height, in rows. */
const CARD_HEIGHT = 1.75;

/** The details in a host's panel (a portal: context and events stay the viewer's), else where they are. */
function placeDetails(host: HTMLElement | null | undefined, details: ReactNode): ReactNode {
  return host ? createPortal(details, host) : details;
}

/**
 * The log itself: owns the virtualizer and so the visible range, the rows for it, which row is active
 * (by event id) and which event is open. State that belongs to one query is tagged with the query's
 * identity and read back only for that query: a new query starts at the top without any effect copying state.
 */
export function EventLog(props: EventLogProps) {
  const { query, fields, selectedId, onSelectedIdChange, onQueryChange } = props;
  // Below CARD_BREAKPOINT px the log shows each event as a two-line card (time and severity, then actor and
  // action): still rows of a table, still virtualized, just taller.
  const statusRef = useRef<HTMLDivElement>(null);
  const cards = useNarrow(statusRef, CARD_BREAKPOINT);
  const rowHeight = cards ? Math.round(props.rowHeight * CARD_HEIGHT) : props.rowHeight;
  const { messages, formatter, abilities } = useAuditLogsEnvironment();
  const identity = JSON.stringify(query);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const [focusRequest, setFocusRequest] = useState<number | null>(null);

  const [range, setRange] = useState<VisibleRange & { identity: string }>({ identity, ...FIRST_PAGES });
  const visible = range.identity === identity ? range : FIRST_PAGES;
  const window = useEventWindow(query, visible);
  const rows = fields ? window : { ...window, initialLoading: true, rowCount: 0 };

  const virtual = useScaledVirtualizer({
    count: rows.rowCount,
    rowHeight,
    getScrollElement: () => scrollerRef.current,
    onChange: (instance) => {
      const r = instance.range;
      if (!r) return;
      // Whole pages: the range changes only when the pages it needs do.
      const start = Math.floor(r.startIndex / PAGE_SIZE) * PAGE_SIZE;
      const end = (Math.floor(r.endIndex / PAGE_SIZE) + 1) * PAGE_SIZE - 1;
      setRange((prev) => (prev.identity === identity && prev.start === start && prev.end === end ? prev : { identity, start, end }));
    },
  });

  // A new query starts at the top (the DOM follows the query; no state is copied).
  useEffect(() => {
    if (scrollerRef.current) scrollerRef.current.scrollTop = 0;
  }, [identity]);

  // The active row: an event id once its row has loaded (so it stays on that event when rows move), else a position.
  const [activeState, setActiveState] = useState<{ identity: string; id?: string; index: number }>({ identity, index: 0 });
  const active =
    activeState.identity !== identity
      ? 0
      : ((activeState.id !== undefined ? rows.indexOf(activeState.id) : undefined) ?? activeState.index);
  // Stable for the memoized rows, which pass their own event id.
  const activate = useCallback((index: number, id?: string) => setActiveState({ identity, index, id }), [identity]);
  const setActive = (index: number) => {
    const state = rows.row(index);
    activate(index, state.status === 'ready' ? state.event.id : undefined);
  };
  const focusRow = (index: number) => {
    setActive(index);
    setFocusRequest(index);
    virtual.scrollToRow(index);
  };

  // The open event: by id, from the loaded rows when it is there, else asked of the adapter.
  const selectedIndex = selectedId === null ? undefined : rows.indexOf(selectedId);
  const selectedRow = selectedIndex === undefined ? undefined : rows.row(selectedIndex);
  const selected = useEvent(selectedId, selectedRow?.status === 'ready' ? selectedRow.event : undefined);
  const open = (index: number) => {
    const state = rows.row(index);
    if (state.status !== 'ready') return;
    setActive(index);
    onSelectedIdChange(state.event.id);
    props.onEventOpen?.(state.event);
  };
  const close = () => {
    onSelectedIdChange(null);
    focusRow(selectedIndex ?? active);
  };
  const neighbour = (step: number): number | undefined => {
    if (selectedIndex === undefined) return undefined;
    const index = selectedIndex + step;
    return rows.row(index).status === 'ready' ? index : undefined;
  };
  const navigate = (index: number) => {
    virtual.scrollToRow(index);
    open(index);
  };
  // The server confirmed and the rows are fresh: focus moves to the row that took its place.
  const deleted = () => {
    const index = selectedIndex ?? active;
    onSelectedIdChange(null);
    focusRow(Math.max(0, Math.min(index, rows.rowCount - 1)));
  };
  const pivot = (filter: FieldFilter) => {
    onSelectedIdChange(null);
    onQueryChange(withFilter(query, filter));
    focusRow(0);
  };

  // New events: only meaningful newest-first, and announced while the first page is in view.
  const sort = query.sort ?? DEFAULT_SORT;
  const newestFirst = sort.field === 'timestamp' && sort.direction === 'desc';
  const first = rows.row(0);
  const since = newestFirst && first.status === 'ready' ? first.event.timestamp : undefined;
  const byTime = fields?.find((f) => f.name === 'timestamp')?.filterable !== false;
  const newEvents = useNewEvents(query, since, props.newEventsInterval, Boolean(fields) && byTime);
  const pendingShift = useRef<{ from: number; rows: number } | null>(null);
  useEffect(() => {
    const shift = pendingShift.current;
    const el = scrollerRef.current;
    if (shift && el && rows.total !== undefined && rows.total >= shift.from + shift.rows) {
      // The new events are in: keep the rows the user was reading where they were.
      pendingShift.current = null;
      el.scrollTop += shift.rows * rowHeight;
    }
  }, [rows.total, rowHeight]);
  const loadNewEvents = () => {
    pendingShift.current = { from: rows.total ?? 0, rows: newEvents.count };
    newEvents.load();
  };

  const empty = Boolean(fields) && !rows.initialLoading && rows.rowCount === 0 && !rows.error;
  const { notices } = props;
  return (
    <HighlightContext.Provider value={query.search?.trim() ?? ''}>
      <div ref={statusRef} className="ral-status" role="status" aria-live="polite">
        <span className="ral-count">{rows.initialLoading ? messages.loading : messages.resultCount(rows.total, rows.exact)}</span>
        {rows.skipped > 0 ? <span className="ral-note">{messages.skipped(rows.skipped)}</span> : null}
        {formatter.warnings.map((w) => (
          <span key={w} className="ral-note">
            {w}
          </span>
        ))}
        {notices.length ? <span className="ral-note">{messages.linkNotice([...notices])}</span> : null}
        {rows.pagingStopped ? <span className="ral-note">{messages.pagingStopped(rows.pagingStopped)}</span> : null}
      </div>
      {props.summary}
      {newEvents.count > 0 && visible.start === 0 ? (
        <button type="button" className="ral-new-events" onClick={loadNewEvents}>
          {messages.newEvents(newEvents.count)}
        </button>
      ) : null}
      {rows.error ? <ErrorBanner error={rows.error} onRetry={rows.retry} /> : null}
      {empty ? (
        <EmptyState
          onClearFilters={hasFilters(query) ? () => onQueryChange(clearFilters(query)) : undefined}
          timeRange={Boolean(query.timeRange)}
        />
      ) : (
        <EventTable
          rows={rows}
          // While the data structure loads, the built-in columns frame the skeleton rows (display only).
          fields={fields ?? BUILT_IN_FIELDS}
          sort={sort}
          onSortChange={(next) => onQueryChange({ ...query, sort: next })}
          virtual={virtual}
          scrollerRef={scrollerRef}
          focusRequest={focusRequest}
          onFocused={() => setFocusRequest(null)}
          active={active}
          onActivate={activate}
          onFocusRow={focusRow}
          onOpen={open}
          rowHeight={rowHeight}
          cards={cards}
          columns={props.columns}
          onColumnsChange={props.onColumnsChange}
          className={props.classNames?.table}
        />
      )}
      {props.fieldDialog && props.structure && props.onFieldDialog ? (
        <FieldDialog
          key={props.fieldDialog.editing ?? ''}
          structure={props.structure}
          initial={props.fieldDialog.initial}
          editing={props.fieldDialog.editing}
          sample={rows.loaded}
          onClose={() => props.onFieldDialog?.(null)}
        />
      ) : null}
      {selectedId !== null ? (
        placeDetails(props.detailsHost,
        <EventDetails
          inline={Boolean(props.detailsHost)}
          event={selected.event}
          failed={Boolean(selected.error)}
          fields={fields ?? []}
          className={props.classNames?.details}
          previous={neighbour(-1)}
          next={neighbour(1)}
          onNavigate={navigate}
          onOpenRelated={(event) => onSelectedIdChange(event.id)}
          onPivot={pivot}
          onClose={close}
          onDeleted={abilities.delete ? deleted : undefined}
          onAddColumn={
            props.onFieldDialog && props.structure
              ? (path, value) => props.onFieldDialog?.({ initial: suggestField(path, value, props.structure!.fields) })
              : undefined
          }
        />)
      ) : null}
    </HighlightContext.Provider>
  );
}
