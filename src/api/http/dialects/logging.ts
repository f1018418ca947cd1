import * as z from 'zod/mini';
import { BUILT_IN_FIELDS, parseDataStructure, type DataStructure } from '../../../core/fields.js';
import { resolveTimeRange, type AuditQuery } from '../../../core/query.js';
import { AuditApiError } from '../../errors.js';
import { enc, readOne, readRows, unsupported, type Dialect } from './shared.js';
import { fallbackMetadata, readFilterMetadata, type FilterMetadata } from './loggingMetadata.js';
import { untilAborted } from '../../sleep.js';
import { LOGGING_CAPABILITIES } from './catalog.js';

/**
 * A cursor-paged logging API: `GET /api/logging/audit/` with its `/filters` metadata, `GET` and `DELETE`
 * by id; `audit:read` lists, `audit:write` deletes. Its page model is only named in its documentation, so
 * the common shapes are all read: `{ items | results | data, next_cursor | next_page | nextCursor,
 * previous_page?, total? }` (fastapi-pagination's CursorPage is `items` + `next_page`).
 */
export const LOGGING_PATH = '/api/logging/audit/';
const LOGGING_TENANT_HEADER = 'x-tenant-id';

const LIST_KEYS = ['items', 'results', 'data'] as const;
const CURSOR_KEYS = ['next_cursor', 'next_page', 'nextCursor'] as const;

const n = (v: unknown) => (v === null ? undefined : v);
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const first = (...values: unknown[]) => values.find((v) => v !== undefined && v !== null);

/** An entry, whether its actor, IP and resource come flat (`actor_email`, `ip_address`) or nested (`actor.email`, `ip`). */
function fromEntry(entry: Record<string, unknown>): unknown {
  const actor = obj(entry.actor);
  const resource = obj(entry.resource);
  const metadata = obj(first(entry.metadata, entry.details));
  const { payload, ...fields } = metadata;
  return {
    id: first(entry.id, entry.uuid),
    timestamp: first(entry.timestamp, entry.created_at, entry.createdAt),
    tenantId: n(first(entry.tenant_id, entry.tenantId)),
    severity: first(entry.severity, entry.level) ?? 'info',
    action: first(entry.action, entry.event, entry.event_type),
    resource: n(first(entry.resource_type, resource.type, typeof entry.resource === 'string' ? entry.resource : undefined)),
    resourceId: n(first(entry.resource_id, resource.id)),
    actor: {
      id: n(first(entry.actor_id, actor.id, typeof entry.actor === 'string' ? entry.actor : undefined)),
      email: n(first(entry.actor_email, actor.email)),
      name: n(first(entry.actor_name, actor.name)),
    },
    ip: n(first(entry.ip_address, entry.ip, actor.ip)),
    userAgent: n(first(entry.user_agent, entry.userAgent)),
    source: n(entry.source),
    correlationId: n(first(entry.correlation_id, entry.request_id)),
    payload: payload ?? (Object.keys(metadata).length ? metadata : undefined),
    fields: Object.keys(fields).length ? fields : undefined,
  };
}

/** The list's parameters, named as the server's `/filters` metadata names them. */
export function loggingParams(query: AuditQuery, now: number, meta: FilterMetadata): URLSearchParams {
  const params = new URLSearchParams();
  if (query.search) params.set('search', query.search);
  const severity = meta.paramOf.get('severity') ?? 'severity';
  for (const s of query.severities ?? []) params.append(severity, meta.severityValue(s));
  const { from, to } = resolveTimeRange(query.timeRange, now);
  if (from !== undefined) params.set('timestamp__gte', new Date(from).toISOString());
  if (to !== undefined) params.set('timestamp__lt', new Date(to).toISOString());
  for (const filter of query.filters ?? []) {
    const key = meta.paramOf.get(filter.field);
    if (!key || (filter.op !== 'eq' && filter.op !== 'in')) unsupported('logging audit', `filter "${filter.field}" with "${filter.op}"`);
    for (const v of Array.isArray(filter.value) ? filter.value : [filter.value]) params.append(key, String(v));
  }
  const sort = query.sort ?? { field: 'timestamp', direction: 'desc' };
  const sortKey = meta.sortParamOf.get(sort.field) ?? unsupported('logging audit', `sort by "${sort.field}"`);
  params.set('sort_by', sortKey);
  params.set('sort_order', sort.direction);
  return params;
}

/** A page in any of the shapes, or an error naming the keys that did arrive. */
function readPage(body: unknown, what: string): { list: unknown[]; next: string | null; total?: number } {
  const page = obj(body);
  const listKey = LIST_KEYS.find((k) => Array.isArray(page[k]));
  const cursorKey = CURSOR_KEYS.find((k) => k in page);
  const next = cursorKey ? page[cursorKey] : null;
  if (!listKey || (next !== null && next !== undefined && typeof next !== 'string')) {
    const keys = Array.isArray(body) ? '(an array)' : Object.keys(page).map((k) => `"${k}"`).join(', ') || '(none)';
    throw new AuditApiError(
      'invalid-response',
      `${what} answered with keys ${keys}. Expected a list under "items", "results" or "data" and a cursor under "next_cursor", "next_page" or "nextCursor".`,
      { issues: [`(root): keys ${keys}`] },
    );
  }
  const total = typeof page.total === 'number' ? page.total : undefined;
  return { list: page[listKey] as unknown[], next: typeof next === 'string' && next ? next : null, ...(total !== undefined && { total }) };
}

/** A 403 names the scope the token lacks. */
async function needing<T>(scope: string, doing: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof AuditApiError && error.kind === 'forbidden') {
      throw new AuditApiError('forbidden', `${doing} needs the "${scope}" permission, which this session does not have. ${error.message}`, {
        status: 403,
        cause: error,
      });
    }
    throw error;
  }
}

export const loggingDialect: Dialect = {
  capabilities: LOGGING_CAPABILITIES,
  create: (client) => {
    const tenant = (tenantId: string) => ({ [LOGGING_TENANT_HEADER]: tenantId });
    // The metadata per tenant, asked once; anything but a refusal falls back to the documented names.
    const metadata = new Map<string, Promise<FilterMetadata>>();
    const metaOf = (tenantId: string, signal?: AbortSignal): Promise<FilterMetadata> => {
      let found = metadata.get(tenantId);
      if (!found) {
        // Shared by every caller, so tied to none of their signals: one caller giving up (a search typed
        // over) must not fail the others. Each caller stops waiting on its own signal.
        found = client
          .json({ path: `${LOGGING_PATH}filters`, headers: tenant(tenantId) }, z.unknown())
          .then(readFilterMetadata, (error: unknown) => {
            metadata.delete(tenantId);
            if (error instanceof AuditApiError && (error.kind === 'invalid-response' || error.kind === 'not-found')) return fallbackMetadata();
            throw error;
          });
        metadata.set(tenantId, found);
      }
      return untilAborted(found, signal);
    };
    return {
      async list({ tenantId, query, page }, options) {
        if (page.type !== 'cursor') unsupported('logging audit', 'page by offset');
        return needing('audit:read', 'Reading the audit log', async () => {
          const params = loggingParams(query, client.now(), await metaOf(tenantId, options?.signal));
          // `limit` as documented; `size` as fastapi-pagination names it.
          params.set('limit', String(page.limit));
          params.set('size', String(page.limit));
          if (page.cursor) params.set('cursor', page.cursor);
          const body = await client.json({ path: LOGGING_PATH, query: params, headers: tenant(tenantId), signal: options?.signal }, z.unknown());
          const { list, next, total } = readPage(body, `GET ${LOGGING_PATH}`);
          const { events, skipped } = readRows(list, fromEntry, tenantId);
          return { events, nextCursor: next, ...(total !== undefined && { total }), ...(skipped.length && { skipped }) };
        });
      },
      async get({ tenantId, id }, options) {
        return needing('audit:read', 'Reading the audit log', async () => {
          const body = await client.json({ path: `${LOGGING_PATH}${enc(id)}`, headers: tenant(tenantId), signal: options?.signal }, z.unknown());
          return readOne(body, fromEntry, tenantId, `GET ${LOGGING_PATH}${id}`);
        });
      },
      async getDataStructure({ tenantId }, options): Promise<DataStructure> {
        const meta = await metaOf(tenantId, options?.signal);
        return parseDataStructure({
          fields: BUILT_IN_FIELDS.map((f) => ({
            ...f,
            filterable: f.name === 'timestamp' || meta.paramOf.has(f.name),
            sortable: meta.sortParamOf.has(f.name),
            ...(f.name === 'severity' && { filterable: true, options: meta.severities }),
            ...(meta.labelOf.get(f.name) && { displayName: meta.labelOf.get(f.name) }),
            ...(meta.valuesOf.get(f.name) && f.name !== 'severity' && { options: meta.valuesOf.get(f.name) }),
          })),
        });
      },
      async delete({ tenantId, id }, options) {
        await needing('audit:write', 'Deleting an audit event', () =>
          client.send({ method: 'DELETE', path: `${LOGGING_PATH}${enc(id)}`, headers: tenant(tenantId), signal: options?.signal }),
        );
      },
    };
  },
};
