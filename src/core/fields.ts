import { array, boolean, check, int, literal, maxLength, maximum, minimum, minLength, object, optional, string, trimmed, withDefault, type Checker } from './check.js';
import type { AuditEvent, JsonValue } from './event.js';
import { hasOwn, own } from './own.js';

export const FIELD_TYPES = ['string', 'email', 'ip', 'datetime', 'severity', 'number', 'json', 'enum'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** Custom field names: a letter, then letters, digits or `_` (safe in URLs, CSV headers and query strings). */
export const FIELD_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

/** Reads a `FieldDefinition` (its fields are documented there), the flags and the order defaulted. */
const fieldChecker = object({
  name: string(minLength(1), maxLength(64)),
  displayName: trimmed(minLength(1, 'Display name is required'), maxLength(80)),
  type: literal(FIELD_TYPES),
  visible: withDefault(boolean, true),
  showInDetails: withDefault(boolean, true),
  filterable: withDefault(boolean, false),
  sortable: withDefault(boolean, false),
  custom: withDefault(boolean, false),
  width: optional(int(minimum(40), maximum(2000))),
  order: withDefault(int(), 0),
  options: optional(array(string())),
  valueFrom: optional(string(maxLength(200))),
}) as Checker<FieldDefinition>;
export const dataStructureChecker = object({ fields: array(fieldChecker) });
/** One field of a tenant's log. (Written out for the API report; `test/types` checks it against the schema.) */
export interface FieldDefinition {
  name: string;
  displayName: string;
  type: FieldType;
  /** Shown as a table column. */
  visible: boolean;
  /** Shown in the event details. */
  showInDetails: boolean;
  filterable: boolean;
  sortable: boolean;
  /** Added by a tenant admin (its value lives in `event.fields[name]`). */
  custom: boolean;
  /** Column width in CSS pixels. */
  width?: number;
  /** Position among columns, lowest first. */
  order: number;
  /** Allowed values, for `enum` fields. */
  options?: string[];
  /** Where a custom field's value lives: `fields.<name>` (the default), or a path such as `payload.request.path`. */
  valueFrom?: string;
}

/** A field as a vendor or a server describes it: the flags and the order may be left to their defaults. */
export type FieldDefinitionInput = Omit<FieldDefinition, 'visible' | 'showInDetails' | 'filterable' | 'sortable' | 'custom' | 'order'> &
  Partial<Pick<FieldDefinition, 'visible' | 'showInDetails' | 'filterable' | 'sortable' | 'custom' | 'order'>>;

/** The data structure of a tenant's log: which fields exist and how they are shown. */
export interface DataStructure {
  fields: FieldDefinition[];
}

type Accessor = (event: AuditEvent) => JsonValue | undefined;

const BUILT_IN_ACCESSORS: ReadonlyMap<string, Accessor> = new Map(Object.entries({
  id: (e) => e.id,
  timestamp: (e) => e.timestamp,
  severity: (e) => e.severity,
  action: (e) => e.action,
  resource: (e) => e.resource,
  resourceId: (e) => e.resourceId,
  message: (e) => e.message,
  'actor.name': (e) => e.actor?.name,
  'actor.email': (e) => e.actor?.email,
  'actor.id': (e) => e.actor?.id,
  'actor.type': (e) => e.actor?.type,
  ip: (e) => e.ip,
  userAgent: (e) => e.userAgent,
  eventType: (e) => e.eventType,
  source: (e) => e.source,
  correlationId: (e) => e.correlationId,
  traceId: (e) => e.traceId,
  requestId: (e) => e.requestId,
  tags: (e) => e.tags,
  changes: (e) => e.changes as JsonValue | undefined,
  payload: (e) => e.payload,
} satisfies Record<string, Accessor>));

const builtIn = (
  name: string,
  displayName: string,
  type: FieldType,
  order: number,
  more: Partial<FieldDefinition> = {},
): FieldDefinition => ({
  name,
  displayName,
  type,
  visible: false,
  showInDetails: true,
  filterable: true,
  sortable: false,
  custom: false,
  order,
  ...more,
});

/** The fields every log has, in their default order. */
export const BUILT_IN_FIELDS: readonly FieldDefinition[] = [
  builtIn('timestamp', 'Time', 'datetime', 0, { visible: true, sortable: true }),
  builtIn('severity', 'Severity', 'severity', 1, { visible: true, sortable: true }),
  builtIn('actor.name', 'User', 'string', 2, { visible: true, sortable: true }),
  builtIn('actor.email', 'Email', 'email', 3, { visible: true, sortable: true }),
  builtIn('action', 'Action', 'string', 4, { visible: true, sortable: true }),
  builtIn('resource', 'Resource', 'string', 5, { visible: true, sortable: true }),
  builtIn('ip', 'IP address', 'ip', 6, { visible: true, sortable: true }),
  builtIn('eventType', 'Event type', 'enum', 7, {
    sortable: true,
    options: ['EntityChange', 'Security', 'Activity', 'Exception'],
  }),
  builtIn('source', 'Source', 'string', 8, { sortable: true }),
  builtIn('actor.id', 'User ID', 'string', 9),
  builtIn('resourceId', 'Resource ID', 'string', 10),
  builtIn('message', 'Message', 'string', 11),
  builtIn('userAgent', 'User agent', 'string', 12),
  builtIn('correlationId', 'Correlation ID', 'string', 13),
  builtIn('traceId', 'Trace ID', 'string', 14),
  builtIn('requestId', 'Request ID', 'string', 15),
  builtIn('tags', 'Tags', 'enum', 16),
  builtIn('id', 'Event ID', 'string', 17),
  builtIn('changes', 'Changes', 'json', 18, { filterable: false }),
  builtIn('payload', 'Payload', 'json', 19, { filterable: false }),
];

const BUILT_IN_NAMES = new Set(BUILT_IN_FIELDS.map((f) => f.name));

export function isBuiltInField(name: string): boolean {
  return BUILT_IN_NAMES.has(name);
}

/** Path segments no value may be read through (they reach the prototype, not the data). */
const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype']);
/** A value path: dot-separated keys (letters, digits, `_`, `-`), starting at an event property. */
export const VALUE_PATH_PATTERN = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z0-9_-]+)*$/;

/** Whether a "Value from" path can be read: the pattern, and no segment that reaches a prototype. */
export function isValuePath(path: string): boolean {
  return VALUE_PATH_PATTERN.test(path) && !path.split('.').some((s) => FORBIDDEN_SEGMENTS.has(s));
}

/** The value at a path into an event (`fields.region`, `payload.request.path`, `actor.email`); own keys only. */
export function readPath(event: AuditEvent, path: string): JsonValue | undefined {
  let at: unknown = event;
  for (const segment of path.split('.')) {
    if (at === null || typeof at !== 'object' || FORBIDDEN_SEGMENTS.has(segment)) return undefined;
    if (!hasOwn(at, segment)) return undefined;
    at = (at as Record<string, unknown>)[segment];
  }
  return at as JsonValue | undefined;
}

/** Where a field's value is in an `AuditEvent`: its `valueFrom`, a built-in's own path, or `fields.<name>`. */
export function fieldPath(name: string, valueFrom?: string): string {
  if (valueFrom) return valueFrom;
  return BUILT_IN_ACCESSORS.has(name) ? name : `fields.${name}`;
}

/**
 * The value of a field of an event: a built-in property, or a custom field from `event.fields` (or from
 * the path its definition's `valueFrom` names).
 */
export function getFieldValue(event: AuditEvent, name: string, valueFrom?: string): JsonValue | undefined {
  if (valueFrom && valueFrom !== `fields.${name}`) return readPath(event, valueFrom);
  const accessor = BUILT_IN_ACCESSORS.get(name);
  return accessor ? accessor(event) : own(event.fields, name);
}

/** Thrown when a data structure cannot be saved; `issues` lists every problem. */
export class DataStructureError extends Error {
  override readonly name = 'DataStructureError';
  constructor(readonly issues: readonly string[]) {
    super(`Invalid data structure: ${issues.join('; ')}`);
  }
}

/**
 * Validates a data structure and fills defaults: unique names, custom names that fit
 * `FIELD_NAME_PATTERN` and do not shadow a built-in field, built-ins of their own type.
 * Built-in fields missing from the input are added back (hidden from the table), so a saved
 * structure can never lose the columns the log depends on. Throws `DataStructureError`.
 */
export function parseDataStructure(input: unknown): DataStructure {
  const parsed = check(dataStructureChecker, input);
  if (!parsed.ok) throw new DataStructureError(parsed.issues);
  const issues: string[] = [];
  const seen = new Set<string>();
  for (const field of parsed.value.fields) {
    if (seen.has(field.name)) issues.push(`${field.name}: the name is used twice`);
    seen.add(field.name);
    const builtInField = BUILT_IN_FIELDS.find((f) => f.name === field.name);
    if (field.custom && builtInField) issues.push(`${field.name}: a built-in field has this name`);
    if (field.custom && !FIELD_NAME_PATTERN.test(field.name)) {
      issues.push(`${field.name}: a name starts with a letter and has only letters, digits and _ (at most 64)`);
    }
    if (!field.custom && !builtInField) issues.push(`${field.name}: not a built-in field (set custom: true)`);
    if (builtInField && builtInField.type !== field.type) {
      issues.push(`${field.name}: a built-in field keeps its type (${builtInField.type})`);
    }
    if (field.type === 'enum' && field.custom && !field.options?.length) {
      issues.push(`${field.name}: an enum field needs at least one option`);
    }
    if (field.valueFrom !== undefined && !isValuePath(field.valueFrom)) {
      issues.push(`${field.name}: "${field.valueFrom}" is not a value path such as fields.region or payload.request.path`);
    }
  }
  if (issues.length) throw new DataStructureError(issues);
  const fields = [...parsed.value.fields];
  for (const missing of BUILT_IN_FIELDS) {
    if (!seen.has(missing.name)) fields.push({ ...missing, visible: false });
  }
  return { fields: sortFields(fields) };
}

/** Fields by `order`, ties by built-in first, then name. */
export function sortFields(fields: readonly FieldDefinition[]): FieldDefinition[] {
  return [...fields].sort(
    (a, b) => a.order - b.order || Number(a.custom) - Number(b.custom) || (a.name < b.name ? -1 : 1),
  );
}

/** The default data structure: the built-in fields plus any custom ones given. */
export function defaultDataStructure(custom: readonly FieldDefinitionInput[] = []): DataStructure {
  const base = BUILT_IN_FIELDS.length;
  return parseDataStructure({
    fields: [
      ...BUILT_IN_FIELDS,
      ...custom.map((f, i) => ({ order: base + i, ...f, custom: true })),
    ],
  });
}

/**
 * The vendor's layer: the server's data structure with the host's static configuration (the
 * `dataStructure` prop) on top. A field the host names overrides what the server says of it (display
 * name, visibility, order, width, flags); a field only the host names is added. Invalid input leaves the
 * server's structure as it is.
 */
export function overlayDataStructure(
  server: DataStructure,
  host: { fields: readonly FieldDefinitionInput[] } | undefined,
): DataStructure {
  if (!host?.fields.length) return server;
  const byName = new Map(server.fields.map((f) => [f.name, f]));
  const overrides = new Map(host.fields.map((f) => [f.name, f]));
  const merged: FieldDefinitionInput[] = server.fields.map((f) => ({ ...f, ...overrides.get(f.name), name: f.name, type: f.type }));
  for (const f of host.fields) if (!byName.has(f.name)) merged.push({ custom: !isBuiltInField(f.name), ...f });
  try {
    return parseDataStructure({ fields: merged });
  } catch {
    return server;
  }
}
