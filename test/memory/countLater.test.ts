import { describe, expect, it } from 'vitest';
import { createMemoryAdapter } from '../../src/memory/createMemoryAdapter';
import { AuditQueryEngine } from '../../src/memory/engine';
import { ingestEvents } from '../../src/memory/ingest';
import { generateAuditEvents } from '../../src/mock/generator';
import { createMockHandler } from '../../src/mock/index';

const NOW = Date.UTC(2026, 10, 1);
const events = generateAuditEvents({ tenantId: 'acme', count: 12_000, seed: 7, now: NOW });
// One actor's email: about one event in a hundred, spread over the whole log.
const email = events.find((e) => e.actor?.email)!.actor!.email!;
const query = { search: email };
const first = { type: 'offset', offset: 0, limit: 100 } as const;

function engine(): AuditQueryEngine {
  return new AuditQueryEngine(ingestEvents(events).stores.get('acme')!);
}

describe('a page answered before the count (countLater)', () => {
  it('gives the first page without a total, then counts the rest in slices from where it stopped', () => {
    const early = engine();
    const exact = engine();
    // No time to spare past the page: the walk stops right after it.
    const page = early.list(query, first, { now: NOW, countLater: true, budgetMs: 0 });
    const full = exact.list(query, first, { now: NOW });
    expect(page.counting).toBe(true);
    expect(page.total).toBeUndefined();
    // The same rows, in the same order, as a page from a full count.
    expect(page.events.map((e) => e.id)).toEqual(full.events.map((e) => e.id));
    expect(full.total).toBeGreaterThan(100);

    // Slices that each stop at once still get through (256 events a slice at least).
    let slices = 1;
    while (!early.count(query, { now: NOW }, () => false)) slices++;
    expect(slices).toBeGreaterThan(10);
    const after = early.list(query, { type: 'offset', offset: 100, limit: 100 }, { now: NOW, countLater: true, budgetMs: 0 });
    expect(after.counting).toBeUndefined();
    expect(after.total).toBe(full.total);
    expect(early.stats(query, { now: NOW }).total).toBe(full.total);
  });

  it('gives the total at once when counting fits in the page’s time (a query over few events)', () => {
    const page = engine().list({ search: 'no such text anywhere' }, first, { now: NOW, countLater: true, budgetMs: 1000 });
    expect(page).toMatchObject({ events: [], total: 0 });
    expect(page.counting).toBeUndefined();
  });

  it('answers a later page by walking on only as far as it needs', () => {
    const early = engine();
    const exact = engine();
    const later = { type: 'offset', offset: 100, limit: 50 } as const;
    const page = early.list(query, later, { now: NOW, countLater: true, budgetMs: 0 });
    expect(page.events.map((e) => e.id)).toEqual(exact.list(query, later, { now: NOW }).events.map((e) => e.id));
  });

  it('the memory adapter: its stats give the total of a search; with countLater false, and on the mock server, every page has it', async () => {
    const big = generateAuditEvents({ tenantId: 'acme', count: 25_000, seed: 3, now: NOW });
    const emails = [...new Set(big.flatMap((e) => (e.actor?.email ? [e.actor.email] : [])))];
    const needle = emails[0]!;
    const adapter = createMemoryAdapter(big, { now: NOW });
    const expected = big.filter((e) => JSON.stringify(e).toLowerCase().includes(needle.toLowerCase())).length;
    const stats = await adapter.stats({ tenantId: 'acme', query: { search: needle } });
    expect(stats.total).toBe(expected);
    const counted = await adapter.list({ tenantId: 'acme', query: { search: needle }, page: first });
    expect(counted.total).toBe(expected);

    const exactAdapter = createMemoryAdapter(big, { now: NOW, countLater: false });
    const page = await exactAdapter.list({ tenantId: 'acme', query: { search: emails[1]! }, page: first });
    expect(page.counting).toBeUndefined();
    expect(page.total).toBeGreaterThan(0);

    const handler = createMockHandler({ events: big, now: NOW });
    const served = await handler.backend.list({ tenantId: 'acme', query: { search: emails[2]! }, page: first });
    expect(served.counting).toBeUndefined();
    expect(served.total).toBeGreaterThan(0);
  });
});
