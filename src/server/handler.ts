import { corsFor, withCors, type CorsOption } from '../core/cors.js';
import { CSV_BOM, csvLine, eventCsvLine, jsonLine } from '../core/csv.js';
import { DataStructureError, type DataStructure } from '../core/fields.js';
import { clampBuckets } from '../core/histogramCap.js';
import { MAX_PAGE_SIZE } from '../core/page.js';
import { AuditQueryError, parseAuditQuery, type AuditQuery } from '../core/query.js';
import { queryFromSearchParams } from '../core/queryUrl.js';
import { badRequest, errorJson, hasNul, HttpError, intParam, json, NUL_MESSAGE, readJson } from './http.js';
import type { AuditLogStore } from './store.js';
import { viewRoutes } from './views.js';

/** Who asks, as the host's `authorize` decides: the tenant (never a header the browser set, unless you say so). */
export interface AuditLogsAuth {
  tenantId: string;
  userId?: string;
  /** `audit:read`, `audit:write` (delete, record), `audit:fields` (save the data structure), `audit:views` (tenant views). */
  scopes: readonly string[];
}

export interface AuditLogsHandlerOptions {
  store: AuditLogStore | Promise<AuditLogStore>;
  /** The caller's tenant, user and scopes; `null` (or a throw) answers 401. */
  authorize: (request: Request) => AuditLogsAuth | null | undefined | Promise<AuditLogsAuth | null | undefined>;
  /** Where the protocol is mounted (`/api/audit`). @default '/' */
  basePath?: string;
  /** The largest request body in bytes. @default 1 MiB */
  maxBodyBytes?: number;
  /** The clock time presets resolve against. @default Date.now */
  now?: () => number;
  /**
   * Origins whose pages may call this handler from a browser (a front end on another origin than the API), or
   * `'*'`. Closed by default: same origin only. Preflights are answered before `authorize` runs.
   */
  cors?: CorsOption;
  /** Told of every failure answered 500 or 503 (the browser is told only that the server failed). @default console.error */
  onError?: (error: unknown, request: Request) => void;
}

/** A statement the database stopped at its timeout: PostgreSQL's query_canceled, ClickHouse's TIMEOUT_EXCEEDED. */
const timedOut = (error: unknown) => {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === '57014' || code === '159' || /TIMEOUT_EXCEEDED/.test(String(message));
};

/** What a route gets. */
export interface RouteContext {
  request: Request;
  url: URL;
  auth: AuditLogsAuth;
  store: AuditLogStore;
  now: number;
  /** The JSON body; `nul` lets U+0000 through (events to record). */
  body: (nul?: boolean) => Promise<unknown>;
  need: (scope: string) => void;
  /** The tenant's fields, for checking a query. */
  fields: () => Promise<DataStructure['fields']>;
}
export type Route = [method: string, path: RegExp, run: (ctx: RouteContext, match: RegExpMatchArray) => Promise<Response>];

/** A query from parameters or a body, checked against the tenant's data structure (400 with every problem). */
async function checked(ctx: RouteContext, raw: AuditQuery | undefined): Promise<AuditQuery> {
  let query = raw;
  if (!query) {
    const read = queryFromSearchParams(ctx.url.searchParams);
    if (read.issues.length) throw badRequest(`Invalid query: ${read.issues.join('; ')}`, read.issues);
    query = read.query;
  }
  if (hasNul(JSON.stringify(query))) throw badRequest(NUL_MESSAGE);
  try {
    return parseAuditQuery(query, await ctx.fields());
  } catch (error) {
    if (error instanceof AuditQueryError) throw badRequest(error.message, error.issues);
    throw error;
  }
}

const eventRoutes: Route[] = [
  ['GET', /^\/events$/, async (ctx) => {
    const query = await checked(ctx, undefined);
    const limit = intParam(ctx.url.searchParams, 'limit', 100, MAX_PAGE_SIZE);
    const offset = ctx.url.searchParams.get('offset');
    const page = offset === null ? { type: 'cursor' as const, cursor: ctx.url.searchParams.get('cursor'), limit } : { type: 'offset' as const, offset: intParam(ctx.url.searchParams, 'offset', 0), limit };
    return json(await ctx.store.list(ctx.auth.tenantId, query, await ctx.fields(), page, ctx.now));
  }],
  ['GET', /^\/events\/([^/]+)$/, async (ctx, m) => {
    const event = await ctx.store.get(ctx.auth.tenantId, decodeURIComponent(m[1]!));
    if (!event) throw new HttpError(404, 'not-found', 'No event with this id.');
    return json(event);
  }],
  ['GET', /^\/stats$/, async (ctx) => {
    const query = await checked(ctx, undefined);
    const buckets = clampBuckets(intParam(ctx.url.searchParams, 'buckets', 60, 10_000));
    return json(await ctx.store.stats(ctx.auth.tenantId, query, await ctx.fields(), buckets, ctx.now));
  }],
  ['GET', /^\/data-structure$/, async (ctx) => json(await ctx.store.dataStructure(ctx.auth.tenantId))],
  ['PUT', /^\/data-structure$/, async (ctx) => {
    ctx.need('audit:fields');
    try {
      return json(await ctx.store.saveDataStructure(ctx.auth.tenantId, await ctx.body()));
    } catch (error) {
      if (error instanceof DataStructureError) throw badRequest(error.message, error.issues);
      throw error;
    }
  }],
  ['POST', /^\/events\/export$/, async (ctx) => {
    const body = ((await ctx.body()) ?? {}) as { query?: AuditQuery; columns?: { name: string; displayName: string }[]; format?: string };
    const query = await checked(ctx, body.query ?? {});
    const fields = await ctx.fields();
    const jsonl = body.format === 'jsonl' || /ndjson|jsonl/.test(ctx.request.headers.get('accept') ?? '');
    const columns = body.columns ?? fields.filter((f) => f.visible).map((f) => ({ name: f.name, displayName: f.displayName }));
    const unknown = columns.filter((c) => !fields.some((f) => f.name === c.name)).map((c) => c.name);
    if (!jsonl && (!columns.length || unknown.length)) throw badRequest(unknown.length ? `Unknown export columns: ${unknown.join(', ')}` : 'Choose at least one column to export.');
    const csvColumns = columns.map((c) => ({ name: c.name, valueFrom: fields.find((f) => f.name === c.name)?.valueFrom }));
    const batches = ctx.store.exportEvents(ctx.auth.tenantId, query, fields, ctx.now)[Symbol.asyncIterator]();
    const encoder = new TextEncoder();
    let started = false;
    // Pulled a batch at a time: the server holds one batch of the export, never the whole.
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (!started && !jsonl) controller.enqueue(encoder.encode(CSV_BOM + csvLine(columns.map((c) => c.displayName))));
        started = true;
        const next = await batches.next();
        if (next.done) return controller.close();
        controller.enqueue(encoder.encode(next.value.map((e) => (jsonl ? jsonLine(e) : eventCsvLine(e, csvColumns))).join('')));
      },
      cancel: () => void batches.return?.(),
    });
    const type = jsonl ? 'application/x-ndjson' : 'text/csv; charset=utf-8';
    return new Response(stream, { headers: { 'content-type': type, 'content-disposition': `attachment; filename="audit-logs.${jsonl ? 'jsonl' : 'csv'}"` } });
  }],
  ['POST', /^\/events$/, async (ctx) => {
    ctx.need('audit:write');
    const body = await ctx.body(true);
    const { recorded, skipped } = await ctx.store.record(body as never, { tenantId: ctx.auth.tenantId });
    if (Array.isArray(body)) return json({ events: recorded, skipped }, skipped.length && !recorded.length ? 400 : 201);
    if (!recorded[0]) throw badRequest(`Invalid audit event: ${skipped[0]?.issues.join('; ')}`, skipped[0]?.issues);
    return json(recorded[0], 201);
  }],
  ['DELETE', /^\/events\/([^/]+)$/, async (ctx, m) => {
    ctx.need('audit:write');
    if (!(await ctx.store.delete(ctx.auth.tenantId, decodeURIComponent(m[1]!)))) throw new HttpError(404, 'not-found', 'No event with this id.');
    return new Response(null, { status: 204 });
  }],
];

/**
 * The native protocol (docs/protocol.md) over a store, as a fetch-standard handler: `(request) => Response`.
 * Mount it in `node:http`, Express, a Next.js route handler or anything else that speaks `Request`.
 */
export function createAuditLogsHandler(options: AuditLogsHandlerOptions): (request: Request) => Promise<Response> {
  const base = (options.basePath ?? '/').replace(/\/+$/, '');
  const limit = options.maxBodyBytes ?? 1024 * 1024;
  const routes = [...eventRoutes, ...viewRoutes];
  const answer = async (request: Request): Promise<Response> => {
    try {
      const url = new URL(request.url);
      if (base && url.pathname !== base && !url.pathname.startsWith(`${base}/`)) throw new HttpError(404, 'not-found', 'Not here.');
      const path = url.pathname.slice(base.length) || '/';
      if (/%00/.test(url.pathname + url.search) || url.pathname.includes('\0')) throw badRequest(NUL_MESSAGE);
      const route = routes.find(([method, pattern]) => method === request.method && pattern.test(path));
      if (!route) throw new HttpError(404, 'not-found', `No route for ${request.method} ${path}`);
      let auth: AuditLogsAuth | null | undefined;
      try {
        auth = await options.authorize(request);
      } catch {
        auth = null;
      }
      if (!auth || typeof auth.tenantId !== 'string' || !auth.tenantId) throw new HttpError(401, 'auth', 'Sign in to read this audit log.');
      const scopes = auth.scopes;
      const need = (scope: string) => {
        if (!scopes.includes(scope)) throw new HttpError(403, 'forbidden', `This needs the scope ${scope}.`);
      };
      need('audit:read');
      const store = await options.store;
      let fields: Promise<DataStructure['fields']> | undefined;
      const ctx: RouteContext = {
        request,
        url,
        auth,
        store,
        now: options.now?.() ?? Date.now(),
        body: (nul) => readJson(request, limit, nul),
        need,
        fields: () => (fields ??= store.dataStructure(auth.tenantId).then((s) => s.fields)),
      };
      return await route[2](ctx, path.match(route[1])!);
    } catch (error) {
      if (error instanceof HttpError) return errorJson(error);
      if (error instanceof URIError) return errorJson(badRequest('The URL has a malformed % escape.'));
      if ((error as { name?: string }).name === 'StoreRequestError') return errorJson(badRequest((error as Error).message));
      (options.onError ?? console.error)(error, request);
      if (timedOut(error)) return json({ error: { kind: 'timeout', message: 'The query took too long. Narrow the time range or the filters.' } }, 503);
      return json({ error: { kind: 'server', message: 'The audit log server failed.' } }, 500);
    }
  };
  return async (request) => {
    const cors = corsFor(request, options.cors);
    return cors.preflight ?? withCors(await answer(request), cors.headers);
  };
}
