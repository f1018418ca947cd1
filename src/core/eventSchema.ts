/**
 * The event model's types and the checkers that read them (`check.ts`). No logic that checks or normalizes events lives here
 * (that is `event.ts`, over `eventCheck.ts`), so every module can take these types without a cycle.
 */
import { array, int, minLength, number, object, oneOf, optional, record, refine, string, type Checker } from './check.js';
import { checkJson } from './depth.js';
import { parseEventTime, parseTimestamp, toIsoUtc } from './time.js';

/** Any JSON value. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Any JSON value (plain objects, finite numbers). Events are cut to a safe depth before they are read. */
const json: Checker<JsonValue> = (value, path, issues) => {
  const found = checkJson(value, 1000);
  if (found !== 'ok') issues.push({ path, fatal: true, message: found === 'invalid' ? 'matches none of the allowed forms' : 'nested too deeply' });
  return value as JsonValue;
};
const optionalString = optional(string());

const actor = object({ id: optionalString, email: optionalString, name: optionalString, type: optionalString });
/** Who did it. (The type is written out for the API report; `test/types` checks it against the schema.) */
export interface AuditActor {
  id?: string;
  email?: string;
  name?: string;
  /** `user`, `api-key`, `system`, ... as the source names it. */
  type?: string;
}

const change = object({ field: string(), before: optional(json), after: optional(json) });
/** One changed property of an entity, fullstackhero's `EntityChange` style. */
export interface EntityChange {
  field: string;
  before?: JsonValue;
  after?: JsonValue;
}

const isoUtc = string(
  refine((value) => parseTimestamp(value) !== undefined && value.endsWith('Z'), 'must be an ISO 8601 UTC timestamp such as 2026-01-31T12:00:00.000Z'),
);
const nonEmpty = string(minLength(1));

/** What every event has beyond its identity, time and severity. */
const eventBody = {
  action: string(),
  resource: optionalString,
  resourceId: optionalString,
  message: optionalString,
  actor: optional(actor),
  ip: optionalString,
  userAgent: optionalString,
  eventType: optionalString,
  source: optionalString,
  correlationId: optionalString,
  traceId: optionalString,
  requestId: optionalString,
  tags: optional(array(string())),
  changes: optional(array(change)),
  payload: optional(json),
  fields: optional(record(json)),
};

/** Reads a normalized `AuditEvent` (its fields are documented there). */
export const auditEventChecker = object({
  id: nonEmpty,
  timestamp: isoUtc,
  tenantId: nonEmpty,
  severity: string(),
  severityRank: int(),
  ...eventBody,
}) as Checker<AuditEvent>;
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

/** A time as a string, epoch ms or a `Date`, read as canonical ISO 8601 UTC. */
const timestampInput: Checker<string> = (value, path, issues) => {
  const isDate = value instanceof Date;
  if (!(typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) || (isDate && !Number.isNaN(value.getTime())))) {
    issues.push({ path, fatal: true, message: 'matches none of the allowed forms' });
    return '';
  }
  const ms = parseEventTime(value as string | number | Date);
  if (typeof ms === 'string') {
    issues.push({ path, message: ms });
    return '';
  }
  return toIsoUtc(ms);
};

/**
 * What a caller may hand in (to `create`, to `createMockAdapter({ events })`, or from an HTTP dialect):
 * timestamps in any ISO 8601 form or epoch ms, severities as labels or fullstackhero integers,
 * and no rank (it is computed). `id` and `tenantId` may be left to the adapter.
 */
export const auditEventInputChecker = object({
  id: optional(nonEmpty),
  timestamp: timestampInput,
  tenantId: optional(nonEmpty),
  severity: optional(oneOf<string | number>(string(), number())),
  severityRank: optional(int()),
  ...eventBody,
}) as Checker<Omit<AuditEventInput, 'timestamp'> & { timestamp: string }>;
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
