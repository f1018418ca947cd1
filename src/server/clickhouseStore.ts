/**
 * The ClickHouse store: events in a MergeTree ordered for "tenant, newest first", the same protocol answers as
 * the PostgreSQL stores. It talks through `@clickhouse/client` (a server or a cluster), or through chDB in this
 * process (`createClient({ connection: createChdbConnection() })` from `chdb/connection`).
 */
import { Readable } from 'node:stream';
import type { AuditEvent } from '../core/event.js';
import { defaultDataStructure, parseDataStructure } from '../core/fields.js';
import { MAX_PAGE_SIZE } from '../core/page.js';
import { DEFAULT_SORT } from '../core/query.js';
import { HOUR } from '../core/time.js';
import { parseViewBook, type ViewBookData } from '../core/viewBook.js';
import { Bytes, writeEventRow } from './bytes.js';
import { chHourStats, chOrderOf, ChParams, chTime, chWhereOf, CLICKHOUSE_SCHEMA } from './clickhouseSql.js';
import { CLICKHOUSE_EXPORT_BATCH as EXPORT_BATCH, decodeCursor, nextCursor, offsetTotal, prepareRecords, SEARCH_WINDOW, searchFirstInWindow, hourSplit, storedJson, statsFrame, statsOf, type AuditLogStore, type StoreOptions } from './store.js';

/** What the store needs of a `@clickhouse/client` client. */
type Settings = Record<string, string | number | boolean | undefined>;
export interface ClickHouseClientLike {
  query(params: { query: string; query_params?: Record<string, unknown>; format: 'JSONEachRow'; clickhouse_settings?: Settings }): Promise<{ json<T>(): Promise<T[]> }>;
  command(params: { query: string; query_params?: Record<string, unknown>; clickhouse_settings?: Settings }): Promise<unknown>;
  insert(params: { table: string; values: readonly Record<string, unknown>[]; format: 'JSONEachRow' } | { table: string; values: Readable; format: 'TabSeparated'; columns: [string, ...string[]]; clickhouse_settings?: Settings }): Promise<unknown>;
  close(): Promise<void>;
}

export interface ClickHouseStoreOptions extends StoreOptions {
  client: ClickHouseClientLike;
  /** Close the client with the store. @default false (the client is yours) */
  closeClient?: boolean;
}

const DAY = 86_400_000;

/**
 * Rows after (ts, id) in the time order, written so the table's order key prunes parts by time: ClickHouse
 * does not prune with a tuple comparison, and each export batch would read the tenant's whole log.
 */
function after(direction: 'asc' | 'desc', ms: number, id: string, p: ChParams): string {
  const [cmp, edge] = direction === 'asc' ? ['>', '>='] : ['<', '<='];
  const t = chTime(ms, p);
  return `ts ${edge} ${t} AND (ts ${cmp} ${t} OR id ${cmp} ${p.add(id)})`;
}

/** An ISO time as DateTime64(3, 'UTC') text. */
const chDateTime = (iso: string) => iso.slice(0, 23).replace('T', ' ');

/** The event table's columns in the order `record` writes them. */
const EVENT_COLUMNS: [string, ...string[]] = ['tenant_id', 'id', 'ts', 'severity', 'severity_rank', 'severity_level', 'search_text', 'event'];
/**
 * ClickHouse parses an insert's body on several threads only in chunks of at least 10 MiB by default, and 10,000
 * events are about 7 MB: one thread. With chunks of 1 MiB, chDB's engine took these rows at 68,300 a second
 * against 46,800 (2 cores, the body handed over as bytes); a server parses an HTTP body the same way.
 */
const INSERT_SETTINGS = { min_chunk_bytes_for_parallel_parsing: 1 << 20 };
const TSV_SPECIAL = /[\\\t\n\r\0]/;
const TSV_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r', '\0': '\\0' };
/** A value as a field of ClickHouse's TabSeparated format (most need no escape: only their test is paid). */
const tsv = (s: string) => (TSV_SPECIAL.test(s) ? s.replace(/[\\\t\n\r\0]/g, (c) => TSV_ESCAPES[c]!) : s);

/**
 * Events in ClickHouse. Deletes are ClickHouse's lightweight `DELETE`. The data structure and saved views are
 * kept as versioned rows; their read-change-write is serialized per tenant in this process (ClickHouse has no
 * transactions), so run one writer of views per tenant or keep views elsewhere.
 */
export async function clickhouseStore(options: ClickHouseStoreOptions): Promise<AuditLogStore> {
  const { client } = options;
  const settings = { max_execution_time: Math.ceil((options.statementTimeoutMs ?? 30_000) / 1000) };
  if (options.migrate !== false) for (const statement of CLICKHOUSE_SCHEMA) await client.command({ query: statement });
  const defaults = defaultDataStructure(options.fields ?? []);
  const select = async <T>(query: string, p: ChParams | Record<string, unknown> = {}) =>
    (await client.query({ query, query_params: p instanceof ChParams ? p.values : p, format: 'JSONEachRow', clickhouse_settings: settings })).json<T>();
  const eventsOf = (rows: { event: string }[]) => rows.map((r) => JSON.parse(r.event) as AuditEvent);
  let version = Date.now() * 1000;
  const nextVersion = () => (version = Math.max(version + 1, Date.now() * 1000));
  const latest = async (table: 'audit_data_structures' | 'audit_views', column: 'structure' | 'book', tenantId: string) =>
    (await select<Record<string, string>>(`SELECT ${column} FROM ${table} WHERE tenant_id = {t:String} ORDER BY version DESC LIMIT 1`, { t: tenantId }))[0]?.[column];
  const queues = new Map<string, Promise<unknown>>();
  const serial = <T>(key: string, work: () => Promise<T>): Promise<T> => {
    const run = (queues.get(key) ?? Promise.resolve()).then(work, work);
    queues.set(key, run.catch(() => undefined));
    return run;
  };

  /** Where the tenant's newest (oldest, ascending) SEARCH_WINDOW events begin, by whole hours; none if it holds fewer. */
  async function windowBound(tenantId: string, direction: 'asc' | 'desc'): Promise<number | undefined> {
    const h = new ChParams();
    const hours = await select<{ h: string; n: string }>(
      `SELECT toUnixTimestamp(toStartOfHour(ts)) AS h, count() AS n FROM audit_events WHERE tenant_id = ${h.add(tenantId)} GROUP BY h ORDER BY h ${direction === 'asc' ? 'ASC' : 'DESC'}`,
      h,
    );
    let seen = 0;
    for (const hour of hours) {
      seen += Number(hour.n);
      if (seen >= (options.searchWindow ?? SEARCH_WINDOW)) return Number(hour.h) * 1000 + (direction === 'asc' ? HOUR : 0);
    }
    return undefined;
  }

  const get = async (tenantId: string, id: string) =>
    eventsOf(await select('SELECT event FROM audit_events WHERE tenant_id = {t:String} AND id = {i:String} LIMIT 1', { t: tenantId, i: id }))[0];

  return {
    async record(given, opts = {}) {
      const { recorded, skipped, chosenIds } = prepareRecords(given, opts.tenantId);
      // MergeTree keeps duplicates: an id the caller chose is written once (within this call and across calls).
      // The lookup reads the events within a day of the batch's times (the table's order prunes the rest): a
      // repeated write carries its first time, or a time of its own close to it.
      const seen = new Set<string>();
      const byTenant = new Map<string, { ids: string[]; lo: number; hi: number }>();
      for (const e of recorded) {
        if (!chosenIds.has(e.id)) continue;
        const at = Date.parse(e.timestamp);
        const entry = byTenant.get(e.tenantId) ?? { ids: [], lo: at, hi: at };
        entry.ids.push(e.id);
        entry.lo = Math.min(entry.lo, at);
        entry.hi = Math.max(entry.hi, at);
        byTenant.set(e.tenantId, entry);
      }
      for (const [tenantId, { ids, lo, hi }] of byTenant) {
        const p = new ChParams();
        const found = await select<{ id: string }>(
          `SELECT id FROM audit_events WHERE tenant_id = ${p.add(tenantId)} AND ts >= ${chTime(lo - DAY, p)} AND ts <= ${chTime(hi + DAY, p)} AND has(${p.add(ids, 'Array(String)')}, id)`,
          p,
        );
        for (const { id } of found) seen.add(`${tenantId}\u0000${id}`);
      }
      // Rows go as TabSeparated: each event's JSON is written once as it is (JSONEachRow would escape it again
      // inside each row's JSON, and ClickHouse would unescape it), about half of the bytes to send and parse.
      const body = new Bytes(Math.max(1 << 16, recorded.length * 1280));
      let rows = 0;
      const stored: AuditEvent[] = [];
      for (const given of recorded) {
        const { event: e, json } = storedJson(given);
        stored.push(e);
        const key = `${e.tenantId}\u0000${e.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        writeEventRow(body, e, json, tsv, chDateTime);
        rows++;
      }
      if (rows)
        await client.insert({
          table: 'audit_events',
          values: Readable.from([body.bytes()], { objectMode: false }),
          format: 'TabSeparated',
          columns: EVENT_COLUMNS,
          clickhouse_settings: INSERT_SETTINGS,
        });
      return { recorded: stored, skipped };
    },

    async deleteBefore(tenantId, before) {
      const p = new ChParams();
      const where = `tenant_id = ${p.add(tenantId)} AND ts < ${chTime(new Date(before).getTime(), p)}`;
      const [counted] = await select<{ n: string }>(`SELECT count() AS n FROM audit_events WHERE ${where}`, p);
      const n = Number(counted?.n ?? 0);
      if (n) await client.command({ query: `DELETE FROM audit_events WHERE ${where}`, query_params: p.values });
      return n;
    },

    async list(tenantId, query, fields, page, now) {
      const limit = Math.min(Math.max(1, page.limit), MAX_PAGE_SIZE);
      const sort = query.sort ?? DEFAULT_SORT;
      const p = new ChParams();
      let where = chWhereOf(tenantId, query, fields, now, p);
      const order = chOrderOf(sort, fields, p);
      let offset = page.type === 'offset' ? page.offset : 0;
      if (page.type === 'cursor' && page.cursor) {
        const cursor = decodeCursor(page.cursor);
        if ('o' in cursor) offset = cursor.o;
        else where += ` AND ${after(sort.direction, Date.parse(cursor.t), cursor.i, p)}`;
      }
      const pageSql = (w: string) => `SELECT event FROM audit_events WHERE ${w} ORDER BY ${order} LIMIT ${p.add(limit + 1, 'UInt32')} OFFSET ${p.add(offset, 'UInt64')}`;
      let rows: { event: string }[] | undefined;
      const bound = searchFirstInWindow(query) && !(page.type === 'cursor' && page.cursor) ? await windowBound(tenantId, sort.direction) : undefined;
      if (bound !== undefined) {
        // A search reads every row of the tenant, however few the page needs (reading backwards in order does
        // not stop sooner here). The newest hours that hold about SEARCH_WINDOW events (from the counts
        // projection) hold the page of most searches; a search that matches fewer reads the whole log.
        const found = await select<{ event: string }>(pageSql(`${where} AND ts ${sort.direction === 'asc' ? '<' : '>='} ${chTime(bound, p)}`), p);
        if (found.length > limit) rows = found;
      }
      rows ??= await select<{ event: string }>(pageSql(where), p);
      const events = eventsOf(rows.slice(0, limit));
      if (page.type === 'cursor') return { events, nextCursor: nextCursor(events, rows.length > limit, sort.field === 'timestamp', offset, limit) };
      const total = await offsetTotal(query, { offset, found: events.length, more: rows.length > limit }, async () => {
        const c = new ChParams();
        const [counted] = await select<{ n: string }>(`SELECT count() AS n FROM audit_events WHERE ${chWhereOf(tenantId, query, fields, now, c)}`, c);
        return Number(counted?.n ?? 0);
      });
      return { events, ...total, offset };
    },

    get,

    async delete(tenantId, id) {
      if (!(await get(tenantId, id))) return false;
      await client.command({ query: 'DELETE FROM audit_events WHERE tenant_id = {t:String} AND id = {i:String}', query_params: { t: tenantId, i: id } });
      return true;
    },

    async stats(tenantId, query, fields, maxBuckets, now) {
      const frame = await statsFrame(query, now, maxBuckets, async () => {
        const p = new ChParams();
        const [span] = await select<{ lo: string; hi: string; n: string }>(
          `SELECT toUnixTimestamp64Milli(min(ts)) AS lo, toUnixTimestamp64Milli(max(ts)) AS hi, count() AS n FROM audit_events WHERE ${chWhereOf(tenantId, query, fields, now, p)}`,
          p,
        );
        return span && Number(span.n) > 0 ? { lo: Number(span.lo), hi: Number(span.hi) } : undefined;
      });
      // One pass counts both: by bucket and severity, summed per severity after. Buckets of whole hours are read
      // from the counts projection (and the partial hours at the range's edges from the events).
      type Counted = { b: string; label: string; rank: number; n: string };
      const split = frame.bucketMs % HOUR === 0 ? hourSplit(query, now) : undefined;
      let counted: Counted[];
      if (split) counted = (await Promise.all(chHourStats(tenantId, query, split, frame.first, frame.bucketMs).map((s) => select<Counted>(s.query, s.params)))).flat();
      else {
        const h = new ChParams();
        const hw = chWhereOf(tenantId, query, fields, now, h);
        counted = await select<Counted>(
          `SELECT intDiv(toUnixTimestamp64Milli(ts) - ${h.add(frame.first, 'Int64')}, ${h.add(frame.bucketMs, 'Int64')}) AS b, severity AS label, severity_rank AS rank, count() AS n FROM audit_events WHERE ${hw} GROUP BY b, label, rank`,
          h,
        );
      }
      return statsOf(frame, counted.map((r) => ({ b: Number(r.b), label: r.label, rank: Number(r.rank), n: Number(r.n) })));
    },

    async dataStructure(tenantId) {
      const stored = await latest('audit_data_structures', 'structure', tenantId);
      return stored ? parseDataStructure(JSON.parse(stored)) : structuredClone(defaults);
    },

    async saveDataStructure(tenantId, structure) {
      const parsed = parseDataStructure(structure);
      await serial(`fields\u0000${tenantId}`, () =>
        client.insert({ table: 'audit_data_structures', values: [{ tenant_id: tenantId, structure: JSON.stringify(parsed), version: nextVersion() }], format: 'JSONEachRow' }),
      );
      return parsed;
    },

    async *exportEvents(tenantId, query, fields, now) {
      const sort = query.sort ?? DEFAULT_SORT;
      const byTime = sort.field === 'timestamp';
      let last: AuditEvent | undefined;
      for (let offset = 0; ; offset += EXPORT_BATCH) {
        const p = new ChParams();
        let where = chWhereOf(tenantId, query, fields, now, p);
        if (byTime && last) where += ` AND ${after(sort.direction, Date.parse(last.timestamp), last.id, p)}`;
        const rows = await select<{ event: string }>(
          `SELECT event FROM audit_events WHERE ${where} ORDER BY ${chOrderOf(sort, fields, p)} LIMIT ${EXPORT_BATCH} OFFSET ${p.add(byTime ? 0 : offset, 'UInt64')}`,
          p,
        );
        const events = eventsOf(rows);
        if (events.length) yield events;
        if (events.length < EXPORT_BATCH) return;
        last = events.at(-1);
      }
    },

    views(tenantId, change) {
      return serial(`views\u0000${tenantId}`, async () => {
        const raw = await latest('audit_views', 'book', tenantId);
        const book: ViewBookData = (raw ? parseViewBook(JSON.parse(raw)) : undefined) ?? { views: [] };
        const done = change(book);
        if (done.book) await client.insert({ table: 'audit_views', values: [{ tenant_id: tenantId, book: JSON.stringify(done.book), version: nextVersion() }], format: 'JSONEachRow' });
        return done.result;
      });
    },

    close: async () => {
      if (options.closeClient) await client.close();
    },
  };
}
