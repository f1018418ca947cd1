import { CHECK_OK, readEventFacts, safeNormalizeAuditEvent, type EventFacts, type SeverityCache } from '../core/intake.js';
import type { EventReader } from './eventPaths.js';
import { EventStore, type IngestSkippedEvent } from './store.js';

export type { IngestSkippedEvent } from './store.js';

export interface IngestResult {
  stores: Map<string, EventStore>;
  /** Events whose id, tenant, time or severity could not be read (each store lists what its later checks leave out). */
  skipped: IngestSkippedEvent[];
}

/**
 * Groups events by tenant, reading only what the index needs; the rest of each event is checked by its
 * store later (see `EventStore.verify`). An event whose id, tenant, time or severity cannot be read is
 * skipped here, with the schema's explanation. Never throws for bad data.
 */
export function ingestEvents(inputs: readonly unknown[], defaultTenantId?: string, reader?: EventReader): IngestResult {
  const stores = new Map<string, EventStore>();
  const skipped: IngestSkippedEvent[] = [];
  const cache: SeverityCache = new Map();
  const defaults = { tenantId: defaultTenantId };
  const facts: EventFacts = { id: '', tenantId: '', time: 0, severity: { label: '', rank: 0 } };
  let last: EventStore | undefined;
  for (let index = 0; index < inputs.length; index++) {
    const input = inputs[index];
    const read = reader && input !== null && typeof input === 'object' ? reader.facts(input as Record<string, unknown>) : input;
    if (readEventFacts(read, defaults, cache, facts) !== CHECK_OK) {
      const result = safeNormalizeAuditEvent(reader && read !== input ? reader.event(input as Record<string, unknown>) : input, defaults);
      skipped.push({ index, ...idAndTenant(input), issues: result.ok ? ['(event): could not be read'] : result.issues });
      continue;
    }
    let store = last;
    if (store?.tenantId !== facts.tenantId) {
      store = stores.get(facts.tenantId);
      if (!store) stores.set(facts.tenantId, (store = new EventStore(facts.tenantId, reader)));
      last = store;
    }
    store.push(input as Record<string, unknown>, facts, index);
  }
  return { stores, skipped };
}

function idAndTenant(input: unknown): { id?: string; tenantId?: string } {
  if (!input || typeof input !== 'object') return {};
  const { id, tenantId } = input as Record<string, unknown>;
  return {
    ...(typeof id === 'string' && { id }),
    ...(typeof tenantId === 'string' && { tenantId }),
  };
}
