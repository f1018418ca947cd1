import { safeStringify } from './depth.js';
import type { AuditEvent, JsonValue } from './event.js';
import { getFieldValue } from './fields.js';

/** Characters that make a spreadsheet read a cell as a formula (CSV injection, OWASP). */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
/** A cell that must be quoted: a quote, comma or line break in it, or spaces at either end (kept, not trimmed). */
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
/** The most characters a spreadsheet cell holds (Excel's limit). */
export const MAX_CELL_CHARS = 32_767;
/** Ends a cell that was cut to fit. */
export const CUT_MARK = ' […cut: over 32767 characters]';
/** The most rows Excel opens (the header is one of them). */
export const EXCEL_MAX_ROWS = 1_048_576;

/**
 * One value as CSV cell text: lists joined by "; ", objects as compact JSON, nothing a spreadsheet would
 * run (a text cell starting = + - @, TAB or CR gets a leading '; numbers stay numbers), nothing longer than a
 * cell holds (cut, with a mark), quoted per RFC 4180 when it must be.
 */
export function csvCell(value: JsonValue | undefined): string {
  let text: string;
  if (value === undefined || value === null) text = '';
  else if (typeof value === 'string') text = value;
  else if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) {
    text = value.map((v) => (v === null ? '' : String(v))).join('; ');
  } else if (typeof value === 'object') text = safeStringify(value);
  else text = String(value);
  // A cell that would start a formula gets a leading apostrophe, which spreadsheets show as text.
  if (typeof value !== 'number' && FORMULA_START.test(text)) text = `'${text}`;
  if (text.length > MAX_CELL_CHARS) text = text.slice(0, MAX_CELL_CHARS - CUT_MARK.length) + CUT_MARK;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line (RFC 4180, CRLF-terminated). */
export function csvLine(cells: readonly (JsonValue | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** A column of an export: a field, its header, and where its value lives. */
export interface CsvColumn {
  name: string;
  displayName?: string;
  valueFrom?: string;
}

/** A CSV line for an event: the given columns in order. */
export function eventCsvLine(event: AuditEvent, columns: readonly (string | CsvColumn)[]): string {
  return csvLine(columns.map((c) => (typeof c === 'string' ? getFieldValue(event, c) : getFieldValue(event, c.name, c.valueFrom))));
}

/** One JSON Lines line for an event: every field, compact. */
export function jsonLine(event: AuditEvent): string {
  return `${safeStringify(event as unknown as JsonValue)}\n`;
}

/** UTF-8 byte order mark: lets spreadsheet programs read non-ASCII names correctly. */
export const CSV_BOM = '\uFEFF';

/** `audit-logs-<tenant>-<yyyyMMdd-HHmm>.<ext>`, the tenant made safe for a file name, the time in UTC. */
export function exportFileName(tenantId: string, at: number, extension: 'csv' | 'jsonl'): string {
  const tenant = tenantId.normalize('NFKC').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+|[.-]+$/g, '').slice(0, 60) || 'tenant';
  const d = new Date(at);
  const two = (n: number) => String(n).padStart(2, '0');
  const stamp = `${d.getUTCFullYear()}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}-${two(d.getUTCHours())}${two(d.getUTCMinutes())}`;
  return `audit-logs-${tenant}-${stamp}.${extension}`;
}
