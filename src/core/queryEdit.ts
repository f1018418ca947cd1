import type { FieldDefinition } from './fields.js';
import type { Formatter } from './format.js';
import { DEFAULT_MESSAGES, type AuditLogsMessages } from './messages.js';
import { AuditQueryError, compactQuery, parseAuditQuery, type AuditQuery, type FieldFilter, type TimeRange } from './query.js';
import { capQuery } from './queryLimits.js';
import { parseTimestamp } from './time.js';

/** Whether anything narrows the log (sort does not). */
export function hasFilters(query: AuditQuery): boolean {
  return Boolean(query.search?.trim() || query.severities?.length || query.filters?.length || query.timeRange);
}

/** The query without anything that narrows it; the sort stays. */
export function clearFilters(query: AuditQuery): AuditQuery {
  return query.sort ? { sort: query.sort } : {};
}

function issuesOf(query: AuditQuery, fields: readonly FieldDefinition[]): string[] {
  try {
    parseAuditQuery(query, fields);
    return [];
  } catch (error) {
    return error instanceof AuditQueryError ? [...error.issues] : [String(error)];
  }
}

/**
 * Keeps the parts of a query that can run against a data structure and lists what was dropped, so a
 * stale or hand-edited link opens a (less) filtered log with a notice instead of an error.
 */
export function sanitizeQuery(
  uncapped: AuditQuery,
  fields: readonly FieldDefinition[],
): { query: AuditQuery; issues: string[] } {
  // The whole query within its limits first: each part is then checked once, never thousands of times.
  const { query: input, issues } = capQuery(uncapped);
  const out: AuditQuery = {};
  const keep = <K extends keyof AuditQuery>(key: K, value: AuditQuery[K]) => {
    const problems = issuesOf({ [key]: value } as AuditQuery, fields);
    if (problems.length) issues.push(...problems);
    else out[key] = value;
  };
  if (input.search !== undefined) keep('search', input.search);
  if (input.severities !== undefined) keep('severities', input.severities);
  if (input.timeRange !== undefined) keep('timeRange', input.timeRange);
  if (input.sort !== undefined) keep('sort', input.sort);
  const filters: FieldFilter[] = [];
  for (const filter of input.filters ?? []) {
    const problems = issuesOf({ filters: [filter] }, fields);
    if (problems.length) issues.push(...problems);
    else filters.push(filter);
  }
  if (filters.length) out.filters = filters;
  return { query: compactQuery(out), issues };
}

/** A time range in words: "Last 7 days", "Jan 01, 2026, 10:00 – Jan 02, 2026, 10:00", "Since …", "All time". */
export function describeTimeRange(range: TimeRange | undefined, formatter: Formatter, messages: AuditLogsMessages = DEFAULT_MESSAGES): string {
  if (!range) return messages.allTime;
  if ('preset' in range) return messages.timePreset(range.preset);
  if (range.from && range.to) return messages.rangeBetween(formatter.dateTime(range.from), formatter.dateTime(range.to));
  if (range.from) return messages.rangeSince(formatter.dateTime(range.from));
  if (range.to) return messages.rangeUntil(formatter.dateTime(range.to));
  return messages.allTime;
}

function valueText(value: unknown, formatter: Formatter, messages: AuditLogsMessages): string {
  if (Array.isArray(value)) return value.map((v) => valueText(v, formatter, messages)).join(', ');
  if (typeof value === 'string' && parseTimestamp(value) !== undefined) return formatter.dateTime(value);
  return typeof value === 'number' ? formatter.number(value) : messages.quoted(String(value));
}

/** A filter in words, for its chip: `Email contains “ada”`, `Time between … and …`. */
export function describeFilter(
  filter: FieldFilter,
  fields: readonly FieldDefinition[],
  formatter: Formatter,
  messages: AuditLogsMessages = DEFAULT_MESSAGES,
): string {
  const name = fields.find((f) => f.name === filter.field)?.displayName ?? filter.field;
  if (filter.op === 'between' && Array.isArray(filter.value)) {
    return messages.filterChipBetween(name, valueText(filter.value[0], formatter, messages), valueText(filter.value[1], formatter, messages));
  }
  return messages.filterChip(name, messages.operator(filter.op), valueText(filter.value, formatter, messages));
}

/** The query with one more filter (replacing an identical one), or without the filter at `index`. */
export function withFilter(query: AuditQuery, filter: FieldFilter): AuditQuery {
  const same = (f: FieldFilter) => f.field === filter.field && f.op === filter.op && JSON.stringify(f.value) === JSON.stringify(filter.value);
  return compactQuery({ ...query, filters: [...(query.filters ?? []).filter((f) => !same(f)), filter] });
}

export function withoutFilter(query: AuditQuery, index: number): AuditQuery {
  return compactQuery({ ...query, filters: (query.filters ?? []).filter((_, i) => i !== index) });
}
