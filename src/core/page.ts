import type { SeverityLevel } from './severity.js';
import type { AuditEvent } from './event.js';

/** The largest page any adapter hands out in one call. */
export const MAX_PAGE_SIZE = 1000;

/** Which slice of the matching events to return. */
export type PageRequest =
  | { type: 'offset'; offset: number; limit: number }
  | { type: 'cursor'; cursor: string | null; limit: number };

/** An event the source sent that could not be read; reported, then skipped. */
export interface SkippedEvent {
  /** The source's id for it, when one could be read. */
  id?: string;
  issues: string[];
}

/** One page of events in query order. */
export interface EventPage {
  events: AuditEvent[];
  /** All events matching the query, when the source knows it. */
  total?: number;
  /**
   * The source answered this page before counting every match (a search through a large log): `total` is
   * absent for now, and `stats` for the same query gives it. The viewer says "100+ events, counting…" until then.
   */
  counting?: boolean;
  /** Offset of the first event, for offset pages. */
  offset?: number;
  /** Opaque cursor of the next page; `null` at the end; absent for offset pages. */
  nextCursor?: string | null;
  /** Events of this page that were malformed and left out. */
  skipped?: SkippedEvent[];
}

/** Events per severity label, highest rank first. */
export interface SeverityCount {
  label: string;
  rank: number;
  count: number;
}

export interface HistogramBucket {
  /** Inclusive start, ISO 8601 UTC. */
  start: string;
  /** Exclusive end, ISO 8601 UTC. */
  end: string;
  count: number;
  /** The count by severity level, where the backend gives it (the chart stacks its bars by it). */
  bySeverity?: Partial<Record<SeverityLevel, number>>;
}

export interface AuditHistogram {
  /** Bucket width in milliseconds. */
  bucketMs: number;
  buckets: HistogramBucket[];
}

export interface AuditStats {
  total: number;
  bySeverity: SeverityCount[];
  histogram: AuditHistogram;
}

/** Headline counts a server keeps (Frontegg's `/audits/stats`). */
export interface AuditActivity {
  /** Events today. */
  totalToday?: number;
  /** Events of high severity or worse in the last 7 days. */
  severeThisWeek?: number;
}
