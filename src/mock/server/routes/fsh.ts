/**
 * fullstackhero's audit API, as its source documents it (Modules.Auditing, v1), written apart from the
 * client dialect: `GET /api/v1/audits` (PagedResponse of AuditSummaryDto, page size 1–100, newest first,
 * a 7-day default window and a 90-day maximum), `GET /api/v1/audits/{id}` (AuditDetailDto with its
 * payload), `/by-correlation/{id}` and `/by-trace/{id}` (arrays). Enums go out as names (tags as flag
 * integers), or all as numbers with `enums: 'numbers'`.
 */
import type { AuditEvent } from '../../../core/event.js';
import type { AuditQuery, FieldFilter } from '../../../core/query.js';
import { normalizeSeverity, type SeverityLevel } from '../../../core/severity.js';
import { json, requireTenant } from '../http.js';
import { int, type RouteContext, type RouteTable } from './shared.js';

/** `AuditSeverity`. */
const SEVERITY = { None: 0, Trace: 1, Debug: 2, Information: 3, Warning: 4, Error: 5, Critical: 6 } as const;
/** `AuditEventType`. */
const EVENT_TYPE = { None: 0, EntityChange: 1, Security: 2, Activity: 3, Exception: 4 } as const;
/** `AuditTag` ([Flags]). */
const TAG = { PiiMasked: 1, OutOfQuota: 2, Sampled: 4, RetainedLong: 8, HealthCheck: 16, Authentication: 32, Authorization: 64 } as const;

/** How the mock's own events map onto those enums. */
const SEVERITY_OF_LEVEL: Record<SeverityLevel, keyof typeof SEVERITY> = {
  unknown: 'None', trace: 'Trace', debug: 'Debug', info: 'Information', warning: 'Warning', high: 'Warning', error: 'Error', critical: 'Critical',
};
const TAG_OF_MOCK_TAG: Record<string, keyof typeof TAG> = { pii: 'PiiMasked', sampled: 'Sampled', auth: 'Authentication', security: 'Authorization' };
const DAY = 86_400_000;
const DEFAULT_WINDOW = 7 * DAY;
const MAX_WINDOW = 90 * DAY;

export interface FshShape {
  /** Where the list goes (fullstackhero's PagedResponse says `items`; some proxies rename it). @default 'items' */
  listKey?: 'items' | 'data';
  /** Enums as names or integers. @default 'names' */
  enums?: 'names' | 'numbers';
}

const byName = <T extends Record<string, number>>(table: T, value: string): keyof T | undefined => {
  if (/^\d+$/.test(value)) return (Object.keys(table) as (keyof T)[]).find((k) => table[k] === Number(value));
  return (Object.keys(table) as (keyof T)[]).find((k) => String(k).toLowerCase() === value.toLowerCase());
};

function badRequestError(errors: Record<string, string[]>): Response {
  return json({ type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1', title: 'One or more validation errors occurred.', status: 400, errors }, 400);
}

export function fshRoutes(shape: FshShape): RouteTable {
  const numbers = shape.enums === 'numbers';
  const severityOf = (e: AuditEvent) => SEVERITY_OF_LEVEL[normalizeSeverity(e.severity).level];
  const flagsOf = (e: AuditEvent) =>
    (e.tags ?? []).reduce((flags, tag) => {
      const name = TAG_OF_MOCK_TAG[tag];
      return name ? flags | TAG[name] : flags;
    }, 0);
  const summary = (e: AuditEvent) => ({
    id: e.id,
    occurredAtUtc: e.timestamp.replace(/Z$/, ''),
    eventType: numbers ? EVENT_TYPE[(e.eventType ?? 'Activity') as keyof typeof EVENT_TYPE] ?? 0 : e.eventType ?? 'None',
    severity: numbers ? SEVERITY[severityOf(e)] : severityOf(e),
    tenantId: e.tenantId,
    userId: e.actor?.id ?? null,
    userName: e.actor?.name ?? e.actor?.email ?? null,
    traceId: e.traceId ?? null,
    correlationId: e.correlationId ?? null,
    requestId: e.requestId ?? null,
    source: e.source ?? null,
    tags: flagsOf(e),
  });
  const detail = (e: AuditEvent) => ({
    ...summary(e),
    receivedAtUtc: e.timestamp.replace(/Z$/, ''),
    spanId: null,
    payload: { action: e.action, entity: e.resource ?? null, entityId: e.resourceId ?? null, ...(e.payload && typeof e.payload === 'object' && !Array.isArray(e.payload) ? e.payload : {}) },
  });

  /** The tenant: Finbuckle's `tenant` header, or the `tenantId` parameter. */
  const tenantOf = (ctx: RouteContext) =>
    requireTenant(ctx.url.searchParams.get('tenantId') ?? ctx.request.headers.get('tenant'), 'the tenantId parameter or the tenant header');

  /** Every event of the tenant matching `query`, newest first. */
  const all = async (ctx: RouteContext, tenantId: string, query: AuditQuery) => {
    const out: AuditEvent[] = [];
    for (let offset = 0; ; offset += 1000) {
      const page = await ctx.backend.list({ tenantId, query, page: { type: 'offset', offset, limit: 1000 } });
      out.push(...page.events);
      if (page.events.length < 1000) return out;
    }
  };

  return [
    ['GET', /^\/api\/v1\/audits\/?$/, async (ctx) => {
      const p = ctx.url.searchParams;
      const tenantId = tenantOf(ctx);
      const pageSize = int(p.get('pageSize'), 'pageSize', 10);
      const pageNumber = int(p.get('pageNumber'), 'pageNumber', 1);
      if (pageSize < 1 || pageSize > 100) return badRequestError({ PageSize: ['Page size must be between 1 and 100.'] });
      if (pageNumber < 1) return badRequestError({ PageNumber: ['Page number must be between 1 and 1000000.'] });
      const fromParam = p.get('fromUtc');
      const toParam = p.get('toUtc');
      const now = ctx.now();
      const to = toParam ? Date.parse(toParam) : now;
      let from = fromParam ? Date.parse(fromParam) : to - DEFAULT_WINDOW;
      if (fromParam && toParam && to - from > MAX_WINDOW) {
        return badRequestError({ '': ['The time window must not exceed 90 days.'] });
      }
      if (to - from > MAX_WINDOW) from = to - MAX_WINDOW;
      const filters: FieldFilter[] = [
        { field: 'timestamp', op: 'between', value: [new Date(from).toISOString(), new Date(to + 1).toISOString()] },
      ];
      const eq = (param: string, field: string) => {
        const v = p.get(param);
        if (v) filters.push({ field, op: 'eq', value: v });
      };
      eq('userId', 'actor.id');
      eq('source', 'source');
      eq('correlationId', 'correlationId');
      eq('traceId', 'traceId');
      const eventType = p.get('eventType');
      if (eventType) {
        const name = byName(EVENT_TYPE, eventType);
        if (!name) return badRequestError({ EventType: [`The value '${eventType}' is not valid.`] });
        filters.push({ field: 'eventType', op: 'eq', value: name });
      }
      const query: AuditQuery = { filters };
      const severity = p.get('severity');
      let severityName: keyof typeof SEVERITY | undefined;
      if (severity) {
        severityName = byName(SEVERITY, severity);
        if (!severityName) return badRequestError({ Severity: [`The value '${severity}' is not valid.`] });
      }
      const tags = p.get('tags');
      const mask = tags ? Number(tags) || Object.entries(TAG).reduce((m, [k, bit]) => (tags.split(/,\s*/).includes(k) ? m | bit : m), 0) : 0;
      if (p.get('search')) query.search = p.get('search')!;
      // Its severity and tags stand for the mock backend's own labels and tags: ask the backend for those,
      // so a page is one backend page (not a scan of everything).
      if (severityName) {
        const { bySeverity } = await ctx.backend.stats({ tenantId, query: {} });
        const labels = bySeverity.filter((c) => SEVERITY_OF_LEVEL[normalizeSeverity(c.label).level] === severityName).map((c) => c.label);
        query.severities = labels.length ? labels : ['(none)'];
      }
      if (mask) {
        const mockTags = Object.entries(TAG_OF_MOCK_TAG).filter(([, name]) => (TAG[name] & mask) !== 0).map(([tag]) => tag);
        filters.push({ field: 'tags', op: 'in', value: mockTags.length ? mockTags : ['(none)'] });
      }
      const start = (pageNumber - 1) * pageSize;
      const page = await ctx.backend.list({ tenantId, query, page: { type: 'offset', offset: start, limit: pageSize } });
      const totalCount = page.total ?? 0;
      return json({
        [shape.listKey ?? 'items']: page.events.map(summary),
        pageNumber,
        pageSize,
        totalCount,
        totalPages: Math.ceil(totalCount / pageSize),
        hasNext: pageNumber < Math.ceil(totalCount / pageSize),
        hasPrevious: pageNumber > 1,
      });
    }],
    ['GET', /^\/api\/v1\/audits\/summary$/, async (ctx) => {
      const p = ctx.url.searchParams;
      const tenantId = tenantOf(ctx);
      const to = p.get('toUtc') ? Date.parse(p.get('toUtc')!) : ctx.now();
      const from = p.get('fromUtc') ? Date.parse(p.get('fromUtc')!) : to - DEFAULT_WINDOW;
      const events = await all(ctx, tenantId, {
        filters: [{ field: 'timestamp', op: 'between', value: [new Date(from).toISOString(), new Date(to + 1).toISOString()] }],
      });
      const count = (key: (e: AuditEvent) => string) =>
        events.reduce<Record<string, number>>((acc, e) => ({ ...acc, [key(e)]: (acc[key(e)] ?? 0) + 1 }), {});
      return json({
        eventsByType: count((e) => e.eventType ?? 'None'),
        eventsBySeverity: count((e) => (numbers ? String(SEVERITY[severityOf(e)]) : severityOf(e))),
        eventsBySource: count((e) => e.source ?? ''),
        eventsByTenant: { [tenantId]: events.length },
      });
    }],
    ['GET', /^\/api\/v1\/audits\/(by-correlation|by-trace)\/([^/]+)$/, async (ctx, m) => {
      const tenantId = tenantOf(ctx);
      const field = m[1] === 'by-correlation' ? 'correlationId' : 'traceId';
      const events = await all(ctx, tenantId, { filters: [{ field, op: 'eq', value: decodeURIComponent(m[2]!) }] });
      return json(events.map(summary));
    }],
    ['GET', /^\/api\/v1\/audits\/([^/]+)$/, async (ctx, m) => {
      const tenantId = tenantOf(ctx);
      return json(detail(await ctx.backend.get({ tenantId, id: decodeURIComponent(m[1]!) })));
    }],
  ];
}
