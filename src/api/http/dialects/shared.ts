import * as z from 'zod/mini';
import { safeNormalizeAuditEvent, type AuditEvent } from '../../../core/event.js';
import type { SkippedEvent } from '../../../core/page.js';
import type { AdapterCapabilities, AuditLogsAdapter } from '../../adapter.js';
import { AuditApiError } from '../../errors.js';
import type { HttpClient } from '../client.js';

/** A protocol: what it can do, and the adapter methods over an `HttpClient` (see `defineDialect`). */
export interface Dialect {
  capabilities: AdapterCapabilities;
  create(client: HttpClient): Omit<AuditLogsAdapter, 'capabilities'>;
}

/** Rows as unknown JSON, so one malformed row is skipped rather than failing the page. */
export const rows = z.array(z.unknown());

/** Maps each row to an event; a row that cannot be read is reported in `skipped` and left out. */
export function readRows(
  list: readonly unknown[],
  toInput: (row: Record<string, unknown>) => unknown,
  tenantId: string,
): { events: AuditEvent[]; skipped: SkippedEvent[] } {
  const events: AuditEvent[] = [];
  const skipped: SkippedEvent[] = [];
  for (const row of list) {
    const id = row && typeof row === 'object' ? (row as Record<string, unknown>).id ?? (row as Record<string, unknown>)._id : undefined;
    if (!row || typeof row !== 'object' || Array.isArray(row)) {
      skipped.push({ issues: ['(row): not an object'] });
      continue;
    }
    const idPart = typeof id === 'string' ? { id } : {};
    let input: unknown;
    try {
      input = toInput(row as Record<string, unknown>);
    } catch (error) {
      // A mapping that cannot read this row (a null where an object belongs) costs the row, not the page.
      skipped.push({ ...idPart, issues: [`(row): could not be read (${error instanceof Error ? error.message : String(error)})`] });
      continue;
    }
    const result = safeNormalizeAuditEvent(input, { tenantId });
    if (!result.ok) skipped.push({ ...idPart, issues: result.issues });
    // Another tenant's event in this tenant's page (a server bug, a misrouted proxy) is never shown.
    else if (result.event.tenantId !== tenantId) {
      skipped.push({ ...idPart, issues: [`tenantId: belongs to another tenant ("${result.event.tenantId}"), not "${tenantId}"`] });
    } else events.push(result.event);
  }
  return { events, skipped };
}

/** One event read from a single-event response, or an invalid-response error naming what is wrong. */
export function readOne(row: unknown, toInput: (row: Record<string, unknown>) => unknown, tenantId: string, what: string): AuditEvent {
  const { events, skipped } = readRows([row], toInput, tenantId);
  if (events[0]) return events[0];
  throw new AuditApiError('invalid-response', `${what} answered with an event that could not be read: ${skipped[0]?.issues.join('; ')}`, {
    issues: skipped[0]?.issues,
  });
}

export function unsupported(dialect: string, what: string): never {
  throw new AuditApiError('unsupported', `The ${dialect} API cannot ${what}.`);
}

export const enc = encodeURIComponent;
