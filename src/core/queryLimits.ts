/**
 * How big a query may be, whoever wrote it (a link, the host, a saved view): a link with thousands of
 * `filter=` parameters must not build thousands of tests per event or a request no server takes. Pure.
 */
import type { AuditQuery, FieldFilter } from './query.js';

export const QUERY_LIMITS = {
  /** Characters of search text. */
  search: 500,
  /** Severities picked. */
  severities: 50,
  /** Filters. */
  filters: 50,
  /** Values of one "is any of" filter. */
  values: 100,
  /** Characters of one filter value, field name or severity. */
  valueChars: 500,
} as const;

const cut = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text);

/**
 * The query within `QUERY_LIMITS`, and a sentence for each thing that was cut (shown as a notice). Parts past
 * a limit are dropped, long texts shortened; nothing else changes.
 */
export function capQuery(query: AuditQuery): { query: AuditQuery; issues: string[] } {
  const L = QUERY_LIMITS;
  const issues: string[] = [];
  const out: AuditQuery = { ...query };
  if (query.search !== undefined && query.search.length > L.search) {
    out.search = cut(query.search, L.search);
    issues.push(`the search text was cut to ${L.search} characters`);
  }
  if (query.severities) {
    const severities = query.severities.slice(0, L.severities).filter((s) => s.length <= L.valueChars);
    if (severities.length < query.severities.length) issues.push(`only ${severities.length} of ${query.severities.length} severities are used`);
    out.severities = severities;
  }
  if (query.filters) {
    if (query.filters.length > L.filters) issues.push(`only the first ${L.filters} of ${query.filters.length} filters are used`);
    const filters: FieldFilter[] = [];
    for (const f of query.filters.slice(0, L.filters)) {
      if (f.field.length > L.valueChars) {
        issues.push('a filter on a field name too long to be one was left out');
        continue;
      }
      let value = f.value;
      if (Array.isArray(value)) {
        if (value.length > L.values) issues.push(`a filter on "${f.field}" keeps the first ${L.values} of its ${value.length} values`);
        value = value.slice(0, L.values);
      }
      const long = (v: string | number) => typeof v === 'string' && v.length > L.valueChars;
      if (Array.isArray(value) ? value.some(long) : long(value)) {
        issues.push(`a value of the filter on "${f.field}" was cut to ${L.valueChars} characters`);
        value = Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? cut(v, L.valueChars) : v)) : typeof value === 'string' ? cut(value, L.valueChars) : value;
      }
      filters.push(value === f.value ? f : { ...f, value });
    }
    out.filters = filters;
  }
  if (query.sort && query.sort.field.length > L.valueChars) {
    delete out.sort;
    issues.push('the sort names a field too long to be one');
  }
  return { query: issues.length ? out : query, issues };
}
