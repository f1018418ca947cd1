import type { ReactTable } from '@tanstack/react-table';
import { flexRender } from '@tanstack/react-table';
import type { Ref } from 'react';
import type { AuditEvent } from '../core/event.js';
import { useAuditLogsEnvironment } from '../hooks/context.js';
import type { tableFeaturesUsed } from './columns.js';

export interface TableHeadProps {
  table: ReactTable<typeof tableFeaturesUsed, AuditEvent>;
  width: number;
  headRef: Ref<HTMLDivElement>;
}

/** The header row: display names, widths, and sort buttons on sortable columns (`aria-sort`). */
export function TableHead({ table, width, headRef }: TableHeadProps) {
  const { messages } = useAuditLogsEnvironment();
  const group = table.getHeaderGroups()[0];
  return (
    <div role="rowgroup" className="ral-table__head" ref={headRef}>
      <div role="row" aria-rowindex={1} className="ral-row ral-row--head" style={{ width }}>
        {group?.headers.map((header) => {
          const column = header.column;
          const sorted = column.getIsSorted();
          const label = flexRender(column.columnDef.header, header.getContext());
          const ariaSort = !column.getCanSort()
            ? undefined
            : sorted === 'asc'
              ? 'ascending'
              : sorted === 'desc'
                ? 'descending'
                : 'none';
          return (
            <div
              key={header.id}
              role="columnheader"
              aria-sort={ariaSort}
              aria-label={typeof label === 'string' ? label : undefined}
              className="ral-cell ral-cell--head"
              style={{ width: header.getSize() }}
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
            </div>
          );
        })}
      </div>
    </div>
  );
}
