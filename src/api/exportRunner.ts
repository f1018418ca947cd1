/**
 * Exports every event matching a query, from any adapter: the server's own CSV where it writes one, else
 * pages of `list` at the size the server allows. The file is built from chunks (Blob parts, kept outside
 * the JS heap), never one giant string; work is sliced so the page stays responsive; a cancel or a failure
 * leaves no file at all.
 */
import type { AuditLogsAdapter } from './adapter.js';
import { abortError, ExportError } from './errors.js';

export { ExportError } from './errors.js';
import { CSV_BOM, EXCEL_MAX_ROWS, csvLine, eventCsvLine, jsonLine, type CsvColumn } from '../core/csv.js';
import type { AuditEvent } from '../core/event.js';
import { MAX_PAGE_SIZE, type PageRequest } from '../core/page.js';
import type { AuditQuery } from '../core/query.js';

export type ExportFormat = 'csv' | 'jsonl';

export interface ExportProgress {
  rows: number;
  /** Matching events, when the adapter can count them. */
  total: number | undefined;
}

/**
 * Where the file's parts go: Blob parts by default (a normal download), or a file the user picked
 * (`showSaveFilePicker`'s writable). `abort` must leave nothing behind.
 */
export interface ExportSink {
  write(part: BlobPart): Promise<void> | void;
  /** Finishes the file; returns the Blob when the sink keeps one. */
  close(type: string): Promise<Blob | undefined> | Blob | undefined;
  abort(): Promise<void> | void;
}

/** Bytes gathered before they are folded into one Blob (a bounded copy now, not one huge copy at the end). */
const FOLD_BYTES = 8 * 1024 * 1024;

/**
 * The default sink: Blob parts outside the JS heap, folded as they come, one Blob at the end. Each part is
 * copied into a Blob as it is written, so its bytes or text die young: buffers kept for a later fold would
 * be promoted, and freeing them would take a full collection of the host's heap (a long pause).
 */
export function blobSink(): ExportSink {
  const folded: Blob[] = [];
  let pending: Blob[] = [];
  let pendingBytes = 0;
  const fold = () => {
    if (pending.length) folded.push(new Blob(pending));
    pending = [];
    pendingBytes = 0;
  };
  return {
    write: (part) => {
      const blob = part instanceof Blob ? part : new Blob([part]);
      pending.push(blob);
      pendingBytes += blob.size;
      if (pendingBytes > FOLD_BYTES) fold();
    },
    close: (type) => {
      fold();
      return new Blob(folded, { type });
    },
    abort: () => {
      folded.splice(0);
      pending = [];
    },
  };
}

/** A file the user chose (`showSaveFilePicker`'s writable). */
export interface WritableLike {
  write(data: BlobPart): Promise<void>;
  close(): Promise<void>;
  abort(reason?: unknown): Promise<void>;
}

/** A sink writing straight to a file the user chose; `abort` discards it. */
export function writableSink(writable: WritableLike): ExportSink {
  return {
    write: (part) => writable.write(part),
    close: async () => {
      await writable.close();
      return undefined;
    },
    abort: () => writable.abort().catch(() => undefined),
  };
}

export interface ExportRequestOptions {
  adapter: AuditLogsAdapter;
  tenantId: string;
  query: AuditQuery;
  /** The visible columns in order (CSV). */
  columns: readonly CsvColumn[];
  format: ExportFormat;
  signal: AbortSignal;
  onProgress: (progress: ExportProgress) => void;
  /** Epoch ms the export starts at: new events after it are left out. @default Date.now() */
  now?: number;
  /** Where the file goes. @default Blob parts for a download */
  sink?: ExportSink;
}

export interface ExportResult {
  /** The file, unless a sink wrote it elsewhere. */
  blob: Blob | undefined;
  rows: number;
  /** More rows than Excel opens. */
  overExcelLimit: boolean;
}

/**
 * Characters of text gathered before they are encoded to bytes (which live outside the JS heap). Small,
 * so the text dies young: long-lived strings would be promoted and grow the old generation, whose
 * collections are the long pauses.
 */
const PART_CHARS = 128 * 1024;
/** The longest stretch of work between two yields to the page (a frame stays under 50 ms). */
const SLICE_MS = 16;

/** Empty pages with a next cursor in a row before the export says the server is not getting anywhere. */
const MAX_EMPTY_PAGES = 20;
/** The most rows one export writes: a server that never stops paging cannot make it run forever. */
export const MAX_EXPORT_ROWS = 10_000_000;

/** A server's paging that would repeat or never end: the export stops and saves nothing. */
function pagingError(rows: number, what: string): ExportError {
  return new ExportError(rows, new Error(`${what} The export stopped after ${rows} rows and saved nothing.`));
}

const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Yields to the page once a slice of work has run its time. */
function slicer(): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < SLICE_MS) return;
    await yieldToPage();
    since = performance.now();
  };
}

export async function runExport(options: ExportRequestOptions): Promise<ExportResult> {
  const { adapter, signal } = options;
  const sink = options.sink ?? blobSink();
  let rows = 0;
  try {
    if (options.format === 'csv' && adapter.capabilities.serverExport && adapter.exportCsv) return await serverCsv(options, sink);
    return await fromPages(options, sink, () => rows, (n) => (rows = n));
  } catch (error) {
    // Nothing half-written survives: the parts are dropped, a picked file is discarded.
    await sink.abort();
    if (signal.aborted) throw abortError(signal);
    throw error instanceof ExportError ? error : new ExportError(rows, error);
  }
}

async function countOf(options: ExportRequestOptions): Promise<number | undefined> {
  const { adapter, tenantId, query, signal } = options;
  if (!adapter.capabilities.total || adapter.capabilities.paging === 'cursor') return undefined;
  const page = await adapter.list({ tenantId, query, page: { type: 'offset', offset: 0, limit: 1 } }, { signal });
  return page.total;
}

/** The server writes the CSV: stream it into Blob parts, counting lines for progress. */
async function serverCsv(options: ExportRequestOptions, sink: ExportSink): Promise<ExportResult> {
  const { adapter, tenantId, query, columns, signal, onProgress } = options;
  const total = await countOf(options).catch(() => undefined);
  const stream = await adapter.exportCsv!(
    { tenantId, query, columns: columns.map((c) => ({ name: c.name, displayName: c.displayName ?? c.name })) },
    { signal },
  );
  const reader = stream.getReader();
  let lines = 0;
  let first = true;
  const slice = slicer();
  for (;;) {
    await slice();
    if (signal.aborted) {
      await reader.cancel().catch(() => undefined);
      throw abortError(signal);
    }
    const { done, value } = await reader.read();
    if (done) break;
    if (first) {
      first = false;
      // One BOM, whether or not the server wrote one.
      const hasBom = value[0] === 0xef && value[1] === 0xbb && value[2] === 0xbf;
      if (!hasBom) await sink.write(CSV_BOM);
    }
    await sink.write(value as Uint8Array<ArrayBuffer>);
    for (let i = 0; i < value.length; i++) if (value[i] === 10) lines++;
    onProgress({ rows: Math.max(0, lines - 1), total });
  }
  if (signal.aborted) throw abortError(signal);
  const rows = Math.max(0, lines - 1);
  const blob = await sink.close('text/csv;charset=utf-8');
  return { blob, rows, overExcelLimit: rows + 1 > EXCEL_MAX_ROWS };
}

/** Pages of `list`: cursor paging where there is one (stable), else offset paging pinned to the start time, without repeats. */
async function fromPages(
  options: ExportRequestOptions,
  sink: ExportSink,
  getRows: () => number,
  setRows: (n: number) => void,
): Promise<ExportResult> {
  const { adapter, tenantId, columns, format, signal, onProgress } = options;
  const size = Math.min(adapter.capabilities.maxPageSize ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);
  const byCursor = adapter.capabilities.paging !== 'offset';
  const started = options.now ?? Date.now();
  // With offset paging, new events would shift the pages: leave out what arrives after the start.
  const canPin = !byCursor && (adapter.capabilities.filterOperators ?? ['before']).includes('before');
  const query: AuditQuery = canPin
    ? { ...options.query, filters: [...(options.query.filters ?? []), { field: 'timestamp', op: 'before', value: new Date(started + 1).toISOString() }] }
    : options.query;
  const total = await countOf({ ...options, query });
  const seen = byCursor ? undefined : new Set<string>();
  let text = format === 'csv' ? CSV_BOM + csvLine(columns.map((c) => c.displayName ?? c.name)) : '';
  // Text goes to the sink as it is: a Blob encodes it to UTF-8 outside the JS heap, with no ArrayBuffer
  // between (buffers count as external memory, whose growth makes the engine collect the whole heap).
  const flush = async () => {
    if (text) await sink.write(text);
    text = '';
  };
  const slice = slicer();
  const encode = (event: AuditEvent) => (format === 'csv' ? eventCsvLine(event, columns) : jsonLine(event));

  let page: PageRequest = byCursor ? { type: 'cursor', cursor: null, limit: size } : { type: 'offset', offset: 0, limit: size };
  let skipped = 0;
  // Cursor paging keeps every cursor it was given (one per page) and the ids of the page before: a cursor
  // sent twice, or a page that only repeats the one before, is a loop. Offset paging keeps every id.
  const cursors = new Set<string>();
  let previousIds = new Set<string>();
  let emptyInARow = 0;
  for (;;) {
    if (signal.aborted) throw abortError(signal);
    const result = await adapter.list({ tenantId, query, page }, { signal });
    skipped += result.skipped?.length ?? 0;
    const before = getRows();
    const pageIds = new Set<string>();
    for (const event of result.events) {
      if (seen) {
        if (seen.has(event.id)) continue;
        seen.add(event.id);
      } else {
        if (previousIds.has(event.id) || pageIds.has(event.id)) continue;
        pageIds.add(event.id);
      }
      text += encode(event);
      setRows(getRows() + 1);
    }
    const added = getRows() - before;
    if (text.length > PART_CHARS) await flush();
    onProgress({ rows: getRows(), total });
    await slice();
    if (getRows() > MAX_EXPORT_ROWS) throw pagingError(getRows(), `The server kept sending events past ${MAX_EXPORT_ROWS} rows.`);
    // A page of events all seen already: the server ignores the paging and sends the same events again.
    if (result.events.length > 0 && added === 0) {
      throw pagingError(getRows(), 'The server sent events it had already sent (it may ignore the page asked for).');
    }
    if (page.type === 'cursor') {
      const next = result.nextCursor;
      if (!next) break;
      if (next === page.cursor || cursors.has(next)) throw pagingError(getRows(), 'The server sent a page cursor it had sent before.');
      cursors.add(next);
      emptyInARow = result.events.length === 0 ? emptyInARow + 1 : 0;
      if (emptyInARow >= MAX_EMPTY_PAGES) throw pagingError(getRows(), `The server sent ${MAX_EMPTY_PAGES} empty pages in a row, each with a next cursor.`);
      previousIds = pageIds;
      page = { ...page, cursor: next };
    } else {
      // On by as many rows as came (a server may send fewer than asked for), skipped ones included.
      const next = page.offset + result.events.length + (result.skipped?.length ?? 0);
      if (result.events.length === 0 || (result.total !== undefined && next >= result.total)) break;
      page = { ...page, offset: next };
    }
  }
  if (signal.aborted) throw abortError(signal);
  const rows = getRows();
  // A server that stops paging before the count it gave would leave a short file: say so instead.
  if (total !== undefined && rows + skipped < total) {
    throw new ExportError(rows, new Error(`The server stopped after ${rows} of the ${total} matching events.`), total);
  }
  await flush();
  const blob = await sink.close(format === 'csv' ? 'text/csv;charset=utf-8' : 'application/x-ndjson');
  return { blob, rows, overExcelLimit: format === 'csv' && rows + 1 > EXCEL_MAX_ROWS };
}
