/**
 * Counts kept beside the events (PostgreSQL and PGlite): how many events each tenant has per hour and severity,
 * kept by triggers on `audit_events` whatever writes or deletes there (the store, a host's own SQL, retention).
 * A total or a histogram over time and severity alone reads these and counts only the partial hours at the
 * edges of its range, instead of every event in it.
 */
import type { AuditQuery } from '../core/query.js';
import type { Params, SqlClient } from './sql.js';
import { hourSplit } from './store.js';

/** The hour an event falls in (hours since the epoch), as the triggers compute it. */
const HOUR_OF = (column: string) => `floor(extract(epoch FROM ${column}) / 3600)::bigint`;

export const COUNTS_SCHEMA: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS audit_event_counts (
    tenant_id text NOT NULL,
    hour bigint NOT NULL,
    severity text NOT NULL,
    severity_rank integer NOT NULL,
    n bigint NOT NULL,
    PRIMARY KEY (tenant_id, hour, severity, severity_rank)
  )`,
  `CREATE OR REPLACE FUNCTION audit_events_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    TRUNCATE audit_event_counts;
    RETURN NULL;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE audit_event_counts AS c SET n = c.n - g.n
      FROM (SELECT tenant_id, ${HOUR_OF('ts')} AS hour, severity, severity_rank, count(*) AS n FROM removed GROUP BY 1, 2, 3, 4) AS g
      WHERE c.tenant_id = g.tenant_id AND c.hour = g.hour AND c.severity = g.severity AND c.severity_rank = g.severity_rank;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO audit_event_counts AS c (tenant_id, hour, severity, severity_rank, n)
      SELECT tenant_id, ${HOUR_OF('ts')}, severity, severity_rank, count(*) FROM added GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
      ON CONFLICT (tenant_id, hour, severity, severity_rank) DO UPDATE SET n = c.n + EXCLUDED.n;
  END IF;
  RETURN NULL;
END
$$`,
  // Made once, in one step with the counts of the events already there (an older schema migrates here).
  `DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'audit_events_counted_insert' AND tgrelid = 'audit_events'::regclass) THEN
    LOCK TABLE audit_events IN SHARE ROW EXCLUSIVE MODE;
    DELETE FROM audit_event_counts;
    INSERT INTO audit_event_counts (tenant_id, hour, severity, severity_rank, n)
      SELECT tenant_id, ${HOUR_OF('ts')}, severity, severity_rank, count(*) FROM audit_events GROUP BY 1, 2, 3, 4;
    CREATE TRIGGER audit_events_counted_insert AFTER INSERT ON audit_events REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION audit_events_count();
    CREATE TRIGGER audit_events_counted_delete AFTER DELETE ON audit_events REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION audit_events_count();
    CREATE TRIGGER audit_events_counted_update AFTER UPDATE ON audit_events REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION audit_events_count();
    CREATE TRIGGER audit_events_counted_truncate AFTER TRUNCATE ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION audit_events_count();
  END IF;
END
$$`,
];

/**
 * Where a query can be counted from the counts (time and severity alone, no search, no field filters): the
 * condition on `audit_event_counts` (whole hours inside the range) and, where the range starts or ends inside
 * an hour, the condition on `audit_events` for those partial hours. `undefined`: count the events.
 */
export function countsWhere(tenantId: string, query: AuditQuery, now: number, p: Params): { counts: string; edges?: string } | undefined {
  const split = hourSplit(query, now);
  if (!split) return undefined;
  const tenant = p.add(tenantId);
  const severities = query.severities?.length ? ` AND lower(severity) = ANY(${p.add(query.severities.map((s) => s.toLowerCase()))}::text[])` : '';
  const counts = [`tenant_id = ${tenant}${severities}`];
  if (split.firstHour !== undefined) counts.push(`hour >= ${p.add(split.firstHour)}`);
  if (split.endHour !== undefined) counts.push(`hour < ${p.add(split.endHour)}`);
  const at = (ms: number) => `${p.add(new Date(ms).toISOString())}::timestamptz`;
  const edges = split.edges.map(([a, b]) => `(ts >= ${at(a)} AND ts < ${at(b)})`);
  return { counts: counts.join(' AND '), ...(edges.length && { edges: `tenant_id = ${tenant}${severities} AND (${edges.join(' OR ')})` }) };
}

/** The matching events' count, from the counts where the query allows (one statement either way). */
export function countSql(where: { counts: string; edges?: string }): string {
  const kept = `(SELECT coalesce(sum(n), 0) FROM audit_event_counts WHERE ${where.counts})`;
  return where.edges ? `SELECT (${kept} + (SELECT count(*) FROM audit_events WHERE ${where.edges}))::int AS n` : `SELECT ${kept}::int AS n`;
}

/**
 * The stats' rows (bucket, severity label, rank, count) from the counts, where buckets are whole hours: the kept
 * hours by bucket, the partial hours at the edges from the events.
 */
export function countsStatsSql(where: { counts: string; edges?: string }, first: string, bucketMs: string): string {
  const hours = `SELECT floor((hour * 3600000 - ${first}::double precision) / ${bucketMs}::double precision)::int AS b, severity AS label, severity_rank AS rank, sum(n)::int AS n FROM audit_event_counts WHERE ${where.counts} GROUP BY 1, 2, 3 HAVING sum(n) > 0`;
  if (!where.edges) return hours;
  const edges = `SELECT floor((extract(epoch FROM ts) * 1000 - ${first}::double precision) / ${bucketMs}::double precision)::int AS b, severity AS label, severity_rank AS rank, count(*)::int AS n FROM audit_events WHERE ${where.edges} GROUP BY 1, 2, 3`;
  return `${hours} UNION ALL ${edges}`;
}

/** Whether the database has the kept counts (schema version 2: the table and its triggers). */
export async function hasKeptCounts(db: SqlClient): Promise<boolean> {
  const { rows } = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM pg_trigger WHERE tgname = 'audit_events_counted_insert' AND tgrelid = to_regclass('audit_events')",
  );
  return (rows[0]?.n ?? 0) > 0;
}
