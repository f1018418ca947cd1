import type { AuditStats } from '../core/page.js';
import type { AuditQuery } from '../core/query.js';
import { useAuditLogsEnvironment } from '../hooks/context.js';
import { Histogram } from './Histogram.js';
import { SeverityBadge } from './SeverityBadge.js';

export interface ActivitySummaryProps {
  stats: AuditStats | undefined;
  query: AuditQuery;
  onQueryChange: (query: AuditQuery) => void;
}

/** Counts for the current filters (total and by severity) and the histogram of events over time. */
export function ActivitySummary({ stats, query, onQueryChange }: ActivitySummaryProps) {
  const { formatter, messages } = useAuditLogsEnvironment();
  if (!stats) return null;
  return (
    <div className="ral-summary">
      <ul className="ral-summary__counts" aria-label={messages.severity}>
        {stats.bySeverity.map((s) => (
          <li key={s.label}>
            <SeverityBadge label={s.label} rank={s.rank} /> <span className="ral-summary__count">{formatter.number(s.count)}</span>
          </li>
        ))}
      </ul>
      <Histogram histogram={stats.histogram} onZoom={(from, to) => onQueryChange({ ...query, timeRange: { from, to } })} />
    </div>
  );
}
