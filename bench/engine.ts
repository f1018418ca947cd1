/**
 * Benchmarks the in-memory query engine the mock backend runs on: `npm run bench:engine`.
 * For 100k and 1M events, times typical first (cold) and repeated (warm) queries. Prints a table;
 * no thresholds (timings on shared machines vary), the numbers are for reading. "first" includes
 * building the sort order or search text that query needs; "repeat" is a new query with those warm.
 */
import { AuditQueryEngine } from '../src/memory/engine.ts';
import { ingestEvents } from '../src/memory/ingest.ts';
import type { AuditQuery } from '../src/core/query.ts';
import { generateAuditEvents } from '../src/mock/generator.ts';

const NOW = Date.UTC(2026, 10, 1);
const sizes = (process.argv[2] ?? '100000,1000000').split(',').map(Number);

const QUERIES: [string, AuditQuery][] = [
  ['newest first, page 1', {}],
  ['last 7 days', { timeRange: { preset: '7d' } }],
  ['severity High+Error', { severities: ['High', 'Error', 'Warning'] }],
  ['search "api_key"', { search: 'api_key' }],
  ['search miss "zzzz"', { search: 'zzzz' }],
  ['actor email contains', { filters: [{ field: 'actor.email', op: 'contains', value: 'hopper' }] }],
  ['action in + 30d', { filters: [{ field: 'action', op: 'in', value: ['user.login', 'user.role.changed'] }], timeRange: { preset: '30d' } }],
  ['sort by action asc', { sort: { field: 'action', direction: 'asc' } }],
  ['sort by email desc', { sort: { field: 'actor.email', direction: 'desc' } }],
];

const gc = (globalThis as { gc?: () => void }).gc;

/** Times one call, after a full GC so a collection of earlier garbage is not billed to it. */
function time<T>(fn: () => T): [number, T] {
  gc?.();
  const start = performance.now();
  const value = fn();
  return [performance.now() - start, value];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const rows: string[][] = [];
for (const size of sizes) {
  const [genMs, events] = time(() => generateAuditEvents({ tenantId: 'acme', count: size, seed: 42, now: NOW }));
  console.log(`${size.toLocaleString('en-US')} events generated in ${genMs.toFixed(0)} ms`);
  const engine = new AuditQueryEngine(ingestEvents(events).stores.get('acme')!);
  for (const [name, query] of QUERIES) {
    const [cold, page] = time(() => engine.list(query, { type: 'offset', offset: 0, limit: 100 }, { now: NOW }));
    // A different page of the same query: cached matches.
    const [warmPage] = time(() => engine.list(query, { type: 'offset', offset: 500, limit: 100 }, { now: NOW }));
    // The same filters again after another query evicted the cache: a full pass, orders and columns warm.
    const repeats: number[] = [];
    for (let k = 0; k < 5; k++) {
      engine.list({ search: 'evict' }, { type: 'offset', offset: 0, limit: 1 }, { now: NOW });
      repeats.push(time(() => engine.list(query, { type: 'offset', offset: 0, limit: 100 }, { now: NOW }))[0]);
    }
    const warmQuery = median(repeats);
    rows.push([size.toLocaleString('en-US'), name, String(page.total), cold.toFixed(1), warmQuery.toFixed(1), warmPage.toFixed(2)]);
  }
  const [statsMs] = time(() => engine.stats({ timeRange: { preset: '30d' } }, { now: NOW }));
  rows.push([size.toLocaleString('en-US'), 'stats 30d (+histogram)', '', statsMs.toFixed(1), '', '']);
}

const header = ['events', 'query', 'matches', 'first ms', 'repeat ms (median of 5)', 'next page ms'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
for (const row of rows) console.log(line(row));
const mem = process.memoryUsage();
if (!gc) console.log('\n(run with node --expose-gc for steadier numbers: npm run bench:engine does)');
console.log(`\nheap used ${(mem.heapUsed / 2 ** 20).toFixed(0)} MiB, rss ${(mem.rss / 2 ** 20).toFixed(0)} MiB (node ${process.version})`);
