import type { ReactTable } from '@tanstack/react-table';
import { flexRender } from '@tanstack/react-table';
import type { CSSProperties, KeyboardEvent, Ref } from 'react';
import { MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH } from '../core/columnLayout.js';
import type { AuditEvent } from '../core/event.js';
import { useAuditLogsEnvironment } from '../hooks/context.js';
import type { tableFeaturesUsed } from './columns.js';

export interface TableHeadProps {
  table: ReactTable<typeof tableFeaturesUsed, AuditEvent>;
  width: number;
  headRef: Ref<HTMLDivElement>;
  /** Sticky styles of pinned columns, by column id. */
  sticky: Map<string, CSSProperties>;
  /** A column's new width, from the keyboard. */
  onResize: (name: string, width: number) => void;
  /** Fit a column to its content (double-click on its edge). */
  onFit: (name: string) => void;
}

/** Keyboard steps on a column edge: arrows by 10 px, with Shift by 50. */
function resizeStep(event: KeyboardEvent): number {
  const step = event.shiftKey ? 50 : 10;
  if (event.key === 'ArrowRight') return step;
  if (event.key === 'ArrowLeft') return -step;
  return 0;
}

/**
 * The header row: display names, widths, sort buttons on sortable columns (`aria-sort`), and on each
 * column's edge a focusable `separator` that resizes it (drag, arrow keys; double-click fits).
 */
export function TableHead({ table, width, headRef, sticky, onResize, onFit }: TableHeadProps) {
  const { messages } = useAuditLogsEnvironment();
  const group = table.getHeaderGroups()[0];
  return (
    <div role="rowgroup" className="ral-table__head" ref={headRef}>
      <div role="row" aria-rowindex={1} className="ral-row ral-row--head" style={{ width }}>
        {group?.headers.map((header) => {
          const column = header.column;
          const sorted = column.getIsSorted();
          const label = flexRender(column.columnDef.header, header.getContext());
          const name = typeof label === 'string' ? label : column.id;
          const ariaSort = !column.getCanSort()
            ? undefined
            : sorted === 'asc'
              ? 'ascending'
              : sorted === 'desc'
                ? 'descending'
                : 'none';
          const size = header.getSize();
          const resize = header.getResizeHandler();
          return (
            <div
              key={header.id}
              role="columnheader"
              aria-sort={ariaSort}
              aria-label={typeof label === 'string' ? label : undefined}
              className="ral-cell ral-cell--head"
              data-column={column.id}
              data-pinned={sticky.has(column.id) || undefined}
              style={{ width: size, ...sticky.get(column.id) }}
            >
              {column.getCanSort() ? (
                <button
                  type="button"
                  className="ral-sort"
                  data-sorted={sorted || undefined}
                  onClick={column.getToggleSortingHandler()}
                  aria-label={typeof label === 'string' ? messages.sortBy(label) : undefined}
                >
                  <span className="ral-sort__label">{label}</span>
                  <svg className="ral-sort__icon" viewBox="0 0 10 10" aria-hidden="true" focusable="false">
                    <path d={sorted === 'asc' ? 'M2 6.5 5 3.5 8 6.5' : sorted === 'desc' ? 'M2 3.5 5 6.5 8 3.5' : 'M2 4 5 1.5 8 4M2 6 5 8.5 8 6'} />
                  </svg>
                </button>
              ) : (
                <span className="ral-cell__text">{label}</span>
              )}
              <div
                role="separator"
                aria-orientation="vertical"
                aria-label={messages.resizeColumn(name)}
                aria-valuenow={size}
                aria-valuemin={MIN_COLUMN_WIDTH}
                aria-valuemax={MAX_COLUMN_WIDTH}
                tabIndex={0}
                className="ral-resizer"
                data-resizing={column.getIsResizing() || undefined}
                onMouseDown={resize}
                onTouchStart={resize}
                onDoubleClick={() => onFit(column.id)}
                onKeyDown={(event) => {
                  const step = resizeStep(event);
                  if (!step) return;
                  event.preventDefault();
                  onResize(column.id, size + step);
                }}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}
