/**
 * The event model's schemas and the types read from them. No logic that checks or normalizes events lives here
 * (that is `event.ts`, over `eventCheck.ts`), so every module can take these types without a cycle.
 */
import * as z from 'zod/mini';
import { parseEventTime, parseTimestamp, toIsoUtc } from './time.js';

/** Any JSON value. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

const json = z.json() as z.ZodMiniType<JsonValue>;

export const AuditActorSchema = z.object({
  id: z.optional(z.string()),
  email: z.optional(z.string()),
  name: z.optional(z.string()),
  type: z.optional(z.string()),
});
/** Who did it. (The type is written out for the API report; `test/types` checks it against the schema.) */
export interface AuditActor {
  id?: string;
  email?: string;
  name?: string;
  /** `user`, `api-key`, `system`, ... as the source names it. */
  type?: string;
}

export const EntityChangeSchema = z.object({
  field: z.string(),
  before: z.optional(json),
  after: z.optional(json),
});
/** One changed property of an entity, fullstackhero's `EntityChange` style. */
export interface EntityChange {
  field: string;
  before?: JsonValue;
  after?: JsonValue;
}

const isoUtc = z.string().check(
  z.refine((value) => parseTimestamp(value) !== undefined && value.endsWith('Z'), {
    message: 'must be an ISO 8601 UTC timestamp such as 2026-01-31T12:00:00.000Z',
  }),
);
const nonEmpty = () => z.string().check(z.minLength(1));

/** The schema of `AuditEvent` (its fields are documented there). */
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
/** The one normalized event every adapter produces and everything inside the library reads. */
export interface AuditEvent {
  id: string;
  /** ISO 8601 UTC, canonical form `YYYY-MM-DDTHH:mm:ss.sssZ`. */
  timestamp: string;
  tenantId: string;
  /** The label as the source sent it, shown as is. */
  severity: string;
  /** Normalized rank on the shared scale, for colour and ordering. */
  severityRank: number;
  action: string;
  resource?: string;
  resourceId?: string;
  message?: string;
  actor?: AuditActor;
  ip?: string;
  userAgent?: string;
  /** fullstackhero's `EntityChange | Security | Activity | Exception`, or the source's own. */
  eventType?: string;
  source?: string;
  correlationId?: string;
  traceId?: string;
  requestId?: string;
  tags?: string[];
  changes?: EntityChange[];
  /** The raw event body (Frontegg's `json`, a cursor API's entry): any JSON. */
  payload?: JsonValue;
  /** Custom fields by name. */
  fields?: Record<string, JsonValue>;
}

const timestampInput = z.pipe(
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

/**
 * What a caller may hand in (to `create`, to `createMockAdapter({ events })`, or from an HTTP dialect):
 * timestamps in any ISO 8601 form or epoch ms, severities as labels or fullstackhero integers,
 * and no rank (it is computed). `id` and `tenantId` may be left to the adapter.
 */
export const AuditEventInputSchema = z.extend(AuditEventSchema, {
  id: z.optional(nonEmpty()),
  tenantId: z.optional(nonEmpty()),
  timestamp: timestampInput,
  severity: z.optional(z.union([z.string(), z.number()])),
  severityRank: z.optional(z.int()),
});
/**
 * What a caller may hand in: timestamps in any ISO 8601 form or epoch ms (or a Date), severities as labels or
 * fullstackhero integers, no rank; `id` and `tenantId` may be left to the adapter.
 */
export interface AuditEventInput extends Omit<AuditEvent, 'id' | 'tenantId' | 'timestamp' | 'severity' | 'severityRank'> {
  id?: string;
  tenantId?: string;
  timestamp: string | number | Date;
  severity?: string | number;
  severityRank?: number;
}

/** An event to create: like `AuditEventInput`, with the time left to the adapter (now) when absent. */
export type AuditEventDraft = Omit<AuditEventInput, 'timestamp'> & { timestamp?: AuditEventInput['timestamp'] };
