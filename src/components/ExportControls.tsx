import { displayOrder, headerName } from './columns.js';
import type { ResolvedColumns } from '../core/columnLayout.js';
import type { FieldDefinition } from '../core/fields.js';
import type { AuditQuery } from '../core/query.js';
import { useAuditLogsEnvironment } from '../hooks/context.js';
import { ExportError, useAuditLogsExport, type ExportTarget } from '../hooks/useAuditLogsExport.js';
import { own } from '../core/own.js';
import { useState } from 'react';
import { Popover } from './Popover.js';

export interface ExportControlsProps {
  query: AuditQuery;
  fields: readonly FieldDefinition[];
  columns: ResolvedColumns;
  /** Where the file goes. @default 'download' */
  target?: ExportTarget;
  /** Narrow toolbars: both formats behind one "Export" button (progress and errors still show inline). */
  compact?: boolean;
}

/**
 * "Export CSV" and "Export JSON Lines": every event matching the query, the visible columns in their order
 * (what is shown is what is downloaded). While it runs: a progressbar "Export progress" with rows per second
 * and time left, and "Cancel export". A failure says how many rows it had and that nothing was saved.
 */
export function ExportControls({ query, fields, columns, target, compact = false }: ExportControlsProps) {
  const { messages, formatter } = useAuditLogsEnvironment();
  const [menuOpen, setMenuOpen] = useState(false);
  const byName = new Map(fields.map((f) => [f.name, f]));
  const visible = displayOrder(columns)
    .filter((name) => own(columns.visibility, name) && byName.has(name))
    .map((name) => {
      const f = byName.get(name)!;
      // Times are written as ISO 8601 UTC, and the header says so (as the table's does in UTC).
      return { name, displayName: headerName(f, messages.zonedColumn, 'UTC'), valueFrom: f.valueFrom };
    });
  const exporter = useAuditLogsExport(query, visible, { target });
  const { state } = exporter;

  if (state.status === 'running') {
    const { rows, total } = state.progress;
    const seconds = Math.max(0.001, state.elapsedMs / 1000);
    const rate = rows / seconds;
    const left = total !== undefined && rate > 0 ? Math.max(0, (total - rows) / rate) : undefined;
    return (
      <span className="ral-export" role="group" aria-label={messages.exporting}>
        <progress
          className="ral-export__bar"
          aria-label={messages.exportProgress}
          max={total ?? undefined}
          value={total !== undefined ? Math.min(rows, total) : undefined}
          aria-valuetext={messages.exportStatus(formatter.number(rows), total === undefined ? undefined : formatter.number(total))}
        />
        <span className="ral-export__text">
          {messages.exportStatus(formatter.number(rows), total === undefined ? undefined : formatter.number(total))}
          {rows > 0 ? ` · ${messages.exportRate(formatter.number(Math.round(rate)), left === undefined ? undefined : Math.ceil(left))}` : ''}
        </span>
        <button type="button" className="ral-button" onClick={exporter.cancel}>
          {messages.cancelExport}
        </button>
      </span>
    );
  }
  const buttons = (
    <>
      <button type="button" className="ral-button" onClick={() => (setMenuOpen(false), exporter.start('csv'))} disabled={!visible.length}>
        {messages.exportCsv}
      </button>
      <button type="button" className="ral-button" onClick={() => (setMenuOpen(false), exporter.start('jsonl'))}>
        {messages.exportJsonLines}
      </button>
    </>
  );
  return (
    <span className="ral-export">
      {compact ? (
        <Popover label={messages.exportMenu} open={menuOpen} onOpenChange={setMenuOpen}>
          <div className="ral-export__menu">{buttons}</div>
        </Popover>
      ) : (
        buttons
      )}
      {state.status === 'failed' ? (
        <span role="alert" className="ral-export__error">
          {messages.exportFailed(
            formatter.number(state.rows),
            state.error instanceof ExportError && state.error.total !== undefined
              ? messages.exportShort(formatter.number(state.rows), formatter.number(state.error.total))
              : state.error instanceof Error
                ? state.error.message
                : String(state.error),
          )}{' '}
          <button type="button" className="ral-button" onClick={() => exporter.start(state.format)}>
            {messages.retry}
          </button>
        </span>
      ) : null}
      {state.status === 'done' ? (
        <span role="status" className="ral-note">
          {messages.exportDone(formatter.number(state.rows), state.fileName)}
          {state.overExcelLimit ? ` ${messages.exportOverExcel}` : ''}
        </span>
      ) : null}
    </span>
  );
}
