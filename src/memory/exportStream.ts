import type { ExportColumn } from '../api/adapter.js';
import { CSV_BOM, csvLine } from '../core/csv.js';
import type { AuditQueryEngine } from './engine.js';
import type { AuditQuery } from '../core/query.js';

/** Rows per pull: the first pulls are small (cold code runs slowly), then sized to take about this long. */
const FIRST_ROWS = 200;
const MAX_ROWS = 4000;
const PULL_MS = 8;

/**
 * Every event matching `query` as CSV bytes, a page at a time as the reader pulls (header of display names
 * first). Each pull is kept to a few milliseconds, so a reader that yields between reads never blocks a frame.
 */
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
  let size = FIRST_ROWS;
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
      const began = performance.now();
      const page = engine.csvRows(query, names, offset, size, { now, deadline: began + PULL_MS * 1.5 });
      text += page.text;
      offset = page.next;
      const took = performance.now() - began;
      if (took < PULL_MS / 2) size = Math.min(MAX_ROWS, size * 2);
      else if (took > PULL_MS * 2) size = Math.max(FIRST_ROWS / 4, Math.floor(size / 2));
      if (text) controller.enqueue(encoder.encode(text));
      if (offset >= page.total) controller.close();
    },
  });
}
