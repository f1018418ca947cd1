import * as z from 'zod/mini';
import type { AuditEvent } from '../../../core/event.js';
import { BUILT_IN_FIELDS, parseDataStructure } from '../../../core/fields.js';
import { resolveTimeRange, type AuditQuery } from '../../../core/query.js';
import { enc, readOne, readRows, rows, unsupported, type Dialect } from './shared.js';

/** The cursor-paged logging API: GET /api/logging/audit/, its /filters metadata, GET and DELETE by id. */
export const LOGGING_PATH = '/api/logging/audit/';
export const LOGGING_TENANT_HEADER = 'x-tenant-id';

/** Our field names ↔ the API's entry keys (and filter parameter names). */
const KEYS: Record<string, string> = {
  timestamp: 'timestamp',
  severity: 'severity',
  action: 'action',
  resource: 'resource_type',
  resourceId: 'resource_id',
  'actor.email': 'actor_email',
  'actor.id': 'actor_id',
  ip: 'ip_address',
  source: 'source',
};
const FIELD_OF_KEY = Object.fromEntries(Object.entries(KEYS).map(([f, k]) => [k, f]));

/** An entry as the API sends it, for the mock server. */
export function toLoggingEntry(e: AuditEvent): Record<string, unknown> {
  return {
    id: e.id,
    timestamp: e.timestamp,
    tenant_id: e.tenantId,
    severity: e.severity,
    action: e.action,
    resource_type: e.resource ?? null,
    resource_id: e.resourceId ?? null,
    actor: e.actor ? { id: e.actor.id ?? null, email: e.actor.email ?? null, name: e.actor.name ?? null } : null,
    ip_address: e.ip ?? null,
    user_agent: e.userAgent ?? null,
    source: e.source ?? null,
    correlation_id: e.correlationId ?? null,
    metadata: { ...(e.payload && typeof e.payload === 'object' ? { payload: e.payload } : {}), ...(e.fields ?? {}) },
  };
}

const n = (v: unknown) => (v === null ? undefined : v);

function fromEntry(entry: Record<string, unknown>): unknown {
  const actor = (entry.actor ?? {}) as Record<string, unknown>;
  const metadata = (entry.metadata && typeof entry.metadata === 'object' ? entry.metadata : {}) as Record<string, unknown>;
  const { payload, ...fields } = metadata;
  return {
    id: entry.id,
    timestamp: entry.timestamp,
    tenantId: n(entry.tenant_id),
    severity: entry.severity ?? 'Info',
    action: entry.action,
    resource: n(entry.resource_type),
    resourceId: n(entry.resource_id),
    actor: { id: n(actor.id), email: n(actor.email), name: n(actor.name) },
    ip: n(entry.ip_address),
    userAgent: n(entry.user_agent),
    source: n(entry.source),
    correlationId: n(entry.correlation_id),
    payload: payload ?? (Object.keys(metadata).length ? metadata : undefined),
    fields: Object.keys(fields).length ? fields : undefined,
  };
}

export function loggingParams(query: AuditQuery, now: number): URLSearchParams {
  const params = new URLSearchParams();
  if (query.search) params.set('search', query.search);
  for (const s of query.severities ?? []) params.append('severity', s);
  const { from, to } = resolveTimeRange(query.timeRange, now);
  if (from !== undefined) params.set('timestamp__gte', new Date(from).toISOString());
  if (to !== undefined) params.set('timestamp__lt', new Date(to).toISOString());
  for (const filter of query.filters ?? []) {
    const key = KEYS[filter.field];
    if (!key || (filter.op !== 'eq' && filter.op !== 'in')) unsupported('logging audit', `filter "${filter.field}" with "${filter.op}"`);
    for (const v of Array.isArray(filter.value) ? filter.value : [filter.value]) params.append(key, String(v));
  }
  const sort = query.sort ?? { field: 'timestamp', direction: 'desc' };
  params.set('sort_by', KEYS[sort.field] ?? unsupported('logging audit', `sort by "${sort.field}"`));
  params.set('sort_order', sort.direction);
  return params;
}

const FiltersSchema = z.object({
  filters: z.array(z.object({ name: z.string(), label: z.string(), type: z.optional(z.string()), values: z.optional(z.array(z.string())) })),
  sortable: z.optional(z.array(z.string())),
});

export const loggingDialect: Dialect = {
  capabilities: {
    paging: 'cursor',
    total: false,
    search: true,
    stats: false,
    editDataStructure: false,
    serverExport: false,
    create: false,
    delete: true,
    filterOperators: ['eq', 'in'],
  },
  create: (client) => {
    const tenant = (tenantId: string) => ({ [LOGGING_TENANT_HEADER]: tenantId });
    return {
      async list({ tenantId, query, page }, options) {
        if (page.type !== 'cursor') unsupported('logging audit', 'page by offset');
        const params = loggingParams(query, client.now());
        params.set('limit', String(page.limit));
        if (page.cursor) params.set('cursor', page.cursor);
        const body = await client.json(
          { path: LOGGING_PATH, query: params, headers: tenant(tenantId), signal: options?.signal },
          z.object({ results: rows, next_cursor: z.optional(z.nullable(z.string())) }),
        );
        const { events, skipped } = readRows(body.results, fromEntry, tenantId);
        return { events, nextCursor: body.next_cursor ?? null, ...(skipped.length && { skipped }) };
      },
      async get({ tenantId, id }, options) {
        const body = await client.json(
          { path: `${LOGGING_PATH}${enc(id)}`, headers: tenant(tenantId), signal: options?.signal },
          z.unknown(),
        );
        return readOne(body, fromEntry, tenantId, `GET ${LOGGING_PATH}${id}`);
      },
      async getDataStructure({ tenantId }, options) {
        const meta = await client.json(
          { path: `${LOGGING_PATH}filters`, headers: tenant(tenantId), signal: options?.signal },
          FiltersSchema,
        );
        const filterable = new Set(meta.filters.map((f) => FIELD_OF_KEY[f.name] ?? f.name));
        const sortable = new Set((meta.sortable ?? ['timestamp']).map((k) => FIELD_OF_KEY[k] ?? k));
        return parseDataStructure({
          fields: BUILT_IN_FIELDS.map((f) => ({
            ...f,
            filterable: filterable.has(f.name),
            sortable: sortable.has(f.name),
            ...(f.name === 'severity' && { options: meta.filters.find((x) => x.name === 'severity')?.values }),
          })),
        });
      },
      async delete({ tenantId, id }, options) {
        await client.send({ method: 'DELETE', path: `${LOGGING_PATH}${enc(id)}`, headers: tenant(tenantId), signal: options?.signal });
      },
    };
  },
};

export const loggingKeyOf = (field: string): string => KEYS[field] ?? field;
export const fieldOfLoggingKey = (key: string): string => FIELD_OF_KEY[key] ?? key;
