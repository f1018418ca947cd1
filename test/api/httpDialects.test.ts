// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { AuditApiError } from '../../src/api/errors';
import { createHttpAdapter } from '../../src/api/http/createHttpAdapter';
import { startMockServer } from '../../src/mock/server/node';
import { NOW } from '../fixtures/events';

const TENANT = 'acme';

async function rejection(promise: Promise<unknown>): Promise<AuditApiError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AuditApiError);
  return error as AuditApiError;
}

describe('dialect-specific', () => {
  it('native: a histogram bucket whose severity counts cannot be read keeps its count, unstacked', async () => {
    const body = {
      total: 3,
      bySeverity: [{ label: 'Info', rank: 30, count: 3 }],
      histogram: {
        bucketMs: 3_600_000,
        buckets: [
          { start: '2026-11-01T00:00:00.000Z', end: '2026-11-01T01:00:00.000Z', count: 2, bySeverity: { info: 1, high: 1 } },
          { start: '2026-11-01T01:00:00.000Z', end: '2026-11-01T02:00:00.000Z', count: 1, bySeverity: { loud: 1 } },
          { start: '2026-11-01T02:00:00.000Z', end: '2026-11-01T03:00:00.000Z', count: 0, bySeverity: 'none' },
        ],
      },
    };
    const adapter = createHttpAdapter({ baseUrl: 'http://stats.test', fetch: async () => Response.json(body) });
    const stats = await adapter.stats!({ tenantId: TENANT, query: {} });
    expect(stats.histogram.buckets.map((b) => [b.count, b.bySeverity])).toEqual([
      [2, { info: 1, high: 1 }],
      [1, undefined],
      [0, undefined],
    ]);
  });

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
      const adapter = createHttpAdapter({ baseUrl: server.url, dialect: 'fsh', now: () => NOW });
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

describe('custom fields over HTTP (native protocol)', () => {
  it('saves a tenant’s data structure for that tenant only, with its value paths, and filters by them', async () => {
    const server = await startMockServer({ dialect: 'native', count: 80, seed: 6, now: NOW });
    try {
      const adapter = createHttpAdapter({ baseUrl: server.url, dialect: 'native', now: () => NOW });
      const ds = await adapter.getDataStructure({ tenantId: TENANT });
      const field = { name: 'method', displayName: 'HTTP method', type: 'string' as const, visible: true, showInDetails: true, filterable: true, sortable: true, custom: true, order: 99, valueFrom: 'payload.request.method' };
      const saved = await adapter.saveDataStructure!({ tenantId: TENANT, dataStructure: { fields: [...ds.fields, field] } });
      expect(saved.fields.find((f) => f.name === 'method')).toMatchObject({ valueFrom: 'payload.request.method', custom: true });
      expect(server.handler.requests.at(-1)).toMatchObject({ method: 'PUT', path: '/data-structure', headers: { 'x-tenant-id': TENANT } });
      // Per tenant: another tenant's structure is untouched.
      expect((await adapter.getDataStructure({ tenantId: 'globex' })).fields.some((f) => f.name === 'method')).toBe(false);
      expect((await adapter.getDataStructure({ tenantId: TENANT })).fields.some((f) => f.name === 'method')).toBe(true);
      const patches = await adapter.list({
        tenantId: TENANT,
        query: { filters: [{ field: 'method', op: 'eq', value: 'PATCH' }] },
        page: { type: 'offset', offset: 0, limit: 100 },
      });
      expect(patches.events.length).toBeGreaterThan(0);
      for (const e of patches.events) expect((e.payload as { request: { method: string } }).request.method).toBe('PATCH');
    } finally {
      await server.close();
    }
  });
});
