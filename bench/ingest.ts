/**
 * Intake of host events: `npm run bench:ingest`. For 100k and 1M plain events with three custom fields
 * (as a host holds them), times `createMemoryAdapter(events)` and its first page, and measures the heap
 * the adapter adds on top of the host's array once its search text is built (after a forced GC).
 * Numbers to read, not thresholds.
 */
import { createMemoryAdapter } from '../src/memory/createMemoryAdapter.ts';
import { BENCH_NOW, hostEvents } from './hostEvents.ts';

const sizes = (process.argv[2] ?? '100000,1000000').split(',').map(Number);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc (npm run bench:ingest does)');
const heap = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};
const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);

const rows: string[][] = [];
for (const size of sizes) {
  const empty = heap();
  const events = hostEvents(size);
  const before = heap();
  const arrayBytes = before - empty;
  const t0 = performance.now();
  const adapter = createMemoryAdapter(events, { now: BENCH_NOW });
  const ingestMs = performance.now() - t0;
  const t1 = performance.now();
  await adapter.list({ tenantId: 'acme', query: {}, page: { type: 'offset', offset: 0, limit: 100 } });
  const firstPageMs = performance.now() - t1;
  // The first search builds whatever search text idle time has not built yet.
  const t2 = performance.now();
  await adapter.list({ tenantId: 'acme', query: { search: 'invoice' }, page: { type: 'offset', offset: 0, limit: 100 } });
  const searchMs = performance.now() - t2;
  const added = heap() - before;
  rows.push([
    size.toLocaleString('en-US'),
    ingestMs.toFixed(0),
    firstPageMs.toFixed(0),
    searchMs.toFixed(0),
    mib(arrayBytes),
    mib(added),
    `${((added / arrayBytes) * 100).toFixed(0)} %`,
    String(adapter.skipped.length),
  ]);
  // Both stay alive until here, so "adds" is the adapter's share alone.
  if (events.length !== size && adapter.skipped.length) console.log('(sizes differ)');
}

const header = ['events', 'ingest ms', 'first page ms', 'first search ms', 'host array MiB', 'adapter adds MiB', 'of the array', 'skipped'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join('  ');
console.log(`\ncreateMemoryAdapter(events): plain host events with three custom fields (node ${process.version})\n`);
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of rows) console.log(line(row));
console.log('\n"adds" is measured after the search text is built (the state a page reaches when it has sat idle).');
