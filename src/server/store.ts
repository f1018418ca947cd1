/**
 * What every store shares, whatever its database: the store's shape, how events are checked before a write,
 * what search looks through, the page cursors, and how a histogram's counted rows become buckets.
 */
import { safeNormalizeAuditEvent, type AuditEvent, type AuditEventDraft, type AuditEventInput, type JsonValue } from '../core/event.js';
import type { DataStructure, FieldDefinition, FieldDefinitionInput } from '../core/fields.js';
import { chooseBucketSize } from '../core/histogramBuckets.js';
import { clampBuckets } from '../core/histogramCap.js';
import type { AuditHistogram, AuditStats, EventPage, PageRequest } from '../core/page.js';
import { DEFAULT_SORT, resolveTimeRange, type AuditQuery } from '../core/query.js';
import { HOUR, toIsoUtc } from '../core/time.js';
import type { ViewBookData } from '../core/viewBook.js';
import { severityLevelOfRank } from '../core/severity.js';
import type { SeverityCache } from '../core/eventCheck.js';

/** An event the store could not take, by its place in what was given. */
export interface RecordSkipped {
  index: number;
  issues: readonly string[];
}

/** An event to record: its time defaults to now, its id to a new one. */
export type RecordInput = AuditEventInput | (AuditEventDraft & { tenantId?: string; id?: string });

/** What the handler needs of a store, and what a host calls from its own code. */
export interface AuditLogStore {
  /**
   * Writes events (checked as the viewer checks them; batches in one statement). An id the caller gives makes
   * the write idempotent: the same id again is not a second event.
   */
  record(events: RecordInput | readonly RecordInput[], options?: { tenantId?: string }): Promise<{ recorded: AuditEvent[]; skipped: RecordSkipped[] }>;
  /** Retention: deletes the tenant's events older than `before`; how many. Events are never updated. */
  deleteBefore(tenantId: string, before: Date | string): Promise<number>;
  list(tenantId: string, query: AuditQuery, fields: readonly FieldDefinition[], page: PageRequest, now: number): Promise<EventPage>;
  get(tenantId: string, id: string): Promise<AuditEvent | undefined>;
  delete(tenantId: string, id: string): Promise<boolean>;
  stats(tenantId: string, query: AuditQuery, fields: readonly FieldDefinition[], maxBuckets: number, now: number): Promise<AuditStats>;
  dataStructure(tenantId: string): Promise<DataStructure>;
  saveDataStructure(tenantId: string, structure: unknown): Promise<DataStructure>;
  /** Every matching event in query order, a batch at a time (an export never holds the whole log). */
  exportEvents(tenantId: string, query: AuditQuery, fields: readonly FieldDefinition[], now: number): AsyncIterable<AuditEvent[]>;
  /** The tenant's saved views, changed by `change` in one transaction where the database has them. */
  views<T>(tenantId: string, change: (book: ViewBookData) => { book?: ViewBookData; result: T }): Promise<T>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** Custom fields every tenant's data structure starts with. */
  fields?: readonly FieldDefinitionInput[];
  /**
   * How long one statement may run before the database stops it. @default 30000
   * (A `pg` pool you pass keeps its own `statement_timeout`: set it there.)
   */
  statementTimeoutMs?: number;
  /** Create the tables and indexes if missing when the store starts. `false` where you run the shipped SQL yourself. @default true */
  migrate?: boolean;
  /**
   * How many of the tenant's newest events a page of a search or a field filter (sorted by time) looks through
   * before it reads the whole log. @default 50000
   */
  searchWindow?: number;
}

/**
 * How many events an export reads at a time: PostgreSQL keeps its process's memory low with 1,000 (+29 MiB RSS at
 * 100,000 events against +109 MiB with 5,000); ClickHouse pays more per query and reads 5,000.
 */
export const EXPORT_BATCH = 1000;
export const CLICKHOUSE_EXPORT_BATCH = 5000;

/**
 * Events checked for a write: those to write, those refused (with why), and which ids the caller chose. `at` is
 * the time of events given without one; `firstIndex` is where `given` starts in the caller's list (for a part).
 */
export function prepareRecords(given: RecordInput | readonly RecordInput[], tenantOption: string | undefined, at = new Date().toISOString(), firstIndex = 0) {
  const list = (Array.isArray(given) ? given : [given]) as readonly RecordInput[];
  const recorded: AuditEvent[] = [];
  const skipped: RecordSkipped[] = [];
  const chosenIds = new Set<string>();
  // A log has a handful of severity labels: each is read once per batch.
  const severities: SeverityCache = new Map();
  list.forEach((input, position) => {
    const index = firstIndex + position;
    const own = input && typeof input === 'object' ? (input as { tenantId?: unknown; id?: unknown }) : {};
    const tenantId = tenantOption ?? own.tenantId;
    if (typeof tenantId !== 'string' || !tenantId) return void skipped.push({ index, issues: ['tenantId: required'] });
    if (tenantOption && own.tenantId !== undefined && own.tenantId !== tenantOption) {
      return void skipped.push({ index, issues: [`tenantId: belongs to another tenant, not "${tenantOption}"`] });
    }
    const timed = input && typeof input === 'object' && input.timestamp === undefined ? { ...input, timestamp: at } : input;
    const result = safeNormalizeAuditEvent(timed, { tenantId, id: own.id == null ? `evt_${crypto.randomUUID()}` : undefined }, severities);
    if (!result.ok) return void skipped.push({ index, issues: result.issues });
    recorded.push(result.event);
    if (own.id !== undefined) chosenIds.add(result.event.id);
  });
  return { recorded, skipped, chosenIds };
}

/** A UTF-16 surrogate without its other half: no UTF-8 text can hold it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A value with every U+0000 and every lone surrogate in its text (keys too) replaced by U+FFFD: PostgreSQL's text
 * and JSON hold neither, and ClickHouse refuses a lone surrogate in JSON input. An event holding one is kept
 * this way rather than refused with every event of its statement.
 */
export function storable<T>(value: T): T {
  if (typeof value === 'string') return value.replaceAll('\0', '\uFFFD').replace(LONE_SURROGATE, '\uFFFD') as T;
  if (Array.isArray(value)) return value.map(storable) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [storable(k), storable(v)])) as T;
  return value;
}

const UNSTORABLE_ESCAPE = /\\u(?:0000|d[89a-f])/;
/**
 * Whether JSON text holds `\u0000` or a lone surrogate (JSON.stringify escapes both; a well-formed pair stays as
 * it is). Most hold no `\u` at all, and looking for it first costs a tenth of the pattern's search.
 */
export const unstorableJson = (json: string) => json.includes('\\u') && UNSTORABLE_ESCAPE.test(json);

/** An event as it can be stored (`storable` when its JSON holds what no database text can), and its JSON. */
export function storedJson(given: AuditEvent): { event: AuditEvent; json: string } {
  const json = JSON.stringify(given);
  if (!unstorableJson(json)) return { event: given, json };
  const event = storable(given);
  return { event, json: JSON.stringify(event) };
}

/** What free-text search looks through (as the memory adapter: what a person reads, not the raw payload), lower case. */
export function searchText(e: AuditEvent): string {
  const text = (v: JsonValue | undefined) => (v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v));
  const parts = [e.id, e.severity, e.action, e.resource, e.resourceId, e.message, e.actor?.name, e.actor?.email, e.actor?.id, e.ip, e.eventType, e.source, e.correlationId, e.traceId, e.requestId, ...(e.tags ?? [])];
  for (const change of e.changes ?? []) parts.push(change.field, text(change.before), text(change.after));
  for (const key in e.fields) parts.push(text(e.fields[key]));
  return parts.filter(Boolean).join('\u0001').toLowerCase();
}

/** A keyset cursor for the time order (the last row's time and id), or an offset for other orders. */
export type Cursor = { t: string; i: string } | { o: number };
export const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');

/** Thrown for a request the store refuses (a cursor it never sent); the handler answers 400. */
export class StoreRequestError extends Error {
  override readonly name = 'StoreRequestError';
}

/** A cursor this server sent, or a `StoreRequestError`. */
export function decodeCursor(cursor: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (typeof c.t === 'string' && typeof c.i === 'string' && !c.i.includes('\0') && !Number.isNaN(Date.parse(c.t))) return { t: c.t, i: c.i };
    if (typeof c.o === 'number' && Number.isInteger(c.o) && c.o >= 0) return { o: c.o };
  } catch {
    // refused below
  }
  throw new StoreRequestError('The cursor is not one this server sent.');
}

/** The page after `events`: the next cursor (keyset when sorted by time), or an offset page's total. */
export function nextCursor(events: readonly AuditEvent[], more: boolean, byTime: boolean, offset: number, limit: number): string | null {
  const last = events.at(-1);
  if (!more || !last) return null;
  return byTime ? encodeCursor({ t: last.timestamp, i: last.id }) : encodeCursor({ o: offset + limit });
}

/** The newest rows a search page looks through before it reads the whole log (`StoreOptions.searchWindow`). */
export const SEARCH_WINDOW = 50_000;

/** Sorted by time with a search or a field filter: the page the stores look for among the newest rows first. */
export const searchFirstInWindow = (query: AuditQuery) => (query.sort ?? DEFAULT_SORT).field === 'timestamp' && !!(query.search?.trim() || query.filters?.length);

/**
 * An offset page's total, when it costs nothing or little: the page ended the matches (`offset` plus what it
 * holds), or `count` runs (time, severity and the kept counts answer those fast). A search or a field filter
 * reads every matching row to count: that page is answered as soon as its rows are found, `counting`, and the
 * stats of the same query (which the viewer asks for anyway) give the total.
 */
export async function offsetTotal(
  query: AuditQuery,
  page: { offset: number; found: number; more: boolean },
  count: () => Promise<number>,
): Promise<{ total: number } | { counting: true }> {
  if (!page.more && (page.found > 0 || page.offset === 0)) return { total: page.offset + page.found };
  if (query.search?.trim() || query.filters?.length) return { counting: true };
  return { total: await count() };
}

/** The histogram's buckets over [from, to): the bucket size, where bucket 0 starts, and how many. */
function histogramFrame(from: number, to: number, maxBuckets: number) {
  const bucketMs = chooseBucketSize(from, to, maxBuckets);
  const first = Math.floor(from / bucketMs) * bucketMs;
  const count = Math.min(clampBuckets(maxBuckets), Math.max(1, Math.ceil((to - first) / bucketMs)));
  return { bucketMs, first, count };
}
export type HistogramFrame = ReturnType<typeof histogramFrame>;

/**
 * The stats' histogram frame for a query: its time range, or where it has no bound, the matching events' first
 * and last time (`span`, asked only then; none: the last day).
 */
export async function statsFrame(query: AuditQuery, now: number, maxBuckets: number, span: () => Promise<{ lo: number; hi: number } | undefined>): Promise<HistogramFrame> {
  let { from, to } = resolveTimeRange(query.timeRange, now);
  if (from === undefined || to === undefined) {
    const found = await span();
    from ??= found ? found.lo : now - 86_400_000;
    to ??= found ? found.hi + 1 : now;
  }
  return histogramFrame(from, to, maxBuckets);
}

/** Whole hours (`firstHour` inclusive, `endHour` exclusive, hours since the epoch) and partial-hour spans in ms. */
export interface HourSplit {
  firstHour?: number;
  endHour?: number;
  edges: [number, number][];
}
/**
 * A query on time and severity alone (no search, no field filters), split for counts kept per hour: the whole
 * hours inside its range (`firstHour` inclusive, `endHour` exclusive, in hours since the epoch; absent where
 * the range is open) and the spans of partial hours at its edges, to count from the events. `undefined`: the
 * query must count the events (a search, a filter, or a range within an hour or two).
 */
export function hourSplit(query: AuditQuery, now: number): HourSplit | undefined {
  if (query.search?.trim() || query.filters?.length) return undefined;
  const { from, to } = resolveTimeRange(query.timeRange, now);
  const firstHour = from === undefined ? undefined : Math.ceil(from / HOUR);
  const endHour = to === undefined ? undefined : Math.floor(to / HOUR);
  if (firstHour !== undefined && endHour !== undefined && firstHour >= endHour) return undefined;
  const edges: [number, number][] = [];
  if (firstHour !== undefined && from! < firstHour * HOUR) edges.push([from!, firstHour * HOUR]);
  if (endHour !== undefined && endHour * HOUR < to!) edges.push([endHour * HOUR, to!]);
  return { ...(firstHour !== undefined && { firstHour }), ...(endHour !== undefined && { endHour }), edges };
}

/** Counted rows (bucket index, severity level, count) as the histogram the protocol sends. */
function histogramOf(frame: HistogramFrame, rows: readonly { b: number; level: string; n: number }[]): AuditHistogram {
  const { bucketMs, first, count } = frame;
  const buckets = Array.from({ length: count }, (_, i) => ({
    start: toIsoUtc(first + i * bucketMs),
    end: toIsoUtc(first + (i + 1) * bucketMs),
    count: 0,
    bySeverity: {} as Record<string, number>,
  }));
  for (const row of rows) {
    // The rows were counted inside the range already; the first bucket starts at or before its start.
    const b = buckets[row.b];
    if (!b) continue;
    b.count += row.n;
    b.bySeverity[row.level] = (b.bySeverity[row.level] ?? 0) + row.n;
  }
  return { bucketMs, buckets };
}

/**
 * Stats from one pass over the matching rows, counted by bucket, severity label and rank: the counts per
 * severity (in rank order, then label) and the histogram by severity level.
 */
export function statsOf(frame: HistogramFrame, rows: readonly { b: number; label: string; rank: number; n: number }[]): AuditStats {
  const bySeverity = new Map<string, { label: string; rank: number; count: number }>();
  for (const r of rows) {
    const s = bySeverity.get(r.label) ?? { label: r.label, rank: r.rank, count: 0 };
    s.rank = Math.max(s.rank, r.rank);
    s.count += r.n;
    bySeverity.set(r.label, s);
  }
  const severities = [...bySeverity.values()].sort((a, b) => a.rank - b.rank || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  return {
    total: severities.reduce((n, r) => n + r.count, 0),
    bySeverity: severities,
    histogram: histogramOf(frame, rows.map((r) => ({ b: r.b, level: severityLevelOfRank(r.rank), n: r.n }))),
  };
}

/** A JSON column's value as a driver hands it over: parsed already, or text. */
export const parsedJson = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;
