import type { ReactTable } from '@tanstack/react-table';
import { flexRender } from '@tanstack/react-table';
import type { CSSProperties, KeyboardEvent, Ref } from 'react';
import { firstSortDirection, MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH } from '../../core/columnLayout.js';
import { nextHeadIndex } from '../../core/rowNavigation.js';
import type { AuditEvent } from '../../core/event.js';
import type { FieldDefinition } from '../../core/fields.js';
import type { AuditSort } from '../../core/query.js';
import { useAuditLogsEnvironment } from '../../hooks/context.js';
import type { tableFeaturesUsed } from './columns.js';

export interface TableHeadProps {
  table: ReactTable<typeof tableFeaturesUsed, AuditEvent>;
  /** The server's order: the sorted column shows it (`aria-sort`). */
  sort: AuditSort;
  /** A sort button chose a column, or the other direction of the sorted one. */
  onSortChange: (sort: AuditSort) => void;
  /** CSS px; undefined fills the table (cards). */
  width: number | undefined;
  headRef: Ref<HTMLDivElement>;
  /** Sticky styles of pinned columns, by column id. */
  sticky: Map<string, CSSProperties>;
  /** A column's new width, from the keyboard. */
  onResize: (name: string, width: number) => void;
  /** Fit a column to its content (double-click on its edge). */
  onFit: (name: string) => void;
  /** The table lays out right to left (arrows follow the reading direction). */
  rtl: boolean;
  /** The header cell that is the table's Tab stop (roving tabindex), or null when a row is. */
  tabStop: number | null;
  /** A header cell took focus. */
  onHeadFocus: (index: number) => void;
  /** ArrowDown from a header: into the rows. */
  onEnterRows: () => void;
}

/** Keyboard steps on a column edge: arrows by 10 px, with Shift by 50 (wider is toward the inline end). */
function resizeStep(event: KeyboardEvent, rtl: boolean, step = event.shiftKey ? 50 : 10): number {
  if (event.key === (rtl ? 'ArrowLeft' : 'ArrowRight')) return step;
  if (event.key === (rtl ? 'ArrowRight' : 'ArrowLeft')) return -step;
  return 0;
}


/**
 * The header row: display names, widths, sort buttons on sortable columns (`aria-sort`), and on each
 * column's edge a `separator` that resizes it (drag; arrow keys when focused; double-click fits).
 * Keyboard: the header cells are one roving Tab stop shared with the rows: arrows and Home/End move
 * between them, Enter or Space sorts, Shift+arrows resize the column, ArrowDown enters the rows.
 */
export function TableHead({ table, sort, onSortChange, width, headRef, sticky, onResize, onFit, rtl, tabStop, onHeadFocus, onEnterRows }: TableHeadProps) {
  const { messages } = useAuditLogsEnvironment();
  const group = table.getHeaderGroups()[0];
  const headers = group?.headers ?? [];
  const focusHead = (row: HTMLElement, index: number) => row.querySelectorAll<HTMLElement>('[data-head-focus]')[index]?.focus();
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>, index: number, name: string, size: number) => {
    const target = event.target as HTMLElement;
    if (!target.hasAttribute('data-head-focus')) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      onEnterRows();
      return;
    }
    if (event.shiftKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) {
      event.preventDefault();
      onResize(name, size + resizeStep(event, rtl, 10));
      return;
    }
    const next = nextHeadIndex(event.key, index, headers.length, rtl);
    if (next === undefined) return;
    event.preventDefault();
    focusHead(event.currentTarget.parentElement!, next);
  };
  return (
    <div role="rowgroup" className="ral-table__head" ref={headRef}>
      <div role="row" aria-rowindex={1} className="ral-row ral-row--head" style={{ width }}>
        {headers.map((header, index) => {
          const column = header.column;
          const field = (column.columnDef.meta as { field: FieldDefinition }).field;
          const canSort = field.sortable;
          const sorted = sort.field === column.id ? sort.direction : false;
          const label = flexRender(column.columnDef.header, header.getContext());
          const name = typeof label === 'string' ? label : column.id;
          const ariaSort = !canSort
            ? undefined
            : sorted === 'asc'
              ? 'ascending'
              : sorted === 'desc'
                ? 'descending'
                : 'none';
          const size = header.getSize();
          const resize = header.getResizeHandler();
          const focusProps = {
            'data-head-focus': true,
            tabIndex: tabStop === index ? 0 : -1,
            onFocus: () => onHeadFocus(index),
          };
          return (
            <div
              key={header.id}
              role="columnheader"
              aria-sort={ariaSort}
              aria-label={typeof label === 'string' ? label : undefined}
              className="ral-cell ral-cell--head"
              data-column={column.id}
              data-pinned={sticky.has(column.id) || undefined}
              style={width === undefined ? undefined : { width: size, ...sticky.get(column.id) }}
              onKeyDown={(event) => onKeyDown(event, index, column.id, size)}
              {...(canSort ? {} : focusProps)}
            >
              {canSort ? (
                <button
                  type="button"
                  {...focusProps}
                  className="ral-sort"
                  data-sorted={sorted || undefined}
                  onClick={() => onSortChange({ field: column.id, direction: sorted ? (sorted === 'asc' ? 'desc' : 'asc') : firstSortDirection(field) })}
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
                tabIndex={-1}
                className="ral-resizer"
                data-resizing={column.getIsResizing() || undefined}
                onMouseDown={resize}
                onTouchStart={resize}
                onDoubleClick={() => onFit(column.id)}
                onKeyDown={(event) => {
                  const step = resizeStep(event, rtl);
                  if (!step) return;
                  event.preventDefault();
                  event.stopPropagation();
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
