/**
 * The viewer's panels as parts: the status line, the activity summary and its histogram, the new-events
 * notice, the table and the details. Each reads the root's instance and fails in its own place.
 */
import { useAuditLogsEnvironment } from '../../hooks/context.js';
import { useAuditLogsInstance } from '../../hooks/instance.js';
import { useStableCallback } from '../../hooks/useStableCallback.js';
import { ActivitySummary } from '../histogram/ActivitySummary.js';
import { Histogram } from '../histogram/DeferredHistogram.js';
import { EventLog } from '../table/EventLog.js';
import { Contained } from './Contained.js';

/**
 * The `status` line (a polite live region): how many events match ("1,234 events", "Loading…"), and notices
 * (rows skipped, a query part left out, paging stopped, what opening a saved view could not do), and what was
 * done with saved views.
 */
export function AuditLogsStatus() {
  return (
    <Contained>
      <StatusLine />
    </Contained>
  );
}

function StatusLine() {
  const { messages, formatter } = useAuditLogsEnvironment();
  const { rows, queryNotices, views } = useAuditLogsInstance();
  return (
    <div className="ral-status" role="status" aria-live="polite" data-loading={rows.initialLoading || undefined}>
      <span className="ral-count">{rows.initialLoading ? messages.loading : rows.counting && rows.total !== undefined ? messages.resultCounting(rows.total) : messages.resultCount(rows.total, rows.exact)}</span>
      {rows.skipped > 0 ? <span className="ral-note">{messages.skipped(rows.skipped)}</span> : null}
      {formatter.warnings.map((w) => (
        <span key={w} className="ral-note">
          {w}
        </span>
      ))}
      {queryNotices.length ? <span className="ral-note">{messages.linkNotice([...queryNotices])}</span> : null}
      {rows.pagingStopped ? <span className="ral-note">{messages.pagingStopped(rows.pagingStopped)}</span> : null}
      {views.notices.map((notice) => (
        <span key={notice} className="ral-note">
          {notice}
        </span>
      ))}
      {views.announcement ? <span className="ral-note">{views.announcement}</span> : null}
    </div>
  );
}

/** Headline counts, the counts by severity and the histogram of events over time (drag across it to zoom). */
export function AuditLogsActivitySummary() {
  const { stats, activity, query, setQuery, histogramOpen, setHistogramOpen } = useAuditLogsInstance();
  return (
    <Contained>
      <ActivitySummary
        stats={stats}
        activity={activity}
        query={query}
        onQueryChange={setQuery}
        histogramOpen={histogramOpen}
        onHistogramOpenChange={setHistogramOpen}
      />
    </Contained>
  );
}

/** The histogram alone (events over time by severity; drag across it to zoom the time range). */
export function AuditLogsHistogram() {
  const { stats, query, setQuery, histogramOpen } = useAuditLogsInstance();
  const zoom = useStableCallback((from: string, to: string) => setQuery({ ...query, timeRange: { from, to } }));
  if (!stats || stats.total === 0 || !histogramOpen) return null;
  return (
    <Contained>
      <Histogram histogram={stats.histogram} onZoom={zoom} />
    </Contained>
  );
}

/** The `button` "N new events" while the first rows are in view and newer events arrived; it loads them. */
export function AuditLogsNewEvents() {
  const { messages } = useAuditLogsEnvironment();
  const { newEvents } = useAuditLogsInstance();
  if (newEvents.count <= 0) return null;
  return (
    <button type="button" className="ral-new-events" onClick={newEvents.load}>
      {messages.newEvents(newEvents.count)}
    </button>
  );
}

/**
 * The `table` "Audit logs": the rows (virtualized, sortable, keyboard navigable), the empty and error states,
 * and the open event's details. On its element: `data-loading`, `data-empty`, `data-cards` (a narrow container
 * shows each event as a two-line card).
 */
export function AuditLogsTable() {
  return (
    <Contained>
      <EventLog />
    </Contained>
  );
}

/**
 * The open event's details, in place, wherever you put this (a side panel): the table fills it instead of
 * opening a dialog. Empty while no event is open (`data-open` on its element while one is). It carries the
 * viewer's theme and styles.
 */
export function AuditLogsDetails({ className }: { /** Extra class on the panel. */ className?: string }) {
  const { setDetailsHost, theme, selectedEventId } = useAuditLogsInstance();
  return (
    <div
      ref={setDetailsHost}
      className={className ? `ral-root ral-details-host ${className}` : 'ral-root ral-details-host'}
      data-theme={theme}
      data-open={selectedEventId !== null || undefined}
    />
  );
}
