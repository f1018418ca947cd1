/**
 * By property (fast-check, a fixed seed): no CSV cell a spreadsheet would evaluate, CSV that round-trips, a
 * query URL that round-trips and is always within the limits.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from '../../src/core/csv';
import type { AuditQuery } from '../../src/core/query';
import { QUERY_LIMITS } from '../../src/core/queryLimits';
import { queryFromSearchParams, queryToSearchParams } from '../../src/core/queryUrl';
import { parseCsv } from '../fixtures/csvParse';

const RUNS = { numRuns: 1_000, seed: 16 };
/** Text heavy in the characters that matter to spreadsheets and CSV. */
const tricky = fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', ' ', '"', "'", ';', ',', 'a', '1', '.', 'é', '\u3000', '＝'), maxLength: 12 });
const text = fc.oneof(tricky, fc.string({ maxLength: 20 }));

/** What a spreadsheet evaluates: a cell whose first character after spaces or quotes starts a formula. */
const evaluates = (cell: string) => /^[ \u00A0\u3000"'\n]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(cell) && !/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(cell);

describe('CSV cells, by property', () => {
  it('never emits a cell a spreadsheet evaluates (a leading apostrophe makes it text)', () => {
    fc.assert(
      fc.property(text, (value) => {
        const [[cell]] = parseCsv(csvLine([value])) as [[string]];
        expect(cell.startsWith("'") || !evaluates(cell)).toBe(true);
      }),
      RUNS,
    );
  });

  it('round-trips through an RFC 4180 reader: only what would be a formula gains an apostrophe', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 6 }), (cells) => {
        const [row] = parseCsv(csvLine(cells));
        expect(row).toEqual(cells.map((c) => (evaluates(c) ? `'${c}` : c)));
      }),
      RUNS,
    );
  });

  it('quotes every cell holding a separator of any locale (, ;) a tab or a line break', () => {
    fc.assert(
      fc.property(text, (value) => {
        const cell = csvCell(value);
        if (/[,;\t\r\n"]/.test(value)) expect(cell.startsWith('"') && cell.endsWith('"')).toBe(true);
      }),
      RUNS,
    );
  });
});

const scalar = fc.oneof(fc.string({ maxLength: 30 }).filter((s) => s.trim() === s && s.length > 0), fc.integer());
const filter = fc.oneof(
  fc.record({ field: fc.constantFrom('action', 'actor.email', 'region'), op: fc.constantFrom('eq', 'contains', 'startsWith', 'neq' as const), value: fc.string({ minLength: 1, maxLength: 30 }) }),
  fc.record({ field: fc.constantFrom('tags', 'eventType'), op: fc.constant('in' as const), value: fc.array(scalar, { minLength: 1, maxLength: 5 }) }),
  fc.record({ field: fc.constant('count'), op: fc.constantFrom('gt', 'lt' as const), value: fc.integer() }),
);
const query: fc.Arbitrary<AuditQuery> = fc.record(
  {
    search: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() === s && s.length > 0),
    severities: fc.array(fc.constantFrom('Info', 'High', 'Error'), { minLength: 1, maxLength: 3 }),
    timeRange: fc.constantFrom({ preset: '24h' as const }, { from: '2026-01-01T00:00:00.000Z' }, { from: '2026-01-01T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z' }),
    filters: fc.array(filter, { minLength: 1, maxLength: 5 }),
    sort: fc.record({ field: fc.constantFrom('timestamp', 'action'), direction: fc.constantFrom('asc', 'desc' as const) }),
  },
  { requiredKeys: [] },
);

describe('the query in a URL, by property', () => {
  it('round-trips', () => {
    fc.assert(
      fc.property(query, (q) => {
        const back = queryFromSearchParams(queryToSearchParams(q));
        expect(back.issues).toEqual([]);
        expect(back.query).toEqual(q);
      }),
      RUNS,
    );
  });

  it('reads any parameters without throwing, always within the limits', () => {
    const param = fc.tuple(fc.constantFrom('q', 'severity', 'filter', 'range', 'from', 'to', 'sort', 'x'), fc.oneof(text, fc.string({ maxLength: 2_000 }), fc.constantFrom('action:in:[1,2]', 'a:eq:b', `action:in:${JSON.stringify(Array.from({ length: 300 }, (_, i) => i))}`)));
    fc.assert(
      fc.property(fc.array(param, { maxLength: 200 }), (pairs) => {
        const { query: q } = queryFromSearchParams(new URLSearchParams(pairs));
        expect((q.search ?? '').length).toBeLessThanOrEqual(QUERY_LIMITS.search);
        expect((q.filters ?? []).length).toBeLessThanOrEqual(QUERY_LIMITS.filters);
        expect((q.severities ?? []).length).toBeLessThanOrEqual(QUERY_LIMITS.severities);
        for (const f of q.filters ?? []) if (Array.isArray(f.value)) expect(f.value.length).toBeLessThanOrEqual(QUERY_LIMITS.values);
      }),
      { numRuns: 300, seed: 16 },
    );
  });
});
