import { AuditEventError, normalizeAuditEvent, type AuditEvent, type AuditEventInput } from '../core/event.js';

/** Normalizes given events and groups them by tenant; throws `AuditEventError` naming the first bad one. */
export function eventsByTenant(inputs: readonly AuditEventInput[]): Map<string, AuditEvent[]> {
  const byTenant = new Map<string, AuditEvent[]>();
  const ids = new Set<string>();
  inputs.forEach((input, index) => {
    let event: AuditEvent;
    try {
      event = normalizeAuditEvent(input);
    } catch (error) {
      const issues = error instanceof AuditEventError ? error.issues : [String(error)];
      throw new AuditEventError(`events[${index}]: ${issues.join('; ')}`, issues);
    }
    if (ids.has(event.id)) throw new AuditEventError(`events[${index}]: duplicate id "${event.id}"`, ['id: duplicate']);
    ids.add(event.id);
    const list = byTenant.get(event.tenantId) ?? [];
    list.push(event);
    byTenant.set(event.tenantId, list);
  });
  return byTenant;
}
