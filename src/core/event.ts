import { SCHEMA_MESSAGES } from './schemaIssues.js';
import * as z from 'zod/mini';
import { normalizeSeverity } from './severity.js';
import { capDepth, MAX_DEPTH } from './depth.js';
import { checkEventInput, toAuditEvent, type SeverityCache } from './eventCheck.js';
import { parseEventTime, parseTimestamp, toIsoUtc } from './time.js';

/** Any JSON value. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

const json = z.json() as z.ZodMiniType<JsonValue>;

export const AuditActorSchema = z.object({
  id: z.optional(z.string()),
  email: z.optional(z.string()),
  name: z.optional(z.string()),
  /** `user`, `api-key`, `system`, ... as the source names it. */
  type: z.optional(z.string()),
});
export type AuditActor = z.infer<typeof AuditActorSchema>;

/** One changed property of an entity, fullstackhero's `EntityChange` style. */
export const EntityChangeSchema = z.object({
  field: z.string(),
  before: z.optional(json),
  after: z.optional(json),
});
export type EntityChange = z.infer<typeof EntityChangeSchema>;

const isoUtc = z.string().check(
  z.refine((value) => parseTimestamp(value) !== undefined && value.endsWith('Z'), {
    message: 'must be an ISO 8601 UTC timestamp such as 2026-01-31T12:00:00.000Z',
  }),
);
const nonEmpty = () => z.string().check(z.minLength(1));

/** The one normalized event every adapter produces and everything inside the library reads. */
export const AuditEventSchema = z.object({
  id: nonEmpty(),
  /** ISO 8601 UTC, canonical form `YYYY-MM-DDTHH:mm:ss.sssZ`. */
  timestamp: isoUtc,
  tenantId: nonEmpty(),
  /** The label as the source sent it, shown as is. */
  severity: z.string(),
  /** Normalized rank on the shared scale (see `SEVERITY_RANK`), for colour and ordering. */
  severityRank: z.int(),
  action: z.string(),
  resource: z.optional(z.string()),
  resourceId: z.optional(z.string()),
  message: z.optional(z.string()),
  actor: z.optional(AuditActorSchema),
  ip: z.optional(z.string()),
  userAgent: z.optional(z.string()),
  /** fullstackhero's `EntityChange | Security | Activity | Exception`, or the source's own. */
  eventType: z.optional(z.string()),
  source: z.optional(z.string()),
  correlationId: z.optional(z.string()),
  traceId: z.optional(z.string()),
  requestId: z.optional(z.string()),
  tags: z.optional(z.array(z.string())),
  changes: z.optional(z.array(EntityChangeSchema)),
  /** The raw event body (Frontegg's `json`, a cursor API's entry): any JSON. */
  payload: z.optional(json),
  /** Custom fields by name. */
  fields: z.optional(z.record(z.string(), json)),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;

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
export type AuditEventInput = z.input<typeof AuditEventInputSchema>;

/** An event to create: like `AuditEventInput`, with the time left to the adapter (now) when absent. */
export type AuditEventDraft = Omit<AuditEventInput, 'timestamp'> & { timestamp?: AuditEventInput['timestamp'] };

/** Thrown when an event cannot be normalized; `issues` says which property and why. */
export class AuditEventError extends Error {
  override readonly name = 'AuditEventError';
  constructor(
    message: string,
    readonly issues: readonly string[],
  ) {
    super(message);
  }
}

/** Formats zod issues as `path: message` lines a developer can act on. */
export function formatIssues(error: { issues: readonly z.core.$ZodIssue[] }): string[] {
  return error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`);
}

export type NormalizeResult = { ok: true; event: AuditEvent } | { ok: false; issues: string[] };

/** An event with every JSON value cut off `MAX_DEPTH` levels down (payload, custom fields, changes). */
export function capEventDepth(input: unknown): unknown {
  // The payload sits one level below the event: the same limit, counted from the value.
  return capDepth(input, MAX_DEPTH + 1);
}

/**
 * Normalizes one event without throwing: the way to skip a malformed event and keep the rest. Sound
 * events take a fast hand-written path; the schema explains the others, after their values are cut to
 * a safe depth (so no event, however deep, can overflow the stack).
 */
export function safeNormalizeAuditEvent(
  input: unknown,
  defaults: { tenantId?: string; id?: string } = {},
  cache?: SeverityCache,
): NormalizeResult {
  let source = input;
  let check = checkEventInput(source, defaults, cache);
  if (check.status === 'deep') {
    source = capEventDepth(input);
    check = checkEventInput(source, defaults, cache);
  }
  if (check.status === 'ok') return { ok: true, event: toAuditEvent(source as Record<string, unknown>, check.facts) };
  return normalizeWithSchema(check.status === 'bad' ? capEventDepth(source) : source, defaults);
}

/** The schema's reading of an event: its normalized form, or every issue with it. */
function normalizeWithSchema(input: unknown, defaults: { tenantId?: string; id?: string }): NormalizeResult {
  const parsed = AuditEventInputSchema.safeParse(input, SCHEMA_MESSAGES);
  if (!parsed.success) return { ok: false, issues: formatIssues(parsed.error) };
  const { severity, severityRank, ...rest } = parsed.data;
  const id = rest.id ?? defaults.id;
  const tenantId = rest.tenantId ?? defaults.tenantId;
  const issues: string[] = [];
  if (!id) issues.push('id: required');
  if (!tenantId) issues.push('tenantId: required');
  if (!id || !tenantId) return { ok: false, issues };
  const normalized = normalizeSeverity(severity);
  return {
    ok: true,
    event: { ...rest, id, tenantId, severity: normalized.label, severityRank: severityRank ?? normalized.rank },
  };
}

/** Normalizes one event or throws `AuditEventError`. */
export function normalizeAuditEvent(input: unknown, defaults: { tenantId?: string; id?: string } = {}): AuditEvent {
  const result = safeNormalizeAuditEvent(input, defaults);
  if (!result.ok) throw new AuditEventError(`Invalid audit event: ${result.issues.join('; ')}`, result.issues);
  return result.event;
}
