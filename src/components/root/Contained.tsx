import { useContext, type ReactNode } from 'react';
import { useAuditLogsEnvironment } from '../../hooks/context.js';
import { AuditLogsInstanceContext, type AuditLogsInstance } from '../../hooks/instance.js';
import { PartBoundary } from '../shared/PartBoundary.js';
import { ErrorBanner } from '../shared/StatusViews.js';

/**
 * A part that fails in its own place: an alert in the viewer's words with Retry; the host hears of it (through
 * `onError`, else the root's).
 */
export function Contained({ children, onError }: { children: ReactNode; onError?: AuditLogsInstance['onError'] }) {
  const { messages } = useAuditLogsEnvironment();
  const instance = useContext(AuditLogsInstanceContext);
  return (
    <PartBoundary onError={onError ?? instance?.onError} fallback={(error, retry) => <ErrorBanner error={error} title={messages.partFailed} onRetry={retry} />}>
      {children}
    </PartBoundary>
  );
}
