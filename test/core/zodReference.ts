/**
 * The zod schemas our checkers (`src/core/check.ts`) replaced, kept as they were: the reference that
 * `checkParity.test.ts` compares the checkers with, and that `test/types` compares the public interfaces with.
 */
import * as z from 'zod/mini';
import type { AuditStats } from '../../src/core/page';
import { SEVERITY_LEVELS, type SeverityLevel } from '../../src/core/severity';
import { FILTER_OPERATORS, TIME_PRESETS } from '../../src/core/query';
import { QUERY_LIMITS } from '../../src/core/queryLimits';
import { FIELD_TYPES } from '../../src/core/fields';
import type { JsonValue } from '../../src/core/eventSchema';
import { parseEventTime, parseTimestamp, toIsoUtc } from '../../src/core/time';

export const json = z.json() as z.ZodMiniType<JsonValue>;

export const AuditActorSchema = z.object({
  id: z.optional(z.string()),
  email: z.optional(z.string()),
  name: z.optional(z.string()),
  type: z.optional(z.string()),
});

export const EntityChangeSchema = z.object({
  field: z.string(),
  before: z.optional(json),
  after: z.optional(json),
});

const isoUtc = z.string().check(
  z.refine((value) => parseTimestamp(value) !== undefined && value.endsWith('Z'), {
    message: 'must be an ISO 8601 UTC timestamp such as 2026-01-31T12:00:00.000Z',
  }),
);

const nonEmpty = () => z.string().check(z.minLength(1));

export const AuditEventSchema = z.object({
  id: nonEmpty(),
  timestamp: isoUtc,
  tenantId: nonEmpty(),
  severity: z.string(),
  severityRank: z.int(),
  action: z.string(),
  resource: z.optional(z.string()),
  resourceId: z.optional(z.string()),
  message: z.optional(z.string()),
  actor: z.optional(AuditActorSchema),
  ip: z.optional(z.string()),
  userAgent: z.optional(z.string()),
  eventType: z.optional(z.string()),
  source: z.optional(z.string()),
  correlationId: z.optional(z.string()),
  traceId: z.optional(z.string()),
  requestId: z.optional(z.string()),
  tags: z.optional(z.array(z.string())),
  changes: z.optional(z.array(EntityChangeSchema)),
  payload: z.optional(json),
  fields: z.optional(z.record(z.string(), json)),
});

export const timestampInput = z.pipe(
  z.union([z.string(), z.number(), z.date()]),
  z.transform((value, ctx) => {
    const ms = parseEventTime(value);
    if (typeof ms === 'string') {
      ctx.issues.push({ code: 'custom', message: ms, input: value });
      return z.NEVER;
    }
    return toIsoUtc(ms);
  }),
);

export const AuditEventInputSchema = z.extend(AuditEventSchema, {
  id: z.optional(nonEmpty()),
  tenantId: z.optional(nonEmpty()),
  timestamp: timestampInput,
  severity: z.optional(z.union([z.string(), z.number()])),
  severityRank: z.optional(z.int()),
});

const scalar = z.union([z.string().check(z.maxLength(QUERY_LIMITS.valueChars)), z.number()]);
const isoDateTime = z.string().check(z.refine((v) => parseTimestamp(v) !== undefined, 'must be an ISO 8601 date-time'));

export const FieldFilterSchema = z.object({
  field: z.string().check(z.minLength(1)),
  op: z.enum(FILTER_OPERATORS),
  value: z.union([scalar, z.array(scalar).check(z.maxLength(QUERY_LIMITS.values))]),
});

export const TimeRangeSchema = z.union([
  z.strictObject({ preset: z.enum(TIME_PRESETS) }),
  z.strictObject({ from: z.optional(isoDateTime), to: z.optional(isoDateTime) }).check(
    z.refine((r) => !r.from || !r.to || parseTimestamp(r.from)! <= parseTimestamp(r.to)!, {
      message: '"from" must not be after "to"',
    }),
  ),
]);

export const SortSchema = z.object({ field: z.string().check(z.minLength(1)), direction: z.enum(['asc', 'desc']) });

export const AuditQuerySchema = z.strictObject({
  search: z.optional(z.string().check(z.maxLength(QUERY_LIMITS.search))),
  severities: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(QUERY_LIMITS.valueChars))).check(z.maxLength(QUERY_LIMITS.severities))),
  timeRange: z.optional(TimeRangeSchema),
  filters: z.optional(z.array(FieldFilterSchema).check(z.maxLength(QUERY_LIMITS.filters))),
  sort: z.optional(SortSchema),
});

export const FieldDefinitionSchema = z.object({
  name: z.string().check(z.minLength(1), z.maxLength(64)),
  displayName: z.string().check(z.trim(), z.minLength(1, 'Display name is required'), z.maxLength(80)),
  type: z.enum(FIELD_TYPES),
  visible: z._default(z.boolean(), true),
  showInDetails: z._default(z.boolean(), true),
  filterable: z._default(z.boolean(), false),
  sortable: z._default(z.boolean(), false),
  custom: z._default(z.boolean(), false),
  width: z.optional(z.int().check(z.minimum(40), z.maximum(2000))),
  order: z._default(z.int(), 0),
  options: z.optional(z.array(z.string())),
  valueFrom: z.optional(z.string().check(z.maxLength(200))),
});

export const PageSchema = z.object({
  events: z.array(z.unknown()),
  total: z.optional(z.int().check(z.nonnegative())),
  offset: z.optional(z.int().check(z.nonnegative())),
  nextCursor: z.optional(z.nullable(z.string())),
  // Added with the server's pages that answer before counting (docs/protocol.md).
  counting: z.optional(z.boolean()),
});

export const StatsSchema = z.object({
  total: z.int().check(z.nonnegative()),
  bySeverity: z.array(z.object({ label: z.string(), rank: z.number(), count: z.int().check(z.nonnegative()) })),
  histogram: z.object({
    bucketMs: z.number().check(z.positive()),
    buckets: z.array(
      z.object({
        start: z.string(),
        end: z.string(),
        count: z.int().check(z.nonnegative()),
        // Optional: counts by severity level (the chart stacks by them). One that cannot be read is dropped
        // (the bar is drawn whole), never a reason to lose the histogram.
        bySeverity: z.catch(
          z.optional(z.partialRecord(z.enum(SEVERITY_LEVELS as [SeverityLevel, ...SeverityLevel[]]), z.int().check(z.nonnegative()))),
          undefined,
        ),
      }),
    ),
  }),
}) satisfies z.ZodMiniType<AuditStats>;
