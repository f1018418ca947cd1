import type { JsonValue } from '../core/event.js';
import type { FieldFilter } from '../core/query.js';
import { parseTimestamp } from '../core/time.js';
import type { EventStore } from './store.js';

/** A test over one event, by its index in the store. */
export type EventTest = (index: number) => boolean;

function text(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object') return JSON.stringify(value); // stored values are depth-checked
  return String(value);
}

function scalars(value: JsonValue | undefined): JsonValue[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

function equalsLoose(value: JsonValue, wanted: string | number): boolean {
  if (typeof value === 'number' && typeof wanted === 'number') return value === wanted;
  if (typeof value === 'number' || typeof wanted === 'number') {
    return text(value).trim() !== '' && Number(text(value)) === Number(wanted);
  }
  return text(value).toLowerCase() === String(wanted).toLowerCase();
}

/**
 * Compiles one field filter (already checked by `parseAuditQuery`) to a test.
 * Text comparisons ignore case; list values (tags) match when any element matches;
 * `neq` keeps events where the field is missing.
 */
export function compileFilter(filter: FieldFilter, store: EventStore): EventTest {
  const { field, op, value } = filter;
  const get = (i: number): JsonValue | undefined => store.value(i, field);
  const timeOf =
    field === 'timestamp'
      ? (i: number): number | undefined => store.time(i)
      : (i: number): number | undefined => parseTimestamp(get(i));
  switch (op) {
    case 'eq': {
      const wanted = value as string | number;
      return (i) => scalars(get(i)).some((v) => equalsLoose(v, wanted));
    }
    case 'neq': {
      const wanted = value as string | number;
      return (i) => !scalars(get(i)).some((v) => equalsLoose(v, wanted));
    }
    case 'in': {
      const wanted = value as (string | number)[];
      const lowered = new Set(wanted.map((w) => String(w).toLowerCase()));
      return (i) =>
        scalars(get(i)).some((v) => lowered.has(text(v).toLowerCase()) || wanted.some((w) => equalsLoose(v, w)));
    }
    case 'contains': {
      const needle = String(value).toLowerCase();
      return (i) => text(get(i)).toLowerCase().includes(needle);
    }
    case 'startsWith': {
      const needle = String(value).toLowerCase();
      return (i) => scalars(get(i)).some((v) => text(v).toLowerCase().startsWith(needle));
    }
    case 'before': {
      const bound = parseTimestamp(value)!;
      return (i) => (timeOf(i) ?? Infinity) < bound;
    }
    case 'after': {
      const bound = parseTimestamp(value)!;
      return (i) => (timeOf(i) ?? -Infinity) >= bound;
    }
    case 'between': {
      const [from, to] = (value as (string | number)[]).map((v) => parseTimestamp(v)!);
      return (i) => {
        const t = timeOf(i);
        return t !== undefined && t >= from! && t < to!;
      };
    }
    case 'gt':
    case 'lt': {
      const bound = Number(value);
      return (i) => {
        const v = get(i);
        const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
        return op === 'gt' ? n > bound : n < bound;
      };
    }
  }
}

/**
 * The text free-text search looks through: what a person reads in a row or its details (ids, severity,
 * action, resource, message, actor, IP, event type, source, tags, changes, custom fields); not the
 * user agent or the raw payload, which would match almost any short word.
 */
export function searchableText(store: EventStore, i: number): string {
  if (!store.checkAt(i)) return '';
  const e = store.record(i);
  const parts: string[] = [store.id(i), store.severity(i), e.action];
  const add = (v: string | undefined): void => {
    if (v) parts.push(v);
  };
  add(e.resource);
  add(e.resourceId);
  add(e.message);
  add(e.actor?.name);
  add(e.actor?.email);
  add(e.actor?.id);
  add(e.ip);
  add(e.eventType);
  add(e.source);
  add(e.correlationId);
  add(e.traceId);
  add(e.requestId);
  if (e.tags) parts.push(...e.tags);
  for (const change of e.changes ?? []) parts.push(change.field, text(change.before), text(change.after));
  for (const key in e.fields) parts.push(text(e.fields[key]));
  return parts.join('\u0001');
}
