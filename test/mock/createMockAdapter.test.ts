import { describe, expect, it } from 'vitest';
import { AuditApiError } from '../../src/api/errors';
import type { AuditEvent } from '../../src/core/event';
import { createMockAdapter } from '../../src/mock/createMockAdapter';
import { FIXTURE_EVENTS, NOW, ids } from '../fixtures/events';

const first = { type: 'offset', offset: 0, limit: 1000 } as const;

async function rejection(promise: Promise<unknown>): Promise<AuditApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AuditApiError);
  return error as AuditApiError;
}

describe('createMockAdapter', () => {
  it('gives each tenant its own generated log, the same for the same seed', async () => {
    const a = createMockAdapter({ seed: 5, count: 200, now: NOW });
    const b = createMockAdapter({ seed: 5, count: 200, now: NOW });
    const acme = await a.list({ tenantId: 'acme', query: {}, page: first });
    const globex = await a.list({ tenantId: 'globex', query: {}, page: first });
    expect(acme.total).toBe(200);
    expect(acme.events.every((e) => e.tenantId === 'acme')).toBe(true);
    expect(globex.events.every((e) => e.tenantId === 'globex')).toBe(true);
    expect(ids((await b.list({ tenantId: 'acme', query: {}, page: first })).events)).toEqual(ids(acme.events));
  });

  it('never shows one tenant another tenant\'s events, by list, search, get, stats, export or delete', async () => {
    const adapter = createMockAdapter({ events: FIXTURE_EVENTS, now: NOW });
    const globexEvent = FIXTURE_EVENTS.find((e) => e.tenantId === 'globex')!;
    const acme = await adapter.list({ tenantId: 'acme', query: { search: 'hank' }, page: first });
    expect(acme.events).toEqual([]);
    expect((await adapter.get({ tenantId: 'acme', id: 'e01' })).id).toBe('e01');
    expect((await rejection(adapter.get({ tenantId: 'acme', id: globexEvent.id }))).kind).toBe('not-found');
    expect((await rejection(adapter.delete({ tenantId: 'acme', id: globexEvent.id }))).kind).toBe('not-found');
    expect((await adapter.stats({ tenantId: 'globex', query: {} })).total).toBe(1);
    const csv = await new Response(
      await adapter.exportCsv({ tenantId: 'globex', query: {}, columns: [{ name: 'actor.email', displayName: 'Email' }] }),
    ).text();
    expect(csv).not.toContain('acme.example');
    expect((await adapter.list({ tenantId: 'nobody', query: {}, page: first })).total).toBe(0);
  });

  it('requires a tenant id', async () => {
    const adapter = createMockAdapter({ count: 5 });
    expect((await rejection(adapter.list({ tenantId: '', query: {}, page: first }))).kind).toBe('bad-request');
  });

  it('rejects a bad query with a typed error naming the problem', async () => {
    const adapter = createMockAdapter({ count: 5, now: NOW });
    const error = await rejection(
      adapter.list({ tenantId: 'acme', query: { filters: [{ field: 'timestamp', op: 'contains', value: 'x' }] }, page: first }),
    );
    expect(error.kind).toBe('bad-request');
    expect(error.issues[0]).toMatch(/"contains" does not apply to datetime field "timestamp"/);
  });

  it('skips invalid given events and says which and why', async () => {
    const adapter = createMockAdapter({
      events: [{ action: 'x', timestamp: 'nope', id: 'a', tenantId: 'acme' }, FIXTURE_EVENTS[0]!, FIXTURE_EVENTS[0]!],
    });
    expect(adapter.skipped).toEqual([
      expect.objectContaining({ index: 0, id: 'a', issues: [expect.stringMatching(/^timestamp: "nope" is not/)] }),
      expect.objectContaining({ index: 2, id: 'e01', issues: [expect.stringMatching(/more than once/)] }),
    ]);
    const page = await adapter.list({ tenantId: 'acme', query: {}, page: first });
    expect(ids(page.events)).toEqual(['e01']);
    expect(page.skipped).toHaveLength(2);
  });

  describe('faults', () => {
    it('fails the next call on demand, with the kind asked for, then recovers', async () => {
      const adapter = createMockAdapter({ count: 10, now: NOW });
      adapter.failNext({ method: 'stats', kind: 'rate-limited' });
      await expect(adapter.list({ tenantId: 'acme', query: {}, page: first })).resolves.toBeTruthy();
      const error = await rejection(adapter.stats({ tenantId: 'acme', query: {} }));
      expect(error).toMatchObject({ kind: 'rate-limited', status: 429, retryAfter: 1, retryable: true });
      await expect(adapter.stats({ tenantId: 'acme', query: {} })).resolves.toBeTruthy();
      adapter.failNext({ times: 2 });
      await rejection(adapter.get({ tenantId: 'acme', id: 'x' }));
      expect((await rejection(adapter.list({ tenantId: 'acme', query: {}, page: first }))).kind).toBe('server');
      await expect(adapter.list({ tenantId: 'acme', query: {}, page: first })).resolves.toBeTruthy();
    });

    it('fails about the share of calls given by failureRate, reproducibly', async () => {
      const run = async () => {
        const adapter = createMockAdapter({ count: 10, now: NOW, failureRate: 0.3, seed: 9 });
        const outcomes: boolean[] = [];
        for (let i = 0; i < 200; i++) {
          outcomes.push(await adapter.list({ tenantId: 'acme', query: {}, page: first }).then(() => true, () => false));
        }
        return outcomes;
      };
      const outcomes = await run();
      const failures = outcomes.filter((ok) => !ok).length;
      expect(failures).toBeGreaterThan(35);
      expect(failures).toBeLessThan(85);
      expect(await run()).toEqual(outcomes);
    });

    it('waits the latency and stops at once when the call is aborted', async () => {
      const adapter = createMockAdapter({ count: 10, now: NOW, latencyMs: 10_000 });
      const controller = new AbortController();
      const started = Date.now();
      const pending = adapter.list({ tenantId: 'acme', query: {}, page: first }, { signal: controller.signal });
      controller.abort();
      await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
      expect(Date.now() - started).toBeLessThan(5_000);
      adapter.setLatency(30);
      const t0 = Date.now();
      await adapter.list({ tenantId: 'acme', query: {}, page: first });
      expect(Date.now() - t0).toBeGreaterThanOrEqual(25);
    });
  });

  describe('data structure', () => {
    it('serves built-in fields plus initial custom ones, and saves a tenant\'s own', async () => {
      const adapter = createMockAdapter({
        count: 10,
        now: NOW,
        fields: [{ name: 'region', displayName: 'Region', type: 'string', filterable: true }],
      });
      const ds = await adapter.getDataStructure({ tenantId: 'acme' });
      expect(ds.fields.map((f) => f.name)).toContain('region');
      ds.fields.push({ ...ds.fields.at(-1)!, name: 'ticket', displayName: 'Ticket', order: 99 });
      const saved = await adapter.saveDataStructure({ tenantId: 'acme', dataStructure: ds });
      expect(saved.fields.at(-1)?.name).toBe('ticket');
      expect((await adapter.getDataStructure({ tenantId: 'acme' })).fields.map((f) => f.name)).toContain('ticket');
      expect((await adapter.getDataStructure({ tenantId: 'globex' })).fields.map((f) => f.name)).not.toContain('ticket');
      // The saved custom field can be filtered on at once.
      const page = await adapter.list({
        tenantId: 'acme',
        query: { filters: [{ field: 'region', op: 'eq', value: 'eu-west-1' }] },
        page: first,
      });
      expect(page.events.every((e) => e.fields?.region === 'eu-west-1')).toBe(true);
    });

    it('rejects an invalid save with every issue, and keeps what was there', async () => {
      const adapter = createMockAdapter({ count: 10 });
      const ds = await adapter.getDataStructure({ tenantId: 'acme' });
      const bad = { fields: [...ds.fields, { ...ds.fields[0]!, custom: true, name: 'action' }] };
      const error = await rejection(adapter.saveDataStructure({ tenantId: 'acme', dataStructure: bad }));
      expect(error.kind).toBe('bad-request');
      expect(error.issues.join()).toMatch(/used twice|built-in field has this name/);
      expect(await adapter.getDataStructure({ tenantId: 'acme' })).toEqual(ds);
    });

    it('hands out copies, so a caller cannot change the stored structure', async () => {
      const adapter = createMockAdapter({ count: 10 });
      const ds = await adapter.getDataStructure({ tenantId: 'acme' });
      ds.fields[0]!.displayName = 'Hacked';
      expect((await adapter.getDataStructure({ tenantId: 'acme' })).fields[0]!.displayName).toBe('Time');
    });
  });

  describe('create and delete', () => {
    it('creates an event (id and time filled in) that lists first, and deletes it', async () => {
      const adapter = createMockAdapter({ count: 50, now: NOW });
      const created = await adapter.create({ tenantId: 'acme', event: { action: 'report.shared', severity: 'High' } });
      expect(created).toMatchObject({ tenantId: 'acme', severity: 'High', severityRank: 50, timestamp: new Date(NOW).toISOString() });
      const page = await adapter.list({ tenantId: 'acme', query: {}, page: first });
      expect(page.events[0]!.id).toBe(created.id);
      expect(page.total).toBe(51);
      await adapter.delete({ tenantId: 'acme', id: created.id });
      expect((await rejection(adapter.get({ tenantId: 'acme', id: created.id }))).kind).toBe('not-found');
    });

    it('refuses to create into another tenant or a malformed event', async () => {
      const adapter = createMockAdapter({ count: 5 });
      const other = await rejection(adapter.create({ tenantId: 'acme', event: { tenantId: 'globex', action: 'x' } }));
      expect(other.kind).toBe('forbidden');
      const bad = await rejection(adapter.create({ tenantId: 'acme', event: { action: 'x', timestamp: 'tuesday' } }));
      expect(bad.kind).toBe('bad-request');
    });
  });

  describe('paging', () => {
    it('emulates a cursor-only backend: no totals, offsets refused', async () => {
      const adapter = createMockAdapter({ count: 120, now: NOW, paging: 'cursor' });
      expect(adapter.capabilities).toMatchObject({ paging: 'cursor', total: false });
      const seen: AuditEvent[] = [];
      let cursor: string | null = null;
      do {
        const page = await adapter.list({ tenantId: 'acme', query: {}, page: { type: 'cursor', cursor, limit: 50 } });
        expect(page.total).toBeUndefined();
        seen.push(...page.events);
        cursor = page.nextCursor ?? null;
      } while (cursor);
      expect(new Set(ids(seen)).size).toBe(120);
      expect((await rejection(adapter.list({ tenantId: 'acme', query: {}, page: first }))).kind).toBe('unsupported');
    });
  });

  describe('export', () => {
    it('streams the whole matching log as CSV with the chosen columns, safe for spreadsheets', async () => {
      const adapter = createMockAdapter({ count: 2500, now: NOW });
      const stream = await adapter.exportCsv({
        tenantId: 'acme',
        query: { severities: ['Critical'] },
        columns: [
          { name: 'timestamp', displayName: 'Time' },
          { name: 'action', displayName: 'Action' },
          { name: 'severity', displayName: 'Severity' },
        ],
      });
      const text = await new Response(stream).text();
      const lines = text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
      const { total } = await adapter.list({ tenantId: 'acme', query: { severities: ['Critical'] }, page: first });
      expect(lines[0]).toBe('Time,Action,Severity');
      expect(lines).toHaveLength(total! + 1);
      expect(lines.slice(1).every((l) => l.endsWith(',Critical'))).toBe(true);
      await adapter.create({ tenantId: 'acme', event: { action: '=cmd|calc', severity: 'Critical' } });
      const again = await new Response(
        await adapter.exportCsv({ tenantId: 'acme', query: { search: 'calc' }, columns: [{ name: 'action', displayName: 'Action' }] }),
      ).text();
      expect(again).toContain("'=cmd|calc");
    });

    it('refuses unknown columns instead of writing empty ones', async () => {
      const adapter = createMockAdapter({ count: 5 });
      const error = await rejection(
        adapter.exportCsv({ tenantId: 'acme', query: {}, columns: [{ name: 'nope', displayName: 'Nope' }] }),
      );
      expect(error.message).toMatch(/Unknown export columns: nope/);
    });
  });
});
