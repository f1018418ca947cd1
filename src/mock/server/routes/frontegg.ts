/**
 * Frontegg's audits API as its documentation describes it, written apart from the client dialect: rows
 * keyed `_id`, `createdAt`, `user`, `email`, `action`, `resource`, `severity`, `ip`, `userAgent`, `json`
 * and the vendor's custom properties; the tenant in `frontegg-tenant-id`; `/metadata` flags as strings.
 */
import type { AuditEvent, AuditEventDraft } from '../../../core/event.js';
import type { AuditQuery } from '../../../core/query.js';
import { badRequest, csvResponse, json, readJson, requireTenant } from '../http.js';
import { fieldParams, int, listAll, sortOf, type RouteContext, type RouteTable } from './shared.js';
import { own } from '../../../core/own.js';

const FRONTEGG_TENANT_HEADER = 'frontegg-tenant-id';
/** The mock backend's fields ↔ Frontegg's row keys. */
const ROW_KEY_OF: Record<string, string> = {
  id: '_id',
  timestamp: 'createdAt',
  'actor.name': 'user',
  'actor.email': 'email',
  action: 'action',
  resource: 'resource',
  severity: 'severity',
  ip: 'ip',
  userAgent: 'userAgent',
  payload: 'json',
};
const FIELD_OF_ROW_KEY = Object.fromEntries(Object.entries(ROW_KEY_OF).map(([field, key]) => [key, field]));
const fronteggKeyOf = (field: string): string => own(ROW_KEY_OF, field) ?? field;
const fieldOfFronteggKey = (key: string): string => own(FIELD_OF_ROW_KEY, key) ?? key;

function toFronteggRow(e: AuditEvent): Record<string, unknown> {
  return {
    ...e.fields,
    _id: e.id,
    createdAt: e.timestamp,
    tenantId: e.tenantId,
    vendorId: 'vendor-1',
    updatedAt: e.timestamp,
    __v: 0,
    user: e.actor?.name,
    email: e.actor?.email,
    action: e.action,
    resource: e.resource,
    severity: e.severity,
    ip: e.ip,
    userAgent: e.userAgent,
    json: e.payload,
  };
}

const FRONTEGG_RESERVED = new Set(['offset', 'count', 'sortBy', 'sortDirection', 'filter', 'severity', 'createdAt']);

function fronteggQuery(params: URLSearchParams): AuditQuery {
  const query: AuditQuery = {};
  if (params.get('filter')) query.search = params.get('filter')!;
  if (params.getAll('severity').length) query.severities = params.getAll('severity');
  const created = params.get('createdAt');
  if (created) {
    let range: { $gt?: string; $lt?: string };
    try {
      range = JSON.parse(created) as { $gt?: string; $lt?: string };
    } catch {
      return badRequest('createdAt must be JSON such as {"$gt":"2026-01-01T00:00:00Z"}.');
    }
    query.timeRange = { ...(range.$gt && { from: range.$gt }), ...(range.$lt && { to: range.$lt }) };
  }
  const filters = fieldParams(params, FRONTEGG_RESERVED, (k) => (k === '_id' ? 'id' : fieldOfFronteggKey(k)));
  if (filters.length) query.filters = filters;
  const sort = sortOf(params.get('sortBy'), params.get('sortDirection'), fieldOfFronteggKey);
  if (sort) query.sort = sort;
  return query;
}

/**
 * GET /metadata?entityName=audits: a list of entity metadata under `rows` (Frontegg's audits UI tests stub it
 * as `{ rows: auditsMetadata }`, another entity as `{ rows: [] }`), the audits entry holding every field,
 * filterable by exact match only.
 */
async function fronteggMetadata(ctx: RouteContext, tenantId: string) {
  const ds = await ctx.backend.getDataStructure({ tenantId });
  const entry = {
    id: 'audits-metadata',
    entityName: 'audits',
    vendorId: 'vendor-1',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    theme: { styles: {} },
    properties: ds.fields
      .filter((f) => f.name !== 'changes' && f.name !== 'id')
      .map((f) => ({
        name: fronteggKeyOf(f.name),
        displayName: f.displayName,
        type: { datetime: 'Timestamp', email: 'Email', ip: 'IpAddress', severity: 'Severity', json: 'Json', number: 'Number' }[f.type as string] ?? 'AlphaNumeric',
        sortable: f.sortable,
        filterable: f.filterable && ['string', 'email', 'ip', 'severity', 'enum'].includes(f.type),
        showInTable: f.visible,
        // Frontegg's metadata carries this flag as a string.
        showInMoreInfo: f.showInDetails ? 'true' : 'false',
      })),
  };
  return { rows: [entry] };
}

const fronteggTenant = (ctx: RouteContext) => requireTenant(ctx.request.headers.get(FRONTEGG_TENANT_HEADER), `the ${FRONTEGG_TENANT_HEADER} header`);

export const fronteggRoutes: RouteTable = [
  ['GET', /^\/audits\/?$/, async (ctx) => {
    const tenantId = fronteggTenant(ctx);
    const p = ctx.url.searchParams;
    const page = await listAll(ctx, tenantId, fronteggQuery(p), int(p.get('offset'), 'offset', 0), Math.min(int(p.get('count'), 'count', 20), 1000));
    return json({ data: page.events.map(toFronteggRow), total: page.total });
  }],
  ['GET', /^\/audits\/stats$/, async (ctx) => {
    const tenantId = fronteggTenant(ctx);
    const day = await ctx.backend.stats({ tenantId, query: { timeRange: { preset: '24h' } } });
    const week = await ctx.backend.stats({ tenantId, query: { timeRange: { preset: '7d' } } });
    return json({ totalToday: day.total, severeThisWeek: week.bySeverity.filter((s) => s.rank >= 50).reduce((n, s) => n + s.count, 0) });
  }],
  ['POST', /^\/audits\/?$/, async (ctx) => {
    const tenantId = fronteggTenant(ctx);
    const row = (await readJson(ctx.request)) as Record<string, unknown>;
    const { _id: _ignored, createdAt, user, email, json: payload, tenantId: _t, ...rest } = row;
    const known = new Set(['action', 'resource', 'severity', 'ip', 'userAgent']);
    const fields = Object.fromEntries(Object.entries(rest).filter(([k]) => !known.has(k)));
    const draft = {
      ...Object.fromEntries(Object.entries(rest).filter(([k]) => known.has(k))),
      ...(createdAt !== undefined && { timestamp: createdAt }),
      actor: { name: user ?? undefined, email: email ?? undefined },
      payload,
      ...(Object.keys(fields).length && { fields }),
    } as AuditEventDraft;
    return json(toFronteggRow(await ctx.backend.create({ tenantId, event: draft })), 201);
  }],
  ['POST', /^\/audits\/export\/csv\/v2$/, async (ctx) => {
    const tenantId = fronteggTenant(ctx);
    const body = (await readJson(ctx.request)) as { properties?: { name: string; displayName: string }[] };
    const columns = (body.properties ?? []).map((p) => ({ name: fieldOfFronteggKey(p.name), displayName: p.displayName }));
    return csvResponse(await ctx.backend.exportCsv({ tenantId, query: fronteggQuery(ctx.url.searchParams), columns }));
  }],
  ['GET', /^\/metadata$/, async (ctx) => {
    // Another entity (saml, notifications) has no metadata here: an empty list, as Frontegg answers.
    if (ctx.url.searchParams.get('entityName') !== 'audits') return json({ rows: [] });
    return json(await fronteggMetadata(ctx, fronteggTenant(ctx)));
  }],
];

