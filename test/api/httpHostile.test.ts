// @vitest-environment node
/**
 * The request pipeline against servers that misbehave (a real HTTP server on 127.0.0.1 answering on purpose
 * what the test asks for): tokens, retries that would duplicate or misreport, ids that leave their path
 * segment, header letter case, and a CSV export that is not CSV.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuditApiError } from '../../src/api/errors';
import { createHttpAdapter } from '../../src/api/http/createHttpAdapter';
import { sendJson, startRawServer, type RawServer } from '../fixtures/jsonServer';

let server: RawServer | undefined;
afterEach(() => server?.close());

const event = (id: string, tenantId = 'acme') => ({ id, tenantId, timestamp: '2026-10-01T00:00:00.000Z', severity: 'Info', action: 'a' });
const page = (tenantId = 'acme') => ({ events: [event('e1', tenantId)], total: 1 });
const list = (adapter: ReturnType<typeof createHttpAdapter>, tenantId = 'acme') =>
  adapter.list({ tenantId, query: {}, page: { type: 'offset', offset: 0, limit: 10 } });

describe('tokens', () => {
  it('never keeps a failed forced refresh: the next request asks getToken again', async () => {
    server = await startRawServer((req, res) =>
      req.headers.authorization === 'Bearer good' ? sendJson(res, page()) : sendJson(res, { message: 'expired' }, 401),
    );
    let calls = 0;
    const getToken = vi.fn(async ({ forceRefresh }: { forceRefresh: boolean }) => {
      calls++;
      if (forceRefresh && calls === 2) throw new Error('refresh endpoint down');
      return calls >= 3 ? 'good' : 'stale';
    });
    const adapter = createHttpAdapter({ baseUrl: server.url, getToken, retryDelayMs: 1 });
    await expect(list(adapter)).rejects.toMatchObject({ kind: 'auth' });
    await expect(list(adapter)).resolves.toMatchObject({ total: 1 });
    expect(getToken).toHaveBeenCalledTimes(3);
  });

  it('asks for a token per tenant and never sends one tenant’s token for another', async () => {
    server = await startRawServer((req, res) => {
      const tenant = String(req.headers['x-tenant-id']);
      return req.headers.authorization === `Bearer token-${tenant}` ? sendJson(res, page(tenant)) : sendJson(res, { message: 'wrong token' }, 401);
    });
    const getToken = vi.fn(({ tenantId }: { forceRefresh: boolean; tenantId?: string }) => `token-${tenantId}`);
    const adapter = createHttpAdapter({ baseUrl: server.url, getToken });
    await list(adapter, 'acme');
    await list(adapter, 'globex');
    await list(adapter, 'acme');
    expect(server.requests.map((r) => [r.headers['x-tenant-id'], r.headers.authorization])).toEqual([
      ['acme', 'Bearer token-acme'],
      ['globex', 'Bearer token-globex'],
      ['acme', 'Bearer token-acme'],
    ]);
    expect(getToken.mock.calls.map(([o]) => o.tenantId)).toEqual(['acme', 'globex']);
  });
});

describe('retries', () => {
  it('never sends a create twice: a 502 after it was posted is an error, not a second event', async () => {
    server = await startRawServer((_req, res) => sendJson(res, { message: 'bad gateway' }, 502));
    const adapter = createHttpAdapter({ baseUrl: server.url, retryDelayMs: 1 });
    await expect(adapter.create!({ tenantId: 'acme', event: { action: 'x' } })).rejects.toMatchObject({ kind: 'server' });
    expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('a delete that took effect but answered 502 is done when the retry finds nothing', async () => {
    let deleted = false;
    server = await startRawServer((req, res) => {
      if (req.method !== 'DELETE') return sendJson(res, {}, 400);
      if (!deleted) {
        deleted = true;
        return sendJson(res, { message: 'upstream timed out' }, 502);
      }
      sendJson(res, { message: 'no such event' }, 404);
    });
    const adapter = createHttpAdapter({ baseUrl: server.url, retryDelayMs: 1 });
    await expect(adapter.delete!({ tenantId: 'acme', id: 'e1' })).resolves.toBeUndefined();
    expect(server.requests).toHaveLength(2);
  });

  it('a first-time 404 on delete is still "not found"', async () => {
    server = await startRawServer((_req, res) => sendJson(res, { message: 'no such event' }, 404));
    const adapter = createHttpAdapter({ baseUrl: server.url, retryDelayMs: 1 });
    await expect(adapter.delete!({ tenantId: 'acme', id: 'e1' })).rejects.toMatchObject({ kind: 'not-found' });
  });
});

describe('ids stay in their path segment', () => {
  it('refuses "." and ".." without sending anything; "/" is escaped inside the segment', async () => {
    server = await startRawServer((_req, res) => sendJson(res, event('x')));
    const adapter = createHttpAdapter({ baseUrl: `${server.url}/api`, retryDelayMs: 1 });
    for (const id of ['.', '..']) {
      await expect(adapter.delete!({ tenantId: 'acme', id })).rejects.toMatchObject({ kind: 'bad-request' });
      await expect(adapter.get({ tenantId: 'acme', id })).rejects.toBeInstanceOf(AuditApiError);
    }
    expect(server.requests).toHaveLength(0);
    await adapter.get({ tenantId: 'acme', id: '../x' }).catch(() => undefined);
    await adapter.get({ tenantId: 'acme', id: 'a/b' }).catch(() => undefined);
    await adapter.get({ tenantId: 'acme', id: '%2e%2e' }).catch(() => undefined);
    expect(server.requests.map((r) => r.url)).toEqual(['/api/events/..%2Fx', '/api/events/a%2Fb', '/api/events/%252e%252e']);
  });
});

describe('headers', () => {
  it('a host header in another letter case replaces ours instead of joining it ("A, B")', async () => {
    server = await startRawServer((_req, res) => sendJson(res, page()));
    const adapter = createHttpAdapter({ baseUrl: server.url, headers: { Accept: 'application/vnd.acme+json', 'X-Tenant-ID': 'spoofed' } });
    await list(adapter);
    expect(server.requests[0]!.headers.accept).toBe('application/vnd.acme+json');
    // The dialect's own tenant header comes last and wins.
    expect(server.requests[0]!.headers['x-tenant-id']).toBe('acme');
  });
});

describe('a server CSV export that is not CSV', () => {
  const exportOf = (adapter: ReturnType<typeof createHttpAdapter>) =>
    adapter.exportCsv!({ tenantId: 'acme', query: {}, columns: [{ name: 'action', displayName: 'Action' }] });

  it('refuses a sign-in page (by its type, or by its first bytes) and JSON', async () => {
    const page = '<!DOCTYPE html><html><body><form>Sign in</form></body></html>';
    for (const [type, body] of [['text/html; charset=utf-8', page], ['text/csv', `\n  ${page}`], ['application/json', '{"error":"expired"}']] as const) {
      server = await startRawServer((_req, res) => sendJson(res, body, 200, type));
      const adapter = createHttpAdapter({ baseUrl: server.url, retryDelayMs: 1 });
      await expect(exportOf(adapter), type).rejects.toMatchObject({ kind: 'invalid-response', message: expect.stringMatching(/Nothing was saved/) });
      await server.close();
      server = undefined;
    }
  });

  it('streams real CSV whole, and retries the export’s POST after a 503', async () => {
    let n = 0;
    server = await startRawServer((_req, res) => (++n === 1 ? sendJson(res, { message: 'busy' }, 503) : sendJson(res, 'Action\r\nlogin\r\n', 200, 'text/csv; charset=utf-8')));
    const adapter = createHttpAdapter({ baseUrl: server.url, retryDelayMs: 1 });
    expect(await new Response(await exportOf(adapter)).text()).toBe('Action\r\nlogin\r\n');
    expect(n).toBe(2);
  });
});

describe('work several callers share', () => {
  it('the logging dialect’s /filters request: one caller giving up does not fail the others', async () => {
    server = await startRawServer(async (_req, res, url) => {
      if (url.pathname.endsWith('/filters')) {
        await new Promise((resolve) => setTimeout(resolve, 150));
        return sendJson(res, { filters: [{ name: 'action', type: 'string' }], sortable: ['timestamp'] });
      }
      sendJson(res, { results: [{ id: 'e1', tenant_id: 'acme', timestamp: '2026-10-01T00:00:00Z', severity: 'info', action: 'a' }], next_cursor: null });
    });
    const adapter = createHttpAdapter({ baseUrl: server.url, dialect: 'logging', retryDelayMs: 1 });
    const first = new AbortController();
    const cursor = { type: 'cursor', cursor: null, limit: 10 } as const;
    const abandoned = adapter.list({ tenantId: 'acme', query: {}, page: cursor }, { signal: first.signal });
    const kept = adapter.list({ tenantId: 'acme', query: {}, page: cursor });
    setTimeout(() => first.abort(), 20);
    await expect(abandoned).rejects.toMatchObject({ name: 'AbortError' });
    await expect(kept).resolves.toMatchObject({ events: [{ id: 'e1' }] });
    expect(server.requests.filter((r) => r.url.includes('/filters'))).toHaveLength(1);
  });
});

describe('a header that cannot be sent', () => {
  it('is a typed bad-request error naming it, and nothing is sent', async () => {
    server = await startRawServer((_req, res) => sendJson(res, page()));
    const adapter = createHttpAdapter({ baseUrl: server.url, headers: { 'x-note': 'line one\nline two' } });
    await expect(list(adapter)).rejects.toMatchObject({ kind: 'bad-request', message: expect.stringContaining('x-note') });
    expect(server.requests).toHaveLength(0);
  });
});
