import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../src/core/event';
import { checkEventInput } from '../../src/core/eventCheck';
import { AuditQueryEngine } from '../../src/memory/engine';
import { ingestEvents } from '../../src/memory/ingest';
import { AuditQueryError, type AuditQuery, type FieldFilter } from '../../src/core/query';
import { generateAuditEvents } from '../../src/mock/generator';
import { ACME, NOW, ids } from '../fixtures/events';

/** An engine over one tenant's events. */
function engineOf(events: readonly AuditEvent[]): AuditQueryEngine {
  const { stores } = ingestEvents(events);
  return new AuditQueryEngine(stores.get(events[0]!.tenantId)!);
}

const engine = engineOf(ACME);
const all = (query: AuditQuery, e = engine) =>
  e.list(query, { type: 'offset', offset: 0, limit: 1000 }, { now: NOW }).events;
const matching = (filter: FieldFilter) => ids(all({ filters: [filter] })).sort();

describe('AuditQueryEngine filtering', () => {
  it('lists newest first by default', () => {
    expect(ids(all({}))).toEqual(['e07', 'e01', 'e03', 'e02', 'e04', 'e05', 'e06']);
  });

  it.each<[FieldFilter, string[]]>([
    [{ field: 'actor.email', op: 'eq', value: 'ADA@acme.example' }, ['e01', 'e04']],
    [{ field: 'actor.email', op: 'eq', value: 'alan@acme.example' }, ['e06']],
    [{ field: 'actor.email', op: 'neq', value: 'ada@acme.example' }, ['e02', 'e03', 'e05', 'e06', 'e07']],
    [{ field: 'action', op: 'contains', value: 'LOG' }, ['e01', 'e06']],
    [{ field: 'action', op: 'startsWith', value: 'user.' }, ['e01', 'e06']],
    [{ field: 'action', op: 'in', value: ['user.login', 'settings.updated'] }, ['e01', 'e04']],
    [{ field: 'ip', op: 'contains', value: '2001:db8' }, ['e02']],
    [{ field: 'tags', op: 'eq', value: 'webhooks' }, ['e05']],
    [{ field: 'tags', op: 'in', value: ['auth', 'admin'] }, ['e01', 'e02']],
    [{ field: 'severity', op: 'in', value: ['critical', 'Error'] }, ['e03', 'e05']],
    [{ field: 'timestamp', op: 'before', value: new Date(NOW - 24 * 3_600_000).toISOString() }, ['e04', 'e05', 'e06']],
    [{ field: 'timestamp', op: 'after', value: new Date(NOW - 2 * 3_600_000).toISOString() }, ['e01', 'e02', 'e03', 'e07']],
    [
      {
        field: 'timestamp',
        op: 'between',
        value: [new Date(NOW - 31 * 3_600_000).toISOString(), new Date(NOW - 2 * 3_600_000).toISOString()],
      },
      ['e04'],
    ],
    [{ field: 'amount', op: 'gt', value: 9 }, ['e01', 'e02']],
    [{ field: 'amount', op: 'lt', value: 10 }, ['e04']],
    [{ field: 'amount', op: 'eq', value: '250' }, ['e02']],
    [{ field: 'region', op: 'eq', value: 'eu-west-1' }, ['e01', 'e04']],
    [{ field: 'changes', op: 'contains', value: 'deleted' }, ['e03']],
  ])('filter %j matches %j', (filter, expected) => {
    expect(matching(filter)).toEqual(expected);
  });

  it('filters by severity label, case-insensitively, unknown labels included', () => {
    expect(ids(all({ severities: ['high', 'Sev-X'] }))).toEqual(['e07', 'e02']);
  });

  it('resolves time presets against now', () => {
    expect(ids(all({ timeRange: { preset: '24h' } }))).toEqual(['e07', 'e01', 'e03', 'e02']);
    expect(ids(all({ timeRange: { preset: '7d' } }))).toHaveLength(5);
    expect(ids(all({ timeRange: { preset: '30d' } }))).toHaveLength(6);
  });

  it('searches free text across actor, message, ids, changes and custom fields, ignoring case', () => {
    expect(ids(all({ search: 'GRACE' }))).toEqual(['e03', 'e02']);
    expect(ids(all({ search: 'http 502' }))).toEqual(['e05']);
    expect(ids(all({ search: 'us-east' }))).toEqual(['e02']);
    expect(ids(all({ search: 'c1' }))).toEqual(['e03', 'e02']);
    expect(ids(all({ search: 'nothing like this' }))).toEqual([]);
  });

  it('combines search, severities, time and filters with AND', () => {
    const query: AuditQuery = {
      search: 'acme',
      severities: ['Info', 'High'],
      timeRange: { preset: '24h' },
      filters: [{ field: 'ip', op: 'startsWith', value: '10.' }],
    };
    expect(ids(all(query))).toEqual(['e01']);
  });
});

describe('AuditQueryEngine sorting', () => {
  it('sorts by a field both ways, ties broken by time then id, desc the exact reverse of asc', () => {
    const asc = ids(all({ sort: { field: 'actor.name', direction: 'asc' } }));
    const desc = ids(all({ sort: { field: 'actor.name', direction: 'desc' } }));
    // No name first; then Ada (e04 older than e01), alan (case-insensitive), Grace (e02 before e03 by id).
    expect(asc).toEqual(['e05', 'e07', 'e04', 'e01', 'e06', 'e02', 'e03']);
    expect(desc).toEqual([...asc].reverse());
  });

  it('sorts severity by rank, not alphabetically', () => {
    const order = all({ sort: { field: 'severity', direction: 'desc' } }).map((e) => e.severity);
    expect(order).toEqual(['Critical', 'Error', 'High', 'Medium', 'Info', 'Info', 'Sev-X']);
  });

  it('sorts numbers numerically', () => {
    const order = all({ sort: { field: 'amount', direction: 'asc' }, filters: [{ field: 'amount', op: 'gt', value: 0 }] });
    expect(order.map((e) => e.fields?.amount)).toEqual([5, 10, 250]);
  });

  it('is stable across repeated and re-ordered queries', () => {
    const first = ids(all({ sort: { field: 'resource', direction: 'asc' } }));
    all({ sort: { field: 'action', direction: 'desc' } });
    expect(ids(all({ sort: { field: 'resource', direction: 'asc' } }))).toEqual(first);
  });
});

describe('AuditQueryEngine paging', () => {
  const big = engineOf(generateAuditEvents({ tenantId: 'acme', count: 2500, seed: 7, now: NOW }));
  const queries: AuditQuery[] = [
    {},
    { sort: { field: 'action', direction: 'asc' } },
    { sort: { field: 'severity', direction: 'desc' }, timeRange: { preset: '30d' } },
    { search: 'login', sort: { field: 'actor.email', direction: 'desc' } },
  ];

  function walkCursor(e: AuditQueryEngine, query: AuditQuery, limit: number): AuditEvent[] {
    const out: AuditEvent[] = [];
    let cursor: string | null = null;
    for (let guard = 0; guard < 1000; guard++) {
      const page = e.list(query, { type: 'cursor', cursor, limit }, { now: NOW });
      out.push(...page.events);
      if (!page.nextCursor) return out;
      cursor = page.nextCursor;
    }
    throw new Error('cursor never ended');
  }

  it.each(queries)('cursor and offset pages of %j cover every match once, in order', (query) => {
    const expected = ids(big.list(query, { type: 'offset', offset: 0, limit: 1000 }, { now: NOW }).events);
    const total = big.list(query, { type: 'offset', offset: 0, limit: 1 }, { now: NOW }).total!;
    const byOffset: AuditEvent[] = [];
    for (let offset = 0; offset < total; offset += 97) {
      byOffset.push(...big.list(query, { type: 'offset', offset, limit: 97 }, { now: NOW }).events);
    }
    const byCursor = walkCursor(big, query, 113);
    expect(byOffset).toHaveLength(total);
    expect(new Set(ids(byOffset)).size).toBe(total);
    expect(ids(byCursor)).toEqual(ids(byOffset));
    expect(ids(byOffset).slice(0, expected.length)).toEqual(expected);
  });

  it('keeps a cursor valid when events are added or removed before it', () => {
    const e = engineOf(generateAuditEvents({ tenantId: 'acme', count: 300, seed: 3, now: NOW }));
    const first = e.list({}, { type: 'cursor', cursor: null, limit: 100 }, { now: NOW });
    const rest = walkCursor(e, {}, 1000).slice(100);
    const added = { ...first.events[0]!, id: 'evt_new', timestamp: new Date(NOW).toISOString() };
    const check = checkEventInput(added);
    if (check.status !== 'ok') throw new Error('fixture event should be sound');
    e.store.push(added, check.facts);
    e.appended();
    e.remove(first.events[5]!.id);
    const next = e.list({}, { type: 'cursor', cursor: first.nextCursor!, limit: 1000 }, { now: NOW });
    expect(ids(next.events)).toEqual(ids(rest));
  });

  it('rejects a forged cursor, a cursor of another sort, and bad limits', () => {
    expect(() => big.list({}, { type: 'cursor', cursor: 'garbage!!', limit: 10 }, { now: NOW })).toThrow(
      AuditQueryError,
    );
    const page = big.list({}, { type: 'cursor', cursor: null, limit: 10 }, { now: NOW });
    expect(() =>
      big.list({ sort: { field: 'action', direction: 'asc' } }, { type: 'cursor', cursor: page.nextCursor!, limit: 10 }, { now: NOW }),
    ).toThrow(/made for sort timestamp:desc/);
    expect(() => big.list({}, { type: 'offset', offset: 0, limit: 0 }, { now: NOW })).toThrow(/limit/);
    expect(() => big.list({}, { type: 'offset', offset: -1, limit: 5 }, { now: NOW })).toThrow(/offset/);
  });

  it('returns an empty page past the end, with the total', () => {
    const page = big.list({}, { type: 'offset', offset: 10_000, limit: 50 }, { now: NOW });
    expect(page).toMatchObject({ events: [], total: 2500 });
  });
});

describe('AuditQueryEngine stats', () => {
  it('counts by severity, highest rank first, and fills a histogram over the range', () => {
    const stats = engine.stats({ timeRange: { preset: '7d' } }, { now: NOW });
    expect(stats.total).toBe(5);
    expect(stats.bySeverity.map((s) => [s.label, s.count])).toEqual([
      ['Critical', 1], ['High', 1], ['Medium', 1], ['Info', 1], ['Sev-X', 1],
    ]);
    expect(stats.histogram.bucketMs).toBe(3 * 3_600_000);
    expect(stats.histogram.buckets.length).toBeLessThanOrEqual(60);
    expect(stats.histogram.buckets.reduce((n, b) => n + b.count, 0)).toBe(5);
    expect(Date.parse(stats.histogram.buckets[0]!.start)).toBeLessThanOrEqual(NOW - 7 * 86_400_000);
  });

  it('picks finer buckets for shorter ranges', () => {
    const day = engine.stats({ timeRange: { preset: '24h' } }, { now: NOW }).histogram;
    const month = engine.stats({ timeRange: { preset: '30d' } }, { now: NOW }).histogram;
    expect(day.bucketMs).toBeLessThan(month.bucketMs);
    expect(day.bucketMs).toBe(30 * 60_000);
  });
});
