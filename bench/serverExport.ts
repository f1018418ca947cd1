/**
 * One export in a fresh process (`bench/server.ts` runs it for PostgreSQL): the handler on `postgresStore`
 * streams every event of a tenant as CSV while RSS is sampled every 20 ms. Prints one JSON line.
 * Usage: node --import tsx bench/serverExport.ts <connectionString> <tenantId>
 */
import { createAuditLogsHandler, postgresStore } from '../src/server/index.ts';

const [connectionString, tenantId] = process.argv.slice(2) as [string, string];
const store = await postgresStore({ connectionString });
const handler = createAuditLogsHandler({ store, authorize: () => ({ tenantId, scopes: ['audit:read'] }) });
// One small request first, so the driver and the handler are loaded before the baseline.
await (await handler(new Request('http://bench/events?limit=1'))).text();
const start = process.memoryUsage().rss;
let peak = start;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
const t = performance.now();
const response = await handler(new Request('http://bench/events/export', { method: 'POST', body: JSON.stringify({ query: {} }) }));
const reader = response.body!.getReader();
let rows = 0;
for (;;) {
  const { done, value } = await reader.read();
  if (done) break;
  // Line ends counted natively: a byte-by-byte loop here would spend this process's time, not the server's.
  for (let at = value.indexOf(10); at !== -1; at = value.indexOf(10, at + 1)) rows++;
}
const seconds = (performance.now() - t) / 1000;
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);
await store.close();
console.log(JSON.stringify({ rows: rows - 1, seconds, rssStartMiB: start / 2 ** 20, rssGrowthMiB: (peak - start) / 2 ** 20 }));
