// @vitest-environment node
/**
 * The handler's `cors` option, as a browser on another origin meets it: the preflight is answered before
 * `authorize` runs (a preflight carries no token), answers carry the origin, other origins get nothing.
 */
import { describe, expect, it } from 'vitest';
import { createAuditLogsHandler, type AuditLogStore } from '../../src/server';

const store = { dataStructure: async () => ({ fields: [] }), list: async () => ({ events: [], total: 0, offset: 0 }) } as unknown as AuditLogStore;
const handler = (cors?: string[]) =>
  createAuditLogsHandler({ store, cors, authorize: (r) => (r.headers.get('authorization') ? { tenantId: 'acme', scopes: ['audit:read'] } : null) });
const preflight = (origin: string) =>
  new Request('http://127.0.0.1:8787/events', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization, x-tenant-id' } });

describe('cors', () => {
  it('answers an allowed origin’s preflight without a token, and its requests with the origin', async () => {
    const h = handler(['http://localhost:5173']);
    const answer = await h(preflight('http://localhost:5173'));
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(answer.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    const list = await h(new Request('http://127.0.0.1:8787/events', { headers: { origin: 'http://localhost:5173', authorization: 'Bearer x' } }));
    expect(list.status).toBe(200);
    expect(list.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(list.headers.get('access-control-expose-headers')).toMatch(/retry-after/);
  });

  it('gives another origin nothing, and is closed without the option', async () => {
    expect((await handler(['http://localhost:5173'])(preflight('https://evil.example'))).status).toBe(403);
    const closed = await handler()(preflight('http://localhost:5173'));
    expect(closed.headers.get('access-control-allow-origin')).toBeNull();
    const list = await handler()(new Request('http://127.0.0.1:8787/events', { headers: { origin: 'http://localhost:5173', authorization: 'Bearer x' } }));
    expect(list.headers.get('access-control-allow-origin')).toBeNull();
  });
});
