import { FSH_EVENT_TYPES, FSH_MAX_PAGE, flagsToTags, toFshItem } from '../../../api/http/dialects/fsh.js';
import type { AuditEvent } from '../../../core/event.js';
import type { AuditQuery, FieldFilter } from '../../../core/query.js';
import { normalizeSeverity } from '../../../core/severity.js';
import { badRequest, json, requireTenant } from '../http.js';
import { int, listAll, type RouteTable } from './shared.js';

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

export function fshRoutes(shape: FshShape): RouteTable {
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

