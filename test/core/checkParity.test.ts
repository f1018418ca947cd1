// The checkers that read events, queries, data structures and the native protocol's answers replaced zod
// schemas (so a page that only reads a log loads no schema library). Here they are held to those schemas,
// kept as they were in zodReference.ts: over generated inputs, near-valid and hostile, both accept the same,
// read the same value, and explain a refusal with the same `path: message` lines.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { check, type Checker } from '../../src/core/check';
import { formatIssues } from '../../src/core/event';
import { auditEventChecker, auditEventInputChecker } from '../../src/core/eventSchema';
import { dataStructureChecker } from '../../src/core/fields';
import { parseAuditQuery, timeRangeChecker } from '../../src/core/query';
import { SCHEMA_MESSAGES } from '../../src/core/schemaIssues';
import { nativeReaders } from '../../src/api/http/dialects/native';
import * as ref from './zodReference';

/** Values that are wrong somewhere: each kind a reader may meet. */
const hostile = fc.constantFrom<unknown>(
  undefined,
  null,
  '',
  ' ',
  'x',
  'x'.repeat(600),
  0,
  -1,
  1.5,
  2 ** 60,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  true,
  [],
  ['a'],
  [1, 'b'],
  {},
  { a: 1 },
  { a: undefined },
  new Date(0),
  new Date(Number.NaN),
  '2026-01-31T12:00:00.000Z',
  '2026-01-31T12:00:00+02:00',
  'not a date',
  'Error',
  'eq',
  '24h',
  'asc',
  'string',
);

/** An object whose keys are each left out, valid or hostile, sometimes with a key of its own. */
function nearly(valid: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Record<string, unknown>> {
  const keys = Object.keys(valid);
  return fc
    .tuple(
      ...keys.map((key) => fc.oneof({ weight: 1, arbitrary: fc.constant(Symbol.for('absent')) }, { weight: 5, arbitrary: valid[key]! }, { weight: 1, arbitrary: hostile })),
      fc.option(fc.constantFrom('extra', 'toString', '__proto__'), { freq: 6 }),
    )
    .map((values) => {
      const out: Record<string, unknown> = {};
      keys.forEach((key, i) => {
        if (values[i] !== Symbol.for('absent')) out[key] = values[i];
      });
      const extra = values[keys.length] as string | null;
      if (extra) Object.defineProperty(out, extra, { value: 1, enumerable: true, configurable: true, writable: true });
      return out;
    });
}

const str = fc.string({ maxLength: 8 });
const iso = fc.integer({ min: 0, max: 4_000_000_000_000 }).map((ms) => new Date(ms).toISOString());
// JSON without a "__proto__" key: zod copies JSON objects key by key, so such a key becomes the copy's prototype
// and leaves the data; the checkers keep values as sent (the last test here).
const json = fc.jsonValue({ maxDepth: 3 }).filter((value) => !JSON.stringify(value).includes('"__proto__"'));
const event = (input: boolean) =>
  nearly({
    id: str,
    timestamp: input ? fc.oneof(iso, fc.integer({ min: 0, max: 4e12 }), fc.constant('2026-01-31 12:00'), fc.date({ noInvalidDate: false })) : iso,
    tenantId: str,
    severity: input ? fc.oneof(str, fc.integer({ min: 0, max: 7 })) : str,
    severityRank: fc.integer({ min: -5, max: 100 }),
    action: str,
    message: str,
    actor: nearly({ id: str, email: str, name: str, type: str }),
    tags: fc.array(str, { maxLength: 3 }),
    changes: fc.array(nearly({ field: str, before: json, after: json }), { maxLength: 2 }),
    payload: json,
    fields: fc.dictionary(str, json, { maxKeys: 3 }),
  });
const timeRange = fc.oneof(nearly({ preset: fc.constantFrom('1h', '24h', '7d', '2d') }), nearly({ from: iso, to: iso }));
const query = nearly({
  search: str,
  severities: fc.array(fc.oneof(str, hostile), { maxLength: 3 }),
  timeRange,
  filters: fc.array(
    nearly({
      field: fc.constantFrom('actor.email', 'severity', 'region', ''),
      op: fc.constantFrom('eq', 'in', 'between', 'contains', 'like'),
      value: fc.oneof(str, fc.integer(), fc.array(fc.oneof(str, fc.integer(), hostile), { maxLength: 3 })),
    }),
    { maxLength: 3 },
  ),
  sort: nearly({ field: fc.constantFrom('timestamp', ''), direction: fc.constantFrom('asc', 'desc', 'up') }),
});
const field = nearly({
  name: fc.constantFrom('action', 'region', 'timestamp', '', 'x'.repeat(70)),
  displayName: fc.constantFrom('Region', '  ', ' Padded  ', 'x'.repeat(90)),
  type: fc.constantFrom('string', 'enum', 'datetime', 'text'),
  visible: fc.boolean(),
  filterable: fc.boolean(),
  custom: fc.boolean(),
  width: fc.integer({ min: 0, max: 3000 }),
  order: fc.integer({ min: -3, max: 30 }),
  options: fc.array(str, { maxLength: 2 }),
  valueFrom: fc.constantFrom('fields.region', 'payload.a'),
});
const bucket = nearly({
  start: iso,
  end: iso,
  count: fc.integer({ min: -1, max: 50 }),
  bySeverity: fc.oneof(fc.constant({ error: 2, info: 1 }), fc.dictionary(fc.constantFrom('error', 'info', 'loud'), fc.oneof(fc.integer({ min: -1, max: 9 }), hostile), { maxKeys: 2 })),
});
const stats = nearly({
  total: fc.integer({ min: -1, max: 100 }),
  bySeverity: fc.array(nearly({ label: str, rank: fc.integer(), count: fc.integer({ min: -1, max: 9 }) }), { maxLength: 2 }),
  histogram: nearly({ bucketMs: fc.oneof(fc.constant(3_600_000), fc.integer({ min: -1, max: 1 })), buckets: fc.array(bucket, { maxLength: 3 }) }),
});
const page = nearly({
  events: fc.array(fc.oneof(json, event(true)), { maxLength: 2 }),
  total: fc.integer({ min: -1, max: 9 }),
  offset: fc.integer({ min: -1, max: 9 }),
  nextCursor: fc.oneof(str, fc.constant(null)),
  counting: fc.boolean(),
});

/**
 * zod's reading. zod also runs length checks on a value of the wrong kind that has a length (an array where a
 * string belongs: "expected string, received an array", then "must have at least 1 items"); that second line
 * adds nothing, and the checkers leave it out.
 */
function zodReading<T>(schema: z.ZodMiniType<T>, input: unknown) {
  const parsed = schema.safeParse(input, SCHEMA_MESSAGES);
  if (parsed.success) return { ok: true as const, value: parsed.data };
  const wrongKind = new Set<string>();
  const issues = parsed.error.issues.filter((issue) => {
    const path = issue.path.join('.');
    if (issue.code === 'invalid_type') wrongKind.add(path);
    return !((issue.code === 'too_small' || issue.code === 'too_big') && wrongKind.has(path));
  });
  return { ok: false as const, issues: formatIssues({ issues }) };
}

function same<T>(checker: Checker<T>, schema: z.ZodMiniType<T>, arbitrary: fc.Arbitrary<unknown>) {
  fc.assert(
    fc.property(fc.oneof({ weight: 6, arbitrary }, { weight: 1, arbitrary: hostile }), (input) => {
      expect(check(checker, input)).toEqual(zodReading(schema, input));
    }),
    { numRuns: 1500 },
  );
}

/** What a parse function makes of an input: its value, or the lines of the error it throws. */
function outcome<T>(read: () => T) {
  try {
    return { ok: true as const, value: read() };
  } catch (error) {
    return { ok: false as const, issues: (error as { issues: readonly string[] }).issues };
  }
}

describe('the checkers read as the zod schemas they replaced', () => {
  it('events as a source sends them (any time form, severity as a label or a number)', () => {
    same(auditEventInputChecker, ref.AuditEventInputSchema as z.ZodMiniType<unknown> as z.ZodMiniType<never>, event(true));
  });

  it('normalized events', () => {
    same(auditEventChecker, ref.AuditEventSchema, event(false));
  });

  it('queries, field filters and time ranges', () => {
    same(timeRangeChecker, ref.TimeRangeSchema, timeRange);
    fc.assert(
      fc.property(query, (input) => {
        const ours = outcome(() => parseAuditQuery(input));
        const theirs = zodReading(ref.AuditQuerySchema, input);
        // Where the schema refuses, the parse gives its lines; where it accepts, the parse goes on to the fields.
        if (!theirs.ok) expect(ours).toEqual(theirs);
        else if (ours.ok) expect(ours.value).toEqual(parseAuditQuery(theirs.value));
      }),
      { numRuns: 1500 },
    );
  });

  it('data structures, defaults filled and display names trimmed', () => {
    same(dataStructureChecker, z.object({ fields: z.array(ref.FieldDefinitionSchema) }), nearly({ fields: fc.array(field, { maxLength: 3 }) }));
  });

  it('keep a JSON value as sent, a "__proto__" key included, where zod would make it a prototype, in custom fields too', () => {
    const payload = JSON.parse('{"__proto__": {"admin": true}, "a": 1}') as Record<string, unknown>;
    const read = check(auditEventInputChecker, { timestamp: '2026-01-31T12:00:00.000Z', action: 'x', payload });
    expect(read.ok && read.value.payload).toBe(payload);
    expect(Object.getPrototypeOf(payload)).toBe(Object.prototype);
    // Custom fields are read key by key: that key stays a field too.
    const fields = JSON.parse('{"__proto__": "x", "region": "eu"}') as Record<string, unknown>;
    const withFields = check(auditEventInputChecker, { timestamp: '2026-01-31T12:00:00.000Z', action: 'x', fields });
    expect(withFields.ok && Object.keys(withFields.value.fields ?? {})).toEqual(['__proto__', 'region']);
    expect(withFields.ok && Object.getPrototypeOf(withFields.value.fields)).toBe(Object.prototype);
  });

  it('the native protocol’s pages and stats', () => {
    same(nativeReaders.page, ref.PageSchema, page);
    same(nativeReaders.stats, ref.StatsSchema, stats);
  });
});
