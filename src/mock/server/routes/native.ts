import { TENANT_HEADER } from '../../../api/http/dialects/native.js';
import type { AuditEventDraft } from '../../../core/event.js';
import type { DataStructure } from '../../../core/fields.js';
import type { AuditQuery } from '../../../core/query.js';
import { queryFromSearchParams } from '../../../core/queryUrl.js';
import { badRequest, csvResponse, json, readJson, requireTenant } from '../http.js';
import { int, type RouteTable } from './shared.js';
import { clampBuckets } from '../../../core/histogramCap.js';
import { viewRoutes } from './views.js';

/** docs/protocol.md, served. */
export const nativeRoutes: RouteTable = [
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
      // Neither offset nor cursor: the first cursor page (docs/protocol.md), which says where the next one starts.
      page: offset === null ? { type: 'cursor', cursor, limit } : { type: 'offset', offset: int(offset, 'offset', 0), limit },
    });
    return json(page);
  }],
  ['GET', /^\/events\/([^/]+)$/, async (ctx, m) =>
    json(await ctx.backend.get({ tenantId: requireTenant(ctx.request.headers.get(TENANT_HEADER), TENANT_HEADER), id: decodeURIComponent(m[1]!) }))],
  ['GET', /^\/stats$/, async (ctx) => {
    const { query, issues } = queryFromSearchParams(ctx.url.searchParams);
    if (issues.length) badRequest(`Invalid query: ${issues.join('; ')}`, issues);
    const maxBuckets = clampBuckets(int(ctx.url.searchParams.get('buckets'), 'buckets', 60));
    return json(await ctx.backend.stats({ tenantId: requireTenant(ctx.request.headers.get(TENANT_HEADER), TENANT_HEADER), query, maxBuckets }));
  }],
  ['GET', /^\/data-structure$/, async (ctx) =>
    json(await ctx.backend.getDataStructure({ tenantId: requireTenant(ctx.request.headers.get(TENANT_HEADER), TENANT_HEADER) }))],
  ['PUT', /^\/data-structure$/, async (ctx) => {
    const tenantId = requireTenant(ctx.request.headers.get(TENANT_HEADER), TENANT_HEADER);
    // Unchecked here: the backend parses it and answers 400 with every problem.
    return json(await ctx.backend.saveDataStructure({ tenantId, dataStructure: (await readJson(ctx.request)) as DataStructure }));
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
  ...viewRoutes,
];

