// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpAdapter } from '../../src/api/http/createHttpAdapter';
import { capHistogram, MAX_HISTOGRAM_BUCKETS } from '../../src/core/histogramCap';
import { createMemoryAdapter } from '../../src/memory/createMemoryAdapter';
import { buildHistogram } from '../../src/memory/histogram';
import { generateAuditEvents } from '../../src/mock/generator';
import { NOW } from '../fixtures/events';
import { sendJson, startRawServer, type RawServer } from '../fixtures/jsonServer';

const YEAR_ONE = new Date('0001-01-01T00:00:00Z').getTime();

describe('histogram buckets are capped everywhere', () => {
  it('an event dated year 1 gives at most the buckets asked for (and never more than the cap)', async () => {
    const events = [
      ...generateAuditEvents({ tenantId: 'acme', count: 50, seed: 3, now: NOW }),
      { id: 'ancient', tenantId: 'acme', timestamp: '0001-01-01T00:00:00.000Z', severity: 'Info', action: 'a' },
    ];
    const adapter = createMemoryAdapter(events, { now: NOW });
    const stats = await adapter.stats({ tenantId: 'acme', query: {}, maxBuckets: 60 });
    expect(stats.histogram.buckets.length).toBeLessThanOrEqual(60);
    expect(stats.histogram.buckets.reduce((n, b) => n + b.count, 0)).toBe(51);
    const huge = await adapter.stats({ tenantId: 'acme', query: {}, maxBuckets: 1_000_000 });
    expect(huge.histogram.buckets.length).toBeLessThanOrEqual(MAX_HISTOGRAM_BUCKETS);
  });

  it('a link whose range starts at year 1 is charted in at most the buckets asked for', async () => {
    const adapter = createMemoryAdapter(generateAuditEvents({ tenantId: 'acme', count: 20, seed: 3, now: NOW }), { now: NOW });
    const stats = await adapter.stats({ tenantId: 'acme', query: { timeRange: { from: '0001-01-01T00:00:00Z' } }, maxBuckets: 80 });
    expect(stats.histogram.buckets.length).toBeLessThanOrEqual(80);
    expect(stats.histogram.buckets.reduce((n, b) => n + b.count, 0)).toBe(20);
  });

  it('buildHistogram never builds more buckets than asked for', () => {
    const h = buildHistogram([YEAR_ONE, NOW], YEAR_ONE, NOW + 1, 100);
    expect(h.buckets.length).toBeLessThanOrEqual(100);
    expect(h.buckets.reduce((n, b) => n + b.count, 0)).toBe(2);
  });

  it('capHistogram merges neighbours, keeping every count', () => {
    const buckets = Array.from({ length: 1001 }, (_, i) => ({ start: `s${i}`, end: `e${i}`, count: 1, bySeverity: { info: 1 } }));
    const capped = capHistogram({ bucketMs: 60_000, buckets }, 100);
    expect(capped.buckets.length).toBeLessThanOrEqual(100);
    expect(capped.buckets.reduce((n, b) => n + b.count, 0)).toBe(1001);
    expect(capped.buckets[0]).toMatchObject({ start: 's0', bySeverity: { info: capped.buckets[0]!.count } });
    expect(capped.buckets.at(-1)!.end).toBe('e1000');
  });

  describe('a native server that sends 120,000 buckets', () => {
    let server: RawServer;
    beforeAll(async () => {
      server = await startRawServer((_req, res) =>
        sendJson(res, {
          total: 120_000,
          bySeverity: [{ label: 'Info', rank: 20, count: 120_000 }],
          histogram: { bucketMs: 86_400_000, buckets: Array.from({ length: 120_000 }, (_, i) => ({ start: new Date(i * 86_400_000).toISOString(), end: new Date((i + 1) * 86_400_000).toISOString(), count: 1 })) },
        }),
      );
    });
    afterAll(() => server.close());

    it('reads it as at most the buckets asked for', async () => {
      const adapter = createHttpAdapter({ baseUrl: server.url, dialect: 'native' });
      const stats = await adapter.stats!({ tenantId: 'acme', query: {}, maxBuckets: 60 });
      expect(stats.histogram.buckets.length).toBeLessThanOrEqual(60);
      expect(stats.histogram.buckets.reduce((n, b) => n + b.count, 0)).toBe(120_000);
      // 120,000 buckets to read and merge: room for a busy 2-core machine (a timeout, not a timing claim).
    }, 30_000);
  });
});
