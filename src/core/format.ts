import type { JsonValue } from './event.js';
import type { FieldType } from './fields.js';
import { DEFAULT_MESSAGES, type AuditLogsMessages } from './messages.js';
import { parseTimestamp } from './time.js';

/** Where and how values are shown: a BCP 47 locale and an IANA time zone. */
export interface FormatOptions {
  locale: string;
  timeZone: string;
}

export interface Formatter {
  /** The effective options (an invalid locale or time zone falls back to en-US / UTC). */
  readonly options: FormatOptions;
  /** The time zone's short name for headers: "UTC", or e.g. "CET", "GMT+2" in the locale. */
  readonly zoneName: string;
  /** Problems with the requested options, for a notice. */
  readonly warnings: readonly string[];
  dateTime(iso: string): string;
  number(value: number): string;
  /** One line of text for a table cell. */
  cell(value: JsonValue | undefined, type: FieldType): string;
}

const PREVIEW_LENGTH = 120;

/** A short one-line JSON preview, cut with an ellipsis. */
export function jsonPreview(value: JsonValue | undefined, max = PREVIEW_LENGTH): string {
  if (value === undefined) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function safeDateFormat(locale: string, timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    year: 'numeric',
    month: 'short',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}

/** A zone's short name as the locale writes it ("UTC" for UTC and its aliases). */
export function shortZoneName(locale: string, timeZone: string, at = Date.now()): string {
  if (/^(Etc\/)?(UTC|GMT|Zulu|UCT|Universal)$/i.test(timeZone)) return 'UTC';
  const part = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' }).formatToParts(at).find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** Formatted times kept per formatter (a few pages of rows); past it the memory starts again. */
const FORMATTED_TIMES = 2000;

/**
 * Builds the formatters for a locale and time zone once (Intl objects are costly to create and
 * cheap to reuse). Never throws: an unknown time zone or locale falls back and says so in `warnings`.
 */
export function createFormatter(
  requested: Partial<FormatOptions> = {},
  say: Pick<AuditLogsMessages, 'unknownLocale' | 'unknownTimeZone'> = DEFAULT_MESSAGES,
): Formatter {
  const warnings: string[] = [];
  let locale = requested.locale ?? 'en-US';
  let timeZone = requested.timeZone ?? 'UTC';
  try {
    Intl.getCanonicalLocales(locale);
  } catch {
    warnings.push(say.unknownLocale(locale));
    locale = 'en-US';
  }
  let dates: Intl.DateTimeFormat;
  try {
    dates = safeDateFormat(locale, timeZone);
  } catch {
    warnings.push(say.unknownTimeZone(timeZone));
    timeZone = 'UTC';
    dates = safeDateFormat(locale, timeZone);
  }
  const numbers = new Intl.NumberFormat(locale);
  const formatted = new Map<string, string>();
  const formatter: Formatter = {
    options: { locale, timeZone },
    zoneName: shortZoneName(locale, timeZone),
    warnings,
    dateTime: (iso) => {
      // Rows re-render as the list scrolls and `Intl` formatting is slow: each time is formatted once.
      let text = formatted.get(iso);
      if (text === undefined) {
        const ms = parseTimestamp(iso);
        text = ms === undefined ? iso : dates.format(ms);
        if (formatted.size >= FORMATTED_TIMES) formatted.clear();
        formatted.set(iso, text);
      }
      return text;
    },
    number: (value) => numbers.format(value),
    cell: (value, type) => {
      if (value === undefined || value === null) return '';
      if (type === 'datetime' && typeof value === 'string') return formatter.dateTime(value);
      if (typeof value === 'number') return formatter.number(value);
      if (type === 'json') return jsonPreview(value);
      if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) return value.join(', ');
      return typeof value === 'string' ? value : jsonPreview(value);
    },
  };
  return formatter;
}
