import { describe, expect, it } from 'vitest';
import { BUILT_IN_FIELDS } from '../../src/core/fields';
import { sanitizeQuery } from '../../src/core/queryEdit';
import { QUERY_LIMITS, capQuery } from '../../src/core/queryLimits';
import { queryFromSearchParams, queryToSearchParams } from '../../src/core/queryUrl';

describe('a query is capped as a whole', () => {
  it('a link with 3,000 filters reads the first 50 and says so', () => {
    const params = new URLSearchParams();
    for (let i = 0; i < 3_000; i++) params.append('filter', `action:contains:x${i}`);
    const { query, issues } = queryFromSearchParams(params);
    expect(query.filters).toHaveLength(QUERY_LIMITS.filters);
    expect(issues).toContain('only the first 50 of 3000 filters are used');
  });

  it('an "is any of" with 10,000 values keeps 100; long values and severities are cut', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => `v${i}`);
    const params = new URLSearchParams({ filter: `action:in:${JSON.stringify(many)}` });
    const { query, issues } = queryFromSearchParams(params);
    expect(query.filters![0]!.value).toHaveLength(QUERY_LIMITS.values);
    expect(issues.join(' ')).toMatch(/keeps the first 100 of its 10000 values/);
    const long = capQuery({ filters: [{ field: 'action', op: 'eq', value: 'x'.repeat(5_000) }], severities: Array.from({ length: 80 }, (_, i) => `s${i}`) });
    expect((long.query.filters![0]!.value as string).length).toBe(QUERY_LIMITS.valueChars);
    expect(long.query.severities).toHaveLength(QUERY_LIMITS.severities);
    expect(long.issues).toHaveLength(2);
  });

  it('a host or saved query past the limits is capped before it runs, with a notice', () => {
    const filters = Array.from({ length: 500 }, (_, i) => ({ field: 'action', op: 'contains' as const, value: `a${i}` }));
    const { query, issues } = sanitizeQuery({ filters, search: 's'.repeat(900) }, BUILT_IN_FIELDS);
    expect(query.filters).toHaveLength(50);
    expect(query.search).toHaveLength(500);
    expect(issues).toEqual(expect.arrayContaining(['only the first 50 of 500 filters are used', 'the search text was cut to 500 characters']));
  });

  it('a query within the limits is untouched and round-trips', () => {
    const q = { search: 'login', filters: [{ field: 'action', op: 'in' as const, value: ['a', 'b'] }] };
    expect(capQuery(q)).toEqual({ query: q, issues: [] });
    expect(queryFromSearchParams(queryToSearchParams(q)).query).toEqual(q);
  });
});
