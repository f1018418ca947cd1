/**
 * A property over random queries and ten tenants: no answer (a page by offset or cursor, the counts, the
 * export) ever holds another tenant's event, and each agrees with the memory adapter over the same events,
 * the engine the viewer runs in the browser.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../src/core/event';
import { defaultDataStructure } from '../../src/core/fields';
import { parseAuditQuery, type AuditQuery, type FieldFilter } from '../../src/core/query';
import { createMemoryAdapter } from '../../src/memory/createMemoryAdapter';
import { generateAuditEvents } from '../../src/mock/generator';
import type { AuditLogStore } from '../../src/server';
import { NOW } from '../fixtures/events';
import { DAY, MINUTE } from '../../src/core/time';
import type { OpenStore } from './serve';

const iso = (ms: number) => new Date(ms).toISOString();
const TENANTS = Array.from({ length: 10 }, (_, i) => `tenant-${i}`);
const FIELDS = defaultDataStructure([]).fields;

export function describeTenantIsolation(name: string, open: OpenStore): void {
  describe(`tenants on ${name}`, () => {
    let store: AuditLogStore;
    let dispose: (() => Promise<void>) | undefined;
    const events: AuditEvent[] = TENANTS.flatMap((tenantId, i) => generateAuditEvents({ tenantId, count: 30 + i * 7, seed: i + 1, now: NOW }));
    const memory = createMemoryAdapter(events, { now: () => NOW });
    beforeAll(async () => {
      ({ store, dispose } = await open());
      await store.record(events);
    });
    afterAll(async () => {
      await store.close();
      await dispose?.();
    });

    // Values seen in the log (of every tenant), plus text that matches nothing and text that looks like SQL.
    const pick = <T>(values: T[]) => fc.constantFrom(...new Set(values));
    const words = pick([...events.map((e) => e.actor?.email ?? 'x'), ...events.map((e) => e.action), 'login', "o'brien", '%', '_', "'; DELETE FROM audit_events; --"]);
    const filter: fc.Arbitrary<FieldFilter> = fc.oneof(
      fc.record({ field: fc.constant('action'), op: fc.constantFrom('eq', 'neq', 'contains', 'startsWith' as const), value: words }),
      fc.record({ field: fc.constant('actor.email'), op: fc.constantFrom('eq', 'contains' as const), value: words }),
      fc.record({ field: fc.constant('action'), op: fc.constant('in' as const), value: fc.array(words, { minLength: 1, maxLength: 3 }) }),
      fc.record({ field: fc.constant('resource'), op: fc.constantFrom('eq', 'startsWith' as const), value: pick(events.map((e) => e.resource ?? 'none')) }),
    );
    const query: fc.Arbitrary<AuditQuery> = fc.record(
      {
        search: fc.oneof(words, fc.string({ maxLength: 4 })),
        severities: fc.subarray(['Info', 'Warning', 'Error', 'Critical', 'Low', 'Medium', 'High'], { minLength: 1 }),
        // Ranges on whole hours and ranges that start or end inside one (the PostgreSQL stores count whole hours
        // from their kept counts and the rest from the events).
        timeRange: fc.constantFrom(
          { preset: '24h' as const },
          { preset: '7d' as const },
          { from: iso(NOW - 20 * DAY), to: iso(NOW - 5 * DAY) },
          { from: iso(NOW - 20 * DAY + 17 * MINUTE), to: iso(NOW - 5 * DAY - 23 * MINUTE) },
          { from: iso(NOW - 3 * DAY - 41 * MINUTE) },
          { to: iso(NOW - 2 * DAY + 7 * MINUTE) },
          { from: iso(NOW - 3 * DAY + 5 * MINUTE), to: iso(NOW - 3 * DAY + 50 * MINUTE) },
        ),
        filters: fc.array(filter, { maxLength: 2 }),
        sort: fc.record({ field: fc.constantFrom('timestamp', 'severity', 'action', 'actor.email'), direction: fc.constantFrom('asc', 'desc' as const) }),
      },
      { requiredKeys: [] },
    );

    it('never answers another tenant’s event, and counts what the memory engine counts', async () => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...TENANTS), query, async (tenantId, raw) => {
          const q = parseAuditQuery(raw, FIELDS);
          const byOffset = await store.list(tenantId, q, FIELDS, { type: 'offset', offset: 0, limit: 50 }, NOW);
          const byCursor = await store.list(tenantId, q, FIELDS, { type: 'cursor', cursor: null, limit: 20 }, NOW);
          const stats = await store.stats(tenantId, q, FIELDS, 30, NOW);
          const exported: AuditEvent[] = [];
          for await (const batch of store.exportEvents(tenantId, q, FIELDS, NOW)) exported.push(...batch);
          for (const e of [...byOffset.events, ...byCursor.events, ...exported]) expect(e.tenantId).toBe(tenantId);
          const expected = await memory.list({ tenantId, query: q, page: { type: 'offset', offset: 0, limit: 1000 } });
          // A page that is not the last of a search or a field filter answers before counting; the stats count.
          if (byOffset.counting) expect(expected.total).toBeGreaterThan(50);
          else expect(byOffset.total).toBe(expected.total);
          // Newest first (ties by id, as everywhere), the page holds what the memory engine's first 50 are.
          if ((q.sort?.field ?? 'timestamp') === 'timestamp') {
            expect(byOffset.events.map((e) => e.id)).toEqual(expected.events.slice(0, 50).map((e) => e.id));
            expect(byCursor.events.map((e) => e.id)).toEqual(expected.events.slice(0, 20).map((e) => e.id));
          }
          expect(stats.total).toBe(expected.total);
          const bySeverity = (list: readonly { label: string; count: number }[]) => Object.fromEntries(list.map((s) => [s.label, s.count]));
          expect(bySeverity(stats.bySeverity)).toEqual(bySeverity((await memory.stats({ tenantId, query: q, maxBuckets: 30 })).bySeverity));
          // The histogram counts every event the stats count (its first bucket starts before the range does).
          expect(stats.histogram!.buckets.reduce((n, b) => n + b.count, 0)).toBe(expected.total);
          expect(exported.map((e) => e.id).sort()).toEqual(expected.events.map((e) => e.id).sort());
        }),
        { numRuns: 40, seed: 2112 },
      );
    });

    it('pages a broad search and a narrow one newest first, as the memory engine does, by offset and by cursor', async () => {
      // tenant-9 holds 93 events: a store told to look through the newest 60 first finds a broad search's page
      // there, and reads the whole log for a narrow one.
      for (const search of ['.example', 'login']) {
        const q = parseAuditQuery({ search }, FIELDS);
        const expected = (await memory.list({ tenantId: 'tenant-9', query: q, page: { type: 'offset', offset: 0, limit: 1000 } })).events.map((e) => e.id);
        for (const [offset, limit] of [[0, 50], [10, 20], [0, 5]] as const) {
          const page = await store.list('tenant-9', q, FIELDS, { type: 'offset', offset, limit }, NOW);
          expect(page.events.map((e) => e.id), `${search} ${offset}+${limit}`).toEqual(expected.slice(offset, offset + limit));
        }
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const page = await store.list('tenant-9', q, FIELDS, { type: 'cursor', cursor, limit: 20 }, NOW);
          seen.push(...page.events.map((e) => e.id));
          cursor = page.nextCursor ?? null;
        } while (cursor);
        expect(seen).toEqual(expected);
      }
    });
  });
}
