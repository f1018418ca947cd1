import type { AuditLogsMessages } from '../../core/messages.js';

/** Someone else saved the view since it was read (HTTP 412, or a store's refusal naming the view as it is now). */
export function isStaleView(error: unknown): boolean {
  const e = error as { kind?: string; status?: number; current?: unknown } | null;
  return Boolean(e && e.kind === 'conflict' && (e.status === 412 || e.current !== undefined));
}

/** Another view of the scope has the name (HTTP 409, or a store's refusal). */
export function isNameTaken(error: unknown): boolean {
  const e = error as { kind?: string } | null;
  return Boolean(e && e.kind === 'conflict' && !isStaleView(error));
}

/** Why saving a view failed, in the viewer's words. */
export function viewFailure(error: unknown, name: string, messages: AuditLogsMessages, fallback: string): string {
  if (isStaleView(error)) return messages.viewConflict(name);
  if (isNameTaken(error)) return messages.viewNameTaken;
  const reason = error instanceof Error ? error.message : '';
  return `${fallback} ${reason}`.trim();
}
