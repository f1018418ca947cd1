import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { resolveColumns, toColumnLayout, type ResolvedColumns } from '../core/columnLayout.js';
import type { FieldDefinition } from '../core/fields.js';
import type { AuditQuery } from '../core/query.js';
import {
  defaultView,
  missingColumns,
  queryKey,
  readViewState,
  VIEW_SCHEMA_VERSION,
  viewStateOf,
  type SavedView,
  type SavedViewChanges,
  type SavedViewInput,
  type ViewState,
} from '../core/views.js';
import { useAuditLogsEnvironment, useQueryScope } from './context.js';
import type { AuditLogsProps } from './props.js';
import { useControllableState } from './useControllableState.js';
import { viewOps } from './viewStore.js';

/** A layout effect in the browser, nothing on a server (where there is nothing to apply). */
const useBrowserLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect;

/** The viewer's state a view is made of, and how to set it (all in one render: one request, no flash). */
export interface ViewTarget {
  /** The query as set (before a data structure left parts out). */
  query: AuditQuery;
  setQuery: (query: AuditQuery) => void;
  fields: readonly FieldDefinition[];
  /** The data structure has loaded (a view applies only then: its columns are resolved against it). */
  fieldsKnown: boolean;
  columns: ResolvedColumns;
  setColumns: (columns: ResolvedColumns) => void;
  histogram: boolean;
  setHistogram: (open: boolean) => void;
}

/** A link made by "Copy link": the view's id and the query (with any unsaved changes). */
export interface ViewLink {
  viewId: string | null;
  query: AuditQuery;
}

export type SavedViewsOptions = Pick<AuditLogsProps, 'viewId' | 'defaultViewId' | 'onViewIdChange' | 'onViewsChange' | 'storageKey'> & {
  /** The link the page opened with, if any (it wins over defaults). */
  link?: ViewLink;
};

/** Which dialog of the views is open. */
export type ViewsDialog = { kind: 'save' | 'saveAs' } | { kind: 'manage' } | null;

/** The instance's saved views: the list, the open view and whether it changed, and what can be done. */
export interface SavedViewsState {
  status: 'pending' | 'error' | 'success';
  list: readonly SavedView[];
  /** Where they live: `browser` is this browser only (no tenant views). */
  home: 'adapter' | 'host' | 'browser';
  /** The open view (null: the built-in one). */
  current: SavedView | null;
  /** The viewer's state differs from the open view's. */
  modified: boolean;
  /** What opening the view could not do (a deleted view, columns gone, a newer format). */
  notices: readonly string[];
  /** Rows wait while the view to start with is decided. */
  starting: boolean;
  /** Views may be shared with the tenant (and its default set): the host allows it and the store keeps them. */
  canShare: boolean;
  /** The user may rename, share or delete this view. */
  canChange: (view: SavedView) => boolean;
  open: (view: SavedView | null) => void;
  /** The view's state now, for saving. */
  stateNow: () => ViewState;
  create: (input: SavedViewInput) => Promise<SavedView>;
  update: (view: SavedView, changes: SavedViewChanges) => Promise<SavedView>;
  remove: (view: SavedView) => Promise<void>;
  /** Put the open view's saved state back. */
  revert: () => void;
  dialog: ViewsDialog;
  setDialog: (dialog: ViewsDialog) => void;
  /** The last thing said about views (a polite live region reads it). */
  announcement: string;
  announce: (text: string) => void;
}

export function useSavedViews(options: SavedViewsOptions, target: ViewTarget): SavedViewsState {
  const { queryClient, ...scope } = useQueryScope();
  const { viewsHome, userId, permissions, messages } = useAuditLogsEnvironment();
  const { storageKey } = options;
  const ops = useMemo(() => viewOps(scope.adapter, viewsHome, storageKey), [scope.adapter, viewsHome, storageKey]);
  const key = useMemo(
    () => ['react-audit-logs', scope.scope, scope.adapterKey, scope.tenantId, 'views', viewsHome.where, userId ?? ''] as const,
    [scope.scope, scope.adapterKey, scope.tenantId, viewsHome.where, userId],
  );
  const list = useQuery(
    { queryKey: key, queryFn: ({ signal }) => ops.list({ tenantId: scope.tenantId, userId }, signal), staleTime: 60_000, retry: false },
    queryClient,
  );
  const client = useQueryClient(queryClient);
  const views = useMemo(() => list.data ?? [], [list.data]);
  const { link } = options;
  const [viewId, setViewId] = useControllableState<string | null | undefined>(
    options.viewId,
    options.defaultViewId ?? (link ? link.viewId : undefined),
    options.onViewIdChange as ((id: string | null | undefined) => void) | undefined,
  );
  const [notices, setNotices] = useState<string[]>([]);
  const [dialog, setDialog] = useState<ViewsDialog>(null);
  const [announcement, setAnnouncement] = useState('');
  // Known once the list answered (a server without views leaves them to this browser).
  const where = list.isSuccess ? ops.where() : viewsHome.where;
  const canShare = permissions.manageViews && where !== 'browser';
  const current = (viewId && views.find((v) => v.id === viewId)) || null;

  // The view last applied (its id and version): a controlled id that moves, or a new version, applies again.
  const applied = useRef<{ id: string | null; version?: string } | undefined>(undefined);
  // What apply and stateNow read: the latest committed state (set before the start effect below runs).
  const targetRef = useRef(target);
  useBrowserLayoutEffect(() => {
    targetRef.current = target;
  });

  const apply = useCallback(
    (view: SavedView | null, parts: { query: boolean; reset?: boolean } = { query: true }) => {
      const t = targetRef.current;
      applied.current = { id: view?.id ?? null, version: view?.version };
      if (!view) {
        setNotices([]);
        // Chosen from the menu: the built-in view is the whole log with the default columns.
        if (parts.reset) {
          t.setQuery({});
          t.setColumns(resolveColumns(t.fields, undefined));
          t.setHistogram(true);
        }
        return;
      }
      const state = readViewState(view.state);
      const missing = missingColumns(view.state, t.fields);
      setNotices([
        ...(missing.length ? [messages.viewColumnsMissing(missing)] : []),
        ...(view.schemaVersion > VIEW_SCHEMA_VERSION ? [messages.viewNewerVersion] : []),
      ]);
      if (parts.query) t.setQuery(state.query);
      t.setColumns(resolveColumns(t.fields, state.columns));
      t.setHistogram(state.histogram);
    },
    [messages],
  );

  // The view to start with, once the views and the data structure are known: a link's, the host's, the user's
  // default, the tenant's, else the built-in one. Applied before the first rows are painted.
  const settled = list.isSuccess || list.isError;
  const [started, setStarted] = useState(false);
  useBrowserLayoutEffect(() => {
    if (!settled || !target.fieldsKnown) return;
    if (applied.current === undefined) {
      setStarted(true);
      if (link) {
        const found = link.viewId ? views.find((v) => v.id === link.viewId) : undefined;
        apply(found ?? null, { query: false });
        if (link.viewId && !found) {
          setNotices([messages.viewGone]);
          setViewId(null);
          applied.current = { id: null };
        }
        return;
      }
      const chosen = viewId !== undefined ? views.find((v) => v.id === viewId) : defaultView(views);
      apply(chosen ?? null);
      if (viewId === undefined && chosen) setViewId(chosen.id);
      return;
    }
    // The host moved a controlled view id: open that view (an id that names none opens the built-in view).
    if (viewId !== undefined && viewId !== applied.current.id) {
      const found = viewId ? views.find((v) => v.id === viewId) : undefined;
      apply(found ?? null, { query: true, reset: true });
      applied.current = { id: viewId, version: found?.version };
    }
  });

  const refresh = (change?: { type: 'created' | 'updated' | 'deleted'; view: SavedView }) => {
    if (change) options.onViewsChange?.({ ...change, userId });
    return client.invalidateQueries({ queryKey: key });
  };
  const stateNow = () => {
    const t = targetRef.current;
    return viewStateOf(t.query, toColumnLayout(t.fields, t.columns), t.histogram);
  };
  const modified = useMemo(() => {
    if (!current) return false;
    const saved = readViewState(current.state);
    return (
      queryKey(saved.query) !== queryKey(target.query) ||
      JSON.stringify(resolveColumns(target.fields, saved.columns)) !== JSON.stringify(target.columns) ||
      saved.histogram !== target.histogram
    );
  }, [current, target.query, target.fields, target.columns, target.histogram]);

  return {
    status: list.isError ? 'error' : list.isSuccess ? 'success' : 'pending',
    list: views,
    home: where,
    current,
    modified,
    notices,
    starting: !started,
    canShare,
    canChange: (view) => view.scope === 'personal' || canShare,
    open: (view) => {
      apply(view, { query: true, reset: true });
      setViewId(view?.id ?? null);
    },
    stateNow,
    create: async (input) => {
      const view = await ops.create({ tenantId: scope.tenantId, userId, view: input });
      applied.current = { id: view.id, version: view.version };
      setViewId(view.id);
      setNotices([]);
      client.setQueryData<SavedView[]>(key, (old) => [...(old ?? []).filter((v) => v.id !== view.id), view]);
      await refresh({ type: 'created', view });
      return view;
    },
    update: async (view, changes) => {
      const saved = await ops.update({ tenantId: scope.tenantId, userId, id: view.id, version: view.version, changes }).catch((error: unknown) => {
        // Someone else's version is fetched (Revert then shows theirs); the user's changes stay on screen.
        if ((error as { kind?: string } | null)?.kind === 'conflict') void client.invalidateQueries({ queryKey: key });
        throw error;
      });
      if (applied.current?.id === saved.id) applied.current = { id: saved.id, version: saved.version };
      client.setQueryData<SavedView[]>(key, (old) => (old ?? []).map((v) => (v.id === saved.id ? saved : v)));
      await refresh({ type: 'updated', view: saved });
      return saved;
    },
    remove: async (view) => {
      await ops.remove({ tenantId: scope.tenantId, userId, id: view.id });
      client.setQueryData<SavedView[]>(key, (old) => (old ?? []).filter((v) => v.id !== view.id));
      if (viewId === view.id) {
        applied.current = { id: null };
        setViewId(null);
      }
      await refresh({ type: 'deleted', view });
    },
    revert: () => apply(current),
    dialog,
    setDialog,
    announcement,
    announce: setAnnouncement,
  };
}
