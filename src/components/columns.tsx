import {
  columnSizingFeature,
  columnVisibilityFeature,
  createColumnHelper,
  rowSortingFeature,
  tableFeatures,
} from '@tanstack/react-table';
import type { AuditEvent } from '../core/event.js';
import { getFieldValue, type FieldDefinition } from '../core/fields.js';
import { CellValue } from './CellValue.js';

/** Table features, declared once: sizing and visibility, and sorting state (sorted by the server). */
export const tableFeaturesUsed = tableFeatures({ columnVisibilityFeature, columnSizingFeature, rowSortingFeature });

const helper = createColumnHelper<typeof tableFeaturesUsed, AuditEvent>();

/** One column per field of the data structure, in order; hidden ones stay defined (for toggles). */
export function buildColumns(fields: readonly FieldDefinition[]) {
  return helper.columns(
    fields.map((field) =>
      helper.accessor((event) => getFieldValue(event, field.name), {
      id: field.name,
      header: field.displayName,
      size: field.width ?? (field.custom ? 160 : 150),
      minSize: 60,
      enableSorting: field.sortable,
      sortDescFirst: field.type === 'datetime' || field.type === 'severity' || field.type === 'number',
      cell: (ctx) => <CellValue value={ctx.getValue()} field={field} rank={ctx.row.original.severityRank} />,
        meta: { field },
      }),
    ),
  );
}

/** Column visibility state from the fields' `visible` flags. */
export function visibilityOf(fields: readonly FieldDefinition[]): Record<string, boolean> {
  return Object.fromEntries(fields.map((f) => [f.name, f.visible]));
}
