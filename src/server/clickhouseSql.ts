/**
 * The ClickHouse SQL `clickhouseStore` sends (to a server, a cluster, or chDB in process). Every value is a
 * query parameter (`{p1:String}`), bound by ClickHouse itself; a field's JSON path reaches SQL only as parameters
 * too, after the tenant's data structure said the field exists. Directions and operators come from fixed tables.
 */
import { resolveTimeRange, type AuditQuery, type AuditSort, type FieldFilter } from '../core/query.js';
import type { FieldDefinition } from '../core/fields.js';
import type { HourSplit } from './store.js';
import { fieldPath } from './sql.js';

/**
 * Counts per tenant, hour and severity, with the first and last time: ClickHouse keeps this projection with every
 * part (and rebuilds it when a lightweight DELETE touches one), and answers a count, a histogram of whole hours
 * or the span of a query on time and severity from it.
 */
const COUNTS_PROJECTION =
  'SELECT tenant_id, toStartOfHour(ts), severity, severity_rank, count(), min(ts), max(ts) GROUP BY tenant_id, toStartOfHour(ts), severity, severity_rank';

/** The schema, created if missing. Events are ordered for "tenant, newest first" (read backwards). */
export const CLICKHOUSE_SCHEMA: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS audit_events (
    tenant_id String,
    id String,
    ts DateTime64(3, 'UTC'),
    severity LowCardinality(String),
    severity_rank Int32,
    severity_level LowCardinality(String),
    search_text String,
    event String,
    INDEX audit_events_id id TYPE bloom_filter GRANULARITY 4,
    PROJECTION audit_counts (${COUNTS_PROJECTION})
  ) ENGINE = MergeTree ORDER BY (tenant_id, ts, id) SETTINGS lightweight_mutation_projection_mode = 'rebuild'`,
  // Version 2 on a table of version 1: new parts get the projection (`MATERIALIZE PROJECTION` builds it for old ones).
  `ALTER TABLE audit_events ADD PROJECTION IF NOT EXISTS audit_counts (${COUNTS_PROJECTION})`,
  "ALTER TABLE audit_events MODIFY SETTING lightweight_mutation_projection_mode = 'rebuild'",
  // The newest row per tenant wins (a version grows with every write).
  'CREATE TABLE IF NOT EXISTS audit_data_structures (tenant_id String, structure String, version UInt64) ENGINE = ReplacingMergeTree(version) ORDER BY tenant_id',
  'CREATE TABLE IF NOT EXISTS audit_views (tenant_id String, book String, version UInt64) ENGINE = ReplacingMergeTree(version) ORDER BY tenant_id',
];

/** Built query text: its parameters, named as added. */
export class ChParams {
  readonly values: Record<string, unknown> = {};
  private n = 0;
  add(value: unknown, type = 'String'): string {
    const name = `p${++this.n}`;
    this.values[name] = value;
    return `{${name}:${type}}`;
  }
}

/** A time as ClickHouse's DateTime64(3, 'UTC'), from epoch milliseconds bound as a parameter. */
export const chTime = (ms: number, p: ChParams) => `fromUnixTimestamp64Milli(${p.add(Math.trunc(ms), 'Int64')}, 'UTC')`;

/** An ISO time (checked already) as a parameter. */
const isoTime = (iso: unknown, p: ChParams) => chTime(Date.parse(String(iso)), p);

/** The arguments after the event that reach a field's value: one parameter per JSON key. */
const pathArgs = (field: FieldDefinition, p: ChParams) => fieldPath(field).map((key) => p.add(key)).join(', ');

/** A field's value as text (a string unquoted, a number as written, a list or object as JSON), null if none. */
function textOf(args: string): string {
  return `multiIf(JSONType(event, ${args}) = 'String', JSONExtractString(event, ${args}), JSONType(event, ${args}) = 'Null', NULL, JSONExtractRaw(event, ${args}))`;
}

/** A field's values as an array of lower-case text: a list's elements, or the one value. */
function elementsOf(args: string): string {
  const raw = `if(JSONType(event, ${args}) = 'Array', JSONExtractArrayRaw(event, ${args}), [JSONExtractRaw(event, ${args})])`;
  return `arrayMap(x -> lowerUTF8(if(JSONType(x) = 'String', JSONExtractString(x), x)), arrayFilter(x -> x != '' AND x != 'null', ${raw}))`;
}

/** One filter as a condition, as the memory engine reads it: text ignores case, a list matches by any element. */
function condition(filter: FieldFilter, field: FieldDefinition, p: ChParams): string {
  const { op, value } = filter;
  if (field.name === 'timestamp') {
    if (op === 'before') return `ts < ${isoTime(value, p)}`;
    if (op === 'after') return `ts >= ${isoTime(value, p)}`;
    const [from, to] = value as string[];
    return `(ts >= ${isoTime(from, p)} AND ts < ${isoTime(to, p)})`;
  }
  const args = pathArgs(field, p);
  const lower = (v: unknown) => String(v).toLowerCase();
  const time = `if(match(ifNull(${textOf(args)}, ''), '^\\\\d{4}-\\\\d{2}-\\\\d{2}'), parseDateTime64BestEffortOrNull(${textOf(args)}, 3, 'UTC'), NULL)`;
  switch (op) {
    case 'eq':
      return `has(${elementsOf(args)}, ${p.add(lower(value))})`;
    case 'neq':
      return `NOT has(${elementsOf(args)}, ${p.add(lower(value))})`;
    case 'in':
      return `hasAny(${elementsOf(args)}, ${p.add((value as unknown[]).map(lower), 'Array(String)')})`;
    case 'contains':
      return `positionCaseInsensitiveUTF8(ifNull(${textOf(args)}, ''), ${p.add(String(value))}) > 0`;
    case 'startsWith':
      return `arrayExists(x -> startsWith(x, ${p.add(lower(value))}), ${elementsOf(args)})`;
    case 'before':
      return `${time} < ${isoTime(value, p)}`;
    case 'after':
      return `${time} >= ${isoTime(value, p)}`;
    case 'between': {
      const [from, to] = value as string[];
      return `(${time} >= ${isoTime(from, p)} AND ${time} < ${isoTime(to, p)})`;
    }
    case 'gt':
    case 'lt':
      return `toFloat64OrNull(${textOf(args)}) ${op === 'gt' ? '>' : '<'} ${p.add(Number(value), 'Float64')}`;
  }
}

/** The WHERE clause of a query checked by `parseAuditQuery` against `fields`. */
export function chWhereOf(tenantId: string, query: AuditQuery, fields: readonly FieldDefinition[], now: number, p: ChParams): string {
  const parts = [`tenant_id = ${p.add(tenantId)}`];
  const search = query.search?.trim().toLowerCase();
  if (search) parts.push(`position(search_text, ${p.add(search)}) > 0`);
  if (query.severities?.length) parts.push(severityWhere(query, p));
  const { from, to } = resolveTimeRange(query.timeRange, now);
  if (from !== undefined) parts.push(`ts >= ${chTime(from, p)}`);
  if (to !== undefined) parts.push(`ts < ${chTime(to, p)}`);
  const byName = new Map(fields.map((f) => [f.name, f]));
  for (const filter of query.filters ?? []) parts.push(condition(filter, byName.get(filter.field)!, p));
  return parts.join(' AND ');
}

/** The ORDER BY of a sort on a sortable field; ties by time, then id, in the same direction. */
export function chOrderOf(sort: AuditSort, fields: readonly FieldDefinition[], p: ChParams): string {
  const dir = sort.direction === 'asc' ? 'ASC' : 'DESC';
  if (sort.field === 'timestamp') return `ts ${dir}, id ${dir}`;
  if (sort.field === 'severity') return `severity_rank ${dir}, ts ${dir}, id ${dir}`;
  const field = fields.find((f) => f.name === sort.field)!;
  const text = textOf(pathArgs(field, p));
  const key = field.type === 'number' ? `toFloat64OrNull(${text})` : `lowerUTF8(${text})`;
  return `${key} ${dir} NULLS LAST, ts ${dir}, id ${dir}`;
}

/** The severity condition (the counts projection answers it: it is over one of its keys). */
const severityWhere = (query: AuditQuery, p: ChParams) => `has(${p.add((query.severities ?? []).map((s) => s.toLowerCase()), 'Array(String)')}, lowerUTF8(severity))`;
const andSeverity = (query: AuditQuery, p: ChParams) => (query.severities?.length ? ` AND ${severityWhere(query, p)}` : '');

/**
 * The stats' counts of a query on time and severity alone: whole hours from the projection (its conditions are
 * on its keys), the partial hours at the range's edges from the events. Two statements, each with its parameters.
 */
export function chHourStats(tenantId: string, query: AuditQuery, split: HourSplit, first: number, bucketMs: number) {
  const h = new ChParams();
  const hours = [`tenant_id = ${h.add(tenantId)}${andSeverity(query, h)}`];
  if (split.firstHour !== undefined) hours.push(`toStartOfHour(ts) >= toDateTime(${h.add(split.firstHour * 3600, 'Int64')}, 'UTC')`);
  if (split.endHour !== undefined) hours.push(`toStartOfHour(ts) < toDateTime(${h.add(split.endHour * 3600, 'Int64')}, 'UTC')`);
  const statements = [
    {
      query: `SELECT intDiv(toUnixTimestamp(toStartOfHour(ts)) * 1000 - ${h.add(first, 'Int64')}, ${h.add(bucketMs, 'Int64')}) AS b, severity AS label, severity_rank AS rank, count() AS n FROM audit_events WHERE ${hours.join(' AND ')} GROUP BY b, label, rank`,
      params: h,
    },
  ];
  if (split.edges.length) {
    const e = new ChParams();
    const where = `tenant_id = ${e.add(tenantId)}${andSeverity(query, e)} AND (${split.edges.map(([a, b]) => `(ts >= ${chTime(a, e)} AND ts < ${chTime(b, e)})`).join(' OR ')})`;
    statements.push({
      query: `SELECT intDiv(toUnixTimestamp64Milli(ts) - ${e.add(first, 'Int64')}, ${e.add(bucketMs, 'Int64')}) AS b, severity AS label, severity_rank AS rank, count() AS n FROM audit_events WHERE ${where} GROUP BY b, label, rank`,
      params: e,
    });
  }
  return statements;
}
