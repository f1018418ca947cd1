import type { AuditEvent, JsonValue } from './event.js';
import { getFieldValue } from './fields.js';

/** Characters that make a spreadsheet read a cell as a formula (CSV injection, OWASP). */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** One value as CSV cell text: lists joined by "; ", objects as JSON, nothing that a spreadsheet would run. */
export function csvCell(value: JsonValue | undefined): string {
  let text: string;
  if (value === undefined || value === null) text = '';
  else if (typeof value === 'string') text = value;
  else if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) {
    text = value.map((v) => (v === null ? '' : String(v))).join('; ');
  } else if (typeof value === 'object') text = JSON.stringify(value);
  else text = String(value);
  // A cell that would start a formula gets a leading apostrophe, which spreadsheets show as text.
  if (FORMULA_START.test(text) && !(typeof value === 'number')) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line (RFC 4180, CRLF-terminated). */
export function csvLine(cells: readonly (JsonValue | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** A CSV line for an event: the given fields in order. */
export function eventCsvLine(event: AuditEvent, fieldNames: readonly string[]): string {
  return csvLine(fieldNames.map((name) => getFieldValue(event, name)));
}

/** UTF-8 byte order mark: lets spreadsheet programs read non-ASCII names correctly. */
export const CSV_BOM = '\uFEFF';
