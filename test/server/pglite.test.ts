// @vitest-environment node
/**
 * react-audit-logs/server on PGlite (PostgreSQL in this process), served on 127.0.0.1 and read by the HTTP
 * adapter's native dialect: the same contract suite every adapter of this project passes, then what the
 * handler adds (auth, scopes, limits, idempotent writes, retention, a streamed export).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHttpAdapter } from '../../src/api/http/createHttpAdapter';
import { generateAuditEvents } from '../../src/mock/generator';
import { createAuditLogsHandler, nodeListener, pgliteStore, type AuditLogStore } from '../../src/server';
import { describeAdapterContract } from '../../src/testing';
import { NOW } from '../fixtures/events';

/** The handler on a free port; the bearer token names tenant and scopes (`tenant|scope,scope`). */
async function serve(store: AuditLogStore): Promise<{ url: string; server: Server }> {
  const handler = createAuditLogsHandler({
    store,
    now: () => NOW,
    authorize: (request) => {
      const token = request.headers.get('authorization')?.replace(/^Bearer /, '');
      if (!token) return null;
      const [tenantId, scopes = ''] = token.split('|');
      return { tenantId: tenantId!, userId: request.headers.get('x-user-id') ?? undefined, scopes: scopes.split(',') };
    },
  });
  const server = createServer(nodeListener(handler));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

const ALL = 'audit:read,audit:write,audit:fields,audit:views';

// PGlite starts its WebAssembly PostgreSQL in each setup: seconds on a busy 2-core machine.
vi.setConfig({ hookTimeout: 60_000, testTimeout: 30_000 });

describeAdapterContract(
  'react-audit-logs/server on PGlite, over HTTP',
  async () => {
    const store = await pgliteStore();
    await store.record([...generateAuditEvents({ tenantId: 'acme', count: 300, seed: 21, now: NOW }), ...generateAuditEvents({ tenantId: 'globex', count: 50, seed: 3, now: NOW })]);
    const { url, server } = await serve(store);
    // The token says the tenant: each request's tenant header must agree with it (a per-tenant token).
    const adapter = createHttpAdapter({ baseUrl: url, dialect: 'native', now: () => NOW, retryDelayMs: 1, getToken: ({ tenantId }) => `${tenantId}|${ALL}` });
    return { adapter, cleanup: async () => { server.close(); await store.close(); } };
  },
  { tenantId: 'acme', otherTenantId: 'globex', destructive: true },
);

describe('the handler', { timeout: 30_000 }, () => {
  let store: AuditLogStore;
  let url = '';
  let server: Server;
  // A PGlite the host made itself (the store leaves closing it to the host).
  const db = new PGlite();
  beforeAll(async () => {
    store = await pgliteStore({ db });
    await store.record(generateAuditEvents({ tenantId: 'acme', count: 120, seed: 4, now: NOW }));
    ({ url, server } = await serve(store));
  });
  afterAll(async () => {
    server.close();
    await store.close();
    await db.close();
  });
  const get = (path: string, token?: string, init: RequestInit = {}) =>
    fetch(`${url}${path}`, { ...init, headers: { ...(token && { authorization: `Bearer ${token}` }), ...init.headers } });

  it('answers 401 without a caller, 403 without the scope, and takes the tenant from authorize alone', async () => {
    expect((await get('/events')).status).toBe(401);
    const first = await get('/events?limit=1', 'acme|audit:read');
    expect(first.status).toBe(200);
    // A tenant header the browser set changes nothing: the token said acme.
    const other = (await (await get('/events?limit=5', 'acme|audit:read', { headers: { 'x-tenant-id': 'globex' } })).json()) as { events: { tenantId: string }[] };
    expect(other.events.every((e) => e.tenantId === 'acme')).toBe(true);
    const id = ((await first.json()) as { events: { id: string }[] }).events[0]!.id;
    expect((await get(`/events/${id}`, 'acme|audit:read', { method: 'DELETE' })).status).toBe(403);
    expect((await get(`/events/${id}`, 'acme|audit:read,audit:write', { method: 'DELETE' })).status).toBe(204);
  });

  it('refuses a page over 1,000, a filter on a field the data structure lacks, and a body past its limit', async () => {
    expect((await get('/events?limit=1001', 'acme|audit:read')).status).toBe(400);
    const unknown = await get(`/events?filter=${encodeURIComponent("nope:eq:1'; DROP TABLE audit_events; --")}`, 'acme|audit:read');
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: { issues: string[] } }).error.issues.join()).toContain('unknown field "nope"');
    const big = await get('/events', 'acme|audit:read,audit:write', { method: 'POST', body: JSON.stringify({ action: 'x'.repeat(2_000_000) }), headers: { 'content-type': 'application/json' } });
    expect(big.status).toBe(413);
    expect((await get('/events?limit=1', 'acme|audit:read')).status).toBe(200);
  });

  it('records idempotently by id, and deletes by age for retention', async () => {
    const event = { id: 'evt_fixed', tenantId: 'acme', action: 'user.login', severity: 'Info', timestamp: new Date(NOW - 1000).toISOString() };
    expect((await store.record([event, event])).recorded).toHaveLength(2);
    const found = (await (await get('/events?q=evt_fixed&offset=0', 'acme|audit:read')).json()) as { total: number };
    expect(found.total).toBe(1);
    const gone = await store.deleteBefore('acme', new Date(NOW - 10 * 86_400_000));
    expect(gone).toBeGreaterThan(0);
    const left = (await (await get('/events?limit=1000', 'acme|audit:read')).json()) as { events: { timestamp: string }[] };
    expect(left.events.every((e) => Date.parse(e.timestamp) >= NOW - 10 * 86_400_000)).toBe(true);
  });

  it('streams the CSV export with a header, and JSON Lines', async () => {
    const csv = await get('/events/export', 'acme|audit:read', { method: 'POST', body: JSON.stringify({ query: {}, columns: [{ name: 'action', displayName: 'Action' }] }) });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('Action');
    const total = ((await (await get('/events?limit=1&offset=0', 'acme|audit:read')).json()) as { total: number }).total;
    expect(lines).toHaveLength(total + 1);
    const jsonl = await get('/events/export', 'acme|audit:read', { method: 'POST', body: JSON.stringify({ query: {}, format: 'jsonl' }) });
    expect((await jsonl.text()).trim().split('\n')).toHaveLength(total);
  });
});
