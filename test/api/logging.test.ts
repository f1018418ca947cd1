// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { AuditApiError } from '../../src/api/errors';
import { createHttpAdapter } from '../../src/api/http/createHttpAdapter';
import { loggingParams } from '../../src/api/http/dialects/logging';
import { readFilterMetadata } from '../../src/api/http/dialects/loggingMetadata';
import type { AuditEvent } from '../../src/core/event';
import { startMockServer } from '../../src/mock/server/node';
import type { LoggingShape } from '../../src/mock/server/routes';
import { NOW } from '../fixtures/events';

const TENANT = 'acme';

async function withServer<T>(logging: LoggingShape, run: (url: string, server: Awaited<ReturnType<typeof startMockServer>>) => Promise<T>, scopes?: string[]) {
  const server = await startMockServer({ dialect: 'logging', count: 230, seed: 4, now: NOW, logging, ...(scopes && { scopes }) });
  try {
    return await run(server.url, server);
  } finally {
    await server.close();
  }
}

async function walk(url: string, query = {}): Promise<AuditEvent[]> {
  const adapter = createHttpAdapter({ baseUrl: url, dialect: 'logging', now: () => NOW });
  const out: AuditEvent[] = [];
  let cursor: string | null = null;
  do {
    const page = await adapter.list({ tenantId: TENANT, query, page: { type: 'cursor', cursor, limit: 100 } });
    out.push(...page.events);
    cursor = page.nextCursor ?? null;
  } while (cursor);
  return out;
}

describe('the cursor logging dialect in full', () => {
  it.each<[string, LoggingShape]>([
    ['{ results, next_cursor } with nested entries', { page: 'results', entries: 'nested' }],
    ['fastapi-pagination { items, next_page } with flat entries', { page: 'items', entries: 'flat' }],
  ])('reads %s: every event once, with actor, IP and resource', async (_name, shape) => {
    await withServer(shape, async (url, server) => {
      const events = await walk(url);
      const truth = await server.handler.backend.list({ tenantId: TENANT, query: {}, page: { type: 'offset', offset: 0, limit: 1000 } });
      expect(events.map((e) => e.id)).toEqual(truth.events.map((e) => e.id));
      const withActor = events.find((e) => e.actor?.email && e.ip && e.resource)!;
      const original = truth.events.find((e) => e.id === withActor.id)!;
      expect([withActor.actor!.email, withActor.ip, withActor.resource]).toEqual([original.actor!.email, original.ip, original.resource]);
    });
  });

  it('names the keys that arrived when neither page shape matches', async () => {
    const body = JSON.stringify({ rows: [], cursor: 'x' });
    const adapter = createHttpAdapter({
      baseUrl: 'http://127.0.0.1:9',
      dialect: 'logging',
      fetch: async (input) =>
        String(input).includes('/filters')
          ? new Response('{}', { headers: { 'content-type': 'application/json' } })
          : new Response(body, { headers: { 'content-type': 'application/json' } }),
    });
    const error = (await adapter.list({ tenantId: TENANT, query: {}, page: { type: 'cursor', cursor: null, limit: 10 } }).catch((e: unknown) => e)) as AuditApiError;
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toMatch(/keys "rows", "cursor"/);
  });

  it.each<LoggingShape['filters']>(['list', 'map'])('takes labels, severity words and sort fields from /filters as a %s', async (filters) => {
    await withServer({ filters }, async (url) => {
      const adapter = createHttpAdapter({ baseUrl: url, dialect: 'logging', now: () => NOW });
      const { fields } = await adapter.getDataStructure({ tenantId: TENANT });
      const field = (name: string) => fields.find((f) => f.name === name)!;
      expect(field('severity')).toMatchObject({ filterable: true, options: ['debug', 'info', 'warning', 'error', 'critical'] });
      expect(field('actor.email')).toMatchObject({ filterable: true, displayName: 'Actor email' });
      expect(field('action').sortable).toBe(true);
      const errors = await walk(url, { severities: ['Error'] });
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((e) => e.severity === 'error')).toBe(true);
    });
  });

  it('falls back to the documented names when /filters answers garbage, and the list still works', async () => {
    await withServer({ filters: 'garbage' }, async (url) => {
      const adapter = createHttpAdapter({ baseUrl: url, dialect: 'logging', now: () => NOW });
      const { fields } = await adapter.getDataStructure({ tenantId: TENANT });
      expect(fields.find((f) => f.name === 'severity')!.options).toEqual(['debug', 'info', 'warning', 'error', 'critical']);
      expect((await walk(url, { filters: [{ field: 'action', op: 'eq', value: 'user.login' }] })).every((e) => e.action === 'user.login')).toBe(true);
    });
  });

  it('says which permission is missing: audit:read to list, audit:write to delete', async () => {
    await withServer({}, async (url) => {
      const adapter = createHttpAdapter({ baseUrl: url, dialect: 'logging' });
      const error = (await adapter.list({ tenantId: TENANT, query: {}, page: { type: 'cursor', cursor: null, limit: 5 } }).catch((e: unknown) => e)) as AuditApiError;
      expect(error).toMatchObject({ kind: 'forbidden', status: 403 });
      expect(error.message).toMatch(/Reading the audit log needs the "audit:read" permission/);
    }, []);
    await withServer({}, async (url) => {
      const adapter = createHttpAdapter({ baseUrl: url, dialect: 'logging' });
      const [event] = (await adapter.list({ tenantId: TENANT, query: {}, page: { type: 'cursor', cursor: null, limit: 1 } })).events;
      const error = (await adapter.delete!({ tenantId: TENANT, id: event!.id }).catch((e: unknown) => e)) as AuditApiError;
      expect(error.message).toMatch(/Deleting an audit event needs the "audit:write" permission/);
    }, ['audit:read']);
  });
});

describe('reading /filters metadata', () => {
  it('takes parameter names from the metadata: a server that calls the email filter user_email gets user_email', () => {
    const meta = readFilterMetadata({
      fields: { user_email: { display_name: 'Email', type: 'string' }, level: { enum: ['LOW', 'HIGH'] } },
      ordering_fields: ['-created_at', 'level'],
    });
    const params = loggingParams({ severities: ['high'], filters: [{ field: 'actor.email', op: 'eq', value: 'ada@acme.example' }], sort: { field: 'severity', direction: 'asc' } }, NOW, meta);
    expect(params.get('user_email')).toBe('ada@acme.example');
    expect(params.get('level')).toBe('HIGH');
    expect(params.get('sort_by')).toBe('level');
    expect(meta.labelOf.get('actor.email')).toBe('Email');
    expect(meta.severities).toEqual(['LOW', 'HIGH']);
  });

  it('reads filter and sort names that are members of Object.prototype as unknown names, nothing more', () => {
    const hostile = ['constructor', 'toString', 'valueOf', '__proto__', 'hasOwnProperty'];
    const meta = readFilterMetadata(JSON.parse(JSON.stringify({ filters: [...hostile, 'action'].map((name) => ({ name, type: 'string' })), sortable: [...hostile, 'timestamp'] })));
    expect([...meta.paramOf.keys()].every((k) => typeof k === 'string')).toBe(true);
    expect(meta.paramOf.get('action')).toBe('action');
    expect([...meta.sortParamOf.keys()].every((k) => typeof k === 'string')).toBe(true);
  });

  it('never throws on what it cannot read', () => {
    for (const body of [null, 42, 'x', [], { filters: 7 }, { filters: [{ name: 3 }, null, 'action'] }, { fields: { x: null } }]) {
      expect(() => readFilterMetadata(body)).not.toThrow();
      expect(readFilterMetadata(body).paramOf.size).toBeGreaterThan(0);
    }
  });
});
