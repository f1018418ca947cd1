/**
 * The parts of a viewer, for hosts that lay it out themselves inside `<AuditLogs.Root>`: each reads the root's
 * instance, so it can stand anywhere under it (the host's header, a side panel, its own tabs).
 */
import { useContext, type ReactNode } from 'react';
import { useAuditLogsEnvironment } from '../hooks/context.js';
import { AuditLogsInstanceContext, useAuditLogsInstance, type AuditLogsInstance } from '../hooks/instance.js';
import { EventLog, type EventLogProps } from './EventLog.js';
import { ExportControls } from './ExportControls.js';
import { PartBoundary } from './PartBoundary.js';
import { SearchBox } from './SearchBox.js';
import { ErrorBanner } from './StatusViews.js';
import { Toolbar, type ToolbarProps } from './Toolbar.js';

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

/** The `searchbox` "Search", where the backend can search. */
export function AuditLogsSearch() {
  const { adapter } = useAuditLogsEnvironment();
  const { query, setQuery } = useAuditLogsInstance();
  if (!adapter.capabilities.search) return null;
  return (
    <Contained>
      <SearchBox value={query.search ?? ''} onSearch={(search) => setQuery({ ...query, search: search || undefined })} />
    </Contained>
  );
}

/** The `button` "Export CSV" (and "Export JSON Lines"), with its progress and "Cancel export", where allowed. */
export function AuditLogsExportButton({ compact = false }: { /** Both formats behind one "Export" button. */ compact?: boolean }) {
  const { abilities } = useAuditLogsEnvironment();
  const { query, fields, columns, exportTarget } = useAuditLogsInstance();
  if (!abilities.export) return null;
  return (
    <Contained>
      <ExportControls query={query} fields={fields} columns={columns} target={exportTarget} compact={compact} />
    </Contained>
  );
}

/** The whole toolbar: search, severity, time range, filters, columns, export, add field, filter chips. */
export function AuditLogsToolbar() {
  const { toolbar } = useAuditLogsInstance();
  return (
    <Contained>
      <Toolbar {...(toolbar as ToolbarProps)} />
    </Contained>
  );
}

/** The `table` "Audit logs": the status line, the activity summary, the rows, and the event details. */
export function AuditLogsTable() {
  const { table } = useAuditLogsInstance();
  return (
    <Contained>
      <EventLog {...(table as EventLogProps)} />
    </Contained>
  );
}

/**
 * The open event's details, in place, wherever you put this (a side panel): the table fills it instead of
 * opening a dialog. Empty while no event is open. It carries the viewer's theme and styles.
 */
export function AuditLogsDetails({ className }: { /** Extra class on the panel. */ className?: string }) {
  const { setDetailsHost, theme } = useAuditLogsInstance();
  return <div ref={setDetailsHost} className={className ? `ral-root ral-details-host ${className}` : 'ral-root ral-details-host'} data-theme={theme} />;
}
