/**
 * The user's layer of the columns: which fields are shown, in what order, how wide, pinned where. It is
 * personal (per user, per tenant, in the browser), sits on top of the data structure's defaults, and is
 * resolved against the fields there are now: a field added since the layout was saved appears with its
 * default; names of fields that are gone are ignored. Pure: no storage, no React.
 */
import type { FieldDefinition } from './fields.js';
import { own } from './own.js';
import { isObject } from './check.js';

export const COLUMN_LAYOUT_VERSION: ColumnLayout['version'] = 1;
export const MIN_COLUMN_WIDTH = 60;
export const MAX_COLUMN_WIDTH = 2000;

/** A saved column layout. Every part is optional: what it does not say, the data structure decides. */
export interface ColumnLayout {
  /** The layout format (1). */
  version: 1;
  /** Fields the user showed (true) or hid (false). */
  visibility?: Record<string, boolean>;
  /** Field names in the order the user put them. */
  order?: string[];
  /** Widths in CSS px the user set. */
  widths?: Record<string, number>;
  /** Fields pinned to the start (left in LTR) or end edge. */
  pinned?: { start?: string[]; end?: string[] };
  /** Every field the layout knew when it was saved: a field not in here is new and takes its default. */
  seen?: string[];
}

/** A layout resolved against the current fields: what TanStack Table's column state needs. */
export interface ResolvedColumns {
  order: string[];
  visibility: Record<string, boolean>;
  widths: Record<string, number>;
  pinned: { start: string[]; end: string[] };
}

const clampWidth = (w: number) => Math.round(Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, w)));

/** What a card shows, in order: time and severity, then actor and action. */
export const CARD_FIELDS: readonly string[] = ['timestamp', 'severity', 'actor.name', 'action'];

/** The columns of the card layout (narrow containers): the card's fields the data structure has, nothing pinned. */
export function cardColumns(fields: readonly FieldDefinition[]): ResolvedColumns {
  const names = new Set(fields.map((f) => f.name));
  const order = CARD_FIELDS.filter((n) => names.has(n));
  return {
    order,
    visibility: Object.fromEntries(fields.map((f) => [f.name, order.includes(f.name)])),
    widths: {},
    pinned: { start: [], end: [] },
  };
}

/** The data structure's defaults (no user layout). */
export function defaultColumns(fields: readonly FieldDefinition[]): ResolvedColumns {
  return resolveColumns(fields, undefined);
}

/** The columns a user sees: the data structure's defaults with the user's layout on top. */
export function resolveColumns(fields: readonly FieldDefinition[], layout: ColumnLayout | undefined): ResolvedColumns {
  const names = fields.map((f) => f.name);
  const exists = new Set(names);
  const seen = new Set(layout?.seen ?? names);
  const visibility: Record<string, boolean> = {};
  for (const f of fields) {
    const chosen = own(layout?.visibility, f.name);
    // A field the layout never saw is new: its default applies, whatever the layout says of others.
    visibility[f.name] = chosen !== undefined && seen.has(f.name) ? chosen : f.visible;
  }
  // Order: the user's order of the fields that still exist; new fields go in after their default predecessor.
  const order = (layout?.order ?? []).filter((n, i, all) => exists.has(n) && all.indexOf(n) === i);
  names.forEach((name, i) => {
    if (order.includes(name)) return;
    const before = names.slice(0, i).reverse().find((n) => order.includes(n));
    order.splice(before === undefined ? 0 : order.indexOf(before) + 1, 0, name);
  });
  const widths: Record<string, number> = {};
  for (const f of fields) {
    const w = own(layout?.widths, f.name);
    if (typeof w === 'number' && Number.isFinite(w)) widths[f.name] = clampWidth(w);
  }
  const start = (layout?.pinned?.start ?? []).filter((n) => exists.has(n));
  const end = (layout?.pinned?.end ?? []).filter((n) => exists.has(n) && !start.includes(n));
  // At least one column stays visible.
  if (!Object.values(visibility).some(Boolean) && names.length) visibility[names.includes('timestamp') ? 'timestamp' : names[0]!] = true;
  return { order, visibility, widths, pinned: { start, end } };
}

/** The layout to save for resolved columns: what differs from the defaults, and every field it saw. */
export function toColumnLayout(fields: readonly FieldDefinition[], columns: ResolvedColumns): ColumnLayout {
  const defaults = defaultColumns(fields);
  const visibility: Record<string, boolean> = {};
  for (const [name, shown] of Object.entries(columns.visibility)) if (own(defaults.visibility, name) !== shown) visibility[name] = shown;
  const sameOrder = columns.order.join('\u0000') === defaults.order.join('\u0000');
  return {
    version: COLUMN_LAYOUT_VERSION,
    ...(Object.keys(visibility).length && { visibility }),
    ...(!sameOrder && { order: [...columns.order] }),
    ...(Object.keys(columns.widths).length && { widths: { ...columns.widths } }),
    ...((columns.pinned.start.length || columns.pinned.end.length) && { pinned: { start: [...columns.pinned.start], end: [...columns.pinned.end] } }),
    seen: fields.map((f) => f.name),
  };
}

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/**
 * A stored layout read back: `undefined` for nothing, text that is not JSON, another version or another
 * shape. Parts of the wrong type are dropped; never throws.
 */
export function parseColumnLayout(text: string | null | undefined): ColumnLayout | undefined {
  if (!text) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(value) || value.version !== COLUMN_LAYOUT_VERSION) return undefined;
  const layout: ColumnLayout = { version: COLUMN_LAYOUT_VERSION };
  if (isObject(value.visibility)) {
    layout.visibility = Object.fromEntries(Object.entries(value.visibility).filter(([, v]) => typeof v === 'boolean')) as Record<string, boolean>;
  }
  if (isStringArray(value.order)) layout.order = value.order;
  if (isObject(value.widths)) {
    layout.widths = Object.fromEntries(Object.entries(value.widths).filter(([, v]) => typeof v === 'number' && Number.isFinite(v))) as Record<string, number>;
  }
  if (isObject(value.pinned)) {
    layout.pinned = {
      ...(isStringArray(value.pinned.start) && { start: value.pinned.start }),
      ...(isStringArray(value.pinned.end) && { end: value.pinned.end }),
    };
  }
  if (isStringArray(value.seen)) layout.seen = value.seen;
  return layout;
}

/** Where a viewer keeps its layout in the browser: per tenant, and per `storageKey` for several viewers. */
export function columnLayoutStorageKey(tenantId: string, storageKey = 'default'): string {
  return `react-audit-logs:columns:v${COLUMN_LAYOUT_VERSION}:${storageKey}:${tenantId}`;
}

/** Moves a field one place towards the start (-1) or the end (+1) among the visible ones. */
export function moveColumn(columns: ResolvedColumns, name: string, step: -1 | 1): ResolvedColumns {
  const visible = columns.order.filter((n) => columns.visibility[n]);
  const at = visible.indexOf(name);
  const target = visible[at + step];
  if (at < 0 || target === undefined) return columns;
  const order = columns.order.filter((n) => n !== name);
  const targetAt = order.indexOf(target);
  order.splice(step < 0 ? targetAt : targetAt + 1, 0, name);
  return { ...columns, order };
}

/** Shows or hides a field; the last visible one stays. */
export function toggleColumn(columns: ResolvedColumns, name: string, shown: boolean): ResolvedColumns {
  const visibility = { ...columns.visibility, [name]: shown };
  if (!Object.values(visibility).some(Boolean)) return columns;
  return { ...columns, visibility };
}

/** Pins a field to an edge, or unpins it (`false`). */
export function pinColumn(columns: ResolvedColumns, name: string, edge: 'start' | 'end' | false): ResolvedColumns {
  const start = columns.pinned.start.filter((n) => n !== name);
  const end = columns.pinned.end.filter((n) => n !== name);
  if (edge === 'start') start.push(name);
  if (edge === 'end') end.unshift(name);
  return { ...columns, pinned: { start, end } };
}

/** Sets a field's width (clamped). */
export function resizeColumn(columns: ResolvedColumns, name: string, width: number): ResolvedColumns {
  return { ...columns, widths: { ...columns.widths, [name]: clampWidth(width) } };
}

/** Moves a field to where another one is (a drop in the Columns menu). */
export function moveColumnTo(columns: ResolvedColumns, name: string, target: string): ResolvedColumns {
  if (name === target || !columns.order.includes(name) || !columns.order.includes(target)) return columns;
  const from = columns.order.indexOf(name);
  const to = columns.order.indexOf(target);
  const order = columns.order.filter((n) => n !== name);
  order.splice(order.indexOf(target) + (from < to ? 1 : 0), 0, name);
  return { ...columns, order };
}

/** Most characters a default width makes room for, by type (longer values are cut with an ellipsis). */
const MAX_CHARS: Record<string, number> = { email: 40, ip: 39, string: 40, json: 36, enum: 24, number: 14 };
/** Types whose text has a known length whatever the values (a formatted date, a badge). */
const FIXED: Record<string, number> = { datetime: 224, severity: 110 };
const CHAR_PX = 7.4;
const PADDING_PX = 34;

/**
 * Default widths that fit the content: for each field, room for its header or its longest sampled value
 * (whichever is longer), up to a limit by type: an IPv6 address fits, an email mostly does, and no column
 * is wider than its values need.
 */
export function fitWidths(fields: readonly FieldDefinition[], sample: readonly string[][], columnOf: (name: string) => number): Record<string, number> {
  const widths: Record<string, number> = {};
  for (const field of fields) {
    const fixed = FIXED[field.type];
    if (fixed !== undefined) {
      widths[field.name] = fixed;
      continue;
    }
    const index = columnOf(field.name);
    let chars = field.displayName.length + (field.sortable ? 3 : 0);
    for (const row of sample) chars = Math.max(chars, row[index]?.length ?? 0);
    chars = Math.min(chars, MAX_CHARS[field.type] ?? 40);
    widths[field.name] = clampWidth(chars * CHAR_PX + PADDING_PX);
  }
  return widths;
}

/** Types whose columns may grow into spare room (text that may be cut); dates and badges have their width. */
const GROWS = new Set(['string', 'email', 'ip', 'json', 'enum']);

/**
 * Widths that fill the table: where the visible columns leave room at the end (`available` px, the table's
 * width), it is shared among the growing columns the user has not sized, in proportion to their widths, so
 * text is cut less and no band of empty space is left. Pure.
 */
export function shareSpareWidth(
  fields: readonly FieldDefinition[],
  widths: Readonly<Record<string, number>>,
  columns: ResolvedColumns,
  available: number,
): Record<string, number> {
  const visible = fields.filter((f) => own(columns.visibility, f.name));
  const widthOf = (f: FieldDefinition) => own(columns.widths, f.name) ?? f.width ?? own(widths, f.name) ?? 160;
  const spare = available - visible.reduce((sum, f) => sum + widthOf(f), 0);
  const growing = visible.filter((f) => GROWS.has(f.type) && own(columns.widths, f.name) === undefined && f.width === undefined);
  const base = growing.reduce((sum, f) => sum + widthOf(f), 0);
  if (spare < 8 || !base) return { ...widths };
  const shared: Record<string, number> = { ...widths };
  for (const f of growing) shared[f.name] = Math.floor(widthOf(f) + (spare * widthOf(f)) / base);
  return shared;
}

/** A column's header: its display name, and for dates the time zone their times are in ("Time (UTC)"). */
export function headerName(field: FieldDefinition, zonedColumn: (column: string, zone: string) => string, zone: string): string {
  return field.type === 'datetime' ? zonedColumn(field.displayName, zone) : field.displayName;
}

/** Which way a column sorts when first chosen: times, severities and numbers newest or highest first. */
export function firstSortDirection(field: FieldDefinition): 'asc' | 'desc' {
  return field.type === 'datetime' || field.type === 'severity' || field.type === 'number' ? 'desc' : 'asc';
}

/** The order columns render in: pinned to the start, the rest, pinned to the end. */
export function displayOrder(columns: Pick<ResolvedColumns, 'order' | 'pinned'>): string[] {
  const { start, end } = columns.pinned;
  return [...start, ...columns.order.filter((n) => !start.includes(n) && !end.includes(n)), ...end];
}

/** The fields shown, in display order: what the table's columns are and what a CSV export writes. */
export function shownFields(fields: readonly FieldDefinition[], columns: Pick<ResolvedColumns, 'order' | 'visibility' | 'pinned'>): FieldDefinition[] {
  const byName = new Map(fields.map((f) => [f.name, f]));
  return displayOrder(columns).flatMap((name) => {
    const field = byName.get(name);
    return field && own(columns.visibility, name) ? [field] : [];
  });
}
