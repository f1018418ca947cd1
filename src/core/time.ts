/** Time helpers shared by the event model, the query model and the engine. Pure; no locale. */

const ISO_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * Parses an ISO 8601 date or date-time (a missing offset means UTC, as in fullstackhero's `DateTime`s),
 * a `Date`, or epoch milliseconds, to epoch milliseconds. Returns `undefined` for anything else.
 */
export function parseTimestamp(value: unknown): number | undefined {
  if (value instanceof Date) {
    const ms = value.getTime();
    return Number.isFinite(ms) ? ms : undefined;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const match = ISO_PATTERN.exec(value.trim());
  if (!match) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', offset = 'Z'] = match;
  const ms = frac.padEnd(3, '0').slice(0, 3);
  let zone = offset.toUpperCase();
  if (zone !== 'Z' && zone.length === 3) zone += ':00';
  if (zone !== 'Z' && zone.length === 5) zone = `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const parsed = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}${zone}`);
  if (!Number.isFinite(parsed)) return undefined;
  // Reject calendar overflow such as 2024-02-31, which Date.parse silently rolls over.
  const calendar = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (calendar.getUTCMonth() !== Number(mo) - 1 || calendar.getUTCDate() !== Number(d)) return undefined;
  return parsed;
}

/** The last day written by `toIsoUtc` and its `YYYY-MM-DDT` (exports write a million times, most on few days). */
let isoDay = Number.NaN;
let isoPrefix = '';
/** 0000-01-01 and 10000-01-01: outside these `toISOString` writes a six-digit signed year. */
const FOUR_DIGIT_YEARS: readonly [number, number] = [-62_167_219_200_000, 253_402_300_800_000];
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * Epoch milliseconds to the canonical form every event carries: `YYYY-MM-DDTHH:mm:ss.sssZ`. The same as
 * `new Date(ms).toISOString()` (it throws the same RangeError for an invalid time), without a Date per call.
 */
export function toIsoUtc(ms: number): string {
  const t = Math.trunc(ms);
  if (!(t >= FOUR_DIGIT_YEARS[0] && t < FOUR_DIGIT_YEARS[1])) return new Date(ms).toISOString();
  const day = Math.floor(t / DAY);
  if (day !== isoDay) {
    isoDay = day;
    isoPrefix = new Date(day * DAY).toISOString().slice(0, 11);
  }
  const rest = t - day * DAY;
  return `${isoPrefix}${pad(Math.floor(rest / HOUR), 2)}:${pad(Math.floor(rest / MINUTE) % 60, 2)}:${pad(Math.floor(rest / 1000) % 60, 2)}.${pad(rest % 1000, 3)}Z`;
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Epoch numbers below this are seconds (it is 1973-03-03 in ms and the year 5138 in seconds). */
const SECONDS_BELOW = 1e11;
/** And above this milliseconds are not believable either (the year 5138 in ms): micro- or nanoseconds. */
const MILLISECONDS_BELOW = 1e14;
/** Seconds before this (1973-03-03) are more likely a counter or an id than a time. */
const SECONDS_FROM = 1e8;

/**
 * An event's time to epoch ms, or the reason it is not one. Numbers are epoch seconds
 * (`1772806995`) or milliseconds (`1772806995000`), told apart by size; anything else (a counter,
 * microseconds, nanoseconds) is rejected rather than shown as 1970 or as the year 58,000.
 * Strings are ISO 8601 (a missing offset means UTC); a string of digits is read like a number.
 */
export function parseEventTime(value: unknown): number | string {
  if (typeof value === 'string' && /^\d{9,15}(\.\d+)?$/.test(value.trim())) return parseEventTime(Number(value));
  if (typeof value !== 'number') {
    const ms = parseTimestamp(value);
    return ms === undefined ? `"${String(value).slice(0, 40)}" is not an ISO 8601 date-time or an epoch time` : ms;
  }
  if (!Number.isFinite(value)) return `${value} is not a time`;
  if (value >= SECONDS_FROM && value < SECONDS_BELOW) return Math.round(value * 1000);
  if (value >= SECONDS_BELOW && value < MILLISECONDS_BELOW) return Math.round(value);
  return `${value} is neither epoch seconds nor epoch milliseconds (between 1973 and 5138)`;
}

const DIGIT0 = 48;
const twoDigits = (s: string, i: number): number => (s.charCodeAt(i) - DIGIT0) * 10 + s.charCodeAt(i + 1) - DIGIT0;

/**
 * Epoch ms of a timestamp already in the canonical form `YYYY-MM-DDTHH:mm:ss.sssZ`, or NaN for anything
 * else: digit arithmetic, no regular expression or `Date.parse`, for reading a million of them.
 */
export function parseCanonicalIso(s: string): number {
  if (s.length !== 24 || s.charCodeAt(23) !== 90 /* Z */ || s.charCodeAt(10) !== 84 /* T */) return NaN;
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return NaN;
  if (s.charCodeAt(19) !== 46) return NaN;
  for (const i of CANONICAL_DIGITS) {
    const c = s.charCodeAt(i) - DIGIT0;
    if (c < 0 || c > 9) return NaN;
  }
  const year = twoDigits(s, 0) * 100 + twoDigits(s, 2);
  const month = twoDigits(s, 5);
  const day = twoDigits(s, 8);
  const hour = twoDigits(s, 11);
  const minute = twoDigits(s, 14);
  const second = twoDigits(s, 17);
  const milli = twoDigits(s, 20) * 10 + s.charCodeAt(22) - DIGIT0;
  // Date.UTC reads years below 100 as 19xx: leave those rare ones to the general parser.
  if (year < 1000) return NaN;
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return NaN;
  if (day > daysInMonth(year, month)) return NaN;
  return Date.UTC(year, month - 1, day, hour, minute, second, milli);
}

const CANONICAL_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22];

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
