import { safeStringify } from './depth.js';
import type { AuditEvent, JsonValue } from './event.js';
import { getFieldValue } from './fields.js';

/**
 * A cell a spreadsheet would read as a formula (CSV injection, OWASP): its first character after any leading
 * spaces or quotes is = + - @ (or their full-width forms), a tab or a carriage return. One character class
 * then one character: linear on any input.
 */
const FORMULA_START = /^[ \u00A0\u3000"'\n]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
/** Text that is a plain number ("-5", "+1.5e3"): a spreadsheet reads it as that number, not as a formula. */
const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/**
 * A cell that must be quoted: a quote, comma, semicolon, tab or line break in it (`;` is the list separator
 * of spreadsheets in German, French and other locales), or spaces at either end (kept, not trimmed).
 */
const NEEDS_QUOTES = /[",;\t\r\n]|^\s|\s$/;
/** The most characters a spreadsheet cell holds (Excel's limit). */
export const MAX_CELL_CHARS = 32_767;
/** Ends a cell that was cut to fit. */
export const CUT_MARK = ' […cut: over 32767 characters]';
/** The most rows Excel opens (the header is one of them). */
export const EXCEL_MAX_ROWS = 1_048_576;

/**
 * One value as CSV cell text: lists joined by "; ", objects as compact JSON, nothing a spreadsheet would
 * run (a text cell whose first character after leading spaces or quotes is = + - @, TAB or CR gets a leading
 * '; numbers, and text that is a plain number, stay numbers), nothing longer than a cell holds (cut, with a
 * mark), quoted per RFC 4180 when it must be, and also when it holds a `;` or a tab.
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
  if (typeof value !== 'number' && FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
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
