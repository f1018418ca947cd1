import type { Row } from '@tanstack/react-table';
import { flexRender } from '@tanstack/react-table';
import { memo, type CSSProperties } from 'react';
import type { AuditEvent } from '../../core/event.js';
import type { AuditLogsMessages } from '../../core/messages.js';
import type { RowState } from '../../hooks/useEventWindow.js';
import type { tableFeaturesUsed } from './columns.js';

export interface EventRowProps {
  index: number;
  /** Offset inside the rendered window, CSS px. */
  top: number;
  height: number;
  /** CSS px; undefined fills the table (cards). */
  width: number | undefined;
  state: RowState['status'];
  row: Row<typeof tableFeaturesUsed, AuditEvent> | undefined;
  columnCount: number;
  /** Sticky styles of pinned columns, by column id. */
  sticky: Map<string, CSSProperties>;
  active: boolean;
  /** The table's Tab stop (the active row, unless the header holds it). */
  tabbable: boolean;
  messages: AuditLogsMessages;
  onOpen: (index: number) => void;
  onActivate: (index: number, id?: string) => void;
}

/** One log row: fixed height, positioned by `transform`, no layout reads. */
export const EventRow = memo(function EventRow(props: EventRowProps) {
  const { index, top, height, width, state, row, columnCount, active, messages } = props;
  const ready = state === 'ready' && row;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-busy={state === 'loading' || undefined}
      tabIndex={props.tabbable ? 0 : -1}
      data-index={index}
      data-state={state}
      data-active={active || undefined}
      className="ral-row ral-row--body"
      style={{ transform: `translateY(${top}px)`, height, width }}
      onClick={ready ? () => props.onOpen(index) : undefined}
      onFocus={() => props.onActivate(index, ready ? row.original.id : undefined)}
    >
      {ready ? (
        row.getAllCells().map((cell) => (
          <div
            // By column: a row element showing another event keeps its cells and updates them.
            key={cell.column.id}
            role="cell"
            className="ral-cell"
            data-column={cell.column.id}
            data-pinned={props.sticky.has(cell.column.id) || undefined}
            style={width === undefined ? undefined : { width: cell.column.getSize(), ...props.sticky.get(cell.column.id) }}
          >
            {flexRender(cell.column.columnDef.cell, cell.getContext())}
          </div>
        ))
      ) : (
        <div role="cell" aria-colspan={columnCount} className="ral-cell ral-cell--status" style={{ width }}>
          {state === 'loading' ? (
            <>
              <span className="ral-skeleton" aria-hidden="true" />
              <span className="ral-visually-hidden">{messages.loadingRow}</span>
            </>
          ) : state === 'error' ? (
            messages.rowFailed
          ) : (
            messages.skipped(1)
          )}
        </div>
      )}
    </div>
  );
});
