import { safeStringify } from '../core/depth.js';
import type { JsonValue } from '../core/event.js';
import { toIsoUtc } from '../core/time.js';
import type { EventStore } from './store.js';

/** A comparable form of a field value: numbers compare as numbers, text case-insensitively, missing first. */
export type SortKey = number | string | null;

export function toSortKey(value: JsonValue | undefined): SortKey {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string') return value.toLowerCase();
  if (Array.isArray(value)) return value.map((v) => String(v)).join(', ').toLowerCase();
  return safeStringify(value).toLowerCase();
}

export function compareSortKeys(a: SortKey, b: SortKey): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : 1;
}

/** The sort key of an event for a field. Severity orders by rank (then label), not alphabetically. */
export function eventSortKey(store: EventStore, i: number, field: string): SortKey {
  if (field === 'severity') return store.rank(i) * 1e6 + labelCode(store.severity(i));
  return toSortKey(store.value(i, field));
}

/** A stable number for a short label so equal ranks still group by label. */
function labelCode(label: string): number {
  let code = 0;
  const lower = label.toLowerCase();
  for (let i = 0; i < 3; i++) code = code * 100 + Math.min(99, Math.max(0, (lower.charCodeAt(i) || 0) - 31));
  return code / 1e6;
}

/** The position of an event in the total order of a sort: (key, timestamp, id), all ascending. */
export interface SortPosition {
  key: SortKey;
  timestamp: string;
  id: string;
}

export function compareSortPositions(a: SortPosition, b: SortPosition): number {
  return (
    compareSortKeys(a.key, b.key) ||
    (a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

export function sortPositionOf(store: EventStore, i: number, field: string): SortPosition {
  return {
    key: field === 'timestamp' ? null : eventSortKey(store, i, field),
    timestamp: toIsoUtc(store.time(i)),
    id: store.id(i),
  };
}

/**
 * The ascending order of `events` for a field, as indices: by key, then timestamp, then id.
 * Descending order is the exact reverse. Built in O(n log k) for k distinct keys: a stable
 * bucket pass over the (timestamp, id) order, so low-cardinality fields cost little at 1M events.
 */
export function buildAscendingOrder(store: EventStore, field: string, base?: Int32Array): Int32Array {
  const n = store.size;
  const byTime = base ?? buildTimeOrder(store);
  if (field === 'timestamp') return byTime;
  const keyIds = new Int32Array(n);
  const distinct = new Map<SortKey, number>();
  const keys: SortKey[] = [];
  for (let i = 0; i < n; i++) {
    const key = eventSortKey(store, i, field);
    let id = distinct.get(key);
    if (id === undefined) {
      id = keys.length;
      distinct.set(key, id);
      keys.push(key);
    }
    keyIds[i] = id;
  }
  const ranked = keys.map((key, id) => ({ key, id })).sort((a, b) => compareSortKeys(a.key, b.key));
  const rankOfId = new Int32Array(keys.length);
  ranked.forEach((entry, rank) => (rankOfId[entry.id] = rank));
  const starts = new Int32Array(keys.length + 1);
  for (let i = 0; i < n; i++) starts[rankOfId[keyIds[i]!]! + 1]! += 1;
  for (let r = 1; r <= keys.length; r++) starts[r]! += starts[r - 1]!;
  const out = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    const i = byTime[j]!;
    out[starts[rankOfId[keyIds[i]!]!]!++] = i;
  }
  return out;
}

/** Indices of the store's events by (timestamp, id) ascending; O(n) when they are already in time order. */
export function buildTimeOrder(store: EventStore): Int32Array {
  const n = store.size;
  const times = store.timeColumn();
  const cmp = (a: number, b: number): number => {
    const ta = times[a]!;
    const tb = times[b]!;
    if (ta !== tb) return ta < tb ? -1 : 1;
    const ia = store.id(a);
    const ib = store.id(b);
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  };
  const order = new Int32Array(n);
  let ascending = true;
  let descending = true;
  for (let i = 1; i < n && (ascending || descending); i++) {
    const c = cmp(i - 1, i);
    if (c > 0) ascending = false;
    if (c < 0) descending = false;
  }
  for (let i = 0; i < n; i++) order[i] = descending && !ascending ? n - 1 - i : i;
  if (!ascending && !descending) order.sort(cmp);
  return order;
}
