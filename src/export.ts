// `react-audit-logs/export`: the export engine and its encoders, for an export button outside the viewer or
// a server writing the same files. The viewer loads this on the first export.
export { blobSink, runExport, writableSink } from './api/exportRunner.js';
export type { ExportFormat, ExportProgress, ExportRequestOptions, ExportResult, ExportSink, WritableLike } from './api/exportRunner.js';
export { ExportError } from './api/errors.js';
export { CSV_BOM, EXCEL_MAX_ROWS, MAX_CELL_CHARS, csvCell, csvLine, eventCsvLine, exportFileName, jsonLine } from './core/csv.js';
export type { CsvColumn } from './core/csv.js';
