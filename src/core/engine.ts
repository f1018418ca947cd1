import { decodeCursor, encodeCursor } from './cursor.js';
import type { AuditEvent } from './event.js';
import { buildHistogram } from './histogram.js';
import type { AuditStats, EventPage, PageRequest, SeverityCount } from './page.js';
import { MAX_PAGE_SIZE } from './page.js';
import { compileFilter, searchableText, type EventTest } from './predicate.js';
import { AuditQueryError, DEFAULT_SORT, resolveTimeRange, type AuditQuery, type AuditSort } from './query.js';
import { buildAscendingOrder, buildTimeOrder, compareSortPositions, sortPositionOf } from './sortKeys.js';

export interface EngineQueryOptions {
  /** Epoch ms that time presets resolve against. */
  now: number;
}

/** The events matching a query, in query order, as indices into the engine's events. */
interface Matches {
  sort: AuditSort;
  indices: Int32Array;
}

/**
 * The in-memory query engine: filter, search, sort and page over an array of events, plus stats.
 * Built for size: per-field orders and the search text are computed once and reused, and each
 * query is one pass over a precomputed order, so a query over 1,000,000 events stays well
 * under a second. Queries are assumed checked (`parseAuditQuery`); events are never mutated.
 */
export class AuditQueryEngine {
  private events: AuditEvent[];
  private times: Float64Array | undefined;
  private timeOrder: Int32Array | undefined;
  private orders = new Map<string, Int32Array>();
  private haystack: string[] = [];
  private byId: Map<string, number> | undefined;
  private lastKey = '';
  private lastMatches: Matches | undefined;

  constructor(events: readonly AuditEvent[] = []) {
    this.events = [...events];
  }

  get size(): number {
    return this.events.length;
  }

  /** All events, in insertion order. */
  all(): readonly AuditEvent[] {
    return this.events;
  }

  get(id: string): AuditEvent | undefined {
    const index = this.idIndex().get(id);
    return index === undefined ? undefined : this.events[index];
  }

  add(...events: AuditEvent[]): void {
    this.events.push(...events);
    this.invalidate();
  }

  remove(id: string): boolean {
    const index = this.idIndex().get(id);
    if (index === undefined) return false;
    this.events.splice(index, 1);
    this.invalidate();
    return true;
  }

  /** One page of the events matching `query`. */
  list(query: AuditQuery, page: PageRequest, options: EngineQueryOptions): EventPage {
    const limit = Math.floor(page.limit);
    if (!(limit >= 1 && limit <= MAX_PAGE_SIZE)) {
      throw new AuditQueryError([`limit: must be a whole number from 1 to ${MAX_PAGE_SIZE}`]);
    }
    const { sort, indices } = this.match(query, options);
    const total = indices.length;
    if (page.type === 'offset') {
      const offset = Math.floor(page.offset);
      if (!(offset >= 0)) throw new AuditQueryError(['offset: must be a whole number from 0']);
      return { events: this.pick(indices, offset, offset + limit), total, offset };
    }
    let start = 0;
    if (page.cursor) {
      const after = decodeCursor(page.cursor, sort.field, sort.direction);
      start = this.firstAfter(indices, sort, after);
    }
    const events = this.pick(indices, start, start + limit);
    const last = events[events.length - 1];
    const more = start + limit < total;
    return {
      events,
      total,
      nextCursor: more && last ? encodeCursor(sort.field, sort.direction, sortPositionOf(last, sort.field)) : null,
    };
  }

  /** Counts by severity and a histogram over the query's time range. */
  stats(query: AuditQuery, options: EngineQueryOptions & { maxBuckets?: number }): AuditStats {
    const { indices } = this.match(query, options);
    const times = this.timeColumn();
    const bySeverity = new Map<string, SeverityCount>();
    let min = Infinity;
    let max = -Infinity;
    for (let j = 0; j < indices.length; j++) {
      const i = indices[j]!;
      const e = this.events[i]!;
      const entry = bySeverity.get(e.severity);
      if (entry) entry.count += 1;
      else bySeverity.set(e.severity, { label: e.severity, rank: e.severityRank, count: 1 });
      const t = times[i]!;
      if (t < min) min = t;
      if (t > max) max = t;
    }
    const range = resolveTimeRange(query.timeRange, options.now);
    const from = range.from ?? (Number.isFinite(min) ? min : options.now - 86_400_000);
    const to = range.to ?? Math.max(options.now, Number.isFinite(max) ? max + 1 : options.now);
    const histogram = buildHistogram(
      { [Symbol.iterator]: () => iterateTimes(indices, times) },
      from,
      to,
      options.maxBuckets,
    );
    return {
      total: indices.length,
      bySeverity: [...bySeverity.values()].sort((a, b) => b.rank - a.rank || (a.label < b.label ? -1 : 1)),
      histogram,
    };
  }

  private pick(indices: Int32Array, start: number, end: number): AuditEvent[] {
    const out: AuditEvent[] = [];
    for (let j = start; j < Math.min(end, indices.length); j++) out.push(this.events[indices[j]!]!);
    return out;
  }

  /** The index in `indices` of the first event strictly after `after` in the sort's order. */
  private firstAfter(indices: Int32Array, sort: AuditSort, after: ReturnType<typeof sortPositionOf>): number {
    const sign = sort.direction === 'asc' ? 1 : -1;
    let lo = 0;
    let hi = indices.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const position = sortPositionOf(this.events[indices[mid]!]!, sort.field);
      if (sign * compareSortPositions(position, after) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private match(query: AuditQuery, options: EngineQueryOptions): Matches {
    const sort = query.sort ?? DEFAULT_SORT;
    const range = resolveTimeRange(query.timeRange, options.now);
    const key = JSON.stringify([query.search, query.severities, query.filters, sort, range.from, range.to]);
    if (this.lastMatches && key === this.lastKey) return this.lastMatches;
    const tests = this.compile(query, range);
    const order = this.order(sort.field);
    const n = order.length;
    const out = new Int32Array(n);
    let count = 0;
    const events = this.events;
    for (let j = 0; j < n; j++) {
      const i = order[sort.direction === 'asc' ? j : n - 1 - j]!;
      const e = events[i]!;
      let ok = true;
      for (let t = 0; t < tests.length && ok; t++) ok = tests[t]!(e, i);
      if (ok) out[count++] = i;
    }
    this.lastKey = key;
    this.lastMatches = { sort, indices: out.slice(0, count) };
    return this.lastMatches;
  }

  private compile(query: AuditQuery, range: { from: number | undefined; to: number | undefined }): EventTest[] {
    const tests: EventTest[] = [];
    if (range.from !== undefined || range.to !== undefined) {
      const times = this.timeColumn();
      const from = range.from ?? -Infinity;
      const to = range.to ?? Infinity;
      tests.push((_e, i) => times[i]! >= from && times[i]! < to);
    }
    if (query.severities?.length) {
      const wanted = new Set(query.severities.map((s) => s.toLowerCase()));
      // Few distinct labels: decide each once instead of lowercasing a million times.
      const decided = new Map<string, boolean>();
      tests.push((e) => {
        let ok = decided.get(e.severity);
        if (ok === undefined) decided.set(e.severity, (ok = wanted.has(e.severity.toLowerCase())));
        return ok;
      });
    }
    const times = this.timeColumn();
    for (const filter of query.filters ?? []) tests.push(compileFilter(filter, times));
    const needle = query.search?.trim().toLowerCase();
    if (needle) {
      const haystack = this.searchColumn();
      tests.push((_e, i) => haystack[i]!.includes(needle));
    }
    return tests;
  }

  private order(field: string): Int32Array {
    let order = this.orders.get(field);
    if (!order) {
      this.timeOrder ??= buildTimeOrder(this.events);
      order = buildAscendingOrder(this.events, field, this.timeOrder);
      this.orders.set(field, order);
    }
    return order;
  }

  private timeColumn(): Float64Array {
    this.times ??= Float64Array.from(this.events, (e) => Date.parse(e.timestamp));
    return this.times;
  }

  private searchColumn(): string[] {
    this.prepareSearch(Infinity);
    return this.haystack;
  }

  /**
   * Builds up to `budget` more entries of the search text, so a caller can do it in idle slices before
   * the first search needs it. Returns whether it is complete.
   */
  prepareSearch(budget = 20_000): boolean {
    const end = Math.min(this.events.length, this.haystack.length + budget);
    for (let i = this.haystack.length; i < end; i++) this.haystack.push(searchableText(this.events[i]!));
    return this.haystack.length === this.events.length;
  }

  private idIndex(): Map<string, number> {
    this.byId ??= new Map(this.events.map((e, i) => [e.id, i]));
    return this.byId;
  }

  private invalidate(): void {
    this.times = undefined;
    this.timeOrder = undefined;
    this.orders.clear();
    this.haystack = [];
    this.byId = undefined;
    this.lastKey = '';
    this.lastMatches = undefined;
  }
}

function* iterateTimes(indices: Int32Array, times: Float64Array): Generator<number> {
  for (let j = 0; j < indices.length; j++) yield times[indices[j]!]!;
}
