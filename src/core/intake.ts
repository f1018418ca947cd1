/**
 * Event intake, the one entry for code that takes events in bulk (the memory adapter's store and ingest): the
 * fast check that reads an event's facts in place, the conversion to an `AuditEvent`, and the full schema
 * normalization for what the fast check cannot vouch for.
 */
export { capEventDepth, safeNormalizeAuditEvent } from './event.js';
export type { AuditEvent, JsonValue } from './eventSchema.js';
export { CHECK_DEEP, CHECK_OK, checkEventInto, readEventFacts, toAuditEvent } from './eventCheck.js';
export type { EventFacts, SeverityCache } from './eventCheck.js';
