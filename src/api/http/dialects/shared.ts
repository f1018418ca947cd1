import { array, unknown } from '../../../core/check.js';
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
export const rows = array(unknown);

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

/** Content types a CSV export may come as (servers vary); anything else is not saved. */
const CSV_TYPES = /^(?:text\/csv|application\/csv|text\/comma-separated-values|text\/plain|application\/octet-stream|application\/vnd\.ms-excel|text\/x-csv)\b/i;

/**
 * A server's CSV answer as a stream, once it is CSV: a sign-in page or an error in JSON (whatever its
 * type says, the first bytes are looked at too) is an `invalid-response` error, never a file.
 */
export async function csvBody(response: Response, what: string): Promise<ReadableStream<Uint8Array>> {
  const type = (response.headers.get('content-type') ?? '').trim();
  const notCsv = (seen: string) =>
    new AuditApiError(
      'invalid-response',
      /html/i.test(seen)
        ? `${what} answered with a web page instead of CSV, often a sign-in page: the session may have expired. Nothing was saved.`
        : `${what} answered ${seen} instead of CSV. Nothing was saved.`,
      { status: response.status },
    );
  if (type && !CSV_TYPES.test(type)) {
    await response.body?.cancel().catch(() => undefined);
    throw notCsv(type);
  }
  if (!response.body) throw new AuditApiError('invalid-response', `${what} answered without a body.`);
  const reader = response.body.getReader();
  const first = await reader.read();
  const head = first.value ? new TextDecoder().decode(first.value.subarray(0, 256)).replace(/^\uFEFF/, '').trimStart() : '';
  if (/^<(?:!doctype|html|\?xml|head|body)\b/i.test(head)) {
    await reader.cancel().catch(() => undefined);
    throw notCsv('text/html');
  }
  return new ReadableStream<Uint8Array>({
    start(controller) {
      if (first.done) controller.close();
      else controller.enqueue(first.value);
    },
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
}
