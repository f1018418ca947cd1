import { array, check, literal, maxLength, minLength, number, object, oneOf, optional, refine, string, type Checker } from './check.js';
import { BUILT_IN_FIELDS, type FieldDefinition, type FieldType } from './fields.js';
import { DAY, HOUR, parseTimestamp } from './time.js';
import { QUERY_LIMITS } from './queryLimits.js';

export const TIME_PRESETS = ['1h', '24h', '7d', '30d', '90d'] as const;
export type TimePreset = (typeof TIME_PRESETS)[number];
export const TIME_PRESET_MS: Readonly<Record<TimePreset, number>> = {
  '1h': HOUR,
  '24h': DAY,
  '7d': 7 * DAY,
  '30d': 30 * DAY,
  '90d': 90 * DAY,
};

export const FILTER_OPERATORS = [
  'eq',
  'neq',
  'contains',
  'startsWith',
  'in',
  'before',
  'after',
  'between',
  'gt',
  'lt',
] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

/** The operators that make sense for each field type; the UI offers these and the engine accepts only these. */
export const OPERATORS_BY_TYPE: Readonly<Record<FieldType, readonly FilterOperator[]>> = {
  string: ['contains', 'eq', 'neq', 'startsWith', 'in'],
  email: ['contains', 'eq', 'neq', 'startsWith', 'in'],
  ip: ['eq', 'contains', 'neq', 'startsWith', 'in'],
  datetime: ['before', 'after', 'between'],
  number: ['eq', 'neq', 'gt', 'lt'],
  enum: ['in', 'eq', 'neq'],
  severity: ['in', 'eq', 'neq'],
  json: ['contains'],
};

const scalar = oneOf<string | number>(string(maxLength(QUERY_LIMITS.valueChars)), number());
const isoDateTime = string(refine((v) => parseTimestamp(v) !== undefined, 'must be an ISO 8601 date-time'));

const fieldFilter: Checker<FieldFilter> = object({
  field: string(minLength(1)),
  op: literal(FILTER_OPERATORS),
  value: oneOf<FieldFilter['value']>(scalar, array(scalar, maxLength(QUERY_LIMITS.values))),
});
/** One filter on one field. (Written out for the API report; `test/types` checks it against the schema.) */
export interface FieldFilter {
  field: string;
  op: FilterOperator;
  /** A list for `in` (and `between`: from, to). */
  value: string | number | (string | number)[];
}

/** Reads a time range: a preset, or a span whose ends parse and come in order. */
export const timeRangeChecker: Checker<TimeRange> = oneOf<TimeRange>(
  object({ preset: literal(TIME_PRESETS) }, { strict: true }),
  object(
    { from: optional(isoDateTime), to: optional(isoDateTime) },
    { strict: true, rules: [refine((r) => !r.from || !r.to || parseTimestamp(r.from)! <= parseTimestamp(r.to)!, '"from" must not be after "to"')] },
  ),
);
/** A preset relative to now, or an absolute span (either end may be open), ISO 8601. */
export type TimeRange = { preset: TimePreset } | { from?: string; to?: string };

const sortChecker = object({ field: string(minLength(1)), direction: literal(['asc', 'desc']) });
export interface AuditSort {
  field: string;
  direction: 'asc' | 'desc';
}

const auditQueryChecker: Checker<AuditQuery> = object(
  {
    search: optional(string(maxLength(QUERY_LIMITS.search))),
    severities: optional(array(string(minLength(1), maxLength(QUERY_LIMITS.valueChars)), maxLength(QUERY_LIMITS.severities))),
    timeRange: optional(timeRangeChecker),
    filters: optional(array(fieldFilter, maxLength(QUERY_LIMITS.filters))),
    sort: optional(sortChecker),
  },
  { strict: true },
);
/** What the log shows: search, severities, time range, field filters, sort. Every part optional. */
export interface AuditQuery {
  search?: string;
  severities?: string[];
  timeRange?: TimeRange;
  filters?: FieldFilter[];
  sort?: AuditSort;
}

export const DEFAULT_SORT: AuditSort = { field: 'timestamp', direction: 'desc' };

/** Thrown for a query that cannot run; `issues` names each bad part. */
export class AuditQueryError extends Error {
  override readonly name = 'AuditQueryError';
  constructor(readonly issues: readonly string[]) {
    super(`Invalid audit query: ${issues.join('; ')}`);
  }
}

function checkFilterValue(filter: FieldFilter, type: FieldType): string | undefined {
  const { op, value } = filter;
  const where = `filters: ${filter.field} ${op}`;
  if (op === 'in') {
    return Array.isArray(value) && value.length > 0 ? undefined : `${where} needs a non-empty list of values`;
  }
  if (Array.isArray(value) && op !== 'between') return `${where} takes one value, not a list`;
  if (op === 'between') {
    const ok = Array.isArray(value) && value.length === 2 && value.every((v) => parseTimestamp(v) !== undefined);
    return ok ? undefined : `${where} needs [from, to] as two ISO 8601 date-times`;
  }
  if (op === 'before' || op === 'after') {
    return parseTimestamp(value) === undefined ? `${where} needs an ISO 8601 date-time` : undefined;
  }
  if (type === 'number' && !Number.isFinite(Number(value))) return `${where} needs a number`;
  if ((op === 'contains' || op === 'startsWith') && String(value) === '') return `${where} needs some text`;
  return undefined;
}

/**
 * Parses and checks a query against a data structure: filters on filterable fields with operators
 * that fit their type, sort on sortable fields, well-formed values. Throws `AuditQueryError`.
 * Returns the query with search text trimmed and empty parts removed.
 */
export function parseAuditQuery(input: unknown, fields: readonly FieldDefinition[] = BUILT_IN_FIELDS): AuditQuery {
  const parsed = check(auditQueryChecker, input ?? {});
  if (!parsed.ok) throw new AuditQueryError(parsed.issues);
  const query = parsed.value;
  const byName = new Map(fields.map((f) => [f.name, f]));
  const issues: string[] = [];
  for (const filter of query.filters ?? []) {
    const field = byName.get(filter.field);
    if (!field) {
      issues.push(`filters: unknown field "${filter.field}"`);
      continue;
    }
    if (!field.filterable) issues.push(`filters: "${field.name}" cannot be filtered`);
    else if (!OPERATORS_BY_TYPE[field.type].includes(filter.op)) {
      issues.push(
        `filters: "${filter.op}" does not apply to ${field.type} field "${field.name}" (use ${OPERATORS_BY_TYPE[field.type].join(', ')})`,
      );
    } else {
      const problem = checkFilterValue(filter, field.type);
      if (problem) issues.push(problem);
    }
  }
  // A time range or severities only where the log can be filtered by them (a server that honours them).
  if (query.timeRange && byName.get('timestamp')?.filterable === false) issues.push('timeRange: this log cannot be filtered by time');
  if (query.severities?.length && byName.get('severity')?.filterable === false) issues.push('severities: this log cannot be filtered by severity');
  if (query.sort) {
    const field = byName.get(query.sort.field);
    if (!field) issues.push(`sort: unknown field "${query.sort.field}"`);
    else if (!field.sortable) issues.push(`sort: "${field.name}" is not sortable`);
  }
  if (issues.length) throw new AuditQueryError(issues);
  return compactQuery(query);
}

/** Drops empty parts (blank search, no severities, no filters) so equal queries look equal. */
export function compactQuery(query: AuditQuery): AuditQuery {
  const out: AuditQuery = {};
  const search = query.search?.trim();
  if (search) out.search = search;
  if (query.severities?.length) out.severities = [...query.severities];
  if (query.timeRange && ('preset' in query.timeRange || query.timeRange.from || query.timeRange.to)) {
    out.timeRange = query.timeRange;
  }
  if (query.filters?.length) out.filters = query.filters.map((f) => ({ ...f }));
  if (query.sort) out.sort = query.sort;
  return out;
}

/** Absolute bounds of a time range in epoch ms (inclusive `from`, exclusive `to`); presets end at `now`. */
export function resolveTimeRange(
  range: TimeRange | undefined,
  now: number,
): { from: number | undefined; to: number | undefined } {
  if (!range) return { from: undefined, to: undefined };
  if ('preset' in range) return { from: now - TIME_PRESET_MS[range.preset], to: undefined };
  return { from: parseTimestamp(range.from), to: parseTimestamp(range.to) };
}
