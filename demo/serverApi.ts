/**
 * `npm run demo:server`: react-audit-logs/server on PGlite (PostgreSQL in this process), seeded with 100,000
 * events for acme and a few thousand for the other tenants, mounted on the dev server at /api/audit. The page
 * reads it through the native HTTP adapter, as a host's page reads its own backend.
 */
import type { Plugin } from 'vite';
import { generateAuditEvents } from '../src/mock/generator.ts';
import { createAuditLogsHandler, nodeListener, pgliteStore } from '../src/server/index.ts';

export const DEMO_TENANTS: Record<string, number> = { acme: 100_000, globex: 5_000, initech: 2_000 };

async function seededStore() {
  const started = performance.now();
  const store = await pgliteStore();
  const now = Date.now();
  for (const [tenantId, count] of Object.entries(DEMO_TENANTS)) {
    // Written a slice at a time, as a host's own code would record them.
    const events = generateAuditEvents({ tenantId, count, seed: 42, now });
    for (let from = 0; from < events.length; from += 10_000) await store.record(events.slice(from, from + 10_000));
  }
  const total = Object.values(DEMO_TENANTS).reduce((a, b) => a + b, 0);
  console.log(`react-audit-logs/server on PGlite: ${total.toLocaleString('en-US')} events recorded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return store;
}

export function serverApi(): Plugin {
  return {
    name: 'react-audit-logs:server-api',
    configureServer(server) {
      const store = seededStore();
      const listener = nodeListener(
        createAuditLogsHandler({
          store,
          // A demo without sign-in: the tenant picker's header names the tenant. A host's authorize reads its
          // own session instead and never trusts a header the browser set.
          authorize: (request) => ({
            tenantId: request.headers.get('x-tenant-id') ?? 'acme',
            userId: 'demo-admin',
            scopes: ['audit:read', 'audit:write', 'audit:fields', 'audit:views'],
          }),
        }),
      );
      server.middlewares.use('/api/audit', listener);
      server.httpServer?.once('close', () => void store.then((s) => s.close()));
    },
  };
}
