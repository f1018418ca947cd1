/**
 * The viewer's controls as parts, for hosts that lay them out themselves inside `<AuditLogs.Root>`: each reads
 * the root's instance, so it can stand anywhere under it (the host's header, its own toolbar). Each fails in
 * its own place. State shows as `data-*` attributes on the part's element where it has one.
 */
import { compactQuery, type AuditQuery } from '../../core/query.js';
import { withFilter } from '../../core/queryEdit.js';
import { useAuditLogsEnvironment } from '../../hooks/context.js';
import { useAuditLogsInstance } from '../../hooks/instance.js';
import { useStableCallback } from '../../hooks/useStableCallback.js';
import { ColumnsMenu } from '../columns/ColumnsMenu.js';
import { ExportControls } from '../export/ExportControls.js';
import { AddFilter } from '../filters/AddFilter.js';
import { FilterChips } from '../filters/FilterChips.js';
import { SearchBox } from '../filters/SearchBox.js';
import { SeverityFilter } from '../filters/SeverityFilter.js';
import { TimeRangeFilter } from '../filters/TimeRangeFilter.js';
import { Contained } from './Contained.js';
import { FieldDialog } from './lazyParts.js';
import { ViewBar } from '../views/ViewBar.js';
import { ViewsMenu } from '../views/ViewsMenu.js';

/** The instance's query setter, dropping what became empty. */
function useUpdateQuery() {
  const { query, setQuery } = useAuditLogsInstance();
  return [query, (next: AuditQuery) => setQuery(compactQuery(next))] as const;
}

/** The `searchbox` "Search", where the backend can search. */
export function AuditLogsSearch() {
  const { adapter } = useAuditLogsEnvironment();
  const [query, update] = useUpdateQuery();
  if (!adapter.capabilities.search) return null;
  return (
    <Contained>
      <SearchBox value={query.search ?? ''} onSearch={(search) => update({ ...query, search })} />
    </Contained>
  );
}

const NONE: readonly string[] = [];

/** The `button` "Severity" with a checkbox per severity and its count, where the log can be filtered by it. */
export function AuditLogsSeverityFilter() {
  const { fields, severityCounts } = useAuditLogsInstance();
  const [query, update] = useUpdateQuery();
  const field = fields.find((f) => f.name === 'severity');
  const change = useStableCallback((severities: string[]) => update({ ...query, severities }));
  if (field?.filterable === false) return null;
  return (
    <Contained>
      <SeverityFilter query={query} known={field?.options ?? NONE} counts={severityCounts} onChange={change} />
    </Contained>
  );
}

/** The `button` "Time range" (presets and a custom span), where the log can be filtered by time. */
export function AuditLogsTimeRange() {
  const { fields } = useAuditLogsInstance();
  const [query, update] = useUpdateQuery();
  if (fields.find((f) => f.name === 'timestamp')?.filterable === false) return null;
  return (
    <Contained>
      <TimeRangeFilter query={query} onChange={(timeRange) => update({ ...query, timeRange })} />
    </Contained>
  );
}

/** The `button` "Add filter": a field, an operator fitting its type, a value checked before it is sent. */
export function AuditLogsAddFilter() {
  const { fields } = useAuditLogsInstance();
  const [query, update] = useUpdateQuery();
  return (
    <Contained>
      <AddFilter fields={fields} onAdd={(filter) => update(withFilter(query, filter))} />
    </Contained>
  );
}

/** Every active filter (search, severity, time, fields) as a removable chip, and "Clear all". */
export function AuditLogsFilterChips() {
  const { fields } = useAuditLogsInstance();
  const [query, update] = useUpdateQuery();
  return (
    <Contained>
      <FilterChips query={query} fields={fields} onChange={update} />
    </Contained>
  );
}

/** The `button` "Columns": show, hide, reorder and pin columns; edit or remove custom fields (admins). */
export function AuditLogsColumnsMenu() {
  const { fields, columns, setColumns, editField, removeField } = useAuditLogsInstance();
  return (
    <Contained>
      <ColumnsMenu fields={fields} columns={columns} onChange={setColumns} onEditField={editField} onRemoveField={removeField} />
    </Contained>
  );
}

/**
 * The `button` "Export CSV" (and "Export JSON Lines"), with its progress and "Cancel export", where allowed.
 * `data-state` on its element: `idle`, `running`, `done` or `failed`.
 */
export function AuditLogsExportButton({ compact = false }: { /** Both formats behind one "Export" button. */ compact?: boolean }) {
  const { abilities } = useAuditLogsEnvironment();
  const { exporter, csvColumns } = useAuditLogsInstance();
  if (!abilities.export) return null;
  return (
    <Contained>
      <ExportControls exporter={exporter} csvColumns={csvColumns} compact={compact} />
    </Contained>
  );
}

/** The `button` "Add field", for tenant admins where fields can be saved. */
export function AuditLogsAddFieldButton() {
  const { messages } = useAuditLogsEnvironment();
  const { addField } = useAuditLogsInstance();
  if (!addField) return null;
  return (
    <button type="button" className="ral-button" onClick={addField} onPointerEnter={FieldDialog.preload} onFocus={FieldDialog.preload}>
      {messages.addField}
    </button>
  );
}

/** The `button` "Views": the saved views to open, and Save view, Save as new view, Copy link, Manage views. */
export function AuditLogsViews() {
  return (
    <Contained>
      <ViewsMenu />
    </Contained>
  );
}

/** The open view's name, "Modified" with Save and Revert once changed, and what happened to views (a `status`). */
export function AuditLogsViewBar() {
  return (
    <Contained>
      <ViewBar />
    </Contained>
  );
}
