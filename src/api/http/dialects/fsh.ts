import * as z from 'zod/mini';
import { defaultDataStructure, sortFields } from '../../../core/fields.js';
import { normalizeSeverity } from '../../../core/severity.js';
import { DAY } from '../../../core/time.js';
import { resolveTimeRange, type AuditQuery } from '../../../core/query.js';
import type { AuditLogsAdapter } from '../../adapter.js';
import { AuditApiError } from '../../errors.js';
import { own } from '../../../core/own.js';
import { enc, readOne, readRows, unsupported, type Dialect } from './shared.js';
import { FSH_CAPABILITIES } from './catalog.js';

/** fullstackhero's GET /api/v1/audits: pages of at most 100, newest first, tenant as a parameter. */
export const FSH_MAX_PAGE = 100;
/** The longest window its list answers (a longer one is a 400). */
export const FSH_MAX_WINDOW_DAYS = 90;
/** `AuditEventType` by value. */
export const FSH_EVENT_TYPES = ['None', 'EntityChange', 'Security', 'Activity', 'Exception'];
/** `AuditSeverity` by value (0 is None): the words fullstackhero uses. */
export const FSH_SEVERITIES = ['None', 'Trace', 'Debug', 'Information', 'Warning', 'Error', 'Critical'];
/** `AuditTag` flags by bit: tags travel as one integer (bit i set = FSH_TAGS[i]). */
export const FSH_TAGS = ['PiiMasked', 'OutOfQuota', 'Sampled', 'RetainedLong', 'HealthCheck', 'Authentication', 'Authorization'];

export function tagsToFlags(tags: readonly string[] | undefined): number {
  return (tags ?? []).reduce((flags, tag) => {
    const bit = FSH_TAGS.findIndex((name) => name.toLowerCase() === tag.toLowerCase());
    return bit < 0 ? flags : flags | (1 << bit);
  }, 0);
}

export function flagsToTags(flags: number): string[] {
  return FSH_TAGS.filter((_, bit) => (flags & (1 << bit)) !== 0);
}

/** An enum value as fullstackhero names it, from its name or its number. */
function enumName(names: readonly string[], value: unknown): string | undefined {
  if (typeof value === 'number') return names[value];
  if (typeof value !== 'string') return undefined;
  if (/^\d+$/.test(value)) return names[Number(value)];
  return names.find((n) => n.toLowerCase() === value.toLowerCase()) ?? value;
}

/** Our filterable fields ↔ the query parameters the API takes (equality). */
const PARAMS: Record<string, string> = {
  'actor.id': 'userId',
  source: 'source',
  correlationId: 'correlationId',
  traceId: 'traceId',
  eventType: 'eventType',
  tags: 'tags',
  severity: 'severity',
};

const n = (v: unknown) => (v === null ? undefined : v);

function fromItem(item: Record<string, unknown>): unknown {
  const eventType = enumName(FSH_EVENT_TYPES, item.eventType);
  const changes = Array.isArray(item.changes)
    ? item.changes.map((c: Record<string, unknown>) => ({ field: c.propertyName, before: n(c.oldValue), after: n(c.newValue) }))
    : undefined;
  return {
    id: item.id,
    timestamp: item.occurredAtUtc,
    tenantId: n(item.tenantId),
    severity: enumName(FSH_SEVERITIES, item.severity) ?? item.severity,
    // Its list carries no action: the event type stands in (the details have the payload).
    action: item.action ?? eventType ?? 'event',
    resource: n(item.entityName),
    resourceId: n(item.entityId),
    actor: { id: n(item.userId), name: n(item.userName) },
    ip: n(item.ipAddress),
    eventType: n(eventType),
    source: n(item.source),
    correlationId: n(item.correlationId),
    traceId: n(item.traceId),
    requestId: n(item.requestId),
    tags: typeof item.tags === 'number' ? flagsToTags(item.tags) : typeof item.tags === 'string' ? item.tags.split(/,\s*/).filter((t) => t && t !== 'None') : item.tags,
    changes: changes?.length ? changes : undefined,
    payload: n(item.payload),
  };
}

/**
 * The list's query parameters. Its windows are bounded: no range asks for the longest it answers (it
 * would otherwise answer its default of 7 days), and a longer one is refused here in words.
 */
export function fshParams(query: AuditQuery, now: number): URLSearchParams {
  const params = new URLSearchParams();
  if (query.search) params.set('search', query.search);
  const severities = query.severities ?? [];
  if (severities.length > 1) unsupported('fullstackhero audits', 'filter by more than one severity at a time');
  if (severities[0]) params.set('severity', enumName(FSH_SEVERITIES, severities[0])!);
  let { from, to } = resolveTimeRange(query.timeRange, now);
  for (const filter of query.filters ?? []) {
    if (filter.field === 'timestamp' && (filter.op === 'after' || filter.op === 'before' || filter.op === 'between')) {
      const [a, b] = Array.isArray(filter.value) ? filter.value : [filter.value, filter.value];
      if (filter.op !== 'before') from = Date.parse(String(a));
      if (filter.op !== 'after') to = Date.parse(String(b));
      continue;
    }
    const param = own(PARAMS, filter.field);
    const values = Array.isArray(filter.value) ? filter.value.map(String) : [String(filter.value)];
    const anyOf = filter.op === 'in' || filter.op === 'eq';
    // Tags are flags (any of them matches); everything else one value.
    if (!param || !anyOf || (filter.field !== 'tags' && values.length !== 1)) {
      unsupported('fullstackhero audits', `filter "${filter.field}" with "${filter.op}"${values.length > 1 ? ' and several values' : ''}`);
    }
    if (filter.field === 'tags') params.set(param, String(tagsToFlags(values)));
    else if (filter.field === 'eventType') params.set(param, enumName(FSH_EVENT_TYPES, values[0])!);
    else if (filter.field === 'severity') params.set(param, enumName(FSH_SEVERITIES, values[0])!);
    else params.set(param, values[0]!);
  }
  const end = to ?? now;
  const start = from ?? end - FSH_MAX_WINDOW_DAYS * DAY;
  if (end - start > FSH_MAX_WINDOW_DAYS * DAY) {
    throw new AuditApiError(
      'bad-request',
      `fullstackhero answers at most ${FSH_MAX_WINDOW_DAYS} days at a time. Choose a time range of ${FSH_MAX_WINDOW_DAYS} days or less.`,
    );
  }
  params.set('fromUtc', new Date(start).toISOString());
  if (to !== undefined) params.set('toUtc', new Date(to).toISOString());
  const sort = query.sort;
  if (sort && (sort.field !== 'timestamp' || sort.direction !== 'desc')) {
    unsupported('fullstackhero audits', 'sort other than newest first');
  }
  return params;
}

const PageSchema = z
  .object({
    items: z.optional(z.array(z.unknown())),
    data: z.optional(z.array(z.unknown())),
    totalCount: z.int().check(z.nonnegative()),
  })
  .check(z.refine((p) => Boolean(p.items || p.data), 'the list must be under "items" or "data"'));

/** The columns fullstackhero fills, in this order; only what its API can filter is filterable, nothing sorts. */
const COLUMNS = ['timestamp', 'severity', 'eventType', 'actor.name', 'source', 'correlationId', 'traceId', 'tags'];
const DATA_STRUCTURE = (() => {
  const ds = defaultDataStructure();
  for (const f of ds.fields) {
    const column = COLUMNS.indexOf(f.name);
    f.visible = column >= 0;
    if (column >= 0) f.order = column;
    else f.order += COLUMNS.length;
    f.filterable = f.name === 'timestamp' || f.name in PARAMS;
    f.sortable = false;
    if (f.name === 'severity') f.options = FSH_SEVERITIES.slice(1);
    if (f.name === 'eventType') f.options = FSH_EVENT_TYPES.slice(1);
    if (f.name === 'tags') f.options = [...FSH_TAGS];
  }
  return { fields: sortFields(ds.fields) };
})();

const SummaryList = z.array(z.unknown());
/** `AuditSummaryAggregateDto`: counts keyed by enum name (or number). */
const SummarySchema = z.object({ eventsBySeverity: z.optional(z.record(z.string(), z.number())) });

/** Finbuckle's header strategy names the tenant too (the parameter alone asks for cross-tenant access). */
const tenantHeader = (tenantId: string) => ({ tenant: tenantId });

export const fshDialect: Dialect = {
  capabilities: FSH_CAPABILITIES,
  create: (client) => {
    const list: AuditLogsAdapter['list'] = async ({ tenantId, query, page }, options) => {
      if (page.type !== 'offset') unsupported('fullstackhero audits', 'page by cursor');
      const size = Math.min(page.limit, FSH_MAX_PAGE);
      const firstPage = Math.floor(page.offset / size);
      const skip = page.offset - firstPage * size;
      const fetchPage = async (index: number) => {
        const params = fshParams(query, client.now());
        params.set('tenantId', tenantId);
        params.set('pageNumber', String(index + 1));
        params.set('pageSize', String(size));
        const body = await client.json(
          { path: '/api/v1/audits', query: params, headers: tenantHeader(tenantId), signal: options?.signal },
          PageSchema,
        );
        return { list: body.items ?? body.data ?? [], total: body.totalCount };
      };
      const first = await fetchPage(firstPage);
      // An offset between page boundaries needs the next page too.
      const rows = skip ? [...first.list, ...(await fetchPage(firstPage + 1)).list] : first.list;
      const { events, skipped } = readRows(rows.slice(skip, skip + size), fromItem, tenantId);
      return { events, total: first.total, offset: page.offset, ...(skipped.length && { skipped }) };
    };
    return {
      list,
      async get({ tenantId, id }, options) {
        const body = await client.json(
          { path: `/api/v1/audits/${enc(id)}`, query: new URLSearchParams({ tenantId }), headers: tenantHeader(tenantId), signal: options?.signal },
          z.unknown(),
        );
        if (body === null) throw new AuditApiError('not-found', `No audit event with id "${id}".`, { status: 404 });
        return readOne(body, fromItem, tenantId, `GET /api/v1/audits/${id}`);
      },
      async getDataStructure() {
        return structuredClone(DATA_STRUCTURE);
      },
      /**
     * Counts by severity from `/summary`, which counts a window of a tenant and nothing narrower: a query
     * with a search or field filters has no counts (said quietly, as `unsupported`).
     */
    async stats({ tenantId, query }, options) {
      if (query.search || (query.filters ?? []).some((f) => f.field !== 'timestamp')) {
        unsupported('fullstackhero audits', 'count a search or a field filter');
      }
      const window = fshParams({ timeRange: query.timeRange, filters: query.filters }, client.now());
      const params = new URLSearchParams({ tenantId });
      for (const key of ['fromUtc', 'toUtc']) if (window.get(key)) params.set(key, window.get(key)!);
      let body: z.infer<typeof SummarySchema>;
      try {
        body = await client.json({ path: '/api/v1/audits/summary', query: params, headers: tenantHeader(tenantId), signal: options?.signal }, SummarySchema);
      } catch (error) {
        if (error instanceof AuditApiError && (error.kind === 'not-found' || error.status === 405)) {
          unsupported('fullstackhero audits', 'count events (no /summary)');
        }
        throw error;
      }
      const wanted = new Set((query.severities ?? []).map((s) => enumName(FSH_SEVERITIES, s)!.toLowerCase()));
      const bySeverity = Object.entries(body.eventsBySeverity ?? {})
        .map(([key, count]) => {
          const label = enumName(FSH_SEVERITIES, key) ?? key;
          return { label, rank: normalizeSeverity(label).rank, count };
        })
        .filter((c) => c.label !== 'None' && c.count > 0 && (!wanted.size || wanted.has(c.label.toLowerCase())))
        .sort((a, b) => b.rank - a.rank);
      return { total: bySeverity.reduce((n, c) => n + c.count, 0), bySeverity, histogram: { bucketMs: 0, buckets: [] } };
    },
    /** `/by-correlation/{id}` and `/by-trace/{id}` where the server has them; `list` where it does not. */
      async related({ tenantId, correlationId, traceId }, options) {
        const lookups: [string, string][] = [];
        if (correlationId) lookups.push(['by-correlation', correlationId]);
        if (traceId) lookups.push(['by-trace', traceId]);
        const found = await Promise.all(
          lookups.map(async ([route, value]) => {
            try {
              const list = await client.json(
                { path: `/api/v1/audits/${route}/${enc(value)}`, query: new URLSearchParams({ tenantId }), headers: tenantHeader(tenantId), signal: options?.signal },
                SummaryList,
              );
              return readRows(list, fromItem, tenantId).events;
            } catch (error) {
              if (!(error instanceof AuditApiError) || (error.kind !== 'not-found' && error.status !== 405)) throw error;
              const field = route === 'by-correlation' ? 'correlationId' : 'traceId';
              const page = await list(
                { tenantId, query: { filters: [{ field, op: 'eq', value }] }, page: { type: 'offset', offset: 0, limit: FSH_MAX_PAGE } },
                options,
              );
              return page.events;
            }
          }),
        );
        return found.flat();
      },
    };
  },
};
