import type { QueryClient } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState, type CSSProperties } from 'react';
import type { AuditLogsAdapter } from '../api/adapter.js';
import type { AuditEvent } from '../core/event.js';
import { createFormatter } from '../core/format.js';
import { resolveMessages, type AuditLogsMessages } from '../core/messages.js';
import { DEFAULT_SORT, type AuditQuery } from '../core/query.js';
import {
  AuditLogsContext,
  useAuditLogsEnvironment,
  type AuditLogsEnvironment,
  type AuditLogsPermissions,
} from '../hooks/context.js';
import { useControllableQuery } from '../hooks/useControllableQuery.js';
import { useDataStructure } from '../hooks/useDataStructure.js';
import { useEventWindow, type VisibleRange } from '../hooks/useEventWindow.js';
import { useResolvedQueryClient } from '../hooks/useResolvedQueryClient.js';
import { useNewEvents } from '../hooks/useNewEvents.js';
import { useStats } from '../hooks/useStats.js';
import { auditLogsKeys } from '../hooks/queryKeys.js';
import { clearFilters, hasFilters, sanitizeQuery, withFilter } from '../core/queryEdit.js';
import { EventDetails } from './EventDetails.js';
import { EventTable, type EventTableHandle } from './EventTable.js';
import { EmptyState, ErrorBanner } from './StatusViews.js';
import { ActivitySummary } from './ActivitySummary.js';
import { Toolbar } from './Toolbar.js';

/** Class names for the component's parts, added to the stable `ral-` ones. */
export interface AuditLogsClassNames {
  root?: string;
  toolbar?: string;
  table?: string;
  details?: string;
}

export interface AuditLogsProps {
  /** The backend: `createMockAdapter()`, `createHttpAdapter()`, or your own `AuditLogsAdapter`. */
  adapter: AuditLogsAdapter;
  /** The tenant whose log is shown; part of every request and cache key. */
  tenantId: string;
  /** What the viewer may do. @default { manageFields: false, export: true, delete: false } */
  permissions?: AuditLogsPermissions;
  /** The query, controlled. Pair with `onQueryChange`. */
  query?: AuditQuery;
  /** The query to start with, uncontrolled. @default {} */
  defaultQuery?: AuditQuery;
  /** Called with every new query (sort, filters, search, time range). */
  onQueryChange?: (query: AuditQuery) => void;
  /** BCP 47 locale for dates and numbers. @default 'en-US' */
  locale?: string;
  /** IANA time zone dates are shown in. @default 'UTC' */
  timeZone?: string;
  /** Replacements for any of the default English strings. */
  messages?: Partial<AuditLogsMessages>;
  /** Colour theme; `system` follows the OS setting. @default 'system' */
  theme?: 'light' | 'dark' | 'system';
  /** A TanStack QueryClient to use. @default the host's provider's, else a private one */
  queryClient?: QueryClient;
  /**
   * The region's accessible name. Give each viewer its own when a page has several.
   * @default messages.region ('Audit logs')
   */
  label?: string;
  /** Extra class on the root. */
  className?: string;
  /** Extra classes on parts. */
  classNames?: AuditLogsClassNames;
  /** Height of the component (CSS length or px). @default fills its parent */
  height?: number | string;
  /** Row height in px. @default 36 */
  rowHeight?: number;
  /** Called when a user opens an event's details. */
  onEventOpen?: (event: AuditEvent) => void;
  /** Problems with the query the host read (say, from a link), shown as a notice. */
  queryIssues?: readonly string[];
  /** How often to ask for events newer than the newest shown, in ms; 0 turns it off. @default 30000 */
  newEventsInterval?: number;
}

const cx = (...names: (string | undefined)[]): string => names.filter(Boolean).join(' ');

const DEFAULT_PERMISSIONS: Required<AuditLogsPermissions> = { manageFields: false, export: true, delete: false };

/** The "Audit logs" section: a virtualized, sortable log of a tenant's events with a details dialog. */
export function AuditLogs(props: AuditLogsProps) {
  const queryClient = useResolvedQueryClient(props.queryClient);
  const scope = useId();
  const { locale, timeZone, messages: messageOverrides, permissions } = props;
  const formatter = useMemo(() => createFormatter({ locale, timeZone }), [locale, timeZone]);
  const messages = useMemo(() => resolveMessages(messageOverrides), [messageOverrides]);
  const env = useMemo<AuditLogsEnvironment>(
    () => ({
      adapter: props.adapter,
      tenantId: props.tenantId,
      queryClient,
      scope,
      messages,
      formatter,
      permissions: { ...DEFAULT_PERMISSIONS, ...permissions },
    }),
    [props.adapter, props.tenantId, queryClient, scope, messages, formatter, permissions],
  );
  const style: CSSProperties | undefined =
    props.height === undefined ? undefined : { height: props.height };
  return (
    <section
      aria-label={props.label ?? messages.region}
      className={cx('ral-root', props.className, props.classNames?.root)}
      data-theme={props.theme ?? 'system'}
      style={style}
    >
      <AuditLogsContext.Provider value={env}>
        {/* A new tenant is a new view: nothing of the previous tenant's state or rows survives. */}
        <AuditLogsView key={props.tenantId} {...props} />
      </AuditLogsContext.Provider>
    </section>
  );
}

function AuditLogsView(props: AuditLogsProps) {
  const [rawQuery, setQuery] = useControllableQuery(props.query, props.defaultQuery, props.onQueryChange);
  const { dataStructure, isLoading: structureLoading } = useDataStructure();
  const { formatter, messages, queryClient, scope, tenantId } = useAuditLogsEnvironment();
  // Parts of the query the data structure cannot run (a stale link, a removed field) are left out, with a notice.
  const { query, issues } = useMemo(
    () => (structureLoading ? { query: rawQuery, issues: [] } : sanitizeQuery(rawQuery, dataStructure.fields)),
    [rawQuery, dataStructure, structureLoading],
  );
  const notices = [...(props.queryIssues ?? []), ...issues];
  const identity = JSON.stringify(query);
  const [range, setRange] = useState<VisibleRange & { identity: string }>({ identity, start: 0, end: 99 });
  const visible = range.identity === identity ? range : { start: 0, end: 99 };
  const rows = useEventWindow(query, visible);
  const stats = useStats(query);
  const severityStats = useStats({ ...query, severities: undefined });
  const tableRef = useRef<EventTableHandle>(null);
  const [openIndex, setOpenIndex] = useState<number | null>(null);
  const sort = query.sort ?? DEFAULT_SORT;
  const rowHeight = props.rowHeight ?? 36;
  const { onEventOpen } = props;

  // New events: only meaningful newest-first, and announced while the first page is in view.
  const newestFirst = sort.field === 'timestamp' && sort.direction === 'desc';
  const first = rows.row(0);
  const since = newestFirst && first.status === 'ready' ? first.event.timestamp : undefined;
  const newCount = useNewEvents(query, since, props.newEventsInterval ?? 30_000);
  const pendingShift = useRef<{ from: number; rows: number } | null>(null);
  useEffect(() => {
    const shift = pendingShift.current;
    if (shift && rows.total !== undefined && rows.total >= shift.from + shift.rows) {
      // The new events are in: keep the rows the user was reading where they were.
      pendingShift.current = null;
      tableRef.current?.scrollByRows(shift.rows);
    }
  }, [rows.total]);
  const loadNewEvents = () => {
    pendingShift.current = { from: rows.total ?? 0, rows: newCount };
    void queryClient.invalidateQueries({ queryKey: auditLogsKeys.events(scope, tenantId, query) });
  };

  const open = (index: number) => {
    setOpenIndex(index);
    const state = rows.row(index);
    if (state.status === 'ready') onEventOpen?.(state.event);
  };
  const close = () => {
    const index = openIndex;
    setOpenIndex(null);
    if (index !== null) tableRef.current?.focusRow(index);
  };
  const empty = !rows.initialLoading && rows.rowCount === 0 && !rows.error;

  return (
    <>
      <Toolbar
        query={query}
        onQueryChange={setQuery}
        fields={dataStructure.fields}
        severityCounts={severityStats.data?.bySeverity}
        className={props.classNames?.toolbar}
      />
      <div className="ral-status" role="status" aria-live="polite">
        <span className="ral-count">{rows.initialLoading ? messages.loading : messages.resultCount(rows.total, rows.exact)}</span>
        {rows.skipped > 0 ? <span className="ral-note">{messages.skipped(rows.skipped)}</span> : null}
        {formatter.warnings.map((w) => (
          <span key={w} className="ral-note">
            {w}
          </span>
        ))}
        {notices.length ? <span className="ral-note">{messages.linkNotice(notices)}</span> : null}
      </div>
      <ActivitySummary stats={stats.data} query={query} onQueryChange={setQuery} />
      {newCount > 0 && visible.start === 0 ? (
        <button type="button" className="ral-new-events" onClick={loadNewEvents}>
          {messages.newEvents(newCount)}
        </button>
      ) : null}
      {rows.error ? <ErrorBanner error={rows.error} onRetry={rows.retry} /> : null}
      {empty ? (
        <EmptyState onClearFilters={hasFilters(query) ? () => setQuery(clearFilters(query)) : undefined} />
      ) : (
        <EventTable
          ref={tableRef}
          rows={rows}
          fields={dataStructure.fields}
          sort={sort}
          onSortChange={(next) => setQuery({ ...query, sort: next })}
          onRangeChange={(next) => setRange({ identity, ...next })}
          onOpen={open}
          resetKey={identity}
          rowHeight={rowHeight}
          className={props.classNames?.table}
        />
      )}
      {openIndex !== null ? (
        <EventDetails
          index={openIndex}
          rows={rows}
          fields={dataStructure.fields}
          className={props.classNames?.details}
          onNavigate={(index) => {
            tableRef.current?.scrollToRow(index);
            open(index);
          }}
          onPivot={(filter) => {
            setOpenIndex(null);
            setQuery(withFilter(query, filter));
            tableRef.current?.focusRow(0);
          }}
          onClose={close}
        />
      ) : null}
    </>
  );
}
