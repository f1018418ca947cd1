// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditLogsAdapter } from '../../src/api/adapter';
import { AuditApiError } from '../../src/api/errors';
import { createHttpAdapter, type HttpDialect } from '../../src/api/http/createHttpAdapter';
import type { AuditEvent } from '../../src/core/event';
import type { AuditQuery } from '../../src/core/query';
import { startMockServer, type MockServer } from '../../src/mock/server/node';
import { NOW } from '../fixtures/events';

const TENANT = 'acme';
const COUNT = 450;

interface DialectCase {
  dialect: HttpDialect;
  tenantOf: (r: { headers: Record<string, string>; search: string }) => string | null;
  /** A filter each dialect can express, and one it cannot. */
  filter: AuditQuery['filters'];
  cursor: boolean;
}

const CASES: DialectCase[] = [
  { dialect: 'native', tenantOf: (r) => r.headers['x-tenant-id'] ?? null, filter: [{ field: 'actor.email', op: 'contains', value: 'a' }], cursor: false },
  { dialect: 'frontegg', tenantOf: (r) => r.headers['frontegg-tenant-id'] ?? null, filter: [{ field: 'action', op: 'eq', value: 'user.login' }], cursor: false },
  { dialect: 'fsh', tenantOf: (r) => new URLSearchParams(r.search).get('tenantId'), filter: [{ field: 'source', op: 'eq', value: 'web' }], cursor: false },
  { dialect: 'logging', tenantOf: (r) => r.headers['x-tenant-id'] ?? null, filter: [{ field: 'action', op: 'eq', value: 'user.login' }], cursor: true },
];

async function rejection(promise: Promise<unknown>): Promise<AuditApiError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AuditApiError);
  return error as AuditApiError;
}

async function all(adapter: AuditLogsAdapter, query: AuditQuery, cursor: boolean, limit = 100): Promise<AuditEvent[]> {
  const out: AuditEvent[] = [];
  if (cursor) {
    let next: string | null = null;
    do {
      const page = await adapter.list({ tenantId: TENANT, query, page: { type: 'cursor', cursor: next, limit } });
      out.push(...page.events);
      next = page.nextCursor ?? null;
    } while (next);
    return out;
  }
  for (let offset = 0; ; offset += limit) {
    const page = await adapter.list({ tenantId: TENANT, query, page: { type: 'offset', offset, limit } });
    out.push(...page.events);
    if (offset + limit >= (page.total ?? 0)) return out;
  }
}

describe.each(CASES)('createHttpAdapter over a real server: $dialect', ({ dialect, tenantOf, filter, cursor }) => {
  let server: MockServer;
  let adapter: AuditLogsAdapter;
  const truth = () => server.handler.backend;
  const expected = async (query: AuditQuery) =>
    (await truth().list({ tenantId: TENANT, query, page: { type: 'offset', offset: 0, limit: 1000 } })).events.map((e) => e.id);

  beforeAll(async () => {
    server = await startMockServer({ dialect, count: COUNT, seed: 11, now: NOW, vocabulary: 'frontegg' });
    adapter = createHttpAdapter({ baseUrl: server.url, dialect, retryDelayMs: 5 });
  });
  afterAll(() => server.close());

  it('pages through everything without gaps or duplicates, in order', async () => {
    const events = await all(adapter, {}, cursor);
    expect(events.map((e) => e.id)).toEqual(await expected({}));
    expect(new Set(events.map((e) => e.id)).size).toBe(COUNT);
    expect(events.every((e) => e.tenantId === TENANT)).toBe(true);
  });

  it('filters, searches and sorts on the server', async () => {
    for (const query of [
      { filters: filter },
      { search: 'api_key' },
      { severities: ['High', 'Critical'] },
      { timeRange: { from: new Date(NOW - 30 * 86_400_000).toISOString(), to: new Date(NOW - 10 * 86_400_000).toISOString() } },
      { sort: { field: 'timestamp', direction: 'asc' as const } },
    ] satisfies AuditQuery[]) {
      const ids = (await all(adapter, query, cursor)).map((e) => e.id);
      expect(ids, JSON.stringify(query)).toEqual(await expected(query));
    }
  });

  it('gets one event, and says not-found for another tenant\'s', async () => {
    const [first] = await all(adapter, {}, cursor, 5);
    const one = await adapter.get({ tenantId: TENANT, id: first!.id });
    expect(one.id).toBe(first!.id);
    const other = (await truth().list({ tenantId: 'globex', query: {}, page: { type: 'offset', offset: 0, limit: 1 } })).events[0]!;
    expect((await rejection(adapter.get({ tenantId: TENANT, id: other.id }))).kind).toBe('not-found');
  });

  it('reads the data structure', async () => {
    const ds = await adapter.getDataStructure({ tenantId: TENANT });
    expect(ds.fields.find((f) => f.name === 'timestamp')?.type).toBe('datetime');
    expect(ds.fields.some((f) => f.filterable)).toBe(true);
  });

  it('sends the tenant on every request, retries included', async () => {
    server.handler.failNext({ status: 503 });
    await adapter.list({ tenantId: TENANT, query: {}, page: cursor ? { type: 'cursor', cursor: null, limit: 5 } : { type: 'offset', offset: 0, limit: 5 } });
    expect(server.handler.requests.length).toBeGreaterThan(5);
    for (const r of server.handler.requests) expect(tenantOf(r), `${r.method} ${r.path}`).toBe(TENANT);
  });

  it('retries 5xx with backoff, and gives up with a server error', async () => {
    const page = { type: cursor ? 'cursor' : 'offset', cursor: null, offset: 0, limit: 5 } as never;
    server.handler.failNext({ status: 500, times: 2 });
    await expect(adapter.list({ tenantId: TENANT, query: {}, page })).resolves.toBeTruthy();
    server.handler.failNext({ status: 502, times: 3 });
    const error = await rejection(adapter.list({ tenantId: TENANT, query: {}, page }));
    expect(error).toMatchObject({ kind: 'server', status: 502 });
  });

  it('does not retry other 4xx', async () => {
    const before = server.handler.requests.length;
    server.handler.failNext({ status: 400 });
    const page = { type: cursor ? 'cursor' : 'offset', cursor: null, offset: 0, limit: 5 } as never;
    expect((await rejection(adapter.list({ tenantId: TENANT, query: {}, page }))).kind).toBe('bad-request');
    expect(server.handler.requests.length - before).toBe(1);
  });

  it('honours Retry-After on 429', async () => {
    server.handler.failNext({ status: 429, retryAfter: 1 });
    const started = Date.now();
    const page = { type: cursor ? 'cursor' : 'offset', cursor: null, offset: 0, limit: 5 } as never;
    await adapter.list({ tenantId: TENANT, query: {}, page });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    server.handler.failNext({ status: 429, retryAfter: 120 });
    const error = await rejection(adapter.list({ tenantId: TENANT, query: {}, page }));
    expect(error).toMatchObject({ kind: 'rate-limited', retryAfter: 120 });
    expect(error.message).toContain('Try again in 120 s');
  });

  it('cancels through AbortSignal', async () => {
    truth().setLatency(5000);
    const controller = new AbortController();
    const started = Date.now();
    const page = { type: cursor ? 'cursor' : 'offset', cursor: null, offset: 0, limit: 5 } as never;
    const pending = adapter.list({ tenantId: TENANT, query: {}, page }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - started).toBeLessThan(2000);
    truth().setLatency(0);
  });

  it('turns HTML, unparsable JSON and wrong shapes into invalid-response errors a developer can act on', async () => {
    const page = { type: cursor ? 'cursor' : 'offset', cursor: null, offset: 0, limit: 5 } as never;
    server.handler.failNext({ body: 'html' });
    const html = await rejection(adapter.list({ tenantId: TENANT, query: {}, page }));
    expect(html.kind).toBe('invalid-response');
    expect(html.message).toMatch(/text\/html instead of JSON.*Is baseUrl/);
    server.handler.failNext({ body: 'not-json' });
    expect((await rejection(adapter.list({ tenantId: TENANT, query: {}, page }))).message).toMatch(/does not parse/);
    server.handler.failNext({ body: 'wrong-shape' });
    const shape = await rejection(adapter.list({ tenantId: TENANT, query: {}, page }));
    expect(shape.kind).toBe('invalid-response');
    expect(shape.issues.length).toBeGreaterThan(0);
  });

  it('skips one malformed event and reports it, keeping the rest of the page', async () => {
    const page = { type: cursor ? 'cursor' : 'offset', cursor: null, offset: 0, limit: 10 } as never;
    server.handler.failNext({ body: 'bad-event' });
    const result = await adapter.list({ tenantId: TENANT, query: {}, page });
    expect(result.events).toHaveLength(9);
    expect(result.skipped).toHaveLength(1);
    expect(result.skipped![0]!.issues.join()).toMatch(/timestamp/);
  });
});

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
    expect(bearer.at(-1)).toBe('Bearer t2');
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
});

describe('dialect-specific', () => {
  it('native: stats, data structure write, export, create and delete', async () => {
    const server = await startMockServer({ dialect: 'native', count: 300, seed: 2, now: NOW });
    try {
      const adapter = createHttpAdapter({ baseUrl: server.url });
      const stats = await adapter.stats!({ tenantId: TENANT, query: { timeRange: { preset: '30d' } } });
      const truth = await server.handler.backend.stats({ tenantId: TENANT, query: { timeRange: { preset: '30d' } } });
      expect(stats).toEqual(truth);
      const ds = await adapter.getDataStructure({ tenantId: TENANT });
      ds.fields.push({ ...ds.fields[0]!, name: 'ticket', displayName: 'Ticket', type: 'string', custom: true, order: 99 });
      expect((await adapter.saveDataStructure!({ tenantId: TENANT, dataStructure: ds })).fields.at(-1)?.name).toBe('ticket');
      const bad = await rejection(adapter.saveDataStructure!({ tenantId: TENANT, dataStructure: { fields: [...ds.fields, ds.fields[0]!] } }));
      expect(bad.kind).toBe('bad-request');
      expect(bad.issues.join()).toMatch(/used twice/);
      const csv = await new Response(
        await adapter.exportCsv!({ tenantId: TENANT, query: {}, columns: [{ name: 'action', displayName: 'Action' }] }),
      ).text();
      expect(csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n')).toHaveLength(301);
      const created = await adapter.create!({ tenantId: TENANT, event: { action: 'x.created', severity: 'High' } });
      expect(created.action).toBe('x.created');
      await adapter.delete!({ tenantId: TENANT, id: created.id });
      expect((await rejection(adapter.get({ tenantId: TENANT, id: created.id }))).kind).toBe('not-found');
    } finally {
      await server.close();
    }
  });

  it('frontegg: export with a properties body, create, and equality-only filters', async () => {
    const server = await startMockServer({ dialect: 'frontegg', count: 200, seed: 2, now: NOW });
    try {
      const adapter = createHttpAdapter({ baseUrl: server.url, dialect: 'frontegg' });
      const csv = await new Response(
        await adapter.exportCsv!({
          tenantId: TENANT,
          query: { severities: ['High'] },
          columns: [{ name: 'actor.email', displayName: 'Email' }, { name: 'severity', displayName: 'Severity' }],
        }),
      ).text();
      const last = server.handler.requests.at(-1)!;
      expect(last.path).toBe('/audits/export/csv/v2');
      expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('Email,Severity');
      expect(csv.trimEnd().split('\r\n').slice(1).every((l) => l.endsWith(',High'))).toBe(true);
      const created = await adapter.create!({ tenantId: TENANT, event: { action: 'sso.enabled', severity: 'Medium', actor: { email: 'x@acme.example' } } });
      expect(created).toMatchObject({ action: 'sso.enabled', severity: 'Medium' });
      const unsupported = await rejection(
        adapter.list({ tenantId: TENANT, query: { filters: [{ field: 'actor.email', op: 'contains', value: 'a' }] }, page: { type: 'offset', offset: 0, limit: 5 } }),
      );
      expect(unsupported.kind).toBe('unsupported');
      expect(adapter.capabilities).toMatchObject({ stats: false, delete: false, serverExport: true });
    } finally {
      await server.close();
    }
  });

  it('fsh: lists under "data", enums as integers, pages of at most 100', async () => {
    const server = await startMockServer({
      dialect: 'fsh',
      count: 250,
      seed: 3,
      now: NOW,
      vocabulary: 'fsh',
      fsh: { listKey: 'data', enums: 'numbers' },
    });
    try {
      const adapter = createHttpAdapter({ baseUrl: server.url, dialect: 'fsh' });
      const page = await adapter.list({ tenantId: TENANT, query: {}, page: { type: 'offset', offset: 150, limit: 100 } });
      expect(page.events).toHaveLength(100);
      expect(page.total).toBe(250);
      const truth = await server.handler.backend.list({ tenantId: TENANT, query: {}, page: { type: 'offset', offset: 150, limit: 100 } });
      // Severities and event types travelled as integers and came back as the same names.
      expect(page.events.map((e) => [e.id, e.severity, e.eventType])).toEqual(truth.events.map((e) => [e.id, e.severity, e.eventType]));
      const raw = await (await fetch(`${server.url}/api/v1/audits?tenantId=${TENANT}&pageSize=1`)).json();
      expect(typeof raw.data[0].severity).toBe('number');
      expect(server.handler.requests.every((r) => Number(new URLSearchParams(r.search).get('pageSize')) <= 100)).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('logging: delete only with audit:write; forbidden otherwise', async () => {
    const server = await startMockServer({ dialect: 'logging', count: 20, now: NOW, scopes: ['audit:read'] });
    try {
      const adapter = createHttpAdapter({ baseUrl: server.url, dialect: 'logging' });
      const [event] = (await adapter.list({ tenantId: TENANT, query: {}, page: { type: 'cursor', cursor: null, limit: 1 } })).events;
      const error = await rejection(adapter.delete!({ tenantId: TENANT, id: event!.id }));
      expect(error).toMatchObject({ kind: 'forbidden', status: 403 });
      expect(error.message).toMatch(/audit:write/);
    } finally {
      await server.close();
    }
    const writer = await startMockServer({ dialect: 'logging', count: 20, now: NOW });
    try {
      // Bound to a tenant: requests that name none use it.
      const adapter = createHttpAdapter({ baseUrl: writer.url, dialect: 'logging', tenantId: TENANT });
      const [event] = (await adapter.list({ tenantId: '', query: {}, page: { type: 'cursor', cursor: null, limit: 1 } })).events;
      await adapter.delete!({ tenantId: '', id: event!.id });
      expect((await rejection(adapter.get({ tenantId: TENANT, id: event!.id }))).kind).toBe('not-found');
    } finally {
      await writer.close();
    }
  });
});
