import type { MockAdapter } from '../createMockAdapter.js';
import { fieldOfFronteggKey, fronteggKeyOf, toFronteggRow } from '../../api/http/dialects/frontegg.js';
import { FSH_EVENT_TYPES, FSH_MAX_PAGE, flagsToTags, toFshItem } from '../../api/http/dialects/fsh.js';
import { LOGGING_PATH, fieldOfLoggingKey, loggingKeyOf, toLoggingEntry } from '../../api/http/dialects/logging.js';
import { TENANT_HEADER } from '../../api/http/dialects/native.js';
import { FRONTEGG_TENANT_HEADER } from '../../api/http/dialects/frontegg.js';
import { LOGGING_TENANT_HEADER } from '../../api/http/dialects/logging.js';
import type { AuditEvent, AuditEventDraft } from '../../core/event.js';
import { normalizeSeverity } from '../../core/severity.js';
import type { AuditQuery, AuditSort, FieldFilter } from '../../core/query.js';
import { queryFromSearchParams } from '../../core/queryUrl.js';
import { badRequest, csvResponse, json, readJson, requireTenant } from './http.js';

export interface RouteContext {
  request: Request;
  url: URL;
  backend: MockAdapter;
  /** Whether the caller holds `audit:write` (the logging dialect's delete). */
  canWrite: boolean;
}

type Route = (ctx: RouteContext, match: RegExpMatchArray) => Promise<Response>;
export type RouteTable = [method: string, path: RegExp, route: Route][];

const int = (value: string | null, name: string, fallback: number): number => {
  if (value === null) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) badRequest(`"${name}" must be a whole number, not "${value}".`);
  return n;
};

/** Wraps an event page in the envelope each dialect uses. */
async function listAll(ctx: RouteContext, tenantId: string, query: AuditQuery, offset: number, limit: number) {
  return ctx.backend.list({ tenantId, query, page: { type: 'offset', offset, limit } });
}

const nativeRoutes: RouteTable = [
  ['GET', /^\/events$/, async (ctx) => {
    const tenantId = requireTenant(ctx.request.headers.get(TENANT_HEADER), `the ${TENANT_HEADER} header`);
    const { query, issues } = queryFromSearchParams(ctx.url.searchParams);
    if (issues.length) badRequest(`Invalid query: ${issues.join('; ')}`, issues);
    const limit = int(ctx.url.searchParams.get('limit'), 'limit', 100);
    const cursor = ctx.url.searchParams.get('cursor');
    const offset = ctx.url.searchParams.get('offset');
    const page = await ctx.backend.list({
      tenantId,
      query,
      page: offset === null && cursor !== null ? { type: 'cursor', cursor, limit } : { type: 'offset', offset: int(offset, 'offset', 0), limit },
    });
    return json(page);
  }],
  ['GET', /^\/events\/([^/]+)$/, async (ctx, m) =>
    json(await ctx.backend.get({ tenantId: requireTenant(ctx.request.headers.get(TENANT_HEADER), TENANT_HEADER), id: decodeURIComponent(m[1]!) }))],
  ['GET', /^\/stats$/, async (ctx) => {
    const { query, issues } = queryFromSearchParams(ctx.url.searchParams);
    if (issues.length) badRequest(`Invalid query: ${issues.join('; ')}`, issues);
    const maxBuckets = int(ctx.url.searchParams.get('buckets'), 'buckets', 60);
    return json(await ctx.backend.stats({ tenantId: requireTenant(ctx.request.headers.get(TENANT_HEADER), TENANT_HEADER), query, maxBuckets }));
  }],
  ['GET', /^\/data-structure$/, async (ctx) =>
    json(await ctx.backend.getDataStructure({ tenantId: requireTenant(ctx.request.headers.get(TENANT_HEADER), TENANT_HEADER) }))],
  ['PUT', /^\/data-structure$/, async (ctx) => {
    const tenantId = requireTenant(ctx.request.headers.get(TENANT_HEADER), TENANT_HEADER);
    return json(await ctx.backend.saveDataStructure({ tenantId, dataStructure: (await readJson(ctx.request)) as never }));
  }],
  ['POST', /^\/events\/export$/, async (ctx) => {
    const tenantId = requireTenant(ctx.request.headers.get(TENANT_HEADER), TENANT_HEADER);
    const body = (await readJson(ctx.request)) as { query?: AuditQuery; columns?: { name: string; displayName: string }[] };
    return csvResponse(await ctx.backend.exportCsv({ tenantId, query: body.query ?? {}, columns: body.columns ?? [] }));
  }],
  ['POST', /^\/events$/, async (ctx) => {
    const tenantId = requireTenant(ctx.request.headers.get(TENANT_HEADER), TENANT_HEADER);
    return json(await ctx.backend.create({ tenantId, event: (await readJson(ctx.request)) as AuditEventDraft }), 201);
  }],
  ['DELETE', /^\/events\/([^/]+)$/, async (ctx, m) => {
    await ctx.backend.delete({ tenantId: requireTenant(ctx.request.headers.get(TENANT_HEADER), TENANT_HEADER), id: decodeURIComponent(m[1]!) });
    return new Response(null, { status: 204 });
  }],
];

/** Per-field parameters (exact matches) as filters: several values of one field mean any of them. */
function fieldParams(params: URLSearchParams, reserved: Set<string>, fieldOf: (key: string) => string, convert = (_k: string, v: string): string | number => v): FieldFilter[] {
  const filters: FieldFilter[] = [];
  for (const key of new Set(params.keys())) {
    if (reserved.has(key)) continue;
    const values = params.getAll(key).map((v) => convert(key, v));
    const field = fieldOf(key);
    filters.push(values.length === 1 ? { field, op: 'eq', value: values[0]! } : { field, op: 'in', value: values });
  }
  return filters;
}

function sortOf(field: string | null, direction: string | null, fieldOf: (key: string) => string): AuditSort | undefined {
  if (!field) return undefined;
  if (direction !== null && direction !== 'asc' && direction !== 'desc') badRequest(`Sort direction must be asc or desc, not "${direction}".`);
  return { field: fieldOf(field), direction: (direction as 'asc' | 'desc' | null) ?? 'desc' };
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

/** The structure served by GET /metadata: every field, filterable by exact match only. */
async function fronteggMetadata(ctx: RouteContext, tenantId: string) {
  const ds = await ctx.backend.getDataStructure({ tenantId });
  return {
    properties: ds.fields
      .filter((f) => f.name !== 'changes' && f.name !== 'id')
      .map((f) => ({
        name: fronteggKeyOf(f.name),
        displayName: f.displayName,
        type: { datetime: 'Timestamp', email: 'Email', ip: 'IpAddress', severity: 'Severity', json: 'Json', number: 'Number' }[f.type as string] ?? 'AlphaNumeric',
        sortable: f.sortable,
        filterable: f.filterable && ['string', 'email', 'ip', 'severity', 'enum'].includes(f.type),
        showInTable: f.visible,
        showInMoreInfo: f.showInDetails ? 'Always' : 'Never',
      })),
  };
}

const fronteggTenant = (ctx: RouteContext) => requireTenant(ctx.request.headers.get(FRONTEGG_TENANT_HEADER), `the ${FRONTEGG_TENANT_HEADER} header`);

const fronteggRoutes: RouteTable = [
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
    if (ctx.url.searchParams.get('entityName') !== 'audits') badRequest('Only entityName=audits is known here.');
    return json(await fronteggMetadata(ctx, fronteggTenant(ctx)));
  }],
];

const FSH_PARAMS: Record<string, string> = {
  userId: 'actor.id',
  source: 'source',
  correlationId: 'correlationId',
  traceId: 'traceId',
  eventType: 'eventType',
  tags: 'tags',
};
const FSH_SORTS: Record<string, string> = { occurredAtUtc: 'timestamp', severity: 'severity', eventType: 'eventType', source: 'source', userName: 'actor.name' };

export interface FshShape {
  /** Where the list goes. @default 'items' */
  listKey?: 'items' | 'data';
  /** Enums as names or integers. @default 'names' */
  enums?: 'names' | 'numbers';
}

function fshRoutes(shape: FshShape): RouteTable {
  const item = (e: AuditEvent) => {
    const i = toFshItem(e);
    if (shape.enums === 'numbers') {
      i.eventType = Math.max(0, FSH_EVENT_TYPES.indexOf(String(i.eventType)));
      const n = ['Trace', 'Debug', 'Information', 'Warning', 'Error', 'Critical'].indexOf(normalizeSeverity(e.severity).label);
      if (n >= 0) i.severity = n;
    }
    return i;
  };
  return [
    ['GET', /^\/api\/v1\/audits\/?$/, async (ctx) => {
      const p = ctx.url.searchParams;
      const tenantId = requireTenant(p.get('tenantId'), 'the tenantId parameter');
      const pageSize = int(p.get('pageSize'), 'pageSize', 20);
      const pageNumber = int(p.get('pageNumber'), 'pageNumber', 1);
      if (pageSize < 1 || pageSize > FSH_MAX_PAGE) badRequest(`pageSize must be from 1 to ${FSH_MAX_PAGE}.`);
      if (pageNumber < 1) badRequest('pageNumber starts at 1.');
      const query: AuditQuery = {};
      if (p.get('search')) query.search = p.get('search')!;
      if (p.getAll('severity').length) query.severities = p.getAll('severity');
      const from = p.get('fromUtc');
      const to = p.get('toUtc');
      if (from || to) query.timeRange = { ...(from && { from }), ...(to && { to }) };
      const filters: FieldFilter[] = [];
      for (const [param, field] of Object.entries(FSH_PARAMS)) {
        const v = p.get(param);
        if (v === null) continue;
        if (field === 'tags') {
          for (const tag of flagsToTags(Number(v))) filters.push({ field, op: 'eq', value: tag });
        } else filters.push({ field, op: 'eq', value: field === 'eventType' && /^\d+$/.test(v) ? FSH_EVENT_TYPES[Number(v)] ?? v : v });
      }
      if (filters.length) query.filters = filters;
      const sort = p.get('sort');
      if (sort) {
        const [key, dir = 'desc'] = sort.split(/\s+/);
        const field = FSH_SORTS[key!];
        if (!field || (dir !== 'asc' && dir !== 'desc')) badRequest(`Cannot sort by "${sort}".`);
        query.sort = { field, direction: dir };
      }
      const page = await listAll(ctx, tenantId, query, (pageNumber - 1) * pageSize, pageSize);
      const total = page.total ?? 0;
      return json({
        [shape.listKey ?? 'items']: page.events.map(item),
        totalCount: total,
        pageNumber,
        pageSize,
        totalPages: Math.ceil(total / pageSize),
      });
    }],
    ['GET', /^\/api\/v1\/audits\/([^/]+)$/, async (ctx, m) => {
      const tenantId = requireTenant(ctx.url.searchParams.get('tenantId'), 'the tenantId parameter');
      return json(item(await ctx.backend.get({ tenantId, id: decodeURIComponent(m[1]!) })));
    }],
  ];
}

const LOGGING_RESERVED = new Set(['sort_by', 'sort_order', 'cursor', 'limit', 'search', 'severity', 'timestamp__gte', 'timestamp__lt']);
const LOGGING_FILTERS = ['action', 'resource_type', 'actor_email', 'actor_id', 'ip_address', 'source', 'severity'];
const loggingEscape = LOGGING_PATH.replace(/\//g, '\\/');
const loggingTenant = (ctx: RouteContext) => requireTenant(ctx.request.headers.get(LOGGING_TENANT_HEADER), `the ${LOGGING_TENANT_HEADER} header`);

const loggingRoutes: RouteTable = [
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

export function routesFor(dialect: 'native' | 'frontegg' | 'fsh' | 'logging', fsh: FshShape): RouteTable {
  switch (dialect) {
    case 'native':
      return nativeRoutes;
    case 'frontegg':
      return fronteggRoutes;
    case 'fsh':
      return fshRoutes(fsh);
    case 'logging':
      return loggingRoutes;
  }
}
