import { createPortal } from 'react-dom';
import { Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { BUILT_IN_FIELDS } from '../../core/fields.js';
import { DEFAULT_SORT, type FieldFilter } from '../../core/query.js';
import { clearFilters, hasFilters, withFilter } from '../../core/queryEdit.js';
import { useAuditLogsEnvironment } from '../../hooks/context.js';
import { useAuditLogsInstance } from '../../hooks/instance.js';
import { useEvent } from '../../hooks/useEvent.js';
import { useJumpThrottle } from '../../hooks/useJumpThrottle.js';
import { PAGE_SIZE } from '../../hooks/useEventWindow.js';
import { useScaledVirtualizer } from '../../hooks/useScaledVirtualizer.js';
import { useStableCallback } from '../../hooks/useStableCallback.js';
import { useNarrow } from '../../hooks/useNarrow.js';
import { EventDetails } from '../root/lazyParts.js';
import { Pending } from '../shared/StatusViews.js';
import { EventTable } from './EventTable.js';
import { EmptyState, ErrorBanner } from '../shared/StatusViews.js';

/** The container width (CSS px) below which events show as cards. */
export const CARD_BREAKPOINT = 600;
/** A card's height, in rows. */
const CARD_HEIGHT = 1.75;

/** The details in a host's panel (a portal: context and events stay the viewer's), else where they are. */
function placeDetails(host: HTMLElement | null | undefined, details: ReactNode): ReactNode {
  return host ? createPortal(details, host) : details;
}

/**
 * The log itself, over the instance's rows: the virtualizer (which reports the visible range to the
 * instance), keyboard focus, and the open event's details (a dialog, or in the host's `AuditLogs.Details`).
 */
export function EventLog() {
  const instance = useAuditLogsInstance();
  const { query, rows, selectedEventId: selectedId, setSelectedEventId: onSelectedIdChange, setQuery: onQueryChange, structure } = instance;
  const fields = structure.dataStructure?.fields;
  // Below CARD_BREAKPOINT px the log shows each event as a two-line card (time and severity, then actor and
  // action): still rows of a table, still virtualized, just taller.
  const logRef = useRef<HTMLDivElement>(null);
  const cards = useNarrow(logRef, CARD_BREAKPOINT);
  const rowHeight = cards ? Math.round(instance.rowHeight * CARD_HEIGHT) : instance.rowHeight;
  const { abilities } = useAuditLogsEnvironment();
  const identity = JSON.stringify(query);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const [focusRequest, setFocusRequest] = useState<number | null>(null);
  // Pages a fast scroll only flies over are not asked for (see useJumpThrottle).
  const setVisibleRange = useJumpThrottle(instance.setVisibleRange, identity);

  const virtual = useScaledVirtualizer({
    count: rows.rowCount,
    rowHeight,
    getScrollElement: () => scrollerRef.current,
    onChange: (v) => {
      const r = v.range;
      if (!r) return;
      // Whole pages: the range changes only when the pages it needs do.
      setVisibleRange(Math.floor(r.startIndex / PAGE_SIZE) * PAGE_SIZE, (Math.floor(r.endIndex / PAGE_SIZE) + 1) * PAGE_SIZE - 1);
    },
  });

  // A new query starts at the top (the DOM follows the query; no state is copied).
  useEffect(() => {
    if (scrollerRef.current) scrollerRef.current.scrollTop = 0;
  }, [identity]);

  const { activeRow: active, setActiveRow: activate } = instance;
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
  // Stable, so the memoized rows do not re-render each time the log does.
  const open = useStableCallback((index: number) => {
    const state = rows.row(index);
    if (state.status !== 'ready') return;
    setActive(index);
    onSelectedIdChange(state.event.id);
    instance.onEventOpen?.(state.event);
  });
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

  const { takeShift } = instance;
  useEffect(() => {
    const el = scrollerRef.current;
    const shift = takeShift(rows.total);
    // The new events are in: keep the rows the user was reading where they were.
    if (el && shift) el.scrollTop += shift * rowHeight;
  }, [rows.total, rowHeight, takeShift]);

  const empty = Boolean(fields) && !rows.initialLoading && rows.rowCount === 0 && !rows.error;
  const { setFieldDialog } = instance;
  const dataStructure = structure.dataStructure;
  return (
    <div
      ref={logRef}
      className="ral-log"
      data-loading={rows.initialLoading || undefined}
      data-empty={empty || undefined}
      data-cards={cards || undefined}
      // The details load when the pointer or focus first reaches the rows, before a row is opened.
      onPointerEnter={EventDetails.preload}
      onFocus={EventDetails.preload}
    >
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
          sort={query.sort ?? DEFAULT_SORT}
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
          columns={instance.columns}
          onColumnsChange={instance.setColumns}
          className={instance.classNames.table}
        />
      )}
      {selectedId !== null
        ? placeDetails(
            instance.detailsHost,
            <Suspense fallback={<Pending />}>
            <EventDetails
              inline={Boolean(instance.detailsHost)}
              event={selected.event}
              failed={Boolean(selected.error)}
              fields={fields ?? []}
              className={instance.classNames.details}
              previous={neighbour(-1)}
              next={neighbour(1)}
              onNavigate={navigate}
              onOpenRelated={(event) => onSelectedIdChange(event.id)}
              onPivot={pivot}
              onClose={close}
              onDeleted={abilities.delete ? deleted : undefined}
              onAddColumn={
setFieldDialog && dataStructure ? (path, value) => setFieldDialog({ kind: 'suggest', path, value }) : undefined
              }
            />
            </Suspense>,
          )
        : null}
    </div>
  );
}
