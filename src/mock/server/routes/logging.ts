/**
 * The cursor-paged logging API as its documentation describes it, written apart from the client dialect:
 * `GET /api/logging/audit/` (a cursor page; `limit`, or `size` as fastapi-pagination names it, at most
 * 500), `GET …/filters` (an open metadata object), `GET` and `DELETE …/{id}` (delete needs `audit:write`).
 * The page shape, entry shape and metadata shape are switchable, to feed a client every form it may meet.
 */
import type { AuditEvent } from '../../../core/event.js';
import type { AuditQuery, FieldFilter } from '../../../core/query.js';
import { normalizeSeverity, type SeverityLevel } from '../../../core/severity.js';
import { badRequest, json, requireTenant } from '../http.js';
import { int, type RouteContext, type RouteTable } from './shared.js';
import { own } from '../../../core/own.js';

export interface LoggingShape {
  /** `{ results, next_cursor }` or fastapi-pagination's CursorPage `{ items, next_page, previous_page, total }`. @default 'results' */
  page?: 'results' | 'items';
  /** Actor, IP and resource flat (`actor_email`) or nested (`actor.email`). @default 'nested' */
  entries?: 'flat' | 'nested';
  /** `/filters` as a list, as a map keyed by parameter, or as something no client can read. @default 'list' */
  filters?: 'list' | 'map' | 'garbage';
}

const PATH = '/api/logging/audit/';
const ESCAPED = PATH.replace(/\//g, '\\/');
/** Its severity words, lowest first. */
const SEVERITIES = ['debug', 'info', 'warning', 'error', 'critical'] as const;
const SEVERITY_OF_LEVEL: Record<SeverityLevel, (typeof SEVERITIES)[number]> = {
  unknown: 'info', trace: 'debug', debug: 'debug', info: 'info', warning: 'warning', high: 'warning', error: 'error', critical: 'critical',
};
/** Filter parameters → the mock backend's fields. */
const FILTERS: Record<string, string> = {
  action: 'action',
  resource_type: 'resource',
  actor_email: 'actor.email',
  actor_id: 'actor.id',
  ip_address: 'ip',
  source: 'source',
};
const SORTS: Record<string, string> = { timestamp: 'timestamp', action: 'action', severity: 'severity' };
const LABELS: Record<string, string> = {
  action: 'Action', resource_type: 'Resource type', actor_email: 'Actor email', actor_id: 'Actor ID', ip_address: 'IP address', source: 'Source', severity: 'Severity',
};

export function loggingRoutes(shape: LoggingShape = {}): RouteTable {
  const severityOf = (e: AuditEvent) => SEVERITY_OF_LEVEL[normalizeSeverity(e.severity).level];
  const entry = (e: AuditEvent) => {
    const common = {
      id: e.id,
      timestamp: e.timestamp,
      tenant_id: e.tenantId,
      severity: severityOf(e),
      action: e.action,
      user_agent: e.userAgent ?? null,
      source: e.source ?? null,
      correlation_id: e.correlationId ?? null,
      metadata: { ...(e.payload && typeof e.payload === 'object' ? { payload: e.payload } : {}), ...(e.fields ?? {}) },
    };
    return shape.entries === 'flat'
      ? {
          ...common,
          actor_id: e.actor?.id ?? null,
          actor_email: e.actor?.email ?? null,
          actor_name: e.actor?.name ?? null,
          ip_address: e.ip ?? null,
          resource_type: e.resource ?? null,
          resource_id: e.resourceId ?? null,
        }
      : {
          ...common,
          actor: e.actor ? { id: e.actor.id ?? null, email: e.actor.email ?? null, name: e.actor.name ?? null } : null,
          ip: e.ip ?? null,
          resource: { type: e.resource ?? null, id: e.resourceId ?? null },
        };
  };
  const tenantOf = (ctx: RouteContext) => requireTenant(ctx.request.headers.get('x-tenant-id'), 'the X-Tenant-Id header');
  const forbidden = (scope: string) => json({ detail: `Missing scope: ${scope}` }, 403);

  return [
    ['GET', new RegExp(`^${ESCAPED}?$`), async (ctx) => {
      const tenantId = tenantOf(ctx);
      if (!ctx.scopes.includes('audit:read')) return forbidden('audit:read');
      const p = ctx.url.searchParams;
      const filters: FieldFilter[] = [];
      for (const [param, field] of Object.entries(FILTERS)) {
        const values = p.getAll(param);
        if (values.length) filters.push(values.length === 1 ? { field, op: 'eq', value: values[0]! } : { field, op: 'in', value: values });
      }
      const from = p.get('timestamp__gte');
      const to = p.get('timestamp__lt');
      const query: AuditQuery = {
        ...(p.get('search') && { search: p.get('search')! }),
        ...((from || to) && { timeRange: { ...(from && { from }), ...(to && { to }) } }),
        ...(filters.length && { filters }),
      };
      const sortBy = p.get('sort_by') ?? 'timestamp';
      const order = p.get('sort_order') ?? 'desc';
      if (!own(SORTS, sortBy) || (order !== 'asc' && order !== 'desc')) badRequest(`Cannot sort by "${sortBy}" ${order}.`);
      query.sort = { field: own(SORTS, sortBy)!, direction: order };
      const limit = Math.min(int(p.get('limit') ?? p.get('size'), 'limit', 50), 500);
      const wanted = p.getAll('severity').map((v) => v.toLowerCase());
      for (const v of wanted) if (!(SEVERITIES as readonly string[]).includes(v)) badRequest(`Unknown severity "${v}".`);
      if (wanted.length) {
        // This server's words stand for the labels the mock backend holds.
        const { bySeverity } = await ctx.backend.stats({ tenantId, query: {} });
        const labels = bySeverity.filter((c) => wanted.includes(SEVERITY_OF_LEVEL[normalizeSeverity(c.label).level])).map((c) => c.label);
        query.severities = labels.length ? labels : ['(none)'];
      }
      const page = await ctx.backend.list({ tenantId, query, page: { type: 'cursor', cursor: p.get('cursor'), limit } });
      const next = page.nextCursor ?? null;
      const events = page.events;
      const results = events.map(entry);
      return json(
        shape.page === 'items'
          ? { items: results, next_page: next, previous_page: null, current_page: p.get('cursor'), total: null }
          : { results, next_cursor: next },
      );
    }],
    ['GET', new RegExp(`^${ESCAPED}filters$`), async (ctx) => {
      tenantOf(ctx);
      if (shape.filters === 'garbage') return json({ filters: 'all of them', sortable: 42 });
      const names = [...Object.keys(FILTERS), 'severity'];
      const spec = (name: string) => ({
        label: LABELS[name],
        type: name === 'severity' ? 'choice' : 'string',
        ...(name === 'severity' && { choices: SEVERITIES.map((value) => ({ value, label: value[0]!.toUpperCase() + value.slice(1) })) }),
      });
      return json(
        shape.filters === 'map'
          ? { filters: Object.fromEntries(names.map((name) => [name, spec(name)])), ordering: ['-timestamp', 'action', 'severity'] }
          : { filters: names.map((name) => ({ name, ...spec(name) })), sortable: Object.keys(SORTS) },
      );
    }],
    ['GET', new RegExp(`^${ESCAPED}([^/]+)$`), async (ctx, m) => {
      const tenantId = tenantOf(ctx);
      if (!ctx.scopes.includes('audit:read')) return forbidden('audit:read');
      return json(entry(await ctx.backend.get({ tenantId, id: decodeURIComponent(m[1]!) })));
    }],
    ['DELETE', new RegExp(`^${ESCAPED}([^/]+)$`), async (ctx, m) => {
      const tenantId = tenantOf(ctx);
      if (!ctx.scopes.includes('audit:write')) return forbidden('audit:write');
      await ctx.backend.delete({ tenantId, id: decodeURIComponent(m[1]!) });
      return new Response(null, { status: 204 });
    }],
  ];
}
