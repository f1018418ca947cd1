/**
 * The counts the PostgreSQL stores keep per tenant, hour and severity (triggers on audit_events): they stay equal
 * to the events whatever writes there, totals and stats read from them agree with counting the events, and a
 * database made before them is counted when a store first starts on it.
 */
import { expect, it } from 'vitest';
import type { AuditLogStore } from '../../src/server';
import type { SqlClient } from '../../src/server/sql';
import type { AuditQuery } from '../../src/core/query';
import { defaultDataStructure } from '../../src/core/fields';
import { HOUR, MINUTE } from '../../src/core/time';

const FIELDS = defaultDataStructure([]).fields;
/** Not on an hour: every range below starts or ends inside one somewhere. */
const T0 = Date.UTC(2026, 9, 1, 10, 37, 12);
const NOW = T0 + 40 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();
const LEVELS = ['Info', 'Warning', 'Error', 'critical'];

/** A database for one test: a store on it, its SQL, and another store started on the same database. */
export type OpenCountedStore = () => Promise<{ store: AuditLogStore; db: SqlClient; reopen: (options?: { migrate?: boolean }) => Promise<AuditLogStore>; dispose: () => Promise<void> }>;

/** The kept counts, and the same counted from the events: they must be equal. */
async function bothCounts(db: SqlClient) {
  const kept = await db.query<{ k: string }>(
    "SELECT tenant_id || ' ' || hour || ' ' || severity || ' ' || severity_rank || ' ' || n AS k FROM audit_event_counts WHERE n <> 0 ORDER BY 1",
  );
  const counted = await db.query<{ k: string }>(
    "SELECT tenant_id || ' ' || hour || ' ' || severity || ' ' || severity_rank || ' ' || count(*) AS k FROM (SELECT tenant_id, floor(extract(epoch FROM ts) / 3600)::bigint AS hour, severity, severity_rank FROM audit_events) AS e GROUP BY tenant_id, hour, severity, severity_rank ORDER BY 1",
  );
  return { kept: kept.rows.map((r) => r.k), counted: counted.rows.map((r) => r.k) };
}

async function expectCountsRight(store: AuditLogStore, db: SqlClient) {
  const { kept, counted } = await bothCounts(db);
  expect(kept).toEqual(counted);
  await expectStatsRight(store);
}

/**
 * Totals and stats agree with the tenant's events (read through the export), in ranges on and off whole hours:
 * the counts a store keeps (PostgreSQL's table, ClickHouse's projection) never disagree with the events.
 */
async function expectStatsRight(store: AuditLogStore) {
  const events: { ms: number; severity: string }[] = [];
  for await (const batch of store.exportEvents('acme', {}, FIELDS, NOW)) for (const e of batch) events.push({ ms: Date.parse(e.timestamp), severity: e.severity.toLowerCase() });
  const queries: AuditQuery[] = [
    {},
    { severities: ['error', 'Critical'] },
    { timeRange: { from: iso(T0 + 5 * HOUR + 13 * MINUTE), to: iso(T0 + 29 * HOUR + 2 * MINUTE) } },
    { timeRange: { from: iso(T0 + 3 * HOUR), to: iso(T0 + 9 * HOUR) }, severities: ['warning'] },
    { timeRange: { from: iso(T0 + 11 * HOUR + 59 * MINUTE) } },
    { timeRange: { to: iso(T0 + 20 * HOUR + 1 * MINUTE) }, severities: ['info'] },
    { timeRange: { from: iso(T0 + 7 * HOUR + 10 * MINUTE), to: iso(T0 + 7 * HOUR + 50 * MINUTE) } },
    { timeRange: { preset: '24h' } },
  ];
  for (const query of queries) {
    const from = query.timeRange && 'from' in query.timeRange && query.timeRange.from ? Date.parse(query.timeRange.from) : query.timeRange && 'preset' in query.timeRange ? NOW - 24 * HOUR : -Infinity;
    const to = query.timeRange && 'to' in query.timeRange && query.timeRange.to ? Date.parse(query.timeRange.to) : Infinity;
    const wanted = new Set(query.severities?.map((s) => s.toLowerCase()));
    const matching = events.filter((e) => e.ms >= from && e.ms < to && (!wanted.size || wanted.has(e.severity)));
    const page = await store.list('acme', query, FIELDS, { type: 'offset', offset: 0, limit: 5 }, NOW);
    const stats = await store.stats('acme', query, FIELDS, 60, NOW);
    expect({ query, total: page.total }).toEqual({ query, total: matching.length });
    expect({ query, total: stats.total }).toEqual({ query, total: matching.length });
    const bySeverity: Record<string, number> = {};
    for (const e of matching) bySeverity[e.severity] = (bySeverity[e.severity] ?? 0) + 1;
    expect({ query, bySeverity: Object.fromEntries(stats.bySeverity.map((s) => [s.label.toLowerCase(), s.count])) }).toEqual({ query, bySeverity });
    // Every bucket holds the events of its span.
    for (const b of stats.histogram!.buckets) {
      const inside = matching.filter((e) => e.ms >= Date.parse(b.start) && e.ms < Date.parse(b.end)).length;
      expect({ query, bucket: b.start, count: b.count }).toEqual({ query, bucket: b.start, count: inside });
    }
  }
}

/** Events over 40 hours, not on whole hours, four severities, some of another tenant. */
const spread = () =>
  Array.from({ length: 400 }, (_, i) => ({
    id: `e${i}`,
    tenantId: i % 5 === 0 ? 'other' : 'acme',
    timestamp: iso(T0 + i * 6 * MINUTE + (i % 7) * 1000),
    action: 'user.login',
    severity: LEVELS[i % LEVELS.length],
  }));

/** Any store: totals and stats stay right after the same ids again, a delete and retention. */
export function describeCountsAfterWrites(name: string, open: () => Promise<{ store: AuditLogStore; dispose?: () => Promise<void> }>): void {
  it(`${name}: totals and stats agree with the events after repeated ids, a delete and retention, in ranges on and off whole hours`, async () => {
    const { store, dispose } = await open();
    const events = spread();
    await store.record(events);
    await expectStatsRight(store);
    await store.record(events.slice(0, 60));
    await store.delete('acme', 'e11');
    await store.deleteBefore('acme', new Date(T0 + 2 * HOUR + 30 * MINUTE));
    await expectStatsRight(store);
    await store.close();
    await dispose?.();
  });
}

export function describeKeptCounts(open: OpenCountedStore): void {
  it('keeps counts equal to the events whatever writes (the store, the same ids again, deletes, retention, the host’s SQL), and counts from them', async () => {
    const { store, db, dispose } = await open();
    const events = spread();
    await store.record(events);
    await expectCountsRight(store, db);
    await store.record(events.slice(0, 60)); // the same ids: nothing new
    await store.delete('acme', 'e11');
    await store.deleteBefore('acme', new Date(T0 + 2 * HOUR + 30 * MINUTE));
    await expectCountsRight(store, db);
    // The host's own SQL, past the store: counted all the same.
    const own = (id: string, ms: number, severity: string, rank: number) => [id, iso(ms), severity, rank, JSON.stringify({ id, tenantId: 'acme', timestamp: iso(ms), severity, severityRank: rank, action: 'sql.insert' })];
    await db.query(
      `INSERT INTO audit_events (tenant_id, id, ts, severity, severity_rank, severity_level, search_text, event)
       VALUES ('acme', $1, $2::timestamptz, $3, $4, 'error', '', $5::jsonb), ('acme', $6, $7::timestamptz, $8, $9, 'info', '', $10::jsonb)`,
      [...own('sql-1', T0 + 7 * HOUR + 20 * MINUTE, 'Error', 40), ...own('sql-2', T0 + 30 * HOUR + 1 * MINUTE, 'Info', 20)],
    );
    await db.query("DELETE FROM audit_events WHERE tenant_id = 'acme' AND id IN ('e100', 'e101', 'e102')");
    await db.query("UPDATE audit_events SET severity = 'Warning', severity_rank = 30, event = jsonb_set(jsonb_set(event, '{severity}', '\"Warning\"'), '{severityRank}', '30') WHERE tenant_id = 'acme' AND id = 'e103'");
    await expectCountsRight(store, db);
    await db.query('TRUNCATE audit_events');
    expect(await bothCounts(db)).toEqual({ kept: [], counted: [] });
    await dispose();
  });

  it('counts a database made before the counts existed when a store first starts on it (and counts its events until then)', async () => {
    const { store, db, reopen, dispose } = await open();
    await store.record(Array.from({ length: 120 }, (_, i) => ({ tenantId: 'acme', timestamp: iso(T0 + i * 17 * MINUTE), action: 'a', severity: LEVELS[i % 4] })));
    // What a database of the first schema holds: events, and no counts or triggers.
    await db.query('DROP TABLE audit_event_counts');
    await db.query('DROP FUNCTION audit_events_count() CASCADE');
    // A host that runs the schema itself and has not run version 2 yet: the store counts the events.
    const unmigrated = await reopen({ migrate: false });
    await expectStatsRight(unmigrated);
    await unmigrated.close();
    const again = await reopen();
    await expectCountsRight(again, db);
    await again.close();
    await dispose();
  });
}
