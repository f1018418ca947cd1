import { describe, expect, it } from 'vitest';
import { defaultDataStructure } from '../../src/core/fields';
import { createFormatter } from '../../src/core/format';
import { clearFilters, describeFilter, describeTimeRange, hasFilters, sanitizeQuery, withFilter, withoutFilter } from '../../src/core/queryEdit';

const fields = defaultDataStructure([{ name: 'amount', displayName: 'Amount', type: 'number', filterable: true }]).fields;
const f = createFormatter({ locale: 'en-US', timeZone: 'UTC' });

describe('sanitizeQuery', () => {
  it('keeps what can run and lists what cannot', () => {
    const { query, issues } = sanitizeQuery(
      {
        search: 'x',
        sort: { field: 'payload', direction: 'asc' },
        filters: [
          { field: 'gone', op: 'eq', value: 1 },
          { field: 'amount', op: 'gt', value: 5 },
          { field: 'timestamp', op: 'contains', value: '2026' },
        ],
      },
      fields,
    );
    expect(query).toEqual({ search: 'x', filters: [{ field: 'amount', op: 'gt', value: 5 }] });
    expect(issues).toHaveLength(3);
  });
});

describe('describing a query', () => {
  it('says time ranges in words', () => {
    expect(describeTimeRange(undefined, f)).toBe('All time');
    expect(describeTimeRange({ preset: '7d' }, f)).toBe('Last 7 days');
    expect(describeTimeRange({ from: '2026-01-01T00:00:00Z' }, f)).toBe('Since Jan 01, 2026, 12:00:00 AM');
    expect(describeTimeRange({ from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z' }, f)).toBe(
      'Jan 01, 2026, 12:00:00 AM – Jan 02, 2026, 12:00:00 AM',
    );
  });
  it('says filters in words with display names', () => {
    expect(describeFilter({ field: 'actor.email', op: 'contains', value: 'ada' }, fields, f)).toBe('Email contains “ada”');
    expect(describeFilter({ field: 'amount', op: 'gt', value: 1500 }, fields, f)).toBe('Amount greater than 1,500');
    expect(describeFilter({ field: 'action', op: 'in', value: ['a', 'b'] }, fields, f)).toBe('Action is any of “a”, “b”');
  });
});

describe('editing a query', () => {
  it('adds a filter once, removes by position, clears all but the sort', () => {
    const q = withFilter(withFilter({ sort: { field: 'action', direction: 'asc' } }, { field: 'ip', op: 'eq', value: '1.2.3.4' }), {
      field: 'ip',
      op: 'eq',
      value: '1.2.3.4',
    });
    expect(q.filters).toHaveLength(1);
    expect(hasFilters(q)).toBe(true);
    expect(withoutFilter(q, 0).filters).toBeUndefined();
    expect(clearFilters({ ...q, search: 'x', timeRange: { preset: '7d' } })).toEqual({ sort: { field: 'action', direction: 'asc' } });
    expect(hasFilters({ sort: { field: 'action', direction: 'asc' } })).toBe(false);
  });
});
