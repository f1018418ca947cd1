import { LOGGING_PATH, LOGGING_TENANT_HEADER, fieldOfLoggingKey, loggingKeyOf, toLoggingEntry } from '../../../api/http/dialects/logging.js';
import type { AuditQuery } from '../../../core/query.js';
import { badRequest, json, requireTenant } from '../http.js';
import { fieldParams, int, sortOf, type RouteContext, type RouteTable } from './shared.js';

const LOGGING_RESERVED = new Set(['sort_by', 'sort_order', 'cursor', 'limit', 'search', 'severity', 'timestamp__gte', 'timestamp__lt']);
const LOGGING_FILTERS = ['action', 'resource_type', 'actor_email', 'actor_id', 'ip_address', 'source', 'severity'];
const loggingEscape = LOGGING_PATH.replace(/\//g, '\\/');
const loggingTenant = (ctx: RouteContext) => requireTenant(ctx.request.headers.get(LOGGING_TENANT_HEADER), `the ${LOGGING_TENANT_HEADER} header`);

export const loggingRoutes: RouteTable = [
  ['GET', new RegExp(`^${loggingEscape}?$`), async (ctx) => {
    const tenantId = loggingTenant(ctx);
    const p = ctx.url.searchParams;
    const query: AuditQuery = {};
    if (p.get('search')) query.search = p.get('search')!;
    if (p.getAll('severity').length) query.severities = p.getAll('severity');
    const from = p.get('timestamp__gte');
    const to = p.get('timestamp__lt');
    if (from || to) query.timeRange = { ...(from && { from }), ...(to && { to }) };
    const filters = fieldParams(p, LOGGING_RESERVED, fieldOfLoggingKey);
    for (const f of filters) if (!LOGGING_FILTERS.includes(loggingKeyOf(f.field))) badRequest(`Unknown filter "${loggingKeyOf(f.field)}".`);
    if (filters.length) query.filters = filters;
    const sort = sortOf(p.get('sort_by') ?? 'timestamp', p.get('sort_order'), fieldOfLoggingKey);
    if (sort) query.sort = sort;
    const page = await ctx.backend.list({
      tenantId,
      query,
      page: { type: 'cursor', cursor: p.get('cursor'), limit: Math.min(int(p.get('limit'), 'limit', 50), 500) },
    });
    return json({ results: page.events.map(toLoggingEntry), next_cursor: page.nextCursor ?? null });
  }],
  ['GET', new RegExp(`^${loggingEscape}filters$`), async (ctx) => {
    loggingTenant(ctx);
    return json({
      filters: LOGGING_FILTERS.map((name) => ({
        name,
        label: name.replace(/_/g, ' '),
        type: name === 'severity' ? 'choice' : 'string',
        ...(name === 'severity' && { values: ['Info', 'Medium', 'High', 'Error', 'Critical'] }),
      })),
      sortable: ['timestamp', 'action', 'severity'],
    });
  }],
  ['GET', new RegExp(`^${loggingEscape}([^/]+)$`), async (ctx, m) =>
    json(toLoggingEntry(await ctx.backend.get({ tenantId: loggingTenant(ctx), id: decodeURIComponent(m[1]!) })))],
  ['DELETE', new RegExp(`^${loggingEscape}([^/]+)$`), async (ctx, m) => {
    const tenantId = loggingTenant(ctx);
    if (!ctx.canWrite) {
      return json({ error: { kind: 'forbidden', message: 'Deleting audit entries needs the audit:write scope.' } }, 403);
    }
    await ctx.backend.delete({ tenantId, id: decodeURIComponent(m[1]!) });
    return new Response(null, { status: 204 });
  }],
];

