import type { AuditActivity, AuditStats } from '../../core/page.js';
import type { AuditQuery } from '../../core/query.js';
import { useAuditLogsEnvironment } from '../../hooks/context.js';
import { useStableCallback } from '../../hooks/useStableCallback.js';
import { Histogram } from './DeferredHistogram.js';
import { SeverityBadge } from '../shared/SeverityBadge.js';

export interface ActivitySummaryProps {
  stats: AuditStats | undefined;
  /** Headline counts the server keeps. */
  activity?: AuditActivity;
  query: AuditQuery;
  onQueryChange: (query: AuditQuery) => void;
  /** The histogram is shown; its toggle button says so (`aria-pressed`). @default true */
  histogramOpen?: boolean;
  onHistogramOpenChange?: (open: boolean) => void;
}

/** Counts for the current filters (total and by severity) and the histogram of events over time. */
export function ActivitySummary({ stats, activity, query, onQueryChange, histogramOpen = true, onHistogramOpenChange }: ActivitySummaryProps) {
  const { formatter, messages } = useAuditLogsEnvironment();
  const zoom = useStableCallback((from: string, to: string) => onQueryChange({ ...query, timeRange: { from, to } }));
  const headlines = [
    activity?.totalToday === undefined ? null : messages.totalToday(formatter.number(activity.totalToday)),
    activity?.severeThisWeek === undefined ? null : messages.severeThisWeek(formatter.number(activity.severeThisWeek)),
  ].filter((h): h is string => h !== null);
  if (!stats && !headlines.length) return null;
  return (
    <div className="ral-summary">
      {headlines.length ? (
        <ul className="ral-summary__headlines" aria-label={messages.activity}>
          {headlines.map((h) => (
            <li key={h}>{h}</li>
          ))}
        </ul>
      ) : null}
      {stats ? (
        <>
          <div className="ral-summary__row">
            <ul className="ral-summary__counts" aria-label={messages.severity}>
              {stats.bySeverity.map((s) => (
                <li key={s.label}>
                  <SeverityBadge label={s.label} rank={s.rank} /> <span className="ral-summary__count">{formatter.number(s.count)}</span>
                </li>
              ))}
            </ul>
            {onHistogramOpenChange && stats.total > 0 ? (
              <button type="button" className="ral-button ral-summary__toggle" aria-pressed={histogramOpen} onClick={() => onHistogramOpenChange(!histogramOpen)}>
                {messages.showHistogram}
              </button>
            ) : null}
          </div>
          {/* No events, no chart: an empty 0–1 scale above "No events match" says nothing. */}
          {stats.total > 0 && histogramOpen ? (
            <Histogram histogram={stats.histogram} onZoom={zoom} />
          ) : null}
        </>
      ) : null}
    </div>
  );
}
