import { columnResizingFeature, columnSizingFeature, createColumnHelper, tableFeatures } from '@tanstack/react-table';
import type { CSSProperties } from 'react';
import type { ResolvedColumns } from '../../core/columnLayout.js';
import type { AuditEvent } from '../../core/event.js';
import { getFieldValue, type FieldDefinition } from '../../core/fields.js';
import { CellValue } from './CellValue.js';
import { own } from '../../core/own.js';

/**
 * Table features, declared once: widths and resizing. The table is given only the columns shown, in the
 * order shown (pinned ones at their edges), and the server sorts: TanStack's visibility, ordering, pinning
 * and sorting features would each repeat what the column layout already resolved (and weigh about 5 KiB
 * gzipped in the first load).
 */
export const tableFeaturesUsed = tableFeatures({ columnSizingFeature, columnResizingFeature });

/** Default widths by type: room for what such values usually hold (an IPv6 address, an email, a date). */
const WIDTH_BY_TYPE: Record<string, number> = {
  datetime: 224,
  severity: 110,
  ip: 210,
  email: 240,
  number: 110,
  enum: 150,
  json: 220,
  string: 170,
};

const helper = createColumnHelper<typeof tableFeaturesUsed, AuditEvent>();


/**
 * One column per field shown, in the order given. Widths: the field's own, else one fitted to sampled
 * values, else a default for its type.
 */
export function buildColumns(
  fields: readonly FieldDefinition[],
  fitted: Record<string, number> = {},
  headerOf: (field: FieldDefinition) => string = (field) => field.displayName,
) {
  return helper.columns(
    fields.map((field) =>
      helper.accessor((event) => getFieldValue(event, field.name, field.valueFrom), {
      id: field.name,
      header: headerOf(field),
      size: field.width ?? own(fitted, field.name) ?? WIDTH_BY_TYPE[field.type] ?? 160,
      minSize: 60,
      cell: (ctx) => <CellValue value={ctx.getValue()} field={field} rank={ctx.row.original.severityRank} />,
        meta: { field },
      }),
    ),
  );
}


/**
 * Sticky offsets for pinned columns, computed once per render from the widths: a pinned column stays at
 * its edge while the table scrolls sideways.
 */
export function pinStyles(columns: ResolvedColumns, widthOf: (name: string) => number): Map<string, CSSProperties> {
  const styles = new Map<string, CSSProperties>();
  const shown = (n: string) => own(columns.visibility, n) === true;
  let left = 0;
  for (const name of columns.pinned.start.filter(shown)) {
    styles.set(name, { position: 'sticky', insetInlineStart: left, zIndex: 2 });
    left += widthOf(name);
  }
  let right = 0;
  for (const name of [...columns.pinned.end].filter(shown).reverse()) {
    styles.set(name, { position: 'sticky', insetInlineEnd: right, zIndex: 2 });
    right += widthOf(name);
  }
  return styles;
}

/** Sampled values of events as text, a row per event and a column per field, for fitting widths. */
export function sampleText(fields: readonly FieldDefinition[], events: readonly AuditEvent[]): string[][] {
  return events.slice(0, 100).map((event) =>
    fields.map((field) => {
      const value = getFieldValue(event, field.name, field.valueFrom);
      if (value === undefined || value === null) return '';
      if (typeof value === 'string') return value;
      if (Array.isArray(value) && value.every((v) => typeof v !== 'object')) return value.join(', ');
      return typeof value === 'object' ? '{…}' : String(value);
    }),
  );
}
