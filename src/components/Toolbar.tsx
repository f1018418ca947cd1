import { useRef } from 'react';
import { useNarrow } from '../hooks/useNarrow.js';
import type { FieldDefinition } from '../core/fields.js';
import type { SeverityCount } from '../core/page.js';
import { compactQuery, type AuditQuery } from '../core/query.js';
import { withFilter } from '../core/queryEdit.js';
import { useAuditLogsEnvironment } from '../hooks/context.js';
import type { ResolvedColumns } from '../core/columnLayout.js';
import { AddFilter } from './AddFilter.js';
import { ColumnsMenu } from './ColumnsMenu.js';
import { ExportControls } from './ExportControls.js';
import type { ExportTarget } from '../hooks/useAuditLogsExport.js';
import { FilterChips } from './FilterChips.js';
import { SearchBox } from './SearchBox.js';
import { SeverityFilter } from './SeverityFilter.js';
import { TimeRangeFilter } from './TimeRangeFilter.js';

export interface ToolbarProps {
  query: AuditQuery;
  onQueryChange: (query: AuditQuery) => void;
  fields: readonly FieldDefinition[];
  severityCounts: readonly SeverityCount[] | undefined;
  /** The user's columns, for the Columns menu. */
  columns: ResolvedColumns;
  onColumnsChange: (columns: ResolvedColumns) => void;
  /** Where exports go. */
  exportTarget?: ExportTarget;
  /** Opens the Add field dialog; absent where the viewer may not add fields. */
  onAddField?: () => void;
  /** Edit or remove a custom field (from the Columns menu); absent where the viewer may not. */
  onEditField?: (field: FieldDefinition) => void;
  onRemoveField?: (field: FieldDefinition) => void;
  className?: string;
}

/** Below this width (CSS px) the toolbar folds its secondary actions. */
const NARROW_TOOLBAR = 600;

/** Search, severity, time range, field filters, the Columns menu and the active-filter chips. */
export function Toolbar(props: ToolbarProps) {
  const { query, onQueryChange, fields, severityCounts, columns, onColumnsChange, onAddField, className } = props;
  const { adapter, messages, abilities } = useAuditLogsEnvironment();
  // Narrow toolbars fold the export formats behind one button, so the log keeps its room.
  const rootRef = useRef<HTMLDivElement>(null);
  const narrow = useNarrow(rootRef, NARROW_TOOLBAR);
  const update = (next: AuditQuery) => onQueryChange(compactQuery(next));
  const severityField = fields.find((f) => f.name === 'severity');
  const byTime = fields.find((f) => f.name === 'timestamp')?.filterable !== false;
  const bySeverity = severityField?.filterable !== false;
  // What this backend does not do is never offered, and said once, where the controls would be.
  const missing = [
    ...(adapter.capabilities.search ? [] : (['search'] as const)),
    ...(bySeverity ? [] : (['severity'] as const)),
    ...(byTime ? [] : (['time'] as const)),
  ];
  return (
    <div ref={rootRef} className={className ? `ral-toolbar ${className}` : 'ral-toolbar'} data-narrow={narrow || undefined}>
      <div className="ral-toolbar__row">
        {adapter.capabilities.search ? (
          <SearchBox value={query.search ?? ''} onSearch={(search) => update({ ...query, search })} />
        ) : null}
        {bySeverity ? (
          <SeverityFilter
            query={query}
            known={severityField?.options ?? []}
            counts={severityCounts}
            onChange={(severities) => update({ ...query, severities })}
          />
        ) : null}
        {byTime ? <TimeRangeFilter query={query} onChange={(timeRange) => update({ ...query, timeRange })} /> : null}
        {missing.length ? <span className="ral-note">{messages.notOffered(missing)}</span> : null}
        <AddFilter fields={fields} onAdd={(filter) => update(withFilter(query, filter))} />
        <span className="ral-toolbar__end">
          <ColumnsMenu
            fields={fields}
            columns={columns}
            onChange={onColumnsChange}
            onEditField={props.onEditField}
            onRemoveField={props.onRemoveField}
          />
          {abilities.export ? <ExportControls query={query} fields={fields} columns={columns} target={props.exportTarget} compact={narrow} /> : null}
          {onAddField ? (
            <button type="button" className="ral-button" onClick={onAddField}>
              {messages.addField}
            </button>
          ) : null}
        </span>
      </div>
      <FilterChips query={query} fields={fields} onChange={update} />
    </div>
  );
}
