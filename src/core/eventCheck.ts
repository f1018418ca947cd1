/**
 * The fast path into the event model. Checking a million host events with a schema library costs
 * seconds; these checks accept exactly what `auditEventInputChecker` accepts (that checker stays the
 * definition, and explains every event these reject) at a fraction of the cost, with no
 * allocation for an event that is fine.
 */
import { checkJson } from './depth.js';
import type { AuditEvent, JsonValue } from './eventSchema.js';
import { normalizeSeverity, type NormalizedSeverity } from './severity.js';
import { parseCanonicalIso, parseEventTime, toIsoUtc } from './time.js';
import { isObject } from './check.js';

/** What the checks learned about a sound event: enough to store it as sent and build `AuditEvent`s later. */
export interface EventFacts {
  id: string;
  tenantId: string;
  /** Epoch ms. */
  time: number;
  severity: { label: string; rank: number };
}

/** `ok`: sound. `deep`: sound but for values nested too deeply (cap them, then check again). `bad`: explain with the checker. */
export type EventCheck = { status: 'ok'; facts: EventFacts } | { status: 'deep' } | { status: 'bad' };

const OPTIONAL_STRINGS = [
  'resource',
  'resourceId',
  'message',
  'ip',
  'userAgent',
  'eventType',
  'source',
  'correlationId',
  'traceId',
  'requestId',
] as const;
const ACTOR_KEYS = ['id', 'email', 'name', 'type'] as const;

const optionalString = (v: unknown): boolean => v === undefined || typeof v === 'string';

/** Normalized severities by what the source sent: a log has a handful of labels and a million events. */
export type SeverityCache = Map<unknown, NormalizedSeverity>;

function severityOf(value: unknown, cache: SeverityCache | undefined): NormalizedSeverity | undefined {
  if (value !== undefined && typeof value !== 'string' && typeof value !== 'number') return undefined;
  let found = cache?.get(value);
  if (!found) {
    found = normalizeSeverity(value);
    if (cache && cache.size < 1000) cache.set(value, found);
  }
  return found;
}

/** Epoch ms of an event's timestamp input, or NaN. The canonical form is read without a parser. */
export function eventTimeOf(value: unknown): number {
  if (typeof value === 'string') {
    const fast = parseCanonicalIso(value);
    if (fast === fast) return fast;
  }
  if (value instanceof Date) return value.getTime();
  const parsed = parseEventTime(value);
  return typeof parsed === 'number' ? parsed : NaN;
}

/**
 * Checks one input event as `AuditEventInputSchema` would, with `defaults` for a missing id or tenant.
 * JSON values (payload, custom fields, change values) are walked with a depth limit.
 */
export function checkEventInput(
  input: unknown,
  defaults: { tenantId?: string; id?: string } = {},
  cache?: SeverityCache,
): EventCheck {
  const facts: EventFacts = { id: '', tenantId: '', time: 0, severity: UNKNOWN_SEVERITY };
  const status = checkEventInto(input, defaults, cache, facts);
  return status === CHECK_OK ? { status: 'ok', facts } : status === CHECK_DEEP ? DEEP : BAD;
}

export const CHECK_OK = 0;
export const CHECK_DEEP = 1;
export const CHECK_BAD = 2;
const UNKNOWN_SEVERITY = { label: 'Unknown', rank: 0 };

/**
 * `checkEventInput` for a million events: writes what it learns into `out` (reused by the caller) and
 * returns `CHECK_OK`, `CHECK_DEEP` or `CHECK_BAD`. No allocation for a sound event.
 */
export function checkEventInto(
  input: unknown,
  defaults: { tenantId?: string; id?: string },
  cache: SeverityCache | undefined,
  out: EventFacts,
): number {
  if (readEventFacts(input, defaults, cache, out) !== CHECK_OK) return CHECK_BAD;
  return checkEventRest(input as Record<string, unknown>);
}

/**
 * Reads only what an index needs (id, tenant, time, severity) into `out`: the least an intake of a
 * million events can touch. `CHECK_OK`, or `CHECK_BAD` when one of those is missing or wrong.
 */
export function readEventFacts(
  input: unknown,
  defaults: { tenantId?: string; id?: string },
  cache: SeverityCache | undefined,
  out: EventFacts,
): number {
  if (!isObject(input)) return CHECK_BAD;
  const id = input.id === undefined ? defaults.id : input.id;
  const tenantId = input.tenantId === undefined ? defaults.tenantId : input.tenantId;
  if (typeof id !== 'string' || id === '' || typeof tenantId !== 'string' || tenantId === '') return CHECK_BAD;
  const time = eventTimeOf(input.timestamp);
  if (time !== time) return CHECK_BAD;
  const severity = severityOf(input.severity, cache);
  if (!severity) return CHECK_BAD;
  const rank = input.severityRank;
  if (rank !== undefined && !Number.isInteger(rank)) return CHECK_BAD;
  out.id = id;
  out.tenantId = tenantId;
  out.time = time;
  out.severity = rank === undefined || rank === severity.rank ? severity : { label: severity.label, rank: rank as number };
  return CHECK_OK;
}

/** Checks everything `readEventFacts` does not. */
function checkEventRest(input: Record<string, unknown>): number {
  if (typeof input.action !== 'string') return CHECK_BAD;
  if (
    !optionalString(input.resource) ||
    !optionalString(input.resourceId) ||
    !optionalString(input.message) ||
    !optionalString(input.ip) ||
    !optionalString(input.userAgent) ||
    !optionalString(input.eventType) ||
    !optionalString(input.source) ||
    !optionalString(input.correlationId) ||
    !optionalString(input.traceId) ||
    !optionalString(input.requestId)
  ) {
    return CHECK_BAD;
  }
  const actor = input.actor;
  if (actor !== undefined) {
    if (!isObject(actor)) return CHECK_BAD;
    if (!optionalString(actor.id) || !optionalString(actor.email) || !optionalString(actor.name) || !optionalString(actor.type)) {
      return CHECK_BAD;
    }
  }
  const tags = input.tags;
  if (tags !== undefined) {
    if (!Array.isArray(tags)) return CHECK_BAD;
    for (let i = 0; i < tags.length; i++) if (typeof tags[i] !== 'string') return CHECK_BAD;
  }
  let deep = false;
  const changes = input.changes;
  if (changes !== undefined) {
    if (!Array.isArray(changes)) return CHECK_BAD;
    for (let i = 0; i < changes.length; i++) {
      const change: unknown = changes[i];
      if (!isObject(change) || typeof change.field !== 'string') return CHECK_BAD;
      const before = jsonStatus(change.before);
      const after = jsonStatus(change.after);
      if (before === CHECK_BAD || after === CHECK_BAD) return CHECK_BAD;
      if (before === CHECK_DEEP || after === CHECK_DEEP) deep = true;
    }
  }
  const payload = jsonStatus(input.payload);
  if (payload === CHECK_BAD) return CHECK_BAD;
  if (payload === CHECK_DEEP) deep = true;
  const fields = input.fields;
  if (fields !== undefined) {
    if (!isObject(fields)) return CHECK_BAD;
    for (const key in fields) {
      const value = fields[key];
      if (value === undefined) return CHECK_BAD;
      const status = jsonStatus(value);
      if (status === CHECK_BAD) return CHECK_BAD;
      if (status === CHECK_DEEP) deep = true;
    }
  }
  return deep ? CHECK_DEEP : CHECK_OK;
}

function jsonStatus(value: unknown): number {
  if (value === undefined) return CHECK_OK;
  if (typeof value === 'string') return CHECK_OK;
  const result = checkJson(value);
  return result === 'ok' ? CHECK_OK : result === 'too-deep' ? CHECK_DEEP : CHECK_BAD;
}

const BAD: EventCheck = { status: 'bad' };
const DEEP: EventCheck = { status: 'deep' };

/**
 * The normalized event for a checked input: its known properties only, in one shape, with the canonical
 * timestamp, the severity label and rank, and the id and tenant the checks settled on.
 */
export function toAuditEvent(input: Record<string, unknown>, facts: EventFacts): AuditEvent {
  const event: AuditEvent = {
    id: facts.id,
    timestamp: toIsoUtc(facts.time),
    tenantId: facts.tenantId,
    severity: facts.severity.label,
    severityRank: facts.severity.rank,
    action: input.action as string,
  };
  for (const key of OPTIONAL_STRINGS) {
    const value = input[key];
    if (value !== undefined) event[key] = value as string;
  }
  const actor = input.actor as Record<string, unknown> | undefined;
  if (actor) {
    const copy: Record<string, string> = {};
    for (const key of ACTOR_KEYS) if (actor[key] !== undefined) copy[key] = actor[key] as string;
    event.actor = copy;
  }
  if (input.tags !== undefined) event.tags = input.tags as string[];
  if (input.changes !== undefined) event.changes = input.changes as AuditEvent['changes'];
  if (input.payload !== undefined) event.payload = input.payload as JsonValue;
  if (input.fields !== undefined) event.fields = input.fields as Record<string, JsonValue>;
  return event;
}
