import { describe, expect, it } from 'vitest';
import type { AuditQuery } from '../../src/core/query';
import { queryFromSearchParams, queryToSearchParams } from '../../src/core/queryUrl';

const roundTrip = (query: AuditQuery, prefix?: string) =>
  queryFromSearchParams(queryToSearchParams(query, { prefix }).toString(), { prefix });

describe('query in the URL', () => {
  it.each<[string, AuditQuery]>([
    ['empty', {}],
    ['search with URL-special characters', { search: 'a&b=c?d#e% ü "quoted" :colon' }],
    ['severities', { severities: ['High', 'Critical', 'Sev X'] }],
    ['preset', { timeRange: { preset: '30d' } }],
    ['absolute range', { timeRange: { from: '2026-01-01T00:00:00.000Z', to: '2026-01-02T00:00:00.000Z' } }],
    ['open range', { timeRange: { from: '2026-01-01T00:00:00.000Z' } }],
    [
      'every filter operator',
      {
        filters: [
          { field: 'actor.email', op: 'eq', value: 'a:b@x.example' },
          { field: 'actor.email', op: 'neq', value: 'c@x.example' },
          { field: 'action', op: 'contains', value: 'key,with,commas' },
          { field: 'action', op: 'startsWith', value: 'user.' },
          { field: 'action', op: 'in', value: ['user.login', 'a"b', 'c,d'] },
          { field: 'timestamp', op: 'before', value: '2026-01-01T00:00:00.000Z' },
          { field: 'timestamp', op: 'after', value: '2025-01-01T00:00:00.000Z' },
          { field: 'timestamp', op: 'between', value: ['2025-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'] },
          { field: 'amount', op: 'gt', value: 10.5 },
          { field: 'amount', op: 'lt', value: -3 },
        ],
      },
    ],
    ['sort on a dotted field', { sort: { field: 'actor.email', direction: 'asc' } }],
  ])('round-trips %s', (_name, query) => {
    const { query: back, issues } = roundTrip(query);
    expect(issues).toEqual([]);
    expect(back).toEqual(query);
  });

  it('namespaces parameters with a prefix and leaves the host\'s own alone', () => {
    const params = new URLSearchParams('tab=audit&q=host-search');
    queryToSearchParams({ search: 'mine', severities: ['High'] }, { prefix: 'log_' }, params);
    expect(params.get('tab')).toBe('audit');
    expect(params.get('q')).toBe('host-search');
    expect(params.get('log_q')).toBe('mine');
    expect(queryFromSearchParams(params, { prefix: 'log_' }).query).toEqual({ search: 'mine', severities: ['High'] });
  });

  it('rewrites stale parameters of the same viewer', () => {
    const params = queryToSearchParams({ search: 'old', timeRange: { preset: '7d' } });
    queryToSearchParams({ severities: ['Info'] }, {}, params);
    expect(queryFromSearchParams(params).query).toEqual({ severities: ['Info'] });
  });

  it('drops malformed and hostile parts with a notice, keeping the good ones, never throwing', () => {
    const hostile = [
      'q=fine',
      'range=forever',
      'filter=noseparator',
      'filter=action:drop_table:x',
      'filter=action:in:not-json',
      'filter=action:in:{"a":1}',
      'filter=amount:gt:abc',
      'filter=action:contains:<script>alert(1)</script>',
      'sort=action:sideways',
      'severity=',
    ].join('&');
    const { query, issues } = queryFromSearchParams(hostile);
    expect(query).toEqual({
      search: 'fine',
      filters: [{ field: 'action', op: 'contains', value: '<script>alert(1)</script>' }],
    });
    expect(issues).toHaveLength(7);
    expect(issues.join('\n')).toMatch(/forever/);
    expect(issues.join('\n')).toMatch(/drop_table/);
  });

  it('refuses an over-long search rather than carrying it', () => {
    const { query, issues } = queryFromSearchParams(`q=${'a'.repeat(501)}`);
    expect(query.search).toBeUndefined();
    expect(issues).toHaveLength(1);
  });

  it('drops an unreadable date with a notice', () => {
    const { query, issues } = queryFromSearchParams('from=not-a-date&q=x');
    expect(query).toEqual({ search: 'x' });
    expect(issues[0]).toMatch(/ISO 8601/);
  });

  it('rejects an inverted absolute range', () => {
    const { query, issues } = queryFromSearchParams('from=2026-02-01&to=2026-01-01');
    expect(query.timeRange).toBeUndefined();
    expect(issues[0]).toMatch(/from/);
  });
});
