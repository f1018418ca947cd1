import { useEffect, useRef, useState } from 'react';
import type { CsvColumn } from '../core/csv.js';
import { exportFileName } from '../core/csv.js';
import type { AuditQuery } from '../core/query.js';
import { useAuditLogsEnvironment } from './context.js';
import { ExportError, runExport, type ExportFormat, type ExportProgress } from './exportRunner.js';

export type ExportState =
  | { status: 'idle' }
  | { status: 'running'; format: ExportFormat; progress: ExportProgress; startedAt: number; elapsedMs: number }
  | { status: 'failed'; format: ExportFormat; rows: number; error: unknown }
  | { status: 'done'; format: ExportFormat; rows: number; fileName: string; overExcelLimit: boolean };

export interface AuditLogsExport {
  state: ExportState;
  /** Starts an export of every event matching the query (one at a time). */
  start(format: ExportFormat): void;
  /** Stops the running export; nothing is downloaded. */
  cancel(): void;
}

/** Hands a finished file to the browser as a normal download. */
function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Export for a query and its visible columns (CSV, header of display names) or every field (JSON Lines):
 * progress as it runs, cancel at any time, a failure that says how many rows it had and saved nothing.
 * For hosts with their own button, too.
 */
export function useAuditLogsExport(query: AuditQuery, columns: readonly CsvColumn[]): AuditLogsExport {
  const { adapter, tenantId } = useAuditLogsEnvironment();
  const [state, setState] = useState<ExportState>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);
  // Leaving the page (or the tenant) stops an export under way.
  useEffect(() => () => controller.current?.abort(), []);

  const start = (format: ExportFormat) => {
    if (controller.current) return;
    const abort = new AbortController();
    controller.current = abort;
    const startedAt = Date.now();
    setState({ status: 'running', format, progress: { rows: 0, total: undefined }, startedAt, elapsedMs: 0 });
    let lastReport = 0;
    runExport({
      adapter,
      tenantId,
      query,
      columns,
      format,
      signal: abort.signal,
      now: startedAt,
      onProgress: (progress) => {
        // A few updates a second are enough for a progress bar.
        const now = performance.now();
        if (now - lastReport < 100) return;
        lastReport = now;
        setState({ status: 'running', format, progress, startedAt, elapsedMs: Date.now() - startedAt });
      },
    }).then(
      (result) => {
        controller.current = null;
        const fileName = exportFileName(tenantId, startedAt, format);
        download(result.blob, fileName);
        setState({ status: 'done', format, rows: result.rows, fileName, overExcelLimit: result.overExcelLimit });
      },
      (error: unknown) => {
        controller.current = null;
        if (abort.signal.aborted) setState({ status: 'idle' });
        else setState({ status: 'failed', format, rows: error instanceof ExportError ? error.rows : 0, error });
      },
    );
  };

  return {
    state,
    start,
    cancel: () => {
      controller.current?.abort();
      controller.current = null;
      setState({ status: 'idle' });
    },
  };
}
