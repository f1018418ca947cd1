/** Events in: checked, normalized, depth-capped. The one entry for event intake (see `intake.ts`). */
import { check } from './check.js';
import { normalizeSeverity } from './severity.js';
import { capDepth, MAX_DEPTH } from './depth.js';
import { checkEventInput, toAuditEvent, type SeverityCache } from './eventCheck.js';
import { auditEventInputChecker, type AuditEvent } from './eventSchema.js';

export * from './eventSchema.js';

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

export { formatIssues } from './check.js';

export type NormalizeResult = { ok: true; event: AuditEvent } | { ok: false; issues: string[] };

/** An event with every JSON value cut off `MAX_DEPTH` levels down (payload, custom fields, changes). */
export function capEventDepth(input: unknown): unknown {
  // The payload sits one level below the event: the same limit, counted from the value.
  return capDepth(input, MAX_DEPTH + 1);
}

/**
 * Normalizes one event without throwing: the way to skip a malformed event and keep the rest. Sound
 * events take a fast hand-written path; the checkers explain the others, after their values are cut to
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

/** The checkers' reading of an event: its normalized form, or every issue with it. */
function normalizeWithSchema(input: unknown, defaults: { tenantId?: string; id?: string }): NormalizeResult {
  const parsed = check(auditEventInputChecker, input);
  if (!parsed.ok) return { ok: false, issues: parsed.issues };
  const { severity, severityRank, ...rest } = parsed.value;
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
