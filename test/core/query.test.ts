import { describe, expect, it } from 'vitest';
import { defaultDataStructure } from '../../src/core/fields';
import { AuditQueryError, OPERATORS_BY_TYPE, parseAuditQuery, resolveTimeRange } from '../../src/core/query';
import { NOW } from '../fixtures/events';

const fields = defaultDataStructure([
  { name: 'amount', displayName: 'Amount', type: 'number', filterable: true, sortable: true },
  { name: 'plan', displayName: 'Plan', type: 'enum', filterable: true, options: ['free', 'pro'] },
  { name: 'secret', displayName: 'Secret', type: 'string', filterable: false },
]).fields;

function issuesOf(query: unknown): string[] {
  try {
    parseAuditQuery(query, fields);
  } catch (error) {
    expect(error).toBeInstanceOf(AuditQueryError);
    return [...(error as AuditQueryError).issues];
  }
  return [];
}

describe('parseAuditQuery', () => {
  it('accepts a full query and drops empty parts', () => {
    const query = parseAuditQuery(
      {
        search: '  api key  ',
        severities: [],
        timeRange: { preset: '7d' },
        filters: [
          { field: 'actor.email', op: 'contains', value: 'ada' },
          { field: 'amount', op: 'gt', value: 100 },
          { field: 'plan', op: 'in', value: ['pro'] },
          { field: 'timestamp', op: 'between', value: ['2026-01-01', '2026-02-01'] },
        ],
        sort: { field: 'amount', direction: 'asc' },
      },
      fields,
    );
    expect(query.search).toBe('api key');
    expect(query.severities).toBeUndefined();
    expect(query.filters).toHaveLength(4);
  });

  it('offers operators that fit each field type', () => {
    expect(OPERATORS_BY_TYPE.string).toEqual(expect.arrayContaining(['contains', 'eq', 'startsWith']));
    expect(OPERATORS_BY_TYPE.datetime).toEqual(['before', 'after', 'between']);
    expect(OPERATORS_BY_TYPE.number).toEqual(expect.arrayContaining(['eq', 'gt', 'lt']));
    expect(OPERATORS_BY_TYPE.severity).toContain('in');
  });

  it.each([
    [{ filters: [{ field: 'nope', op: 'eq', value: 'x' }] }, 'unknown field "nope"'],
    [{ filters: [{ field: 'secret', op: 'eq', value: 'x' }] }, '"secret" cannot be filtered'],
    [{ filters: [{ field: 'timestamp', op: 'contains', value: '2026' }] }, '"contains" does not apply to datetime'],
    [{ filters: [{ field: 'amount', op: 'gt', value: 'lots' }] }, 'needs a number'],
    [{ filters: [{ field: 'plan', op: 'in', value: [] }] }, 'non-empty list'],
    [{ filters: [{ field: 'timestamp', op: 'after', value: 'soon' }] }, 'ISO 8601'],
    [{ filters: [{ field: 'timestamp', op: 'between', value: ['2026-01-01'] }] }, '[from, to]'],
    [{ filters: [{ field: 'action', op: 'contains', value: '' }] }, 'needs some text'],
    [{ filters: [{ field: 'action', op: 'like', value: 'x' }] }, 'filters.0.op'],
    [{ sort: { field: 'payload', direction: 'asc' } }, '"payload" is not sortable'],
    [{ sort: { field: 'action', direction: 'up' } }, 'sort.direction'],
    [{ timeRange: { preset: '2w' } }, 'timeRange'],
    [{ timeRange: { from: '2026-02-01', to: '2026-01-01' } }, '"from" must not be after "to"'],
    [{ colour: 'red' }, 'colour'],
  ])('rejects %j with a message naming the problem', (query, expected) => {
    const issues = issuesOf(query);
    expect(issues.join('\n')).toContain(expected);
  });

  it('reports every problem at once', () => {
    const issues = issuesOf({
      filters: [
        { field: 'nope', op: 'eq', value: 'x' },
        { field: 'amount', op: 'lt', value: 'x' },
      ],
      sort: { field: 'payload', direction: 'asc' },
    });
    expect(issues).toHaveLength(3);
  });
});

describe('resolveTimeRange', () => {
  it('resolves presets against the given now, open-ended so new events still match', () => {
    expect(resolveTimeRange({ preset: '24h' }, NOW)).toEqual({ from: NOW - 86_400_000, to: undefined });
    expect(resolveTimeRange({ preset: '7d' }, NOW).from).toBe(NOW - 7 * 86_400_000);
    expect(resolveTimeRange({ preset: '30d' }, NOW).from).toBe(NOW - 30 * 86_400_000);
  });

  it('resolves absolute ranges, either end optional', () => {
    expect(resolveTimeRange({ from: '2026-01-01T00:00:00Z' }, NOW)).toEqual({
      from: Date.UTC(2026, 0, 1),
      to: undefined,
    });
    expect(resolveTimeRange(undefined, NOW)).toEqual({ from: undefined, to: undefined });
  });
});
