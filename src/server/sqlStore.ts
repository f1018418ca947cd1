import { safeNormalizeAuditEvent, type AuditEvent, type AuditEventDraft, type AuditEventInput, type JsonValue } from '../core/event.js';
import { defaultDataStructure, parseDataStructure, type DataStructure, type FieldDefinition, type FieldDefinitionInput } from '../core/fields.js';
import { chooseBucketSize } from '../core/histogramBuckets.js';
import { clampBuckets } from '../core/histogramCap.js';
import { MAX_PAGE_SIZE, type AuditStats, type EventPage, type PageRequest } from '../core/page.js';
import { DEFAULT_SORT, resolveTimeRange, type AuditQuery } from '../core/query.js';
import { severityLevelOfRank } from '../core/severity.js';
import { toIsoUtc } from '../core/time.js';
import { parseViewBook, type ViewBookData } from '../core/viewBook.js';
import { orderOf, Params, SCHEMA, whereOf, type SqlClient } from './sql.js';

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

export interface SqlStoreOptions {
  /** Custom fields every tenant's data structure starts with. */
  fields?: readonly FieldDefinitionInput[];
}

const EXPORT_BATCH = 1000;

/** What free-text search looks through (as the memory adapter: what a person reads, not the raw payload). */
function searchText(e: AuditEvent): string {
  const text = (v: JsonValue | undefined) => (v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v));
  const parts = [e.id, e.severity, e.action, e.resource, e.resourceId, e.message, e.actor?.name, e.actor?.email, e.actor?.id, e.ip, e.eventType, e.source, e.correlationId, e.traceId, e.requestId, ...(e.tags ?? [])];
  for (const change of e.changes ?? []) parts.push(change.field, text(change.before), text(change.after));
  for (const key in e.fields) parts.push(text(e.fields[key]));
  return parts.filter(Boolean).join('\u0001').toLowerCase();
}

/** A keyset cursor for the time order (the last row's time and id), or an offset for other orders. */
type Cursor = { t: string; i: string } | { o: number };
const encode = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
function decode(cursor: string): Cursor | undefined {
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (typeof c.t === 'string' && typeof c.i === 'string' && !Number.isNaN(Date.parse(c.t))) return { t: c.t, i: c.i };
    if (typeof c.o === 'number' && Number.isInteger(c.o) && c.o >= 0) return { o: c.o };
  } catch {
    // reported below
  }
  return undefined;
}

/** Thrown for a request the store refuses (a cursor it never sent); the handler answers 400. */
export class StoreRequestError extends Error {
  override readonly name = 'StoreRequestError';
}

/** A store over any PostgreSQL client (PGlite in process, `pg` on a server): one SQL for both. */
export async function sqlStore(
  db: SqlClient,
  options: SqlStoreOptions & {
    close?: () => Promise<void>;
    /** Runs `work` in one transaction on one connection. */
    transaction: <T>(work: (tx: SqlClient) => Promise<T>) => Promise<T>;
  },
): Promise<AuditLogStore> {
  for (const statement of SCHEMA) await db.query(statement);
  const defaults = defaultDataStructure(options.fields ?? []);
  const rowsOf = (rows: { event: unknown }[]) => rows.map((r) => (typeof r.event === 'string' ? JSON.parse(r.event) : r.event) as AuditEvent);

  const store: AuditLogStore = {
    async record(given, opts = {}) {
      const list = (Array.isArray(given) ? given : [given]) as readonly RecordInput[];
      const at = new Date().toISOString();
      const recorded: AuditEvent[] = [];
      const skipped: RecordSkipped[] = [];
      list.forEach((input, index) => {
        const tenantId = opts.tenantId ?? (input as { tenantId?: unknown }).tenantId;
        if (typeof tenantId !== 'string' || !tenantId) return void skipped.push({ index, issues: ['tenantId: required'] });
        if (opts.tenantId && (input as { tenantId?: unknown }).tenantId !== undefined && (input as { tenantId?: unknown }).tenantId !== opts.tenantId) {
          return void skipped.push({ index, issues: [`tenantId: belongs to another tenant, not "${opts.tenantId}"`] });
        }
        const timed = input && typeof input === 'object' && input.timestamp === undefined ? { ...input, timestamp: at } : input;
        const result = safeNormalizeAuditEvent(timed, { tenantId, id: `evt_${crypto.randomUUID()}` });
        if (result.ok) recorded.push(result.event);
        else skipped.push({ index, issues: result.issues });
      });
      for (let from = 0; from < recorded.length; from += 500) {
        const batch = recorded.slice(from, from + 500);
        const p = new Params();
        const values = batch.map(
          (e) =>
            `(${p.add(e.tenantId)}, ${p.add(e.id)}, ${p.add(e.timestamp)}::timestamptz, ${p.add(e.severity)}, ${p.add(e.severityRank)}, ${p.add(severityLevelOfRank(e.severityRank))}, ${p.add(searchText(e))}, ${p.add(JSON.stringify(e))}::jsonb)`,
        );
        await db.query(
          `INSERT INTO audit_events (tenant_id, id, ts, severity, severity_rank, severity_level, search_text, event) VALUES ${values.join(', ')} ON CONFLICT (tenant_id, id) DO NOTHING`,
          p.values,
        );
      }
      return { recorded, skipped };
    },

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
      if (page.type === 'cursor' && page.cursor) {
        const cursor = decode(page.cursor);
        if (!cursor) throw new StoreRequestError('The cursor is not one this server sent.');
        if ('o' in cursor) offset = cursor.o;
        else where += ` AND (ts, id) ${sort.direction === 'asc' ? '>' : '<'} (${p.add(cursor.t)}::timestamptz, ${p.add(cursor.i)})`;
      }
      const { rows } = await db.query<{ event: unknown }>(`SELECT event FROM audit_events WHERE ${where} ORDER BY ${order} LIMIT ${p.add(limit + 1)} OFFSET ${p.add(offset)}`, p.values);
      const events = rowsOf(rows.slice(0, limit));
      const more = rows.length > limit;
      if (page.type === 'cursor') {
        const last = events.at(-1);
        const next = !more || !last ? null : sort.field === 'timestamp' ? encode({ t: last.timestamp, i: last.id }) : encode({ o: offset + limit });
        return { events, nextCursor: next };
      }
      const c = new Params();
      const counted = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE ${whereOf(tenantId, query, fields, now, c)}`, c.values);
      return { events, total: counted.rows[0]?.n ?? 0, offset };
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
      const p = new Params();
      const where = whereOf(tenantId, query, fields, now, p);
      const bySeverity = await db.query<{ label: string; rank: number; count: number }>(
        `SELECT severity AS label, max(severity_rank)::int AS rank, count(*)::int AS count FROM audit_events WHERE ${where} GROUP BY severity ORDER BY 2, 1`,
        p.values,
      );
      const total = bySeverity.rows.reduce((n, r) => n + r.count, 0);
      const range = resolveTimeRange(query.timeRange, now);
      let from = range.from;
      let to = range.to;
      if (from === undefined || to === undefined) {
        const q = new Params();
        const span = await db.query<{ lo: string | null; hi: string | null }>(
          `SELECT (extract(epoch FROM min(ts)) * 1000)::text AS lo, (extract(epoch FROM max(ts)) * 1000)::text AS hi FROM audit_events WHERE ${whereOf(tenantId, query, fields, now, q)}`,
          q.values,
        );
        from ??= span.rows[0]?.lo ? Number(span.rows[0].lo) : now - 86_400_000;
        to ??= span.rows[0]?.hi ? Number(span.rows[0].hi) + 1 : now;
      }
      const bucketMs = chooseBucketSize(from, to, maxBuckets);
      const first = Math.floor(from / bucketMs) * bucketMs;
      const count = Math.min(clampBuckets(maxBuckets), Math.max(1, Math.ceil((to - first) / bucketMs)));
      const h = new Params();
      const hw = whereOf(tenantId, query, fields, now, h);
      const bucket = `floor((extract(epoch FROM ts) * 1000 - ${h.add(first)}::double precision) / ${h.add(bucketMs)}::double precision)::int`;
      const counted = await db.query<{ b: number; level: string; n: number }>(
        `SELECT ${bucket} AS b, severity_level AS level, count(*)::int AS n FROM audit_events WHERE ${hw} GROUP BY 1, 2`,
        h.values,
      );
      const buckets = Array.from({ length: count }, (_, i) => ({
        start: toIsoUtc(first + i * bucketMs),
        end: toIsoUtc(first + (i + 1) * bucketMs),
        count: 0,
        bySeverity: {} as Record<string, number>,
      }));
      for (const row of counted.rows) {
        const b = buckets[row.b];
        if (!b || first + row.b * bucketMs < from || first + row.b * bucketMs >= to) continue;
        b.count += row.n;
        b.bySeverity[row.level] = (b.bySeverity[row.level] ?? 0) + row.n;
      }
      return { total, bySeverity: bySeverity.rows, histogram: { bucketMs, buckets } };
    },

    async dataStructure(tenantId) {
      const { rows } = await db.query<{ structure: unknown }>('SELECT structure FROM audit_data_structures WHERE tenant_id = $1', [tenantId]);
      const stored = rows[0]?.structure;
      return stored ? parseDataStructure(typeof stored === 'string' ? JSON.parse(stored) : stored) : structuredClone(defaults);
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
      for (let offset = 0; ; offset += EXPORT_BATCH) {
        const p = new Params();
        const where = whereOf(tenantId, query, fields, now, p);
        const { rows } = await db.query<{ event: unknown }>(
          `SELECT event FROM audit_events WHERE ${where} ORDER BY ${orderOf(sort, fields, p)} LIMIT ${p.add(EXPORT_BATCH)} OFFSET ${p.add(offset)}`,
          p.values,
        );
        if (rows.length) yield rowsOf(rows);
        if (rows.length < EXPORT_BATCH) return;
      }
    },

    async views(tenantId, change) {
      // One tenant's views change one at a time: the row is locked for the read and the write.
      return options.transaction(async (tx) => {
        await tx.query("INSERT INTO audit_views (tenant_id, book) VALUES ($1, '{\"views\": []}'::jsonb) ON CONFLICT (tenant_id) DO NOTHING", [tenantId]);
        const { rows } = await tx.query<{ book: unknown }>('SELECT book FROM audit_views WHERE tenant_id = $1 FOR UPDATE', [tenantId]);
        const raw = rows[0]?.book;
        const book = parseViewBook(typeof raw === 'string' ? JSON.parse(raw) : raw) ?? { views: [] };
        const done = change(book);
        if (done.book) await tx.query('UPDATE audit_views SET book = $2::jsonb WHERE tenant_id = $1', [tenantId, JSON.stringify(done.book)]);
        return done.result;
      });
    },

    close: options.close ?? (async () => undefined),
  };
  return store;
}
