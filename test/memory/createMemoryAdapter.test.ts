import { describe, expect, it } from 'vitest';
import { TRUNCATED_MARK } from '../../src/core/depth';
import type { AuditEventInput, JsonValue } from '../../src/core/event';
import { createMemoryAdapter } from '../../src/memory/createMemoryAdapter';
import { ids } from '../fixtures/events';

const first = { type: 'offset', offset: 0, limit: 100 } as const;
const NOW = Date.UTC(2026, 10, 1);

/** A value nested `levels` deep, built without recursion. */
function nested(levels: number): JsonValue {
  let value: JsonValue = { leaf: true };
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

/** How deep a value goes before a string stands in (iteratively). */
function depthOf(value: JsonValue | undefined): number {
  let depth = 0;
  let at: JsonValue | undefined = value;
  while (at && typeof at === 'object' && !Array.isArray(at)) {
    at = (at as Record<string, JsonValue>).a;
    depth += 1;
  }
  return depth;
}

const base = (id: string, more: Partial<AuditEventInput> = {}): AuditEventInput => ({
  id,
  tenantId: 'acme',
  timestamp: '2026-10-31T12:00:00.000Z',
  severity: 'Info',
  action: 'user.login',
  ...more,
});

describe('createMemoryAdapter', () => {
  it('serves host events as normalized events without changing the host objects', async () => {
    const input = [
      base('a', { severity: 5, timestamp: '2026-10-31T13:00:00+01:00', fields: { plan: 'team' } }),
      base('b', { timestamp: new Date(Date.UTC(2026, 9, 30)) }),
    ];
    const frozen = input.map((e) => Object.freeze({ ...e }));
    const adapter = createMemoryAdapter(frozen, { now: NOW });
    const page = await adapter.list({ tenantId: 'acme', query: {}, page: first });
    expect(page.events).toEqual([
      expect.objectContaining({ id: 'a', timestamp: '2026-10-31T12:00:00.000Z', severity: 'Error', severityRank: 60, fields: { plan: 'team' } }),
      expect.objectContaining({ id: 'b', timestamp: '2026-10-30T00:00:00.000Z', severity: 'Info', severityRank: 30 }),
    ]);
    expect(frozen[0]).toEqual(input[0]);
    expect(adapter.skipped).toEqual([]);
  });

  it('tells epoch seconds from milliseconds, and rejects numbers that are neither', async () => {
    const adapter = createMemoryAdapter(
      [base('s', { timestamp: 1772806995 }), base('ms', { timestamp: 1772806995123 }), base('bad', { timestamp: 42 })],
      { now: NOW },
    );
    const { events } = await adapter.list({ tenantId: 'acme', query: {}, page: first });
    expect(events.map((e) => [e.id, e.timestamp])).toEqual([
      ['ms', new Date(1772806995123).toISOString()],
      ['s', new Date(1772806995000).toISOString()],
    ]);
    expect(events[0]!.timestamp.startsWith('2026-03-06')).toBe(true);
    expect(adapter.skipped).toEqual([
      expect.objectContaining({ index: 2, id: 'bad', issues: [expect.stringMatching(/neither epoch seconds nor epoch milliseconds/)] }),
    ]);
  });

  it('keeps an event nested 100,000 levels deep as a marked preview, and every other event whole', async () => {
    const deep = base('deep', { payload: nested(100_000), fields: { blob: nested(100_000) } });
    const adapter = createMemoryAdapter([base('before'), deep, base('after', { timestamp: '2026-10-31T11:00:00.000Z' })], {
      now: NOW,
      fields: [{ name: 'blob', displayName: 'Blob', type: 'json', filterable: true }],
    });
    expect(adapter.skipped).toEqual([]);
    const { events, total } = await adapter.list({ tenantId: 'acme', query: {}, page: first });
    expect(total).toBe(3);
    const shown = events.find((e) => e.id === 'deep')!;
    expect(depthOf(shown.payload)).toBe(64);
    expect(JSON.stringify(shown.payload)).toContain(TRUNCATED_MARK);
    expect(() => JSON.stringify(shown)).not.toThrow();
    // Search, a filter on the deep custom field, sorting by it, stats and export all still work.
    expect(ids((await adapter.list({ tenantId: 'acme', query: { search: 'leaf' }, page: first })).events)).toEqual([]);
    const byBlob = await adapter.list({
      tenantId: 'acme',
      query: { filters: [{ field: 'blob', op: 'contains', value: 'nested too deeply' }] },
      page: first,
    });
    expect(ids(byBlob.events)).toEqual(['deep']);
    await expect(adapter.stats({ tenantId: 'acme', query: {} })).resolves.toMatchObject({ total: 3 });
    expect(await adapter.get({ tenantId: 'acme', id: 'deep' })).toMatchObject({ id: 'deep' });
    const csv = await new Response(
      await adapter.exportCsv({ tenantId: 'acme', query: {}, columns: [{ name: 'payload', displayName: 'Payload' }] }),
    ).text();
    expect(csv.split('\r\n')).toHaveLength(5);
  });

  it('skips what it cannot read, with the reason, and keeps the rest', () => {
    const adapter = createMemoryAdapter([
      base('ok'),
      null as unknown as AuditEventInput,
      base('no-action', { action: undefined as unknown as string }),
      base('fn', { payload: { f: (() => 1) as unknown as JsonValue } }),
      base('ok'),
    ]);
    expect(adapter.skipped.map((s) => [s.index, s.id, s.issues[0]?.split(':')[0]])).toEqual([
      [1, undefined, '(root)'],
      [2, 'no-action', 'action'],
      [3, 'fn', 'payload'],
      [4, 'ok', 'id'],
    ]);
  });

  it('keeps tenants apart and gives events without a tenant the default one', async () => {
    const adapter = createMemoryAdapter(
      [base('a1'), base('b1', { tenantId: 'globex' }), { ...base('x'), tenantId: undefined }],
      { tenantId: 'acme', now: NOW },
    );
    const acme = await adapter.list({ tenantId: 'acme', query: {}, page: first });
    const globex = await adapter.list({ tenantId: 'globex', query: {}, page: first });
    expect(ids(acme.events).sort()).toEqual(['a1', 'x']);
    expect(ids(globex.events)).toEqual(['b1']);
    await expect(adapter.get({ tenantId: 'globex', id: 'a1' })).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('creates and deletes events, and pages by cursor over what remains', async () => {
    const adapter = createMemoryAdapter([base('a'), base('b', { timestamp: '2026-10-31T11:00:00.000Z' })], { now: NOW });
    const created = await adapter.create({ tenantId: 'acme', event: { action: 'invoice.paid', timestamp: NOW - 1000 } });
    expect(created).toMatchObject({ tenantId: 'acme', action: 'invoice.paid', severity: 'Unknown' });
    await adapter.delete({ tenantId: 'acme', id: 'a' });
    await expect(adapter.delete({ tenantId: 'acme', id: 'a' })).rejects.toMatchObject({ kind: 'not-found' });
    const page = await adapter.list({ tenantId: 'acme', query: {}, page: { type: 'cursor', cursor: null, limit: 1 } });
    expect(ids(page.events)).toEqual([created.id]);
    const rest = await adapter.list({ tenantId: 'acme', query: {}, page: { type: 'cursor', cursor: page.nextCursor!, limit: 5 } });
    expect(ids(rest.events)).toEqual(['b']);
    expect(rest.nextCursor).toBeNull();
  });

  it('filters, sorts and searches a custom field that reads its value from a payload path', async () => {
    const adapter = createMemoryAdapter(
      [
        base('a', { payload: { request: { path: '/b' } }, fields: { plan: 'team' } }),
        base('b', { payload: { request: { path: '/c' } }, fields: { plan: 'free' } }),
        base('c', { payload: { request: { path: '/a' } }, fields: { plan: 'business' } }),
      ],
      { now: NOW },
    );
    const ds = await adapter.getDataStructure({ tenantId: 'acme' });
    await adapter.saveDataStructure({
      tenantId: 'acme',
      dataStructure: {
        fields: [
          ...ds.fields,
          { name: 'path', displayName: 'Path', type: 'string', visible: true, showInDetails: true, filterable: true, sortable: true, custom: true, order: 50, valueFrom: 'payload.request.path' },
          { name: 'plan', displayName: 'Plan', type: 'string', visible: true, showInDetails: true, filterable: true, sortable: true, custom: true, order: 51 },
        ],
      },
    });
    const list = (query: object) => adapter.list({ tenantId: 'acme', query, page: first }).then((p) => ids(p.events));
    expect(await list({ sort: { field: 'path', direction: 'asc' } })).toEqual(['c', 'a', 'b']);
    expect(await list({ filters: [{ field: 'path', op: 'startsWith', value: '/c' }] })).toEqual(['b']);
    expect(await list({ sort: { field: 'plan', direction: 'desc' } })).toEqual(['a', 'b', 'c']);
    expect(await list({ search: 'business' })).toEqual(['c']);
  });
});
