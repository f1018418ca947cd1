// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditLogsAdapter } from '../../src/api/adapter';
import { AuditApiError } from '../../src/api/errors';
import { createHttpAdapter } from '../../src/api/http/createHttpAdapter';
import { startMockServer, type MockServer } from '../../src/mock/server/node';
import { NOW } from '../fixtures/events';

const TENANT = 'acme';
const page = { type: 'offset', offset: 0, limit: 100 } as const;
const DAY = 86_400_000;

describe('the fullstackhero dialect in full', () => {
  let server: MockServer;
  let adapter: AuditLogsAdapter;
  const lastParams = () => new URLSearchParams(server.handler.requests.at(-1)!.search);

  beforeAll(async () => {
    server = await startMockServer({ dialect: 'fsh', count: 400, seed: 5, now: NOW, vocabulary: 'fsh' });
    adapter = createHttpAdapter({ baseUrl: server.url, dialect: 'fsh', now: () => NOW, retryDelayMs: 5 });
  });
  afterAll(() => server.close());

  it('offers the columns fullstackhero fills, its severities in rank order, its event types and named tags', async () => {
    const { fields } = await adapter.getDataStructure({ tenantId: TENANT });
    expect(fields.filter((f) => f.visible).map((f) => f.displayName)).toEqual([
      'Time', 'Severity', 'Event type', 'User', 'Source', 'Correlation ID', 'Trace ID', 'Tags',
    ]);
    const field = (name: string) => fields.find((f) => f.name === name)!;
    expect(field('severity')).toMatchObject({ filterable: true, options: ['Trace', 'Debug', 'Information', 'Warning', 'Error', 'Critical'] });
    expect(field('eventType').options).toEqual(['EntityChange', 'Security', 'Activity', 'Exception']);
    expect(field('tags').options).toEqual(['PiiMasked', 'OutOfQuota', 'Sampled', 'RetainedLong', 'HealthCheck', 'Authentication', 'Authorization']);
    expect(adapter.capabilities.severitySelection).toBe('one');
  });

  it('filters by one severity, by name, and says so for more than one', async () => {
    const errors = await adapter.list({ tenantId: TENANT, query: { severities: ['Error'] }, page });
    expect(lastParams().get('severity')).toBe('Error');
    expect(errors.events.length).toBeGreaterThan(0);
    expect(errors.events.every((e) => e.severity === 'Error')).toBe(true);
    const error = await adapter.list({ tenantId: TENANT, query: { severities: ['Error', 'Critical'] }, page }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuditApiError);
    expect((error as AuditApiError).message).toMatch(/more than one severity/);
  });

  it('reads tags as named flags and filters by any of them (bitwise)', async () => {
    const result = await adapter.list({
      tenantId: TENANT,
      query: { filters: [{ field: 'tags', op: 'in', value: ['Authentication', 'PiiMasked'] }] },
      page,
    });
    expect(lastParams().get('tags')).toBe(String(32 | 1));
    expect(result.events.length).toBeGreaterThan(0);
    for (const e of result.events) expect(e.tags!.some((t) => t === 'Authentication' || t === 'PiiMasked')).toBe(true);
  });

  it('filters by event type (name or number), user, source, correlation and trace id', async () => {
    for (const value of ['Security', '2']) {
      const result = await adapter.list({ tenantId: TENANT, query: { filters: [{ field: 'eventType', op: 'eq', value }] }, page });
      expect(lastParams().get('eventType')).toBe('Security');
      expect(result.events.every((e) => e.eventType === 'Security')).toBe(true);
    }
    const [first] = (await adapter.list({ tenantId: TENANT, query: {}, page })).events;
    const query = {
      filters: [
        { field: 'actor.id', op: 'eq' as const, value: first!.actor!.id! },
        { field: 'source', op: 'eq' as const, value: first!.source! },
        { field: 'correlationId', op: 'eq' as const, value: first!.correlationId! },
      ],
    };
    const result = await adapter.list({ tenantId: TENANT, query, page });
    const params = lastParams();
    expect([params.get('userId'), params.get('source'), params.get('correlationId')]).toEqual([
      first!.actor!.id, first!.source, first!.correlationId,
    ]);
    expect(result.events.map((e) => e.id)).toContain(first!.id);
  });

  it('asks for its longest window when no range is set, and explains a window it would refuse', async () => {
    await adapter.list({ tenantId: TENANT, query: {}, page });
    expect(Date.parse(lastParams().get('fromUtc')!)).toBe(NOW - 90 * DAY);
    const before = server.handler.requests.length;
    const range = { from: new Date(NOW - 120 * DAY).toISOString(), to: new Date(NOW).toISOString() };
    const error = (await adapter.list({ tenantId: TENANT, query: { timeRange: range }, page }).catch((e: unknown) => e)) as AuditApiError;
    expect(error.kind).toBe('bad-request');
    expect(error.message).toMatch(/at most 90 days at a time/);
    expect(server.handler.requests.length).toBe(before);
    // The server itself refuses such a window with a 400 problem.
    const raw = await fetch(`${server.url}/api/v1/audits?tenantId=${TENANT}&fromUtc=${range.from}&toUtc=${range.to}`);
    expect(raw.status).toBe(400);
  });

  it('never asks for more than 100 rows, and names the tenant on every request', async () => {
    const before = server.handler.requests.length;
    await adapter.list({ tenantId: TENANT, query: {}, page: { type: 'offset', offset: 150, limit: 250 } });
    await adapter.get({ tenantId: TENANT, id: (await adapter.list({ tenantId: TENANT, query: {}, page })).events[0]!.id });
    for (const r of server.handler.requests.slice(before)) {
      expect(Number(new URLSearchParams(r.search).get('pageSize') ?? 0)).toBeLessThanOrEqual(100);
      expect(new URLSearchParams(r.search).get('tenantId')).toBe(TENANT);
      expect(r.headers.tenant).toBe(TENANT);
    }
  });

  it('finds related events through /by-correlation, and falls back to the list where the server has none', async () => {
    const [first] = (await adapter.list({ tenantId: TENANT, query: {}, page })).events;
    const related = await adapter.related!({ tenantId: TENANT, correlationId: first!.correlationId });
    expect(server.handler.requests.at(-1)!.path).toMatch(/\/by-correlation\//);
    expect(related.map((e) => e.id)).toContain(first!.id);
    server.handler.failNext({ path: '/by-correlation/', status: 404 });
    const fallback = await adapter.related!({ tenantId: TENANT, correlationId: first!.correlationId });
    expect(fallback.map((e) => e.id).sort()).toEqual(related.map((e) => e.id).sort());
    expect(lastParams().get('correlationId')).toBe(first!.correlationId);
  });

  it('counts by severity from /summary for a window, and has no counts where it cannot count', async () => {
    const range = { from: new Date(NOW - 20 * DAY).toISOString(), to: new Date(NOW).toISOString() };
    const stats = await adapter.stats!({ tenantId: TENANT, query: { timeRange: range } });
    expect(server.handler.requests.at(-1)!.path).toBe('/api/v1/audits/summary');
    const listed = await adapter.list({ tenantId: TENANT, query: { timeRange: range }, page: { type: 'offset', offset: 0, limit: 1 } });
    expect(stats.total).toBe(listed.total);
    expect(stats.bySeverity.map((c) => c.label)).toEqual(
      [...stats.bySeverity].sort((a, b) => b.rank - a.rank).map((c) => c.label),
    );
    const only = await adapter.stats!({ tenantId: TENANT, query: { timeRange: range, severities: ['Error'] } });
    expect(only.bySeverity.map((c) => c.label)).toEqual(['Error']);
    await expect(adapter.stats!({ tenantId: TENANT, query: { search: 'login' } })).rejects.toMatchObject({ kind: 'unsupported' });
    server.handler.failNext({ path: '/summary', status: 404 });
    await expect(adapter.stats!({ tenantId: TENANT, query: {} })).rejects.toMatchObject({ kind: 'unsupported' });
  });
});
