import { useEffect, useState } from 'react';
import { isAuditApiError } from '../../api/errors.js';
import { useAuditLogsEnvironment } from '../../hooks/context.js';

export interface ErrorBannerProps {
  error: unknown;
  onRetry: () => void;
  /** A heading that says what failed. @default by the error's kind */
  title?: string;
}

/** An `alert` naming what went wrong, with `Retry`; whatever rows are shown stay. */
export function ErrorBanner({ error, onRetry, title }: ErrorBannerProps) {
  const { messages } = useAuditLogsEnvironment();
  const kind = isAuditApiError(error) ? error.kind : 'unknown';
  const detail = error instanceof Error ? error.message : undefined;
  return (
    <div role="alert" className="ral-banner" data-kind={kind}>
      <div className="ral-banner__text">
        <strong>{title ?? messages.errorTitle(kind)}</strong>{' '}
        {detail ? <span className="ral-banner__detail">{detail}</span> : null}
      </div>
      <button type="button" className="ral-button" onClick={onRetry}>
        {messages.retry}
      </button>
    </div>
  );
}

export interface EmptyStateProps {
  onClearFilters?: () => void;
  /** A time range narrows the log (so a wider one may help). */
  timeRange?: boolean;
}

/** "No events match", with a way out when filters are what hides the events. */
export function EmptyState({ onClearFilters, timeRange }: EmptyStateProps) {
  const { messages } = useAuditLogsEnvironment();
  return (
    <div className="ral-empty" role="status">
      <p className="ral-empty__title">{messages.empty}</p>
      <p className="ral-empty__hint">{timeRange ? messages.emptyHint : onClearFilters ? messages.emptyHintFilters : messages.emptyHintNone}</p>
      {onClearFilters ? (
        <button type="button" className="ral-button" onClick={onClearFilters}>
          {messages.clearFilters}
        </button>
      ) : null}
    </div>
  );
}

/** How long a part may take to load before "Loading…" shows (a quick load shows nothing, so nothing flashes). */
const PENDING_DELAY_MS = 250;

/** What stands in while a part that loads on first use (a dialog, a menu's content) arrives. */
export function Pending() {
  const { messages } = useAuditLogsEnvironment();
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setShown(true), PENDING_DELAY_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <span role="status" className="ral-note ral-pending">
      {shown ? messages.loading : null}
    </span>
  );
}
