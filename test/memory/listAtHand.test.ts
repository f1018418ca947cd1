import { describe, expect, it } from 'vitest';
import type { AuditLogsAdapter } from '../../src/api/adapter';
import { createMemoryAdapter } from '../../src/memory/createMemoryAdapter';
import { createMockAdapter } from '../../src/mock/createMockAdapter';
import { generateAuditEvents } from '../../src/mock/generator';

const NOW = Date.UTC(2026, 10, 1);
const events = generateAuditEvents({ tenantId: 'acme', count: 3000, seed: 4, now: NOW });
const page = (offset: number) => ({ type: 'offset', offset, limit: 100 }) as const;

describe('a page at hand (listAtHand)', () => {
  it('answers the unfiltered log at once, the same page list answers', async () => {
    const adapter = createMemoryAdapter(events, { now: NOW });
    const request = { tenantId: 'acme', query: {}, page: page(1200) };
    const atHand = adapter.listAtHand!(request);
    expect(atHand?.events.map((e) => e.id)).toEqual((await adapter.list(request)).events.map((e) => e.id));
    expect(atHand?.total).toBe(3000);
  });

  it('answers a search only as far as a list call already found, and never scans for it', async () => {
    const adapter = createMemoryAdapter(events, { now: NOW });
    const email = events[0]!.actor!.email!;
    const request = { tenantId: 'acme', query: { search: email }, page: page(0) };
    expect(adapter.listAtHand!(request)).toBeUndefined();
    const listed = await adapter.list(request);
    expect(adapter.listAtHand!(request)?.events.map((e) => e.id)).toEqual(listed.events.map((e) => e.id));
    // Another search has not been looked for: not at hand.
    expect(adapter.listAtHand!({ ...request, query: { search: 'nobody-at-all' } })).toBeUndefined();
  });

  it('leaves a bad request to list, which names the problem', async () => {
    const adapter = createMemoryAdapter(events, { now: NOW });
    const request = { tenantId: 'acme', query: { filters: [{ field: 'nope', op: 'eq' as const, value: 'x' }] }, page: page(0) };
    expect(adapter.listAtHand!(request)).toBeUndefined();
    await expect(adapter.list(request)).rejects.toThrow(/nope/);
  });

  it('is not used through a copy whose list is the host\u2019s own, nor by the mock backend (it stands for a server)', async () => {
    const adapter = createMemoryAdapter(events, { now: NOW });
    const wrapped: AuditLogsAdapter = { ...adapter, list: (request, options) => adapter.list(request, options) };
    expect(wrapped.listAtHand!({ tenantId: 'acme', query: {}, page: page(0) })).toBeUndefined();
    expect(createMockAdapter({ count: 10, now: NOW }).listAtHand).toBeUndefined();
  });
});
