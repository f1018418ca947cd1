import type { AuditEvent } from '../core/event.js';
import { defaultDataStructure, parseDataStructure } from '../core/fields.js';
import { MAX_PAGE_SIZE } from '../core/page.js';
import { DEFAULT_SORT } from '../core/query.js';
import { HOUR } from '../core/time.js';
import { parseViewBook } from '../core/viewBook.js';
import { orderOf, Params, SCHEMA, TRIGRAM_SCHEMA, whereOf, type SqlClient } from './sql.js';
import { sqlRecord, type SqlRecordOptions } from './sqlRecord.js';
import { COUNTS_SCHEMA, countSql, countsStatsSql, countsWhere, hasKeptCounts } from './sqlCounts.js';
import {
  decodeCursor,
  EXPORT_BATCH,
  statsFrame,
  statsOf,
  nextCursor,
  offsetTotal,
  searchFirstInWindow,
  SEARCH_WINDOW,
  parsedJson,
  type AuditLogStore,
  type StoreOptions,
} from './store.js';

/** The advisory lock key the schema is made under (any fixed number: "audit" on a phone keypad). */
const SCHEMA_LOCK = 28348;

/** A store over any PostgreSQL client (PGlite in process, `pg` on a server): one SQL for both. */
export async function sqlStore(
  db: SqlClient,
  options: StoreOptions & {
    /** A trigram index for search (PostgreSQL with pg_trgm). */
    searchIndex?: 'trigram';
    close?: () => Promise<void>;
    /** Runs `work` in one transaction on one connection. */
    transaction: <T>(work: (tx: SqlClient) => Promise<T>) => Promise<T>;
  } & SqlRecordOptions,
): Promise<AuditLogStore> {
  if (options.migrate !== false)
    // Stores starting at once on one database make the schema once: the lock waits for the first.
    await options.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(${SCHEMA_LOCK})`);
      for (const statement of [...SCHEMA, ...COUNTS_SCHEMA, ...(options.searchIndex === 'trigram' ? TRIGRAM_SCHEMA : [])]) await tx.query(statement);
    });
  // A database whose schema the host runs and has not brought to version 2 has no kept counts: count the events.
  const kept = options.migrate !== false || (await hasKeptCounts(db));
  const countsOf: typeof countsWhere = (...args) => (kept ? countsWhere(...args) : undefined);
  const defaults = defaultDataStructure(options.fields ?? []);
  const rowsOf = (rows: { event: unknown }[]) => rows.map((r) => parsedJson<AuditEvent>(r.event));

  const store: AuditLogStore = {
    record: sqlRecord(db, { copy: options.copy, parallel: options.parallel }),

    async deleteBefore(tenantId, before) {
      const { rows } = await db.query<{ n: number }>('WITH gone AS (DELETE FROM audit_events WHERE tenant_id = $1 AND ts < $2::timestamptz RETURNING 1) SELECT count(*)::int AS n FROM gone', [
        tenantId,
        new Date(before).toISOString(),
      ]);
      return rows[0]?.n ?? 0;
    },

    async list(tenantId, query, fields, page, now) {
      const limit = Math.min(Math.max(1, page.limit), MAX_PAGE_SIZE);
      const sort = query.sort ?? DEFAULT_SORT;
      const p = new Params();
      let where = whereOf(tenantId, query, fields, now, p);
      const order = orderOf(sort, fields, p);
      let offset = page.type === 'offset' ? page.offset : 0;
      let after = '';
      if (page.type === 'cursor' && page.cursor) {
        const cursor = decodeCursor(page.cursor);
        if ('o' in cursor) offset = cursor.o;
        else after = ` AND (ts, id) ${sort.direction === 'asc' ? '>' : '<'} (${p.add(cursor.t)}::timestamptz, ${p.add(cursor.i)})`;
      }
      where += after;
      const pageSql = (from: string) => `SELECT event FROM ${from} WHERE ${where} ORDER BY ${order} LIMIT ${p.add(limit + 1)} OFFSET ${p.add(offset)}`;
      let rows: { event: unknown }[] | undefined;
      const mark = p.values.length;
      if (searchFirstInWindow(query)) {
        // PostgreSQL guesses that a substring matches almost nothing, so it reads every row of the tenant and
        // sorts the matches. Most searches match more: the newest rows in time order (an index walk) hold the page.
        // When they do not, the whole log is read below, as before.
        const recent = `(SELECT * FROM audit_events WHERE ${whereOf(tenantId, { timeRange: query.timeRange }, fields, now, p)}${after} ORDER BY ${order} LIMIT ${p.add(options.searchWindow ?? SEARCH_WINDOW)}) AS recent`;
        const found = (await db.query<{ event: unknown }>(pageSql(recent), p.values)).rows;
        if (found.length > limit) rows = found;
        // The whole log's query binds none of the window's values: they go, so every value bound is used.
        else p.values.length = mark;
      }
      rows ??= (await db.query<{ event: unknown }>(pageSql('audit_events'), p.values)).rows;
      const events = rowsOf(rows.slice(0, limit));
      if (page.type === 'cursor') return { events, nextCursor: nextCursor(events, rows.length > limit, sort.field === 'timestamp', offset, limit) };
      const total = await offsetTotal(query, { offset, found: events.length, more: rows.length > limit }, async () => {
        const c = new Params();
        const fromCounts = countsOf(tenantId, query, now, c);
        const counted = await db.query<{ n: number }>(fromCounts ? countSql(fromCounts) : `SELECT count(*)::int AS n FROM audit_events WHERE ${whereOf(tenantId, query, fields, now, c)}`, c.values);
        return counted.rows[0]?.n ?? 0;
      });
      return { events, ...total, offset };
    },

    async get(tenantId, id) {
      const { rows } = await db.query<{ event: unknown }>('SELECT event FROM audit_events WHERE tenant_id = $1 AND id = $2', [tenantId, id]);
      return rowsOf(rows)[0];
    },

    async delete(tenantId, id) {
      const { rows } = await db.query('DELETE FROM audit_events WHERE tenant_id = $1 AND id = $2 RETURNING id', [tenantId, id]);
      return rows.length > 0;
    },

    async stats(tenantId, query, fields, maxBuckets, now) {
      const frame = await statsFrame(query, now, maxBuckets, async () => {
        const q = new Params();
        const { rows } = await db.query<{ lo: string | null; hi: string | null }>(
          `SELECT (extract(epoch FROM min(ts)) * 1000)::text AS lo, (extract(epoch FROM max(ts)) * 1000)::text AS hi FROM audit_events WHERE ${whereOf(tenantId, query, fields, now, q)}`,
          q.values,
        );
        return rows[0]?.lo && rows[0].hi ? { lo: Number(rows[0].lo), hi: Number(rows[0].hi) } : undefined;
      });
      // One pass counts both: by bucket and severity, summed per severity after. Buckets of whole hours come
      // from the kept counts (the partial hours at the range's edges from the events); others from the events.
      const h = new Params();
      const fromCounts = frame.bucketMs % HOUR === 0 ? countsOf(tenantId, query, now, h) : undefined;
      let sql: string;
      if (fromCounts) sql = countsStatsSql(fromCounts, h.add(frame.first), h.add(frame.bucketMs));
      else {
        const hw = whereOf(tenantId, query, fields, now, h);
        const bucket = `floor((extract(epoch FROM ts) * 1000 - ${h.add(frame.first)}::double precision) / ${h.add(frame.bucketMs)}::double precision)::int`;
        sql = `SELECT ${bucket} AS b, severity AS label, severity_rank AS rank, count(*)::int AS n FROM audit_events WHERE ${hw} GROUP BY 1, 2, 3`;
      }
      const counted = await db.query<{ b: number; label: string; rank: number; n: number }>(sql, h.values);
      return statsOf(frame, counted.rows);
    },

    async dataStructure(tenantId) {
      const { rows } = await db.query<{ structure: unknown }>('SELECT structure FROM audit_data_structures WHERE tenant_id = $1', [tenantId]);
      const stored = rows[0]?.structure;
      return stored ? parseDataStructure(parsedJson(stored)) : structuredClone(defaults);
    },

    async saveDataStructure(tenantId, structure) {
      const parsed = parseDataStructure(structure);
      await db.query(
        'INSERT INTO audit_data_structures (tenant_id, structure) VALUES ($1, $2::jsonb) ON CONFLICT (tenant_id) DO UPDATE SET structure = EXCLUDED.structure',
        [tenantId, JSON.stringify(parsed)],
      );
      return parsed;
    },

    async *exportEvents(tenantId, query, fields, now) {
      const sort = query.sort ?? DEFAULT_SORT;
      const byTime = sort.field === 'timestamp';
      // By time (the usual order) each batch starts after the last row of the one before, so the 1,000th batch
      // costs what the first did; other orders page by offset.
      const batchAfter = (after: AuditEvent | undefined, offset: number) => {
        const p = new Params();
        let where = whereOf(tenantId, query, fields, now, p);
        if (byTime && after) where += ` AND (ts, id) ${sort.direction === 'asc' ? '>' : '<'} (${p.add(after.timestamp)}::timestamptz, ${p.add(after.id)})`;
        const read = db
          .query<{ event: unknown }>(`SELECT event FROM audit_events WHERE ${where} ORDER BY ${orderOf(sort, fields, p)} LIMIT ${p.add(EXPORT_BATCH)} OFFSET ${p.add(byTime ? 0 : offset)}`, p.values)
          .then(({ rows }) => rowsOf(rows));
        // Read ahead: an export given up while this read is out must not leave its failure unhandled.
        read.catch(() => undefined);
        return read;
      };
      // The next batch is asked for as soon as this one arrives: the database reads it while this one is encoded.
      let next = batchAfter(undefined, 0);
      for (let offset = 0; ; offset += EXPORT_BATCH) {
        const events = await next;
        const more = events.length === EXPORT_BATCH;
        if (more) next = batchAfter(events.at(-1), offset + EXPORT_BATCH);
        if (events.length) yield events;
        if (!more) return;
      }
    },

    async views(tenantId, change) {
      // One tenant's views change one at a time: the row is locked for the read and the write.
      return options.transaction(async (tx) => {
        await tx.query("INSERT INTO audit_views (tenant_id, book) VALUES ($1, '{\"views\": []}'::jsonb) ON CONFLICT (tenant_id) DO NOTHING", [tenantId]);
        const { rows } = await tx.query<{ book: unknown }>('SELECT book FROM audit_views WHERE tenant_id = $1 FOR UPDATE', [tenantId]);
        const raw = rows[0]?.book;
        const book = parseViewBook(parsedJson(raw)) ?? { views: [] };
        const done = change(book);
        if (done.book) await tx.query('UPDATE audit_views SET book = $2::jsonb WHERE tenant_id = $1', [tenantId, JSON.stringify(done.book)]);
        return done.result;
      });
    },

    close: options.close ?? (async () => undefined),
  };
  return store;
}
