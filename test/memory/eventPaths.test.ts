import { describe, expect, it } from 'vitest';
import { createMemoryAdapter } from '../../src/memory/createMemoryAdapter';
import { compileEventPaths, type EventPaths } from '../../src/memory/eventPaths';
import { getFieldValue } from '../../src/core/fields';
import { ingestEvents } from '../../src/memory/ingest';

const NOW = Date.UTC(2026, 10, 1);

/** A host's own event shape: flat, the actor's email as `user`, its custom values at the top. */
interface HostEvent {
  id: string;
  timestamp: string;
  severity: string;
  action: string;
  user: string;
  region: string;
  geo?: { city: string };
  tenantId: string;
  payload?: unknown;
}

const hostEvents: HostEvent[] = Array.from({ length: 500 }, (_, i) => ({
  id: `evt_${i}`,
  timestamp: new Date(NOW - i * 60_000).toISOString(),
  severity: i % 10 === 0 ? 'error' : 'info',
  action: i % 2 ? 'user.login' : 'document.update',
  user: `user${i % 7}@corp.example`,
  region: i % 3 ? 'eu-west' : 'us-east',
  geo: { city: i % 2 ? 'Lisbon' : 'Oslo' },
  // The host's own tenants; the viewer shows them all as one.
  tenantId: `tnt-${i % 4}`,
}));

const paths: EventPaths = { 'actor.email': 'user', 'fields.region': 'region', 'fields.city': 'geo.city', tenantId: null };

/** What a host writes without paths: a copy of every event in our shape. */
function toEvent(e: HostEvent) {
  return {
    id: e.id,
    timestamp: e.timestamp,
    severity: e.severity,
    action: e.action,
    actor: { email: e.user },
    fields: { region: e.region, city: e.geo!.city },
  };
}

const first = { type: 'offset', offset: 0, limit: 100 } as const;

describe('createMemoryAdapter with paths: events of the host’s own shape, read where they are', () => {
  it('answers pages, searches, filters and stats exactly as over copies of the events in our shape', async () => {
    const read = createMemoryAdapter(hostEvents, { tenantId: 'acme', paths, now: NOW });
    const copied = createMemoryAdapter(hostEvents.map(toEvent), { tenantId: 'acme', now: NOW });
    const queries = [
      {},
      { search: 'user3@corp.example' },
      { severities: ['error' as const] },
      { filters: [{ field: 'actor.email', op: 'eq' as const, value: 'user5@corp.example' }] },
      { search: 'lisbon', sort: { field: 'actor.email', direction: 'asc' as const } },
    ];
    for (const query of queries) {
      const page = await read.list({ tenantId: 'acme', query, page: first });
      const expected = await copied.list({ tenantId: 'acme', query, page: first });
      expect(page.events).toEqual(expected.events);
      expect(page.events.length).toBeGreaterThan(0);
      expect(await read.stats({ tenantId: 'acme', query })).toEqual(await copied.stats({ tenantId: 'acme', query }));
    }
    const one = await read.get({ tenantId: 'acme', id: 'evt_4' });
    expect(one).toMatchObject({ tenantId: 'acme', actor: { email: 'user4@corp.example' }, fields: { region: 'eu-west', city: 'Oslo' } });
    expect(read.skipped).toEqual([]);
  });

  it('reads each host object once for the first search (the event built to check it also gives its search text)', async () => {
    let reads = 0;
    const counted = hostEvents.map((e) => {
      const copy = { ...e } as HostEvent;
      Object.defineProperty(copy, 'user', {
        enumerable: true,
        get: () => {
          reads++;
          return e.user;
        },
      });
      return copy;
    });
    const read = createMemoryAdapter(counted, { tenantId: 'acme', paths, now: NOW });
    const page = await read.list({ tenantId: 'acme', query: { search: 'user3@corp.example' }, page: first });
    expect(page.events.length).toBeGreaterThan(0);
    expect(page.events.every((e) => e.actor?.email === 'user3@corp.example')).toBe(true);
    // Every event is checked and searched once; only the page's events are read again, to answer them.
    expect(reads).toBeLessThanOrEqual(counted.length + page.events.length);
  });

  it('leaves the host’s objects as they were, and exports the values read through the paths', async () => {
    const before = JSON.stringify(hostEvents);
    const adapter = createMemoryAdapter(hostEvents, { tenantId: 'acme', paths, now: NOW, fields: [{ name: 'region', displayName: 'Region', type: 'string' }] });
    await adapter.list({ tenantId: 'acme', query: { search: 'eu-west' }, page: first });
    const csv = await new Response(
      await adapter.exportCsv({ tenantId: 'acme', query: { filters: [{ field: 'id', op: 'eq', value: 'evt_12' }] }, columns: [{ name: 'id', displayName: 'Id' }, { name: 'actor.email', displayName: 'Email' }, { name: 'region', displayName: 'Region' }] }),
    ).text();
    expect(csv.trim().split(/\r?\n/)).toEqual(['Id,Email,Region', 'evt_12,user5@corp.example,us-east']);
    expect(JSON.stringify(hostEvents)).toBe(before);
  });

  it('skips an event whose paths lead nowhere, naming what is missing, and keeps the rest', async () => {
    const broken = [...hostEvents.slice(0, 3), { id: 'evt_bad', severity: 'info', action: 'x', user: 'a@b.c', region: 'eu' }];
    const adapter = createMemoryAdapter(broken, { tenantId: 'acme', paths, now: NOW });
    const page = await adapter.list({ tenantId: 'acme', query: {}, page: first });
    expect(page.events.map((e) => e.id)).toEqual(['evt_0', 'evt_1', 'evt_2']);
    expect(adapter.skipped).toEqual([expect.objectContaining({ index: 3, id: 'evt_bad', issues: [expect.stringContaining('timestamp')] })]);
  });

  it('creates events in our shape beside the host’s, and deletes either', async () => {
    const adapter = createMemoryAdapter(hostEvents.slice(0, 5), { tenantId: 'acme', paths, now: NOW });
    await adapter.create({ tenantId: 'acme', event: { action: 'made.here', timestamp: NOW + 1000, actor: { email: 'me@corp.example' }, fields: { region: 'ap' } } });
    const page = await adapter.list({ tenantId: 'acme', query: { search: 'me@corp.example' }, page: first });
    expect(page.events).toEqual([expect.objectContaining({ action: 'made.here', actor: { email: 'me@corp.example' }, fields: { region: 'ap' } })]);
    await adapter.delete({ tenantId: 'acme', id: 'evt_2' });
    const all = await adapter.list({ tenantId: 'acme', query: {}, page: first });
    expect(all.events.map((e) => e.action)).toEqual(['made.here', 'document.update', 'user.login', 'user.login', 'document.update']);
  });

  it('throws a clear error for a part an event does not have or a path that is not one', () => {
    expect(() => createMemoryAdapter([], { paths: { 'actor.phone': 'phone' } as unknown as EventPaths })).toThrow(/"actor\.phone" is not a part of an audit event/);
    expect(() => createMemoryAdapter([], { paths: { action: 'a..b' } })).toThrow(/"action": "a\.\.b" is not a dotted path/);
  });

  it('reads a field straight from the host’s object exactly as from the event the paths build', () => {
    const hosts = [
      { id: 'a', timestamp: '2026-10-01T00:00:00.000Z', severity: 'info', action: 'x', who: { id: 'u1', name: 'Ada' }, user: 'ada@x.io', geo: { region: 'eu' }, fields: { plan: 'pro' }, payload: { deep: { x: 1 } } },
      { id: 'b', timestamp: '2026-10-01T00:00:01.000Z', severity: 'info', action: 'y', who: 'not an object', user: 'b@x.io', fields: { plan: 3 } },
      { id: 'c', timestamp: '2026-10-01T00:00:02.000Z', severity: 'info', action: 'z', fields: { region: 'shadowed', plan: 'free' } },
    ];
    const reader = compileEventPaths({ actor: 'who', 'actor.email': 'user', 'fields.region': 'geo.region', tenantId: null });
    const store = ingestEvents(hosts, 'acme', reader).stores.get('acme')!;
    // Custom fields reading elsewhere: inside the payload, and a host key outside any part of an event.
    const valuePaths = new Map([['deep', 'payload.deep.x'], ['outside', 'user'], ['name', 'actor.name']]);
    store.setValuePaths(valuePaths);
    const names = ['actor.email', 'actor.name', 'actor.id', 'region', 'plan', 'deep', 'outside', 'name', 'action', 'payload'];
    for (let i = 0; i < hosts.length; i++) {
      expect(store.checkAt(i)).toBe(true);
      for (const name of names) {
        expect([hosts[i]!.id, name, store.value(i, name)]).toEqual([hosts[i]!.id, name, getFieldValue(store.record(i), name, valuePaths.get(name))]);
      }
    }
    expect(store.value(0, 'actor.name')).toBe('Ada');
    expect(store.value(0, 'region')).toBe('eu');
    expect(store.value(0, 'outside')).toBeUndefined();
  });
});
