import type { Issue } from './check.js';
import type { AuditQuery, FieldFilter, TimeRange } from './query.js';
import { QUERY_LIMITS, capQuery } from './queryLimits.js';
import {
  timeRangeChecker,
  FILTER_OPERATORS,
  TIME_PRESETS,
  compactQuery,
  type FilterOperator,
  type TimePreset,
} from './query.js';

/** Options for putting a query in a URL; `prefix` lets several viewers share one URL. */
export interface QueryUrlOptions {
  /** Prepended to every parameter name. @default '' */
  prefix?: string;
}

const LIST_OPS: readonly FilterOperator[] = ['in', 'between'];
const NUMBER_OPS: readonly FilterOperator[] = ['gt', 'lt'];

function encodeFilter(filter: FieldFilter): string {
  const value = Array.isArray(filter.value) ? JSON.stringify(filter.value) : String(filter.value);
  return `${filter.field}:${filter.op}:${value}`;
}

function decodeFilter(raw: string): FieldFilter | string {
  const first = raw.indexOf(':');
  const second = first < 0 ? -1 : raw.indexOf(':', first + 1);
  if (first <= 0 || second < 0) return `filter "${raw}" is not field:operator:value`;
  const field = raw.slice(0, first);
  const op = raw.slice(first + 1, second) as FilterOperator;
  const text = raw.slice(second + 1);
  if (!FILTER_OPERATORS.includes(op)) return `filter "${raw}" has an unknown operator "${op}"`;
  if (LIST_OPS.includes(op)) {
    try {
      const list: unknown = JSON.parse(text);
      if (Array.isArray(list) && list.every((v) => typeof v === 'string' || typeof v === 'number')) {
        return { field, op, value: list as (string | number)[] };
      }
    } catch {
      // reported below
    }
    return `filter "${raw}" needs a JSON list of values`;
  }
  if (NUMBER_OPS.includes(op)) {
    const n = Number(text);
    return text.trim() !== '' && Number.isFinite(n) ? { field, op, value: n } : `filter "${raw}" needs a number`;
  }
  return { field, op, value: text };
}

/** Writes a query into URL search parameters (`q`, `severity`, `range` | `from`/`to`, `filter`, `sort`). */
export function queryToSearchParams(
  query: AuditQuery,
  options: QueryUrlOptions = {},
  into: URLSearchParams = new URLSearchParams(),
): URLSearchParams {
  const p = options.prefix ?? '';
  for (const key of ['q', 'severity', 'range', 'from', 'to', 'filter', 'sort']) into.delete(p + key);
  const q = compactQuery(query);
  if (q.search) into.set(`${p}q`, q.search);
  for (const s of q.severities ?? []) into.append(`${p}severity`, s);
  if (q.timeRange) {
    if ('preset' in q.timeRange) into.set(`${p}range`, q.timeRange.preset);
    else {
      if (q.timeRange.from) into.set(`${p}from`, q.timeRange.from);
      if (q.timeRange.to) into.set(`${p}to`, q.timeRange.to);
    }
  }
  for (const f of q.filters ?? []) into.append(`${p}filter`, encodeFilter(f));
  if (q.sort) into.set(`${p}sort`, `${q.sort.field}:${q.sort.direction}`);
  return into;
}

/**
 * Reads a query back from URL search parameters. Never throws: a malformed part is left out and
 * described in `issues`, so a hostile or stale link opens a (less) filtered log with a notice.
 * The result is well-formed; check it against a data structure with `parseAuditQuery`.
 */
export function queryFromSearchParams(
  params: URLSearchParams | string,
  options: QueryUrlOptions = {},
): { query: AuditQuery; issues: string[] } {
  const sp = typeof params === 'string' ? new URLSearchParams(params) : params;
  const p = options.prefix ?? '';
  const issues: string[] = [];
  const query: AuditQuery = {};
  const search = sp.get(`${p}q`);
  if (search !== null) {
    if (search.length <= QUERY_LIMITS.search) query.search = search;
    else issues.push(`search text is longer than ${QUERY_LIMITS.search} characters`);
  }
  const severities = sp.getAll(`${p}severity`).filter((s) => s.trim() !== '');
  if (severities.length) query.severities = severities;
  const preset = sp.get(`${p}range`);
  let timeRange: TimeRange | undefined;
  if (preset !== null) {
    if ((TIME_PRESETS as readonly string[]).includes(preset)) timeRange = { preset: preset as TimePreset };
    else issues.push(`time range "${preset}" is not one of ${TIME_PRESETS.join(', ')}`);
  } else {
    const from = sp.get(`${p}from`) ?? undefined;
    const to = sp.get(`${p}to`) ?? undefined;
    if (from !== undefined || to !== undefined) timeRange = { ...(from && { from }), ...(to && { to }) };
  }
  if (timeRange) {
    const found: Issue[] = [];
    timeRangeChecker(timeRange, [], found);
    if (!found.length) query.timeRange = timeRange;
    else issues.push(`time range: ${found.map((i) => i.message).join(', ')}`);
  }
  const filters: FieldFilter[] = [];
  const rawFilters = sp.getAll(`${p}filter`);
  // Only as many as a query may hold are read (decoding thousands would be work for nothing).
  for (const raw of rawFilters.slice(0, QUERY_LIMITS.filters)) {
    if (raw.length > 4 * QUERY_LIMITS.valueChars * QUERY_LIMITS.values) {
      issues.push('a filter longer than any filter can be was left out');
      continue;
    }
    const decoded = decodeFilter(raw);
    if (typeof decoded === 'string') issues.push(decoded);
    else filters.push(decoded);
  }
  if (filters.length) query.filters = filters;
  const sort = sp.get(`${p}sort`);
  if (sort !== null) {
    const at = sort.lastIndexOf(':');
    const direction = sort.slice(at + 1);
    if (at > 0 && (direction === 'asc' || direction === 'desc')) query.sort = { field: sort.slice(0, at), direction };
    else issues.push(`sort "${sort}" is not field:asc or field:desc`);
  }
  if (rawFilters.length > QUERY_LIMITS.filters) issues.push(`only the first ${QUERY_LIMITS.filters} of ${rawFilters.length} filters are used`);
  const capped = capQuery(compactQuery(query));
  return { query: capped.query, issues: [...issues, ...capped.issues] };
}

/** The parameter a view link names its view in (empty: the built-in view). */
export const VIEW_PARAM = 'view';

/**
 * A link made by "Copy link": the view's id and the query as it was (unsaved changes included). `undefined`
 * when the URL is no view link (it has no `view` parameter).
 */
export function viewLinkFromSearchParams(
  params: URLSearchParams | string,
  options: QueryUrlOptions = {},
): { viewId: string | null; query: AuditQuery; issues: string[] } | undefined {
  const sp = typeof params === 'string' ? new URLSearchParams(params) : params;
  const id = sp.get(`${options.prefix ?? ''}${VIEW_PARAM}`);
  if (id === null) return undefined;
  const { query, issues } = queryFromSearchParams(sp, options);
  return { viewId: id.trim() ? id.trim().slice(0, 256) : null, query, issues };
}

/** Writes a view link's parameters (the view's id, then the query) into URL search parameters. */
export function viewLinkToSearchParams(
  viewId: string | null,
  query: AuditQuery,
  options: QueryUrlOptions = {},
  into: URLSearchParams = new URLSearchParams(),
): URLSearchParams {
  const params = queryToSearchParams(query, options, into);
  params.set(`${options.prefix ?? ''}${VIEW_PARAM}`, viewId ?? '');
  return params;
}
