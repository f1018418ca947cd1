import { forwardRef, Suspense, useEffect, useId, useMemo, useState, type ComponentPropsWithoutRef, type CSSProperties, type ForwardRefExoticComponent, type ReactElement, type ReactNode, type RefAttributes } from 'react';
import type { AuditLogsAdapter } from '../../api/adapter.js';
import { isAuditApiError } from '../../api/errors.js';
import { createFormatter } from '../../core/format.js';
import { resolveMessages } from '../../core/messages.js';
import { hasFilters } from '../../core/queryEdit.js';
import { DEFAULT_PERMISSIONS, resolveAbilities } from '../../core/abilities.js';
import {
  AuditLogsContext,
  useAuditLogsEnvironment,
  type AuditLogsEnvironment,
} from '../../hooks/context.js';
import { useResolvedQueryClient } from '../../hooks/useResolvedQueryClient.js';
import { browserFieldStore } from '../../hooks/fieldStore.js';
import { browserViewStore, type ViewsHome } from '../../hooks/viewStore.js';
import type { FieldHome } from '../../hooks/queries.js';
import { HighlightContext } from '../../hooks/highlight.js';
import { AuditLogsInstanceContext, type AuditLogsClassNames } from '../../hooks/instance.js';
import { useAuditLogsState } from '../../hooks/useAuditLogsState.js';
import type { AuditLogsProps } from '../../hooks/props.js';
import { ErrorBanner, Pending } from '../shared/StatusViews.js';
import { Contained } from './Contained.js';
import { FieldDialog, RemoveFieldDialog } from './lazyParts.js';
import {
  AuditLogsAddFieldButton,
  AuditLogsAddFilter,
  AuditLogsColumnsMenu,
  AuditLogsExportButton,
  AuditLogsFilterChips,
  AuditLogsSearch,
  AuditLogsSeverityFilter,
  AuditLogsTimeRange,
  AuditLogsViewBar,
  AuditLogsViews,
} from './controls.js';
import { ViewDialogs } from '../views/lazyViews.js';
import { AuditLogsActivitySummary, AuditLogsDetails, AuditLogsHistogram, AuditLogsNewEvents, AuditLogsStatus, AuditLogsTable } from './panels.js';
import { AuditLogsToolbar } from './Toolbar.js';


export type { AuditLogsClassNames, AuditLogsProps };


const cx = (...names: (string | undefined)[]): string => names.filter(Boolean).join(' ');

/**
 * `<AuditLogs />`'s props with the DOM props of its root `<section>` (`id`, `data-*`, `aria-*`, `style`, event
 * handlers, …), which pass through. Its `ref` is that section.
 *
 * Each stateful prop comes as a trio (`query` / `defaultQuery` / `onQueryChange`, …). A controlled value
 * without its handler is a read-only view: the viewer shows that value, and what a user does to change it is
 * not applied (the handler is where a change would go).
 */
export type AuditLogsRootProps = AuditLogsProps &
  Omit<ComponentPropsWithoutRef<'section'>, keyof AuditLogsProps | 'children'> & {
    /**
     * Your own layout of the parts (`AuditLogs.Search`, `AuditLogs.ExportButton`, `AuditLogs.Table`, …, and
     * your elements between them). @default the toolbar, then the table
     */
    children?: ReactNode;
  };

/** The "Audit logs" section: a virtualized, sortable log of a tenant's events with a details dialog. */
const AuditLogsRoot: AuditLogsRootComponent = forwardRef<HTMLElement, AuditLogsRootProps>(function AuditLogs(allProps, ref) {
  const {
    adapter: _adapter, tenantId: _tenantId, permissions: _permissions, query: _query, defaultQuery: _defaultQuery,
    onQueryChange: _onQueryChange, locale: _locale, timeZone: _timeZone, messages: _messages, theme: _theme,
    queryClient: _queryClient, label: _label, className: _className, classNames: _classNames, height: _height,
    rowHeight: _rowHeight, onEventOpen: _onEventOpen, selectedEventId: _selectedEventId,
    defaultSelectedEventId: _defaultSelectedEventId, onSelectedEventIdChange: _onSelectedEventIdChange,
    columnLayout: _columnLayout, defaultColumnLayout: _defaultColumnLayout, onColumnLayoutChange: _onColumnLayoutChange,
    storageKey: _storageKey, exportTarget: _exportTarget, dataStructure: _dataStructure,
    dataStructureStore: _dataStructureStore, queryIssues: _queryIssues, newEventsInterval: _newEventsInterval,
    onError: _onError, userId: _userId, viewId: _viewId, defaultViewId: _defaultViewId, onViewIdChange: _onViewIdChange,
    onViewsChange: _onViewsChange, viewStore: _viewStore, readViewLink: _readViewLink, children,
    ...dom
  } = allProps;
  const props: AuditLogsProps = allProps;
  const queryClient = useResolvedQueryClient(props.queryClient);
  const scope = useId();
  const adapterKey = useAdapterKey(props.adapter);
  const { locale, timeZone, messages: messageOverrides, permissions, adapter, tenantId, dataStructureStore, storageKey, viewStore, userId } = props;
  const fieldHome = useMemo<FieldHome>(
    () =>
      adapter.capabilities.editDataStructure && adapter.saveDataStructure
        ? { where: 'adapter', store: browserFieldStore(storageKey) }
        : dataStructureStore
          ? { where: 'host', store: dataStructureStore }
          : { where: 'browser', store: browserFieldStore(storageKey) },
    [adapter, dataStructureStore, storageKey],
  );
  const viewsHome = useMemo<ViewsHome>(
    () =>
      adapter.capabilities.views && adapter.listViews
        ? { where: 'adapter' }
        : viewStore
          ? { where: 'host', store: viewStore }
          : { where: 'browser', store: browserViewStore(storageKey) },
    [adapter, viewStore, storageKey],
  );
  // Counts in the strings follow the locale; the host's replacements win.
  const messages = useMemo(() => resolveMessages(messageOverrides, locale), [messageOverrides, locale]);
  const formatter = useMemo(() => createFormatter({ locale, timeZone }, messages), [locale, timeZone, messages]);
  const env = useMemo<AuditLogsEnvironment>(
    () => ({
      adapter,
      adapterKey,
      tenantId,
      queryClient,
      scope,
      messages,
      formatter,
      permissions: { ...DEFAULT_PERMISSIONS, ...permissions },
      // Custom fields always have somewhere to go: the adapter, the host's store, or this browser.
      abilities: resolveAbilities(adapter.capabilities, permissions, { canStoreFields: true }),
      fieldHome,
      viewsHome,
      userId,
    }),
    [adapter, adapterKey, tenantId, queryClient, scope, messages, formatter, permissions, fieldHome, viewsHome, userId],
  );
  const style: CSSProperties | undefined = props.height === undefined ? dom.style : { ...dom.style, height: props.height };
  const [state, setState] = useState<RootState>(NO_STATE);
  return (
    <section
      data-loading={state.loading || undefined}
      data-filtered={state.filtered || undefined}
      data-event-open={state.eventOpen || undefined}
      data-exporting={state.exporting || undefined}
      {...dom}
      ref={ref}
      aria-label={dom['aria-label'] ?? props.label ?? messages.region}
      className={cx('ral-root', props.className, props.classNames?.root)}
      data-theme={props.theme ?? 'system'}
      style={style}
    >
      <AuditLogsContext.Provider value={env}>
        {/* A new tenant or backend is a new view: nothing of the previous one's state or rows survives. */}
        <Contained onError={props.onError}>
          <AuditLogsView key={`${adapterKey}:${tenantId}`} {...props} onState={setState}>
            {children}
          </AuditLogsView>
        </Contained>
      </AuditLogsContext.Provider>
    </section>
  );
});

/**
 * The "Audit logs" section: `<AuditLogs />` is the preset (the toolbar, then the table); `<AuditLogs.Root>` with
 * children is your own layout of its parts, each usable anywhere inside it:
 * `AuditLogs.Search`, `AuditLogs.ExportButton`, `AuditLogs.Toolbar`, `AuditLogs.Table`, `AuditLogs.Details`.
 */
export const AuditLogs: AuditLogsRootComponent & AuditLogsParts = Object.assign(AuditLogsRoot, {
  Root: AuditLogsRoot,
  Search: AuditLogsSearch,
  ExportButton: AuditLogsExportButton,
  Table: AuditLogsTable,
  Details: AuditLogsDetails,
  Toolbar: AuditLogsToolbar,
  SeverityFilter: AuditLogsSeverityFilter,
  TimeRange: AuditLogsTimeRange,
  AddFilter: AuditLogsAddFilter,
  FilterChips: AuditLogsFilterChips,
  ColumnsMenu: AuditLogsColumnsMenu,
  AddFieldButton: AuditLogsAddFieldButton,
  Status: AuditLogsStatus,
  ActivitySummary: AuditLogsActivitySummary,
  Histogram: AuditLogsHistogram,
  NewEvents: AuditLogsNewEvents,
  Views: AuditLogsViews,
  ViewBar: AuditLogsViewBar,
});

/** A part: a component of no props that renders its piece of the viewer (nothing where it does not apply). */
export type AuditLogsPart = () => ReactElement | null;

/** `<AuditLogs />` and `<AuditLogs.Root>`: its props, and a `ref` to its `<section>`. */
export type AuditLogsRootComponent = ForwardRefExoticComponent<AuditLogsRootProps & RefAttributes<HTMLElement>>;

/** The parts of a viewer, as members of `AuditLogs` (see README's "Parts" for what each is). */
export interface AuditLogsParts {
  Root: AuditLogsRootComponent;
  Search: AuditLogsPart;
  ExportButton: (props: { /** Both formats behind one "Export" button. */ compact?: boolean }) => ReactElement | null;
  Table: AuditLogsPart;
  Details: (props: { /** Extra class on the panel. */ className?: string }) => ReactElement;
  Toolbar: AuditLogsPart;
  SeverityFilter: AuditLogsPart;
  TimeRange: AuditLogsPart;
  AddFilter: AuditLogsPart;
  FilterChips: AuditLogsPart;
  ColumnsMenu: AuditLogsPart;
  AddFieldButton: AuditLogsPart;
  Status: AuditLogsPart;
  ActivitySummary: AuditLogsPart;
  Histogram: AuditLogsPart;
  NewEvents: AuditLogsPart;
  Views: AuditLogsPart;
  ViewBar: AuditLogsPart;
}

/**
 * A name for the adapter object this instance is given, new whenever the object is, so a new adapter
 * (same tenant) never meets the previous one's cached rows. Per instance: no module-level registry.
 */
function useAdapterKey(adapter: AuditLogsAdapter): string {
  const [seen, setSeen] = useState({ adapter, generation: 0 });
  if (seen.adapter !== adapter) setSeen({ adapter, generation: seen.generation + 1 });
  return `a${seen.adapter === adapter ? seen.generation : seen.generation + 1}`;
}

/** What the root's element says of the viewer's state, as `data-*` attributes (none before hydration). */
interface RootState {
  loading: boolean;
  filtered: boolean;
  eventOpen: boolean;
  exporting: boolean;
}
const NO_STATE: RootState = { loading: false, filtered: false, eventOpen: false, exporting: false };

function AuditLogsView({ children, onState, ...props }: AuditLogsProps & { children?: ReactNode; onState: (state: RootState) => void }) {
  const instance = useAuditLogsState(props);
  const { messages } = useAuditLogsEnvironment();
  const { structure, query, fieldDialog, setFieldDialog, removingField, rows } = instance;
  const loading = rows.initialLoading;
  const filtered = hasFilters(query);
  const eventOpen = instance.selectedEventId !== null;
  const exporting = instance.exporter.state.status === 'running';
  useEffect(() => onState({ loading, filtered, eventOpen, exporting }), [onState, loading, filtered, eventOpen, exporting]);

  if (structure.status === 'error') {
    // An expired session says so (sign in again), whichever request met it first.
    const auth = isAuditApiError(structure.error) && structure.error.kind === 'auth';
    return <ErrorBanner error={structure.error} title={auth ? undefined : messages.structureFailed} onRetry={structure.retry} />;
  }
  const dataStructure = structure.dataStructure;
  return (
    <AuditLogsInstanceContext.Provider value={instance}>
      <HighlightContext.Provider value={query.search?.trim() ?? ''}>
        {/* Each part fails in its own place: the toolbar (and its Columns menu, where a field that cannot be
            shown is removed) stays when the table fails. */}
        {children ?? (
          <>
            <AuditLogsToolbar />
            <AuditLogsStatus />
            <AuditLogsActivitySummary />
            <AuditLogsNewEvents />
            <AuditLogsTable />
          </>
        )}
        {/* A boundary only while a part that loads on first use is shown: an empty one would still have to hydrate. */}
        {fieldDialog && dataStructure && setFieldDialog ? (
          <Suspense fallback={<Pending />}>
            <FieldDialog structure={dataStructure} request={fieldDialog} sample={rows.loaded} onClose={() => setFieldDialog(null)} />
          </Suspense>
        ) : null}
        {instance.views.dialog ? (
          <Suspense fallback={<Pending />}>
            <ViewDialogs />
          </Suspense>
        ) : null}
        {removingField && dataStructure ? (
          <Suspense fallback={<Pending />}>
            <RemoveFieldDialog structure={dataStructure} field={removingField} onClose={instance.closeRemoveField} />
          </Suspense>
        ) : null}
      </HighlightContext.Provider>
    </AuditLogsInstanceContext.Provider>
  );
}
