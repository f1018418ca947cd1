import { useCallback, useMemo, useRef, useState } from 'react';
import { BUILT_IN_FIELDS, type FieldDefinition } from '../core/fields.js';
import type { FieldDialogRequest } from '../core/fieldForm.js';
import { DEFAULT_SORT, type AuditQuery } from '../core/query.js';
import { sanitizeQuery } from '../core/queryEdit.js';
import { useAuditLogsEnvironment } from './context.js';
import type { AuditLogsInstance } from './instance.js';
import type { AuditLogsProps } from './props.js';
import { exportColumns, useAuditLogsExport } from './useAuditLogsExport.js';
import { useColumnLayout } from './useColumnLayout.js';
import { useControllableState } from './useControllableState.js';
import { useDataStructure } from './useDataStructure.js';
import { PAGE_SIZE, useEventWindow, type VisibleRange } from './useEventWindow.js';
import { useNewEvents } from './useNewEvents.js';
import { useActivity, useStats } from './useStats.js';
import { useSavedViews } from './useSavedViews.js';
import { viewLinkFromSearchParams } from '../core/queryUrl.js';

/** What one viewer's state is made from: the root's stateful props. */
export type AuditLogsStateOptions = Pick<
  AuditLogsProps,
  | 'tenantId'
  | 'query'
  | 'defaultQuery'
  | 'onQueryChange'
  | 'selectedEventId'
  | 'defaultSelectedEventId'
  | 'onSelectedEventIdChange'
  | 'columnLayout'
  | 'defaultColumnLayout'
  | 'onColumnLayoutChange'
  | 'storageKey'
  | 'dataStructure'
  | 'exportTarget'
  | 'queryIssues'
  | 'newEventsInterval'
  | 'onEventOpen'
  | 'onError'
  | 'theme'
  | 'classNames'
  | 'rowHeight'
  | 'viewId'
  | 'defaultViewId'
  | 'onViewIdChange'
  | 'onViewsChange'
  | 'readViewLink'
>;

/** The view link the page opened with (`?view=…`), read once in the browser. */
function readLink(enabled: boolean) {
  if (!enabled || typeof window === 'undefined') return undefined;
  return viewLinkFromSearchParams(window.location.search);
}

const FIRST_PAGES: VisibleRange = { start: 0, end: PAGE_SIZE - 1 };
/** The toolbar's fields while the data structure loads: the built-in ones (nothing is saved from them). */
const PENDING_FIELDS = BUILT_IN_FIELDS;

/**
 * One viewer's whole state, owned in one place (as React Aria's `useTableState`): the query, the open event,
 * the visible range and the active row, the rows for them, the columns, the field dialogs, the counts and the
 * new-events check. State that belongs to one query is tagged with the query's identity and read back only for
 * that query: a new query starts at the top, its first row active, without an effect copying state.
 */
export function useAuditLogsState(options: AuditLogsStateOptions): AuditLogsInstance {
  const [link] = useState(() => readLink(options.readViewLink !== false));
  // A link's query (with its unsaved changes) is where an uncontrolled viewer starts.
  const [rawQuery, setQuery] = useControllableState<AuditQuery>(options.query, options.defaultQuery ?? link?.query ?? {}, options.onQueryChange);
  const [selectedEventId, setSelectedEventId] = useControllableState<string | null>(
    options.selectedEventId,
    options.defaultSelectedEventId ?? null,
    options.onSelectedEventIdChange,
  );
  const structure = useDataStructure(options.dataStructure);
  const { abilities, messages } = useAuditLogsEnvironment();
  const known = structure.dataStructure?.fields;
  const canAddFields = abilities.manageFields && structure.status === 'success';
  // Parts of the query the data structure cannot run (a stale link, a removed field) are left out, with a notice.
  const { query, issues } = useMemo(
    () => (known ? sanitizeQuery(rawQuery, known) : { query: rawQuery, issues: [] }),
    [rawQuery, known],
  );
  const identity = JSON.stringify(query);
  const fields = known ?? PENDING_FIELDS;
  const [columns, setColumns] = useColumnLayout({
    tenantId: options.tenantId,
    fields,
    value: options.columnLayout,
    defaultValue: options.defaultColumnLayout,
    onChange: options.onColumnLayoutChange,
    storageKey: options.storageKey,
  });

  // The rows in view: whole pages, reported by the table's virtualizer.
  const [range, setRange] = useState<VisibleRange & { identity: string }>({ identity, ...FIRST_PAGES });
  const visibleRange = range.identity === identity ? range : FIRST_PAGES;
  const setVisibleRange = useCallback(
    (start: number, end: number) =>
      setRange((prev) => (prev.identity === identity && prev.start === start && prev.end === end ? prev : { identity, start, end })),
    [identity],
  );
  const stats = useStats(query);
  // A source that answered the first page before counting gives the total with the stats.
  const counted = stats.data && !stats.isPlaceholderData ? stats.data.total : undefined;
  const window = useEventWindow(query, visibleRange, counted);
  const [histogramOpen, setHistogramOpen] = useState(true);
  const views = useSavedViews(
    { viewId: options.viewId, defaultViewId: options.defaultViewId, onViewIdChange: options.onViewIdChange, onViewsChange: options.onViewsChange, storageKey: options.storageKey, link },
    { query: rawQuery, setQuery, fields, fieldsKnown: Boolean(known), columns, setColumns, histogram: histogramOpen, setHistogram: setHistogramOpen },
  );
  // Rows wait for the data structure (their columns come from it) and for the view to start with.
  const rows = known && !views.starting ? window : { ...window, initialLoading: true, rowCount: 0 };

  // The active row: an event id once its row has loaded (so it stays on that event when rows move), else a position.
  const [activeState, setActiveState] = useState<{ identity: string; id?: string; index: number }>({ identity, index: 0 });
  const activeRow =
    activeState.identity !== identity ? 0 : ((activeState.id !== undefined ? rows.indexOf(activeState.id) : undefined) ?? activeState.index);
  // Stable for the memoized rows, which pass their own event id.
  const setActiveRow = useCallback((index: number, id?: string) => setActiveState({ identity, index, id }), [identity]);

  // The Add field dialog, open with these first values (empty, or from a value in an event); the field being removed.
  const [fieldDialog, setFieldDialog] = useState<FieldDialogRequest | null>(null);
  const [removingField, setRemovingField] = useState<FieldDefinition | null>(null);
  // The host's panel for the open event, set by AuditLogs.Details' ref (nothing to sync).
  const [detailsHost, setDetailsHost] = useState<HTMLElement | null>(null);

  const severityStats = useStats({ ...query, severities: undefined });
  const activity = useActivity();

  // New events: only meaningful newest-first, and announced while the first page is in view.
  const sort = query.sort ?? DEFAULT_SORT;
  const newestFirst = sort.field === 'timestamp' && sort.direction === 'desc';
  const first = rows.row(0);
  const since = newestFirst && first.status === 'ready' ? first.event.timestamp : undefined;
  const byTime = known?.find((f) => f.name === 'timestamp')?.filterable !== false;
  const newEvents = useNewEvents(query, since, options.newEventsInterval ?? 30_000, Boolean(known) && byTime);
  // Set when new events are loaded: the table keeps the rows the user was reading where they were.
  const pendingShift = useRef<{ from: number; rows: number } | null>(null);
  const takeShift = useCallback((total: number | undefined) => {
    const shift = pendingShift.current;
    if (!shift || total === undefined || total < shift.from + shift.rows) return 0;
    pendingShift.current = null;
    return shift.rows;
  }, []);
  const loadNewEvents = () => {
    pendingShift.current = { from: rows.total ?? 0, rows: newEvents.count };
    newEvents.load();
  };

  // The export belongs to the instance: its progress shows wherever the export button is, and in useAuditLogs().
  const csvColumns = useMemo(() => exportColumns(fields, columns, messages.zonedColumn), [fields, columns, messages.zonedColumn]);
  const exporter = useAuditLogsExport(query, csvColumns, { target: options.exportTarget });

  return {
    query,
    setQuery,
    queryNotices: [...(options.queryIssues ?? []), ...(link?.issues ?? []), ...issues],
    views,
    histogramOpen,
    setHistogramOpen,
    selectedEventId,
    setSelectedEventId,
    onEventOpen: options.onEventOpen,
    structure,
    fields,
    columns,
    setColumns,
    rows,
    visibleRange,
    setVisibleRange,
    activeRow,
    setActiveRow,
    fieldDialog,
    setFieldDialog: canAddFields ? setFieldDialog : undefined,
    addField: canAddFields ? () => setFieldDialog({ kind: 'new' }) : undefined,
    editField: canAddFields ? (field) => setFieldDialog({ kind: 'edit', field }) : undefined,
    removingField,
    removeField: canAddFields ? setRemovingField : undefined,
    closeRemoveField: () => setRemovingField(null),
    stats: stats.data,
    severityCounts: severityStats.data?.bySeverity,
    activity: activity.data,
    newEvents: { count: visibleRange.start === 0 ? newEvents.count : 0, load: loadNewEvents },
    takeShift,
    exporter,
    csvColumns: csvColumns.length,
    detailsHost,
    setDetailsHost,
    theme: options.theme ?? 'system',
    onError: options.onError,
    classNames: options.classNames ?? {},
    rowHeight: options.rowHeight ?? 36,
  };
}
