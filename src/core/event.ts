import { z } from 'zod';
import { normalizeSeverity } from './severity.js';
import { capDepth, MAX_DEPTH } from './depth.js';
import { checkEventInput, toAuditEvent, type SeverityCache } from './eventCheck.js';
import { parseEventTime, parseTimestamp, toIsoUtc } from './time.js';

/** Any JSON value. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

const json = z.json() as z.ZodType<JsonValue>;

export const AuditActorSchema = z.object({
  id: z.string().optional(),
  email: z.string().optional(),
  name: z.string().optional(),
  /** `user`, `api-key`, `system`, ... as the source names it. */
  type: z.string().optional(),
});
export type AuditActor = z.infer<typeof AuditActorSchema>;

/** One changed property of an entity, fullstackhero's `EntityChange` style. */
export const EntityChangeSchema = z.object({
  field: z.string(),
  before: json.optional(),
  after: json.optional(),
});
export type EntityChange = z.infer<typeof EntityChangeSchema>;

const isoUtc = z.string().refine((value) => parseTimestamp(value) !== undefined && value.endsWith('Z'), {
  message: 'must be an ISO 8601 UTC timestamp such as 2026-01-31T12:00:00.000Z',
});

/** The one normalized event every adapter produces and everything inside the library reads. */
export const AuditEventSchema = z.object({
  id: z.string().min(1),
  /** ISO 8601 UTC, canonical form `YYYY-MM-DDTHH:mm:ss.sssZ`. */
  timestamp: isoUtc,
  tenantId: z.string().min(1),
  /** The label as the source sent it, shown as is. */
  severity: z.string(),
  /** Normalized rank on the shared scale (see `SEVERITY_RANK`), for colour and ordering. */
  severityRank: z.number().int(),
  action: z.string(),
  resource: z.string().optional(),
  resourceId: z.string().optional(),
  message: z.string().optional(),
  actor: AuditActorSchema.optional(),
  ip: z.string().optional(),
  userAgent: z.string().optional(),
  /** fullstackhero's `EntityChange | Security | Activity | Exception`, or the source's own. */
  eventType: z.string().optional(),
  source: z.string().optional(),
  correlationId: z.string().optional(),
  traceId: z.string().optional(),
  requestId: z.string().optional(),
  tags: z.array(z.string()).optional(),
  changes: z.array(EntityChangeSchema).optional(),
  /** The raw event body (Frontegg's `json`, a cursor API's entry): any JSON. */
  payload: json.optional(),
  /** Custom fields by name. */
  fields: z.record(z.string(), json).optional(),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;

const timestampInput = z
  .union([z.string(), z.number(), z.date()])
  .transform((value, ctx) => {
    const ms = parseEventTime(value);
    if (typeof ms === 'string') {
      ctx.addIssue({ code: 'custom', message: ms });
      return z.NEVER;
    }
    return toIsoUtc(ms);
  });

/**
 * What a caller may hand in (to `create`, to `createMockAdapter({ events })`, or from an HTTP dialect):
 * timestamps in any ISO 8601 form or epoch ms, severities as labels or fullstackhero integers,
 * and no rank (it is computed). `id` and `tenantId` may be left to the adapter.
 */
export const AuditEventInputSchema = AuditEventSchema.extend({
  id: z.string().min(1).optional(),
  tenantId: z.string().min(1).optional(),
  timestamp: timestampInput,
  severity: z.union([z.string(), z.number()]).optional(),
  severityRank: z.number().int().optional(),
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
export function formatIssues(error: z.ZodError): string[] {
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
  const parsed = AuditEventInputSchema.safeParse(input);
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
