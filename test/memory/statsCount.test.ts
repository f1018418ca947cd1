import { describe, expect, it } from 'vitest';
import { createMemoryAdapter } from '../../src/memory/createMemoryAdapter';
import { AuditQueryEngine } from '../../src/memory/engine';
import { buildHistogram } from '../../src/memory/histogram';
import { ingestEvents } from '../../src/memory/ingest';
import { generateAuditEvents } from '../../src/mock/generator';
import { severityLevelOfRank } from '../../src/core/severity';

const NOW = Date.UTC(2026, 10, 1);
const events = generateAuditEvents({ tenantId: 'acme', count: 30_000, seed: 11, now: NOW });

function engine(): AuditQueryEngine {
  return new AuditQueryEngine(ingestEvents(events).stores.get('acme')!);
}

describe('stats counted in slices (the memory adapter keeps frames short while it counts)', () => {
  it('counts the same severities and histogram a slice at a time as at once, 4,096 events a slice', () => {
    for (const query of [{}, { timeRange: { preset: '7d' as const } }, { severities: ['error' as const] }]) {
      const whole = engine().stats(query, { now: NOW, maxBuckets: 48 });
      const counting = engine().statsCount(query, { now: NOW, maxBuckets: 48 });
      let slices = 1;
      while (!counting.step(() => false)) slices++;
      // Two passes (severities, then buckets) of 4,096 events a slice.
      expect(slices).toBeGreaterThanOrEqual(2 * Math.ceil(whole.total / 4096));
      expect(counting.result()).toEqual(whole);
    }
  });

  it('agrees with counting the events by hand: totals by severity, and every bucket by level', () => {
    const stats = engine().stats({}, { now: NOW, maxBuckets: 30 });
    expect(stats.total).toBe(events.length);
    const byLabel = new Map<string, number>();
    for (const e of events) byLabel.set(String(e.severity), (byLabel.get(String(e.severity)) ?? 0) + 1);
    expect(new Map(stats.bySeverity.map((s) => [s.label, s.count]))).toEqual(byLabel);
    const store = ingestEvents(events).stores.get('acme')!;
    const times = events.map((e) => Date.parse(String(e.timestamp)));
    const from = Math.min(...times);
    const to = Math.max(NOW, Math.max(...times) + 1);
    const ranks = Array.from({ length: store.size }, (_, i) => store.rank(i));
    const expected = buildHistogram(store.timeColumn(), from, to, 30, (n) => severityLevelOfRank(ranks[n]!));
    expect(stats.histogram).toEqual(expected);
    expect(stats.histogram.buckets.reduce((sum, b) => sum + b.count, 0)).toBe(events.length);
  });

  it("the memory adapter's stats, asked before an event is created and counted after, hold that event in the total and the histogram", async () => {
    const adapter = createMemoryAdapter(events, { now: NOW });
    const pending = adapter.stats({ tenantId: 'acme', query: {} });
    // Created while the stats are under way (they wait for a task, then count in slices).
    await adapter.create({ tenantId: 'acme', event: { action: 'late.arrival', timestamp: NOW - 1000, severity: 'error' } });
    const stats = await pending;
    expect(stats.total).toBe(events.length + 1);
    expect(stats.histogram.buckets.reduce((sum, b) => sum + b.count, 0)).toBe(events.length + 1);
  });
});
