// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditLogsAdapter } from '../../src/api/adapter';
import { AuditApiError } from '../../src/api/errors';
import { createHttpAdapter, type HttpDialect } from '../../src/api/http/createHttpAdapter';
import { TRUNCATED_MARK } from '../../src/core/depth';
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
  /** Severities one query may carry (fullstackhero takes one). */
  severities: string[];
  /** It sorts only newest first. */
  fixedSort?: boolean;
}

const CASES: DialectCase[] = [
  { dialect: 'native', tenantOf: (r) => r.headers['x-tenant-id'] ?? null, filter: [{ field: 'actor.email', op: 'contains', value: 'a' }], cursor: false, severities: ['High', 'Critical'] },
  { dialect: 'frontegg', tenantOf: (r) => r.headers['frontegg-tenant-id'] ?? null, filter: [{ field: 'action', op: 'eq', value: 'user.login' }], cursor: false, severities: ['High', 'Critical'] },
  { dialect: 'fsh', tenantOf: (r) => new URLSearchParams(r.search).get('tenantId'), filter: [{ field: 'source', op: 'eq', value: 'web' }], cursor: false, severities: ['Error'], fixedSort: true },
  { dialect: 'logging', tenantOf: (r) => r.headers['x-tenant-id'] ?? null, filter: [{ field: 'action', op: 'eq', value: 'user.login' }], cursor: true, severities: ['error', 'critical'] },
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

describe.each(CASES)('createHttpAdapter over a real server: $dialect', ({ dialect, tenantOf, filter, cursor, severities, fixedSort }) => {
  let server: MockServer;
  let adapter: AuditLogsAdapter;
  const truth = () => server.handler.backend;
  const expected = async (query: AuditQuery) =>
    (await truth().list({ tenantId: TENANT, query, page: { type: 'offset', offset: 0, limit: 1000 } })).events.map((e) => e.id);

  beforeAll(async () => {
    server = await startMockServer({ dialect, count: COUNT, seed: 11, now: NOW, vocabulary: 'frontegg' });
    adapter = createHttpAdapter({ baseUrl: server.url, dialect, retryDelayMs: 5, now: () => NOW });
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
      { severities },
      { timeRange: { from: new Date(NOW - 30 * 86_400_000).toISOString(), to: new Date(NOW - 10 * 86_400_000).toISOString() } },
      ...(fixedSort ? [] : [{ sort: { field: 'timestamp', direction: 'asc' as const } }]),
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
    const before = server.handler.requests.length;
    const pending = adapter.list({ tenantId: TENANT, query: {}, page }, { signal: controller.signal });
    // Abort once the server has the request, so it cannot arrive late and meet the next test's fault.
    while (server.handler.requests.length === before) await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - started).toBeLessThan(2000);
    truth().setLatency(0);
  });

  it('turns HTML, unparsable JSON and wrong shapes into invalid-response errors a developer can act on', async () => {
    const page = { type: cursor ? 'cursor' : 'offset', cursor: null, offset: 0, limit: 5 } as never;
    server.handler.failNext({ body: 'html' });
    const html = await rejection(adapter.list({ tenantId: TENANT, query: {}, page }));
    expect(html.kind).toBe('invalid-response');
    expect(html.message).toMatch(/^The server sent a web page instead of audit data — often a sign-in page: the session may have expired\./);
    expect(html.message).toContain('text/html');
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

  it('keeps an event whose payload nests 100,000 levels deep, cut off as a marked preview', async () => {
    const page = { type: cursor ? 'cursor' : 'offset', cursor: null, offset: 0, limit: 10 } as never;
    server.handler.failNext({ body: 'deep-event' });
    const result = await adapter.list({ tenantId: TENANT, query: {}, page });
    expect(result.events).toHaveLength(10);
    expect(result.skipped ?? []).toEqual([]);
    const text = JSON.stringify(result.events[0]!.payload);
    expect(text).toContain(TRUNCATED_MARK);
    expect(text.length).toBeLessThan(2000);
  });

  it("drops another tenant's event from this tenant's page and says why", async () => {
    const page = { type: cursor ? 'cursor' : 'offset', cursor: null, offset: 0, limit: 10 } as never;
    server.handler.failNext({ body: 'foreign-event' });
    const result = await adapter.list({ tenantId: TENANT, query: {}, page });
    expect(result.events).toHaveLength(9);
    expect(result.events.every((e) => e.tenantId === TENANT)).toBe(true);
    expect(result.skipped).toEqual([expect.objectContaining({ issues: [expect.stringMatching(/another tenant \("globex"\)/)] })]);
  });
});
