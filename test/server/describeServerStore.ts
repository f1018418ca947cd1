/**
 * What every store of react-audit-logs/server passes, served over HTTP on 127.0.0.1 and read by the HTTP
 * adapter's native dialect: the adapter contract suite, then what the handler adds (auth, scopes, limits,
 * idempotent writes, retention, a streamed export), then safety: random queries over ten tenants never answer
 * another tenant's event, and hostile parameters in every position answer 400 naming the problem, never 500.
 */
import { describe, expect, it } from 'vitest';
import { createHttpAdapter } from '../../src/api/http/createHttpAdapter';
import { generateAuditEvents } from '../../src/mock/generator';
import { describeAdapterContract } from '../../src/testing';
import type { RecordInput } from '../../src/server/store';
import { NOW } from '../fixtures/events';
import { describeTenantIsolation } from './tenantIsolation';
import { describeHostileParameters } from './hostileParameters';
import { describeCountsAfterWrites } from './keptCounts';
import { ALL_SCOPES, serve, servedStore, type OpenStore } from './serve';


export function describeServerStore(name: string, open: OpenStore): void {
  describeAdapterContract(
    `react-audit-logs/server on ${name}, over HTTP`,
    async () => {
      const { store, dispose } = await open();
      await store.record([...generateAuditEvents({ tenantId: 'acme', count: 300, seed: 21, now: NOW }), ...generateAuditEvents({ tenantId: 'globex', count: 50, seed: 3, now: NOW })]);
      const { url, close } = await serve(store);
      // The token says the tenant: each request's tenant header must agree with it (a per-tenant token).
      const adapter = createHttpAdapter({ baseUrl: url, dialect: 'native', now: () => NOW, retryDelayMs: 1, getToken: ({ tenantId }) => `${tenantId}|${ALL_SCOPES}` });
      return { adapter, cleanup: async () => { await close(); await store.close(); await dispose?.(); } };
    },
    { tenantId: 'acme', otherTenantId: 'globex', destructive: true },
  );

  describe(`the handler on ${name}`, () => {
    const served = servedStore(open, (store) => store.record(generateAuditEvents({ tenantId: 'acme', count: 120, seed: 4, now: NOW })));
    const get = (path: string, token?: string, init: RequestInit = {}) =>
      fetch(`${served.url}${path}`, { ...init, headers: { ...(token && { authorization: `Bearer ${token}` }), ...init.headers } });

    it('answers 401 without a caller, 403 without the scope, and takes the tenant from authorize alone', async () => {
      expect((await get('/events')).status).toBe(401);
      const first = await get('/events?limit=1', 'acme|audit:read');
      expect(first.status).toBe(200);
      // A tenant header the browser set changes nothing: the token said acme.
      const other = (await (await get('/events?limit=5', 'acme|audit:read', { headers: { 'x-tenant-id': 'globex' } })).json()) as { events: { tenantId: string }[] };
      expect(other.events.every((e) => e.tenantId === 'acme')).toBe(true);
      const id = ((await first.json()) as { events: { id: string }[] }).events[0]!.id;
      expect((await get(`/events/${id}`, 'acme|audit:read', { method: 'DELETE' })).status).toBe(403);
      // Another tenant's delete of this id finds nothing and deletes nothing.
      expect((await get(`/events/${id}`, 'globex|audit:read,audit:write', { method: 'DELETE' })).status).toBe(404);
      expect((await get(`/events/${id}`, 'acme|audit:read')).status).toBe(200);
      expect((await get(`/events/${id}`, 'acme|audit:read,audit:write', { method: 'DELETE' })).status).toBe(204);
      expect((await get(`/events/${id}`, 'acme|audit:read')).status).toBe(404);
    });

    it('refuses a page over 1,000, a filter on a field the data structure lacks, and a body past its limit', async () => {
      expect((await get('/events?limit=1001', 'acme|audit:read')).status).toBe(400);
      const unknown = await get(`/events?filter=${encodeURIComponent("nope:eq:1'; DROP TABLE audit_events; --")}`, 'acme|audit:read');
      expect(unknown.status).toBe(400);
      expect(((await unknown.json()) as { error: { issues: string[] } }).error.issues.join()).toContain('unknown field "nope"');
      const big = await get('/events', 'acme|audit:read,audit:write', { method: 'POST', body: JSON.stringify({ action: 'x'.repeat(2_000_000) }), headers: { 'content-type': 'application/json' } });
      expect(big.status).toBe(413);
      expect((await get('/events?limit=1', 'acme|audit:read')).status).toBe(200);
    });

    it('answers a search page before counting the rest, and gives the total with the stats and on the last page', async () => {
      type Page = { events: { actor?: { email?: string } }[]; total?: number; counting?: boolean };
      const all = (await (await get('/events?limit=1000&offset=0', 'acme|audit:read')).json()) as Page;
      // A term many events share: the domain of the actors' emails.
      const term = '.example';
      const matching = all.events.filter((e) => e.actor?.email?.includes(term)).length;
      expect(matching).toBeGreaterThan(10);
      const first = (await (await get(`/events?limit=10&offset=0&q=${term}`, 'acme|audit:read')).json()) as Page;
      expect(first.events).toHaveLength(10);
      expect(first).toMatchObject({ counting: true });
      expect(first.total).toBeUndefined();
      const stats = (await (await get(`/stats?q=${term}`, 'acme|audit:read')).json()) as { total: number };
      expect(stats.total).toBe(matching);
      const last = (await (await get(`/events?limit=1000&offset=0&q=${term}`, 'acme|audit:read')).json()) as Page;
      expect(last).toMatchObject({ total: matching });
      expect(last.counting).toBeUndefined();
      // Without a search or a field filter, every page has its total.
      expect(((await (await get('/events?limit=10&offset=0&severity=Info', 'acme|audit:read')).json()) as Page).total).toBeGreaterThan(0);
      // The native dialect reads it so: the viewer says "counting" and takes the total from the stats.
      const adapter = createHttpAdapter({ baseUrl: served.url, dialect: 'native', now: () => NOW, getToken: () => 'acme|audit:read' });
      const page = await adapter.list({ tenantId: 'acme', query: { search: term }, page: { type: 'offset', offset: 0, limit: 10 } });
      expect(page).toMatchObject({ counting: true, offset: 0 });
      expect(page.total).toBeUndefined();
    });

    it('records idempotently by id, keeps an event with a NUL character, and deletes by age for retention', async () => {
      const event = { id: 'evt_fixed', tenantId: 'acme', action: 'user.login', severity: 'Info', timestamp: new Date(NOW - 1000).toISOString() };
      expect((await served.store.record([event, event])).recorded).toHaveLength(2);
      expect((await served.store.record(event)).recorded).toHaveLength(1);
      const found = (await (await get('/events?q=evt_fixed&offset=0', 'acme|audit:read')).json()) as { total: number };
      expect(found.total).toBe(1);
      // PostgreSQL cannot store U+0000 in text, nor either store half a surrogate pair: the event is kept (U+FFFD in
      // its place), not the whole batch lost.
      const odd = await served.store.record([
        { ...event, id: 'evt_nul', message: 'a\u0000b' },
        { ...event, id: 'evt_lone', message: 'half \ud800 a pair, 😀 whole' },
        { ...event, id: 'evt_after' },
      ]);
      expect(odd.skipped).toEqual([]);
      expect((await get('/events/evt_after', 'acme|audit:read')).status).toBe(200);
      expect((await get('/events/evt_nul', 'acme|audit:read')).status).toBe(200);
      const lone = (await (await get('/events/evt_lone', 'acme|audit:read')).json()) as { message: string };
      expect(lone.message).toBe('half \uFFFD a pair, 😀 whole');
      const gone = await served.store.deleteBefore('acme', new Date(NOW - 10 * 86_400_000));
      expect(gone).toBeGreaterThan(0);
      const left = (await (await get('/events?limit=1000', 'acme|audit:read')).json()) as { events: { timestamp: string }[] };
      expect(left.events.length).toBeGreaterThan(0);
      expect(left.events.every((e) => Date.parse(e.timestamp) >= NOW - 10 * 86_400_000)).toBe(true);
    });

    it('keeps tabs, line breaks and backslashes in every part of an event, and finds them by search', async () => {
      const odd = 'a\tb\nc\rd\\e "f" \\n';
      const event = { id: `evt\t${odd}`, tenantId: 'acme', action: `user.${odd}`, severity: 'Info', message: odd, actor: { email: `x${odd}@y` }, fields: { region: odd }, timestamp: new Date(NOW - 500).toISOString() };
      const { recorded, skipped } = await served.store.record([event, { id: 'evt_plain', tenantId: 'acme', action: 'user.login', severity: 'Info', timestamp: event.timestamp }]);
      expect(skipped).toEqual([]);
      const back = await served.store.get('acme', event.id);
      expect(back).toMatchObject({ id: event.id, action: event.action, message: odd, actor: { email: event.actor.email }, fields: { region: odd } });
      expect(recorded).toHaveLength(2);
      const found = (await (await get(`/events?offset=0&q=${encodeURIComponent('c\rd\\e "f" \\n')}`, 'acme|audit:read')).json()) as { events: { id: string }[] };
      expect(found.events.map((e) => e.id)).toEqual([event.id]);
    });

    it('records a call of thousands of events, sent in several statements, every one of them', async () => {
      const many: RecordInput[] = generateAuditEvents({ tenantId: 'bulk', count: 2600, seed: 9, now: NOW }).map(({ id: _id, ...e }) => e);
      // In the last statement's share: a NUL, which PostgreSQL text cannot hold, costs nothing to the rest.
      many[2550] = { ...many[2550]!, message: 'late\u0000nul' };
      // One refused in the second statement's share, named by its place in the call; two without a time, in
      // different statements, get the same one.
      many[1200] = { ...many[1200]!, tenantId: '' };
      const { timestamp: _first, ...untimedFirst } = many[5]!;
      const { timestamp: _late, ...untimedLate } = many[2100]!;
      many[5] = untimedFirst;
      many[2100] = untimedLate;
      const { recorded, skipped } = await served.store.record(many);
      expect(skipped).toEqual([{ index: 1200, issues: ['tenantId: required'] }]);
      expect(new Set(recorded.map((e) => e.id)).size).toBe(2599);
      const total = (await served.store.list('bulk', {}, [], { type: 'offset', offset: 0, limit: 1 }, NOW)).total;
      expect(total).toBe(2599);
      const nul = await served.store.get('bulk', recorded[2549]!.id);
      expect(nul?.message).toMatch(/^late.nul$/);
      expect(recorded[2099]!.timestamp).toBe(recorded[5]!.timestamp);
    });

    it('streams the CSV export with a header, and JSON Lines', async () => {
      const csv = await get('/events/export', 'acme|audit:read', { method: 'POST', body: JSON.stringify({ query: {}, columns: [{ name: 'action', displayName: 'Action' }] }) });
      expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
      const bytes = new Uint8Array(await csv.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = new TextDecoder().decode(bytes).split('\r\n').filter(Boolean);
      expect(lines[0]).toBe('Action');
      const total = ((await (await get('/events?limit=1&offset=0', 'acme|audit:read')).json()) as { total: number }).total;
      expect(lines).toHaveLength(total + 1);
      const jsonl = await get('/events/export', 'acme|audit:read', { method: 'POST', body: JSON.stringify({ query: {}, format: 'jsonl' }) });
      expect((await jsonl.text()).trim().split('\n')).toHaveLength(total);
    });
  });

  describeTenantIsolation(name, open);
  describe(`counts on ${name}`, () => describeCountsAfterWrites(name, open));
  describeHostileParameters(name, open);
}
