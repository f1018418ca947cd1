import type { FieldDefinition } from './fields.js';
import { OPERATOR_LABELS, isTimestampText } from './filterForm.js';
import type { Formatter } from './format.js';
import { AuditQueryError, compactQuery, parseAuditQuery, type AuditQuery, type FieldFilter, type TimePreset, type TimeRange } from './query.js';

export const TIME_PRESET_LABELS: Readonly<Record<TimePreset, string>> = {
  '1h': 'Last hour',
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  '90d': 'Last 90 days',
};

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
  input: AuditQuery,
  fields: readonly FieldDefinition[],
): { query: AuditQuery; issues: string[] } {
  const issues: string[] = [];
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
export function describeTimeRange(range: TimeRange | undefined, formatter: Formatter): string {
  if (!range) return 'All time';
  if ('preset' in range) return TIME_PRESET_LABELS[range.preset];
  if (range.from && range.to) return `${formatter.dateTime(range.from)} – ${formatter.dateTime(range.to)}`;
  if (range.from) return `Since ${formatter.dateTime(range.from)}`;
  if (range.to) return `Until ${formatter.dateTime(range.to)}`;
  return 'All time';
}

function valueText(value: unknown, formatter: Formatter): string {
  if (Array.isArray(value)) return value.map((v) => valueText(v, formatter)).join(', ');
  if (isTimestampText(value)) return formatter.dateTime(value);
  return typeof value === 'number' ? formatter.number(value) : `“${String(value)}”`;
}

/** A filter in words, for its chip: `Email contains “ada”`, `Time between … and …`. */
export function describeFilter(filter: FieldFilter, fields: readonly FieldDefinition[], formatter: Formatter): string {
  const name = fields.find((f) => f.name === filter.field)?.displayName ?? filter.field;
  if (filter.op === 'between' && Array.isArray(filter.value)) {
    return `${name} between ${valueText(filter.value[0], formatter)} and ${valueText(filter.value[1], formatter)}`;
  }
  return `${name} ${OPERATOR_LABELS[filter.op]} ${valueText(filter.value, formatter)}`;
}

/** The query with one more filter (replacing an identical one), or without the filter at `index`. */
export function withFilter(query: AuditQuery, filter: FieldFilter): AuditQuery {
  const same = (f: FieldFilter) => f.field === filter.field && f.op === filter.op && JSON.stringify(f.value) === JSON.stringify(filter.value);
  return compactQuery({ ...query, filters: [...(query.filters ?? []).filter((f) => !same(f)), filter] });
}

export function withoutFilter(query: AuditQuery, index: number): AuditQuery {
  return compactQuery({ ...query, filters: (query.filters ?? []).filter((_, i) => i !== index) });
}
