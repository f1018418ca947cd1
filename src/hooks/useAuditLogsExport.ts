import { useEffect, useRef, useState } from 'react';
import type { CsvColumn } from '../core/csv.js';
import { exportFileName } from '../core/csv.js';
import type { AuditQuery } from '../core/query.js';
import { useAuditLogsEnvironment } from './context.js';
import { ExportError } from '../api/errors.js';
import type { ExportFormat, ExportProgress, ExportSink, WritableLike } from '../api/exportRunner.js';
import { headerName, shownFields, type ResolvedColumns } from '../core/columnLayout.js';
import type { FieldDefinition } from '../core/fields.js';

/** The export engine loads on the first export: a page that never exports never fetches it. */
const loadRunner = () => import('../api/exportRunner.js');

export type ExportState =
  | { status: 'idle' }
  | { status: 'running'; format: ExportFormat; progress: ExportProgress; startedAt: number; elapsedMs: number }
  | { status: 'failed'; format: ExportFormat; rows: number; error: unknown }
  | { status: 'done'; format: ExportFormat; rows: number; fileName: string; overExcelLimit: boolean };

/**
 * Where a finished export goes: a normal browser download, or (where the browser has `showSaveFilePicker`)
 * a file the user picks, written as the rows arrive and discarded if the export does not finish.
 */
export type ExportTarget = 'download' | 'file';

interface SavePicker {
  showSaveFilePicker?: (options: { suggestedName: string }) => Promise<{ createWritable(): Promise<WritableLike> }>;
}

/** The sink for a target: the picked file's writable, or Blob parts (`undefined`) for a download. */
async function pickFile(target: ExportTarget | undefined, fileName: string): Promise<ExportSink | undefined> {
  const picker = (globalThis as SavePicker).showSaveFilePicker;
  if (target !== 'file' || !picker) return undefined;
  const handle = await picker({ suggestedName: fileName });
  const [{ writableSink }, writable] = await Promise.all([loadRunner(), handle.createWritable()]);
  return writableSink(writable);
}

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
export function useAuditLogsExport(
  query: AuditQuery,
  columns: readonly CsvColumn[],
  options: { target?: ExportTarget } = {},
): AuditLogsExport {
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
    const fileName = exportFileName(tenantId, startedAt, format);
    setState({ status: 'running', format, progress: { rows: 0, total: undefined }, startedAt, elapsedMs: 0 });
    let lastReport = 0;
    const onProgress = (progress: ExportProgress) => {
      // A few updates a second are enough for a progress bar.
      const now = performance.now();
      if (now - lastReport < 100) return;
      lastReport = now;
      setState({ status: 'running', format, progress, startedAt, elapsedMs: Date.now() - startedAt });
    };
    const run = async () => {
      const [sink, { runExport }] = await Promise.all([pickFile(options.target, fileName), loadRunner()]);
      return runExport({ adapter, tenantId, query, columns, format, signal: abort.signal, now: startedAt, onProgress, sink });
    };
    run().then(
      (result) => {
        // Cancelled (an adapter may ignore the signal and finish anyway): nothing is saved, and a newer
        // export's state and controller are not this one's to touch.
        if (abort.signal.aborted) return;
        controller.current = null;
        if (result.blob) download(result.blob, fileName);
        setState({ status: 'done', format, rows: result.rows, fileName, overExcelLimit: result.overExcelLimit });
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        controller.current = null;
        // A save picker the user closed: nothing to say.
        const dismissed = error instanceof DOMException && error.name === 'AbortError';
        if (dismissed) setState({ status: 'idle' });
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

/**
 * What a CSV export writes: the visible columns in the order shown, headed by their display names (times in
 * ISO 8601 UTC, and the header says so). What is shown is what is downloaded.
 */
export function exportColumns(
  fields: readonly FieldDefinition[],
  columns: ResolvedColumns,
  zonedColumn: (column: string, zone: string) => string,
): CsvColumn[] {
  return shownFields(fields, columns).map((f) => ({ name: f.name, displayName: headerName(f, zonedColumn, 'UTC'), valueFrom: f.valueFrom }));
}
