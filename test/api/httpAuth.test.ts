// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditApiError } from '../../src/api/errors';
import { createHttpAdapter } from '../../src/api/http/createHttpAdapter';
import { startMockServer, type MockServer } from '../../src/mock/server/node';
import { NOW } from '../fixtures/events';

const TENANT = 'acme';

async function rejection(promise: Promise<unknown>): Promise<AuditApiError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AuditApiError);
  return error as AuditApiError;
}

describe('authentication', () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await startMockServer({ dialect: 'native', count: 50, now: NOW, token: 't1' });
  });
  afterAll(() => server.close());

  it('refreshes once for all requests in flight after a 401, then retries each once', async () => {
    let current = 't1';
    const calls: boolean[] = [];
    const adapter = createHttpAdapter({
      baseUrl: server.url,
      retryDelayMs: 5,
      getToken: async ({ forceRefresh }) => {
        calls.push(forceRefresh);
        await new Promise((r) => setTimeout(r, 20));
        return current;
      },
    });
    await adapter.list({ tenantId: TENANT, query: {}, page: { type: 'offset', offset: 0, limit: 1 } });
    server.handler.rotateToken('t2');
    current = 't2';
    const results = await Promise.all(
      [0, 1, 2, 3].map((i) => adapter.list({ tenantId: TENANT, query: {}, page: { type: 'offset', offset: i, limit: 1 } })),
    );
    expect(results.every((r) => r.events.length === 1)).toBe(true);
    expect(calls.filter(Boolean)).toHaveLength(1);
    const bearer = server.handler.requests.map((r) => r.headers.authorization);
    expect(bearer.at(-1)).toBe('Bearer …t2');
  });

  it('reuses a refresh that finished before a late 401 arrived, instead of refreshing again', async () => {
    let current = 'a1';
    server.handler.rotateToken('a1');
    let refreshes = 0;
    let slow = false;
    const adapter = createHttpAdapter({
      baseUrl: server.url,
      getToken: ({ forceRefresh }) => {
        if (forceRefresh) refreshes += 1;
        return current;
      },
      // A real fetch whose first 401 is delivered late, after the other request has refreshed.
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        if (slow && response.status === 401) {
          slow = false;
          await new Promise((r) => setTimeout(r, 150));
        }
        return response;
      },
    });
    await adapter.list({ tenantId: TENANT, query: {}, page: { type: 'offset', offset: 0, limit: 1 } });
    server.handler.rotateToken('a2');
    current = 'a2';
    slow = true;
    const late = adapter.list({ tenantId: TENANT, query: {}, page: { type: 'offset', offset: 0, limit: 1 } });
    await new Promise((r) => setTimeout(r, 20));
    await adapter.list({ tenantId: TENANT, query: {}, page: { type: 'offset', offset: 1, limit: 1 } });
    await late;
    expect(refreshes).toBe(1);
  });

  it('surfaces a second 401 as an authentication error', async () => {
    const adapter = createHttpAdapter({ baseUrl: server.url, getToken: () => 'stale' });
    const error = await rejection(adapter.list({ tenantId: TENANT, query: {}, page: { type: 'offset', offset: 0, limit: 1 } }));
    expect(error).toMatchObject({ kind: 'auth', status: 401 });
    expect(error.message).toMatch(/refreshed once/);
  });

  it('reports a failing getToken as an auth error, and asks again next time', async () => {
    let fail = true;
    const adapter = createHttpAdapter({
      baseUrl: server.url,
      getToken: () => {
        if (fail) throw new Error('no session');
        return 'a2';
      },
    });
    const error = await rejection(adapter.list({ tenantId: TENANT, query: {}, page: { type: 'offset', offset: 0, limit: 1 } }));
    expect(error.kind).toBe('auth');
    expect(error.message).toMatch(/getToken failed.*no session/);
    fail = false;
    server.handler.rotateToken('a2');
    await expect(adapter.list({ tenantId: TENANT, query: {}, page: { type: 'offset', offset: 0, limit: 1 } })).resolves.toBeTruthy();
  });
});
