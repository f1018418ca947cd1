import { useRef } from 'react';
import { useAuditLogsEnvironment } from '../../hooks/context.js';
import { useAuditLogsInstance } from '../../hooks/instance.js';
import { useNarrow } from '../../hooks/useNarrow.js';
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

/** Below this width (CSS px) the toolbar folds its secondary actions. */
const NARROW_TOOLBAR = 600;

/**
 * The whole toolbar, made of the parts: search, severity, time range, Add filter, Views, Columns, export, Add
 * field, then the filter chips and the open view's bar. What this backend does not do is never offered, and said once where it would be.
 * `data-narrow` on its element below 600 px (the export formats fold behind one "Export" button).
 */
export function AuditLogsToolbar() {
  const { adapter, messages } = useAuditLogsEnvironment();
  const { fields, classNames } = useAuditLogsInstance();
  const rootRef = useRef<HTMLDivElement>(null);
  const narrow = useNarrow(rootRef, NARROW_TOOLBAR);
  const missing = [
    ...(adapter.capabilities.search ? [] : (['search'] as const)),
    ...(fields.find((f) => f.name === 'severity')?.filterable === false ? (['severity'] as const) : []),
    ...(fields.find((f) => f.name === 'timestamp')?.filterable === false ? (['time'] as const) : []),
  ];
  return (
    <div ref={rootRef} className={classNames.toolbar ? `ral-toolbar ${classNames.toolbar}` : 'ral-toolbar'} data-narrow={narrow || undefined}>
      <div className="ral-toolbar__row">
        <AuditLogsSearch />
        <AuditLogsSeverityFilter />
        <AuditLogsTimeRange />
        {missing.length ? <span className="ral-note">{messages.notOffered(missing)}</span> : null}
        <AuditLogsAddFilter />
        <span className="ral-toolbar__end">
          <AuditLogsViews />
          <AuditLogsColumnsMenu />
          <AuditLogsExportButton compact={narrow} />
          <AuditLogsAddFieldButton />
        </span>
      </div>
      <AuditLogsFilterChips />
      <AuditLogsViewBar />
    </div>
  );
}
