import type { ExportColumn } from '../api/adapter.js';
import { CSV_BOM, csvLine } from '../core/csv.js';
import type { AuditQueryEngine } from './engine.js';
import type { AuditQuery } from '../core/query.js';

/** Every event matching `query` as CSV bytes, a page at a time as the reader pulls (header of display names first). */
export function csvStream(
  engine: AuditQueryEngine,
  query: AuditQuery,
  columns: readonly ExportColumn[],
  now: number,
  signal?: AbortSignal,
): ReadableStream<Uint8Array> {
  const names = columns.map((c) => c.name);
  const encoder = new TextEncoder();
  let offset = 0;
  let started = false;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (signal?.aborted) {
        controller.error(signal.reason);
        return;
      }
      let text = '';
      if (!started) {
        started = true;
        text = CSV_BOM + csvLine(columns.map((c) => c.displayName));
      }
      const page = engine.csvRows(query, names, offset, 2000, { now });
      text += page.text;
      offset += 2000;
      if (text) controller.enqueue(encoder.encode(text));
      if (offset >= page.total) controller.close();
    },
  });
}
