import { createContext, useContext, type ErrorInfo } from 'react';
import type { ResolvedColumns } from '../core/columnLayout.js';
import type { AuditEvent } from '../core/event.js';
import type { FieldDialogRequest } from '../core/fieldForm.js';
import type { FieldDefinition } from '../core/fields.js';
import type { AuditActivity, AuditStats, SeverityCount } from '../core/page.js';
import type { AuditQuery } from '../core/query.js';
import type { AuditLogsExport } from './useAuditLogsExport.js';
import type { DataStructureState } from './useDataStructure.js';
import type { EventWindow, VisibleRange } from './useEventWindow.js';
import type { SavedViewsState } from './useSavedViews.js';

/** Class names for the component's parts, added to the stable `ral-` ones. */
export interface AuditLogsClassNames {
  root?: string;
  toolbar?: string;
  table?: string;
  details?: string;
}

/**
 * The state of one viewer that its parts share, built by `useAuditLogsState`. One per `<AuditLogs.Root>`;
 * never module-level.
 */
export interface AuditLogsInstance {
  /** The query in effect (parts a data structure cannot run are left out). */
  query: AuditQuery;
  setQuery: (query: AuditQuery) => void;
  /** Problems with the query (the host's, and what the data structure could not run), said once. */
  queryNotices: readonly string[];
  /** The id of the event whose details are open, or null. */
  selectedEventId: string | null;
  setSelectedEventId: (id: string | null) => void;
  onEventOpen: ((event: AuditEvent) => void) | undefined;
  structure: DataStructureState;
  /** The tenant's fields (the built-in ones while its data structure loads). */
  fields: readonly FieldDefinition[];
  /** The user's columns. */
  columns: ResolvedColumns;
  setColumns: (columns: ResolvedColumns) => void;
  /** The rows of the visible range (none while the data structure loads). */
  rows: EventWindow;
  visibleRange: VisibleRange;
  /** The table's virtualizer reports the rows in view (whole pages). */
  setVisibleRange: (start: number, end: number) => void;
  /** The row Tab reaches and arrows move from. */
  activeRow: number;
  setActiveRow: (index: number, id?: string) => void;
  /** The field dialog while open. The openers are absent where the viewer may not add fields. */
  fieldDialog: FieldDialogRequest | null;
  setFieldDialog: ((request: FieldDialogRequest | null) => void) | undefined;
  addField: (() => void) | undefined;
  editField: ((field: FieldDefinition) => void) | undefined;
  removingField: FieldDefinition | null;
  removeField: ((field: FieldDefinition) => void) | undefined;
  closeRemoveField: () => void;
  /** Counts for the query: total, by severity, the histogram. */
  stats: AuditStats | undefined;
  /** Counts by severity with every severity (for the severity filter's options). */
  severityCounts: readonly SeverityCount[] | undefined;
  activity: AuditActivity | undefined;
  /** Events newer than the newest shown (0 unless the first page is in view), and loading them. */
  newEvents: { count: number; load: () => void };
  /**
   * Rows the loaded new events added at the top, once the total shows them (then 0): the table scrolls by them,
   * so the rows being read stay where they were.
   */
  takeShift: (total: number | undefined) => number;
  /** The export of the query (one at a time): its state, start and cancel. */
  exporter: AuditLogsExport;
  /** Columns a CSV export would have. */
  csvColumns: number;
  /** Where `AuditLogs.Details` shows the open event (null: the table opens it as a dialog). */
  detailsHost: HTMLElement | null;
  setDetailsHost: (element: HTMLElement | null) => void;
  /** Saved views: the list, the open view, what can be done with them. */
  views: SavedViewsState;
  /** The histogram is shown (part of a view). */
  histogramOpen: boolean;
  setHistogramOpen: (open: boolean) => void;
  /** The root's theme, for a part placed outside the root's element. */
  theme: 'light' | 'dark' | 'system';
  onError: ((error: unknown, info: ErrorInfo) => void) | undefined;
  classNames: AuditLogsClassNames;
  rowHeight: number;
}

export const AuditLogsInstanceContext = createContext<AuditLogsInstance | null>(null);

/** The instance the parts of one root share; a clear error outside `<AuditLogs.Root>`. */
export function useAuditLogsInstance(): AuditLogsInstance {
  const instance = useContext(AuditLogsInstanceContext);
  if (!instance) throw new Error('react-audit-logs: this part must be rendered inside <AuditLogs.Root> (or <AuditLogs />).');
  return instance;
}

/**
 * What a host's own controls read and change inside `<AuditLogs.Root>`: the query, the open event, the
 * fields and columns, the counts.
 */
export interface AuditLogsState {
  query: AuditQuery;
  setQuery: (query: AuditQuery) => void;
  selectedEventId: string | null;
  setSelectedEventId: (id: string | null) => void;
  fields: readonly FieldDefinition[];
  columns: ResolvedColumns;
  /** Rows matching the query, once known (`exact: false`: at least this many). */
  total: number | undefined;
  exact: boolean;
  /** Counts for the query by severity, once the server said. */
  bySeverity: readonly SeverityCount[] | undefined;
  /** The first rows are still loading. */
  loading: boolean;
  /** The export of the query: `state`, `start('csv' | 'jsonl')`, `cancel()`. */
  export: AuditLogsExport;
}

/** The viewer's state, for a host's own controls inside `<AuditLogs.Root>`. */
export function useAuditLogs(): AuditLogsState {
  const { query, setQuery, selectedEventId, setSelectedEventId, fields, columns, rows, stats, exporter } = useAuditLogsInstance();
  return {
    query,
    setQuery,
    selectedEventId,
    setSelectedEventId,
    fields,
    columns,
    total: rows.total,
    exact: rows.exact,
    bySeverity: stats?.bySeverity,
    loading: rows.initialLoading,
    export: exporter,
  };
}
