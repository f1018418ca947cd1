/**
 * react-audit-logs/server under load: `npm run bench:server [postgres,clickhouse,pglite]`. Ten tenants, one of
 * them holding the events (PostgreSQL 1,000,000; ClickHouse 10,000,000 in chDB; PGlite 100,000), the others
 * 1,000 each. Ingest through `store.record` in batches of 10,000; then each request through the handler in this
 * process (a `Request` in, the whole body read out, as a browser would get it, minus the socket): the first
 * time, then the median of five. The export streams every event of the tenant as CSV; for PostgreSQL in a fresh
 * process whose RSS is sampled every 20 ms (bench/serverExport.ts). Numbers to read, not thresholds; sizes via env BENCH_PG, BENCH_CH, BENCH_PGLITE.
 */
import { createAuditLogsHandler, clickhouseStore, pgliteStore, postgresStore, type AuditLogStore } from '../src/server/index.ts';
import { generateAuditEvents } from '../src/mock/generator.ts';
import { startPostgres } from '../test/server/postgresServer.ts';

const NOW = Date.UTC(2026, 10, 1);
const BIG = 'tenant-0';
const which = (process.argv[2] ?? 'postgres,clickhouse,pglite').split(',');
const sizes: Record<string, number> = {
  postgres: Number(process.env.BENCH_PG ?? 1_000_000),
  clickhouse: Number(process.env.BENCH_CH ?? 10_000_000),
  pglite: Number(process.env.BENCH_PGLITE ?? 100_000),
};
const results: string[][] = [];
const ms = (n: number) => (n < 10 ? n.toFixed(1) : n.toFixed(0));

/** Records `count` events for the big tenant and 1,000 for nine others; events per second of record() alone. */
async function ingest(store: AuditLogStore, count: number): Promise<number> {
  let spent = 0;
  const write = async (events: Parameters<AuditLogStore['record']>[0]) => {
    const t = performance.now();
    await store.record(events);
    spent += performance.now() - t;
  };
  for (let i = 1; i < 10; i++) await write(generateAuditEvents({ tenantId: `tenant-${i}`, count: 1000, seed: i, now: NOW }));
  spent = 0;
  const chunk = 100_000;
  for (let done = 0; done < count; done += chunk) {
    // Generated a chunk at a time (10,000,000 events at once would not fit in a heap), spread over a year.
    // Without ids, as a host's code records them (an id of the caller's makes the store look for it first).
    const events = generateAuditEvents({ tenantId: BIG, count: Math.min(chunk, count - done), seed: 1000 + done, now: NOW - (done / count) * 300 * 86_400_000 }).map(({ id: _id, ...e }) => e);
    for (let from = 0; from < events.length; from += 10_000) await write(events.slice(from, from + 10_000));
    if ((done + chunk) % 1_000_000 === 0) console.log(`  ${(done + chunk).toLocaleString('en-US')} recorded, ${Math.round((done + chunk) / (spent / 1000)).toLocaleString('en-US')} events/s`);
  }
  return count / (spent / 1000);
}

/** A search term matching about 1 % of the big tenant: the actor email closest to it in a sample. */
function onePercentTerm(): string {
  const sample = generateAuditEvents({ tenantId: BIG, count: 20_000, seed: 1000, now: NOW });
  const counts = new Map<string, number>();
  for (const e of sample) if (e.actor?.email) counts.set(e.actor.email, (counts.get(e.actor.email) ?? 0) + 1);
  return [...counts].sort((a, b) => Math.abs(a[1] / sample.length - 0.01) - Math.abs(b[1] / sample.length - 0.01))[0]![0];
}

async function bench(name: string, store: AuditLogStore, count: number, sql?: (text: string) => Promise<unknown>, connectionString?: string) {
  console.log(`\n${name}: recording ${count.toLocaleString('en-US')} events…`);
  const rate = await ingest(store, count);
  // What autovacuum does after a bulk load: statistics, and the visibility map index-only scans need.
  await sql?.('VACUUM ANALYZE audit_events');
  const handler = createAuditLogsHandler({ store, now: () => NOW, authorize: () => ({ tenantId: BIG, scopes: ['audit:read'] }) });
  const call = async (path: string, init?: RequestInit) => {
    const t = performance.now();
    const response = await handler(new Request(`http://bench${path}`, init));
    const body = await response.text();
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${body}`);
    return { ms: performance.now() - t, body };
  };
  const time = async (path: string) => {
    const first = await call(path);
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) runs.push((await call(path)).ms);
    runs.sort((a, b) => a - b);
    return { first: first.ms, median: runs[2]!, body: first.body };
  };
  const term = onePercentTerm();
  const firstPage = await time('/events?limit=100&offset=0');
  const cursorPage = await time('/events?limit=100&cursor=');
  const severity = await time('/events?limit=100&offset=0&severity=Error');
  const search = await time(`/events?limit=100&offset=0&q=${encodeURIComponent(term)}`);
  const stats = await time('/stats?buckets=60');
  // The search page answers before counting (`counting: true`); the stats of the same query give its total.
  const matched = (JSON.parse((await call(`/stats?buckets=60&q=${encodeURIComponent(term)}`)).body) as { total: number }).total;
  const searchStats = await time(`/stats?buckets=60&q=${encodeURIComponent(term)}`);
  // The same search with a trigram index (pg_trgm, from PostgreSQL's contrib) that LIKE '%…%' can use.
  let trigram: { first: number; median: number } | undefined;
  let trigramStats: { first: number; median: number } | undefined;
  if (sql) {
    const t = performance.now();
    await sql('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await sql('CREATE INDEX IF NOT EXISTS audit_events_search ON audit_events USING gin (search_text gin_trgm_ops)');
    await sql('ANALYZE audit_events');
    console.log(`  trigram index built in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    trigram = await time(`/events?limit=100&offset=0&q=${encodeURIComponent(term)}`);
    trigramStats = await time(`/stats?buckets=60&q=${encodeURIComponent(term)}`);
  }

  // The whole export, streamed: rows per second, and how far the serving process's memory rose. With a server
  // database that process is a fresh one (this one holds the generated events); in process, this one.
  let exported: { rows: number; seconds: number; rssGrowthMiB?: number };
  if (connectionString) {
    const { execFileSync } = await import('node:child_process');
    const out = execFileSync(process.execPath, ['--import', 'tsx', new URL('./serverExport.ts', import.meta.url).pathname, connectionString, BIG], { encoding: 'utf8' });
    exported = JSON.parse(out.trim().split('\n').at(-1)!) as typeof exported;
  } else {
    const t = performance.now();
    const response = await handler(new Request('http://bench/events/export', { method: 'POST', body: JSON.stringify({ query: {} }) }));
    let lines = 0;
    const reader = response.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      for (const byte of value) if (byte === 10) lines++;
    }
    exported = { rows: lines - 1, seconds: (performance.now() - t) / 1000 };
  }
  const total = exported.rows;
  const exportS = exported.seconds;
  const memory = exported.rssGrowthMiB === undefined ? 'memory: shared with the database' : `RSS +${exported.rssGrowthMiB.toFixed(0)} MiB`;

  const row = (what: string, result: { first: number; median: number }, note = '') => results.push([name, what, ms(result.first), ms(result.median), note]);
  const shown = results.length;
  results.push([name, `ingest ${count.toLocaleString('en-US')}`, '', '', `${Math.round(rate).toLocaleString('en-US')} events/s`]);
  row('first page, offset (with total)', firstPage);
  row('first page, cursor', cursorPage);
  row('severity = Error', severity);
  row(`search "${term}", first page (counting)`, search, `${matched.toLocaleString('en-US')} match (${((matched / count) * 100).toFixed(2)} %)`);
  row('  its stats (total and histogram)', searchStats);
  if (trigram) row('  the page, with a pg_trgm GIN index', trigram);
  if (trigramStats) row('  its stats, with a pg_trgm GIN index', trigramStats);
  row('stats + histogram', stats);
  results.push([name, `export ${total.toLocaleString('en-US')} rows (CSV)`, (exportS * 1000).toFixed(0), '', `${Math.round(total / exportS).toLocaleString('en-US')} rows/s, ${memory}`]);
  for (const r of results.slice(shown)) console.log(`  ${r.slice(1).filter(Boolean).join('  ')}`);
  await store.close();
}

if (which.includes('postgres')) {
  const server = await startPostgres();
  try {
    const connectionString = await server.createDatabase();
    const { default: pg } = await import('pg');
    const admin = new pg.Pool({ connectionString, max: 1 });
    await bench('PostgreSQL 15', await postgresStore({ connectionString }), sizes.postgres!, (text) => admin.query(text), connectionString);
    await admin.end();
  } finally {
    await server.stop();
  }
}
if (which.includes('clickhouse')) {
  const { createClient } = await import('@clickhouse/client');
  const { createChdbConnection } = await import('chdb/connection');
  const client = createClient({ connection: createChdbConnection({ path: ':memory:' }) as never });
  await bench('ClickHouse (chDB)', await clickhouseStore({ client }), sizes.clickhouse!);
  await client.close();
}
if (which.includes('pglite')) await bench('PGlite', await pgliteStore(), sizes.pglite!);

const header = ['store', 'what', 'first ms', 'median ms', ''];
const widths = header.map((h, i) => Math.max(h.length, ...results.map((r) => r[i]!.length)));
console.log(`\nreact-audit-logs/server, node ${process.version}, handler in process (no socket)\n`);
console.log(results.length ? [header, ...results].map((r) => r.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')).join('\n') : 'nothing run');
