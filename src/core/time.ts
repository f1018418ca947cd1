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

/** Epoch milliseconds to the canonical form every event carries: `YYYY-MM-DDTHH:mm:ss.sssZ`. */
export function toIsoUtc(ms: number): string {
  return new Date(ms).toISOString();
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
