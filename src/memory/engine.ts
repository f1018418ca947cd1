import { csvLine } from '../core/csv.js';
import type { AuditEvent } from '../core/event.js';
import type { AuditStats, EventPage, PageRequest } from '../core/page.js';
import { MAX_PAGE_SIZE } from '../core/page.js';
import { AuditQueryError, DEFAULT_SORT, resolveTimeRange, type AuditQuery, type AuditSort } from '../core/query.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { compileFilter, searchableText, type EventTest } from './predicate.js';
import { QueryScan } from './scan.js';
import { SearchIndex } from './searchIndex.js';
import { StatsCount } from './statsCount.js';
import { buildAscendingOrder, buildTimeOrder, compareSortPositions, sortPositionOf } from './sortKeys.js';
import type { EventStore } from './store.js';

export interface EngineQueryOptions {
  /** Epoch ms that time presets resolve against. */
  now: number;
}

/** Scans kept for this many recent queries. */
const RECENT_QUERIES = 3;
/**
 * How long a page's scan may go on past the page, so that the total comes with it. A query that takes
 * longer (a search through a large log) answers its page, and counts the rest when asked (`count`).
 */
const PAGE_COUNT_BUDGET_MS = 8;

/** The events matching a query, in query order, as indices into the store. */
interface Matches {
  sort: AuditSort;
  indices: Int32Array;
}

/**
 * The in-memory query engine: filter, search, sort and page over one tenant's `EventStore`, plus stats.
 * Built for size: per-field orders and the search text are computed once and reused, each query is one
 * pass over a precomputed order, and events are built only for the page handed out, so a query over
 * 1,000,000 events stays well under a second. Queries are assumed checked (`parseAuditQuery`).
 */
export class AuditQueryEngine {
  readonly store: EventStore;
  private timeOrder: Int32Array | undefined;
  private orders = new Map<string, Int32Array>();
  private search: SearchIndex;
  /** The last few queries' scans, newest last: an export paging through one query while the viewer asks others doesn't redo either. */
  private recent: { key: string; scan: QueryScan }[] = [];

  constructor(store: EventStore) {
    this.store = store;
    this.search = new SearchIndex((i) => searchableText(store, i));
  }

  get size(): number {
    return this.store.size;
  }

  get(id: string): AuditEvent | undefined {
    const index = this.indexOf(id);
    return index === undefined ? undefined : this.store.event(index);
  }

  /** Events of the store left out so far (malformed, or a repeated id). */
  get skipped() {
    return this.store.skipped;
  }

  indexOf(id: string): number | undefined {
    return this.store.indexOf(id);
  }

  /** Custom fields' value paths (from the data structure): filters and sorting read them. */
  setValuePaths(paths: ReadonlyMap<string, string>): void {
    this.store.setValuePaths(paths);
    this.invalidateOrders();
  }

  /** Call after the store grew at its end: orders are rebuilt; the search text is extended. */
  appended(): void {
    this.invalidateOrders();
  }

  /** Removes an event; returns whether it was there. */
  remove(id: string): boolean {
    const index = this.indexOf(id);
    if (index === undefined) return false;
    this.store.removeAt(index);
    this.search.reset();
    this.invalidateOrders();
    return true;
  }

  /**
   * One page of the events matching `query`. With `countLater`, an offset page is answered as soon as it is
   * found: when counting the rest would take longer, the page says `counting` instead of a `total`, and
   * `count` (or `stats`) finishes the walk from where it stopped.
   */
  list(query: AuditQuery, page: PageRequest, options: EngineQueryOptions & { countLater?: boolean; budgetMs?: number }): EventPage {
    const limit = Math.floor(page.limit);
    if (!(limit >= 1 && limit <= MAX_PAGE_SIZE)) {
      throw new AuditQueryError([`limit: must be a whole number from 1 to ${MAX_PAGE_SIZE}`]);
    }
    if (page.type === 'offset') {
      const offset = Math.floor(page.offset);
      if (!(offset >= 0)) throw new AuditQueryError(['offset: must be a whole number from 0']);
      const scan = this.scan(query, options);
      if (options.countLater) {
        const until = performance.now() + (options.budgetMs ?? PAGE_COUNT_BUDGET_MS);
        scan.advance(offset + limit + 1, () => performance.now() < until);
      } else scan.advance(Infinity);
      const indices = scan.matches();
      const events = this.pick(indices, offset, offset + limit);
      return scan.done ? { events, total: indices.length, offset } : { events, offset, counting: true };
    }
    const { sort, indices } = this.match(query, options);
    const total = indices.length;
    let start = 0;
    if (page.cursor) {
      const after = decodeCursor(page.cursor, sort.field, sort.direction);
      start = this.firstAfter(indices, sort, after);
    }
    const end = Math.min(start + limit, total);
    const events = this.pick(indices, start, end);
    const more = end < total;
    return {
      events,
      total,
      nextCursor: more && end > start ? encodeCursor(sort.field, sort.direction, sortPositionOf(this.store, indices[end - 1]!, sort.field)) : null,
    };
  }

  /**
   * CSV lines for matches `start..start + count` of a query, read straight from the store (no event objects
   * are built: an export of a million rows makes little garbage). Returns the text and how many rows it has.
   */
  csvRows(
    query: AuditQuery,
    fields: readonly string[],
    start: number,
    count: number,
    options: EngineQueryOptions & { deadline?: number },
  ): { text: string; rows: number; total: number; next: number } {
    const { indices } = this.match(query, options);
    const store = this.store;
    let text = '';
    let rows = 0;
    const end = Math.min(start + count, indices.length);
    const deadline = options.deadline ?? Infinity;
    let j = start;
    // Stops early at the deadline (events not yet checked cost more to read): `next` is where to go on.
    for (; j < end && ((j - start) % 64 !== 63 || performance.now() < deadline); j++) {
      const i = indices[j]!;
      if (!store.checkAt(i)) continue;
      text += csvLine(fields.map((field) => store.value(i, field)));
      rows++;
    }
    return { text, rows, total: indices.length, next: j };
  }

  /** Counts by severity and a histogram over the query's time range. */
  stats(query: AuditQuery, options: EngineQueryOptions & { maxBuckets?: number }): AuditStats {
    return this.statsCount(query, options).result();
  }

  /** `stats`, counted in slices (`step(more)`) by a caller that keeps frames short. The store must not change meanwhile. */
  statsCount(query: AuditQuery, options: EngineQueryOptions & { maxBuckets?: number }): StatsCount {
    const { indices } = this.match(query, options);
    return new StatsCount(this.store, indices, resolveTimeRange(query.timeRange, options.now), options.now, options.maxBuckets);
  }

  /**
   * Goes on finding the matches of `query` while `more()` allows (asked every 256 events), so a caller can
   * count in slices between frames. Returns whether all are found (then `stats` and `list` know the total).
   */
  count(query: AuditQuery, options: EngineQueryOptions, more: () => boolean): boolean {
    return this.scan(query, options).advance(0, more);
  }

  /**
   * Builds more of the search text while `more()` allows, so a caller can do it in idle slices before the
   * first search needs it. Returns whether it is complete.
   */
  prepareSearch(more?: () => boolean): boolean {
    return this.store.verify(more) && this.search.prepare(this.store.size, more);
  }

  /** Events at `indices[start..end)`; one found malformed only now is left out (and reported by the store). */
  private pick(indices: Int32Array, start: number, end: number): AuditEvent[] {
    const out: AuditEvent[] = [];
    for (let j = start; j < Math.min(end, indices.length); j++) {
      const event = this.store.event(indices[j]!);
      if (event) out.push(event);
    }
    return out;
  }

  /** The index in `indices` of the first event strictly after `after` in the sort's order. */
  private firstAfter(indices: Int32Array, sort: AuditSort, after: ReturnType<typeof sortPositionOf>): number {
    const sign = sort.direction === 'asc' ? 1 : -1;
    let lo = 0;
    let hi = indices.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const position = sortPositionOf(this.store, indices[mid]!, sort.field);
      if (sign * compareSortPositions(position, after) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Every match of `query`, finding the rest now if a scan stopped early. */
  private match(query: AuditQuery, options: EngineQueryOptions): Matches {
    const scan = this.scan(query, options);
    scan.advance(Infinity);
    return { sort: scan.sort, indices: scan.matches() };
  }

  /** The scan of `query`: the one of a recent query like it (where it stopped), else a new one. */
  private scan(query: AuditQuery, options: EngineQueryOptions): QueryScan {
    const sort = query.sort ?? DEFAULT_SORT;
    const range = resolveTimeRange(query.timeRange, options.now);
    const key = JSON.stringify([this.store.version, query.search, query.severities, query.filters, sort, range.from, range.to]);
    const hit = this.recent.findIndex((r) => r.key === key);
    if (hit >= 0) {
      const [entry] = this.recent.splice(hit, 1);
      this.recent.push(entry!);
      return entry!.scan;
    }
    const scan = new QueryScan(this.store, sort, this.order(sort.field), this.compile(query, range));
    this.recent.push({ key, scan });
    if (this.recent.length > RECENT_QUERIES) this.recent.shift();
    return scan;
  }

  private compile(query: AuditQuery, range: { from: number | undefined; to: number | undefined }): EventTest[] {
    const store = this.store;
    const tests: EventTest[] = [];
    if (range.from !== undefined || range.to !== undefined) {
      const times = store.timeColumn();
      const from = range.from ?? -Infinity;
      const to = range.to ?? Infinity;
      tests.push((i) => times[i]! >= from && times[i]! < to);
    }
    if (query.severities?.length) {
      const wanted = new Set(query.severities.map((s) => s.toLowerCase()));
      // Few distinct labels: decide each once instead of lowercasing a million times.
      const decided = new Map<string, boolean>();
      tests.push((i) => {
        const label = store.severity(i);
        let ok = decided.get(label);
        if (ok === undefined) decided.set(label, (ok = wanted.has(label.toLowerCase())));
        return ok;
      });
    }
    for (const filter of query.filters ?? []) tests.push(compileFilter(filter, store));
    const needle = query.search?.trim().toLowerCase();
    if (needle) tests.push(this.search.tester(needle));
    return tests;
  }

  private order(field: string): Int32Array {
    let order = this.orders.get(field);
    if (!order) {
      this.timeOrder ??= buildTimeOrder(this.store);
      order = buildAscendingOrder(this.store, field, this.timeOrder);
      this.orders.set(field, order);
    }
    return order;
  }

  private invalidateOrders(): void {
    this.timeOrder = undefined;
    this.orders.clear();
    this.recent = [];
  }
}
