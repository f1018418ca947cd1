import { useAuditLogsEnvironment } from '../../hooks/context.js';
import { ExportError } from '../../api/errors.js';
import type { AuditLogsExport } from '../../hooks/useAuditLogsExport.js';
import { useState } from 'react';
import { Popover } from '../dialogs/Popover.js';

export interface ExportControlsProps {
  /** The viewer's export (its state is the instance's, so any part or hook sees it). */
  exporter: AuditLogsExport;
  /** Columns a CSV would have (none: CSV is not offered). */
  csvColumns: number;
  /** Narrow toolbars: both formats behind one "Export" button (progress and errors still show inline). */
  compact?: boolean;
}

/**
 * "Export CSV" and "Export JSON Lines": every event matching the query, the visible columns in their order
 * (what is shown is what is downloaded). While it runs: a progressbar "Export progress" with rows per second
 * and time left, and "Cancel export". A failure says how many rows it had and that nothing was saved.
 */
export function ExportControls({ exporter, csvColumns, compact = false }: ExportControlsProps) {
  const { messages, formatter } = useAuditLogsEnvironment();
  const [menuOpen, setMenuOpen] = useState(false);
  const { state } = exporter;

  if (state.status === 'running') {
    const { rows, total } = state.progress;
    const seconds = Math.max(0.001, state.elapsedMs / 1000);
    const rate = rows / seconds;
    const left = total !== undefined && rate > 0 ? Math.max(0, (total - rows) / rate) : undefined;
    return (
      <span className="ral-export" role="group" aria-label={messages.exporting} data-state="running">
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
      <button type="button" className="ral-button" onClick={() => (setMenuOpen(false), exporter.start('csv'))} disabled={!csvColumns}>
        {messages.exportCsv}
      </button>
      <button type="button" className="ral-button" onClick={() => (setMenuOpen(false), exporter.start('jsonl'))}>
        {messages.exportJsonLines}
      </button>
    </>
  );
  return (
    <span className="ral-export" data-state={state.status}>
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
