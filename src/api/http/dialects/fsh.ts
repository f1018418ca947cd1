import * as z from 'zod/mini';
import type { AuditEvent } from '../../../core/event.js';
import { defaultDataStructure } from '../../../core/fields.js';
import { resolveTimeRange, type AuditQuery } from '../../../core/query.js';
import { AuditApiError } from '../../errors.js';
import { enc, readOne, readRows, unsupported, type Dialect } from './shared.js';

/** fullstackhero's GET /api/v1/audits: pages of at most 100, tenant as a parameter. */
export const FSH_MAX_PAGE = 100;
/** Event types by their enum value. */
export const FSH_EVENT_TYPES = ['None', 'EntityChange', 'Security', 'Activity', 'Exception'];
/** Tag names by bit: tags travel as one integer of flags (bit i set = FSH_TAGS[i]). */
export const FSH_TAGS = ['pii', 'auth', 'admin', 'billing', 'ops', 'webhooks', 'security', 'sampled'];

export function tagsToFlags(tags: readonly string[] | undefined): number {
  return (tags ?? []).reduce((flags, tag) => {
    const bit = FSH_TAGS.indexOf(tag.toLowerCase());
    return bit < 0 ? flags : flags | (1 << bit);
  }, 0);
}

export function flagsToTags(flags: number): string[] {
  return FSH_TAGS.filter((_, bit) => (flags & (1 << bit)) !== 0);
}

/** Our filterable fields ↔ the query parameters the API takes (equality only). */
const PARAMS: Record<string, string> = {
  'actor.id': 'userId',
  source: 'source',
  correlationId: 'correlationId',
  traceId: 'traceId',
  eventType: 'eventType',
  tags: 'tags',
};
const SORTS: Record<string, string> = {
  timestamp: 'occurredAtUtc',
  severity: 'severity',
  eventType: 'eventType',
  source: 'source',
  'actor.name': 'userName',
};

/** An item as fullstackhero sends it (enums as names), for the mock server. */
export function toFshItem(e: AuditEvent): Record<string, unknown> {
  return {
    id: e.id,
    occurredAtUtc: e.timestamp.replace(/Z$/, ''),
    tenantId: e.tenantId,
    eventType: e.eventType ?? 'Activity',
    severity: e.severity,
    userId: e.actor?.id ?? null,
    userName: e.actor?.name ?? e.actor?.email ?? null,
    traceId: e.traceId ?? null,
    correlationId: e.correlationId ?? null,
    requestId: e.requestId ?? null,
    source: e.source ?? null,
    tags: tagsToFlags(e.tags),
    action: e.action,
    entityName: e.resource ?? null,
    entityId: e.resourceId ?? null,
    ipAddress: e.ip ?? null,
    changes: (e.changes ?? []).map((c) => ({ propertyName: c.field, oldValue: c.before ?? null, newValue: c.after ?? null })),
    payload: e.payload ?? null,
  };
}

const n = (v: unknown) => (v === null ? undefined : v);

function fromItem(item: Record<string, unknown>): unknown {
  const eventType = typeof item.eventType === 'number' ? FSH_EVENT_TYPES[item.eventType] : item.eventType;
  const changes = Array.isArray(item.changes)
    ? item.changes.map((c: Record<string, unknown>) => ({ field: c.propertyName, before: n(c.oldValue), after: n(c.newValue) }))
    : undefined;
  return {
    id: item.id,
    timestamp: item.occurredAtUtc,
    tenantId: n(item.tenantId),
    severity: item.severity,
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
    tags: typeof item.tags === 'number' ? flagsToTags(item.tags) : item.tags,
    changes: changes?.length ? changes : undefined,
    payload: n(item.payload),
  };
}

export function fshParams(query: AuditQuery, now: number): URLSearchParams {
  const params = new URLSearchParams();
  if (query.search) params.set('search', query.search);
  for (const s of query.severities ?? []) params.append('severity', s);
  const { from, to } = resolveTimeRange(query.timeRange, now);
  if (from !== undefined) params.set('fromUtc', new Date(from).toISOString());
  if (to !== undefined) params.set('toUtc', new Date(to).toISOString());
  for (const filter of query.filters ?? []) {
    if (filter.field === 'timestamp' && (filter.op === 'after' || filter.op === 'before' || filter.op === 'between')) {
      const [a, b] = Array.isArray(filter.value) ? filter.value : [filter.value, filter.value];
      if (filter.op !== 'before') params.set('fromUtc', new Date(String(a)).toISOString());
      if (filter.op !== 'after') params.set('toUtc', new Date(String(b)).toISOString());
      continue;
    }
    const param = PARAMS[filter.field];
    if (!param || filter.op !== 'eq' || Array.isArray(filter.value)) {
      unsupported('fullstackhero audits', `filter "${filter.field}" with "${filter.op}"`);
    }
    params.set(param, filter.field === 'tags' ? String(tagsToFlags([String(filter.value)])) : String(filter.value));
  }
  if (query.sort) {
    const sort = SORTS[query.sort.field] ?? unsupported('fullstackhero audits', `sort by "${query.sort.field}"`);
    params.set('sort', `${sort} ${query.sort.direction}`);
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

/** Only what the API can filter and sort is offered. */
const DATA_STRUCTURE = (() => {
  const ds = defaultDataStructure();
  for (const f of ds.fields) {
    f.filterable = f.name === 'timestamp' || f.name in PARAMS;
    f.sortable = f.name in SORTS;
    if (f.name === 'eventType') f.visible = true;
  }
  return ds;
})();

export const fshDialect: Dialect = {
  capabilities: {
    paging: 'offset',
    total: true,
    search: true,
    stats: false,
    editDataStructure: false,
    serverExport: false,
    create: false,
    delete: false,
    filterOperators: ['eq', 'before', 'after', 'between'],
  },
  create: (client) => ({
    async list({ tenantId, query, page }, options) {
      if (page.type !== 'offset') unsupported('fullstackhero audits', 'page by cursor');
      const size = Math.min(page.limit, FSH_MAX_PAGE);
      const firstPage = Math.floor(page.offset / size);
      const skip = page.offset - firstPage * size;
      const fetchPage = async (index: number) => {
        const params = fshParams(query, Date.now());
        params.set('tenantId', tenantId);
        params.set('pageNumber', String(index + 1));
        params.set('pageSize', String(size));
        const body = await client.json({ path: '/api/v1/audits', query: params, signal: options?.signal }, PageSchema);
        return { list: body.items ?? body.data ?? [], total: body.totalCount };
      };
      const first = await fetchPage(firstPage);
      // An offset between page boundaries needs the next page too.
      const list = skip ? [...first.list, ...(await fetchPage(firstPage + 1)).list] : first.list;
      const { events, skipped } = readRows(list.slice(skip, skip + size), fromItem, tenantId);
      return { events, total: first.total, offset: page.offset, ...(skipped.length && { skipped }) };
    },
    async get({ tenantId, id }, options) {
      const body = await client.json(
        { path: `/api/v1/audits/${enc(id)}`, query: new URLSearchParams({ tenantId }), signal: options?.signal },
        z.unknown(),
      );
      if (body === null) throw new AuditApiError('not-found', `No audit event with id "${id}".`, { status: 404 });
      return readOne(body, fromItem, tenantId, `GET /api/v1/audits/${id}`);
    },
    async getDataStructure() {
      return structuredClone(DATA_STRUCTURE);
    },
  }),
};
