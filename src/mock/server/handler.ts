import { AuditApiError } from '../../api/errors.js';
import type { HttpDialect } from '../../api/http/createHttpAdapter.js';
import { createMockAdapter, type MockAdapter, type MockAdapterOptions } from '../createMockAdapter.js';
import { corsFor, withCors, type CorsOption } from '../../core/cors.js';

/** Which origins may call the mock server from a browser: a list, or `'*'` for any. */
export type MockCorsOption = CorsOption;
import { errorResponse, json } from './http.js';
import { routesFor, type FshShape, type LoggingShape } from './routes.js';

/** A fault the server answers with instead of the real response. */
export interface HttpFault {
  /** Only requests whose path contains this fail. @default every request */
  path?: string;
  /** An HTTP status to answer with (401, 429, 500, 503, …). */
  status?: number;
  /** `Retry-After` in seconds, with 429 or 503. */
  retryAfter?: number;
  /**
   * A broken body with status 200: an HTML page, JSON that does not parse, JSON of the wrong shape,
   * or (for lists) one event among good ones that is malformed, has a payload nested 100,000 levels
   * deep, or belongs to another tenant ("globex").
   */
  body?: 'html' | 'not-json' | 'wrong-shape' | EventFault;
  /** How many requests it hits. @default 1 */
  times?: number;
}

export interface MockHandlerOptions extends MockAdapterOptions {
  /** The protocol to speak. @default 'native' */
  dialect?: HttpDialect;
  /** Require `Authorization: Bearer <token>`; a request without it gets a 401. */
  token?: string;
  /** Scopes the token holds; delete needs `audit:write`. @default ['audit:read', 'audit:write'] */
  scopes?: string[];
  /** fullstackhero's envelope and enums. */
  fsh?: FshShape;
  /** The logging API's page, entry and metadata shapes. */
  logging?: LoggingShape;
  /** A path prefix to strip (the server mounted under `/api/native`, say). */
  basePath?: string;
  /**
   * Origins whose pages may call this server from a browser (`['http://localhost:5173']`, or `'*'`): the
   * preflight is answered and the token and tenant headers allowed. @default none (same origin, or a proxy)
   */
  cors?: MockCorsOption;
}

export interface RecordedRequest {
  method: string;
  path: string;
  search: string;
  headers: Record<string, string>;
}

/** A fetch-style mock server: `(request) => Promise<Response>`, with switches for faults and auth. */
export interface MockHandler {
  (request: Request): Promise<Response>;
  /** The mock backend behind it (its own `failNext`, latency, data). */
  backend: MockAdapter;
  dialect: HttpDialect;
  /** Answers the next matching request(s) with a fault. */
  failNext(fault: HttpFault): void;
  /** Makes the current token invalid and accepts `next` from now on (a refresh must happen). */
  rotateToken(next: string): void;
  /**
   * The most recent requests received (at most `MAX_RECORDED_REQUESTS`), in order; credentials
   * (`authorization`, `cookie`) kept only as their last four characters.
   */
  readonly requests: RecordedRequest[];
}

/** Requests the log keeps: a server that runs for days must not keep every request it ever saw. */
export const MAX_RECORDED_REQUESTS = 500;
const SECRET_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization', 'x-api-key']);

/** A request's headers as the log keeps them: secrets cut to their scheme and last four characters. */
function loggedHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (!SECRET_HEADERS.has(name)) out[name] = value;
    else {
      const [, scheme = '', secret = ''] = /^(\S+\s+)?(.*)$/.exec(value) ?? [];
      out[name] = `${scheme}…${secret.slice(-4)}`;
    }
  });
  return out;
}

function faultResponse(fault: HttpFault): Response {
  const headers: Record<string, string> = {};
  if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
  if (fault.body === 'html') {
    return new Response('<!doctype html><html><body><h1>Sign in</h1></body></html>', {
      status: fault.status ?? 200,
      headers: { 'content-type': 'text/html', ...headers },
    });
  }
  if (fault.body === 'not-json') {
    return new Response('{"events": [', { status: fault.status ?? 200, headers: { 'content-type': 'application/json', ...headers } });
  }
  if (fault.body === 'wrong-shape') return json({ rows: 'nope' }, fault.status ?? 200, headers);
  const status = fault.status ?? 500;
  return json({ error: { message: `Simulated HTTP ${status}` } }, status, headers);
}

type EventFault = 'bad-event' | 'deep-event' | 'foreign-event';
const EVENT_FAULTS: readonly string[] = ['bad-event', 'deep-event', 'foreign-event'];
const DEEP_MARK = '"__deep_payload__"';
const DEEP_LEVELS = 100_000;

/** One bad event slipped into a list response, as the fault says (the first one of the page). */
async function withBadEvent(response: Response, fault: EventFault): Promise<Response> {
  const body = (await response.json()) as Record<string, unknown>;
  for (const key of ['events', 'data', 'items', 'results']) {
    const list = body[key];
    if (Array.isArray(list) && list.length) {
      const first = { ...(list[0] as Record<string, unknown>) };
      if (fault === 'bad-event') {
        for (const k of ['timestamp', 'createdAt', 'occurredAtUtc']) if (k in first) first[k] = 'not a date';
      } else if (fault === 'foreign-event') {
        for (const k of ['tenantId', 'tenant_id']) if (k in first) first[k] = 'globex';
      } else if ('metadata' in first) first.metadata = { payload: JSON.parse(DEEP_MARK) };
      else first['json' in first ? 'json' : 'payload'] = JSON.parse(DEEP_MARK);
      list.splice(0, 1, first);
      break;
    }
  }
  // The deep value is spliced into the text: no JSON.stringify can write it (nor could the server's).
  const text = JSON.stringify(body).replace(DEEP_MARK, `${'{"a":'.repeat(DEEP_LEVELS)}1${'}'.repeat(DEEP_LEVELS)}`);
  return new Response(text, { status: response.status, headers: { 'content-type': 'application/json' } });
}

/** Serves the mock backend over HTTP in one of the four dialects, as a fetch-style handler (msw, tests, Vite). */
export function createMockHandler(options: MockHandlerOptions = {}): MockHandler {
  const dialect = options.dialect ?? 'native';
  // Each page of the native protocol carries its total: the server counts before it answers.
  const backend = createMockAdapter({ ...options, countLater: false });
  const now = (): number => (typeof options.now === 'function' ? options.now() : options.now ?? Date.now());
  const routes = routesFor(dialect, options.fsh ?? {}, options.logging ?? {});
  const faults: (HttpFault & { times: number })[] = [];
  const requests: RecordedRequest[] = [];
  let token = options.token;
  const scopes = options.scopes ?? ['audit:read', 'audit:write'];
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');

  const handler = (async (request: Request) => {
    const cors = corsFor(request, options.cors);
    if (cors.preflight) return cors.preflight;
    return withCors(await answer(request), cors.headers);
  }) as MockHandler;

  const answer = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const path = basePath && url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) || '/' : url.pathname;
    requests.push({ method: request.method, path, search: url.search, headers: loggedHeaders(request.headers) });
    if (requests.length > MAX_RECORDED_REQUESTS) requests.splice(0, requests.length - MAX_RECORDED_REQUESTS);
    const fault = faults.find((f) => !f.path || path.includes(f.path));
    const eventFault = fault?.body && EVENT_FAULTS.includes(fault.body) ? (fault.body as EventFault) : undefined;
    if (fault && !eventFault) {
      if (--fault.times <= 0) faults.splice(faults.indexOf(fault), 1);
      return faultResponse(fault);
    }
    if (token && request.headers.get('authorization') !== `Bearer ${token}`) {
      return json({ error: { kind: 'auth', message: 'Missing or expired bearer token.' } }, 401, { 'www-authenticate': 'Bearer' });
    }
    const route = routes.find(([method, pattern]) => method === request.method && pattern.test(path));
    if (!route) return json({ error: { kind: 'not-found', message: `No route for ${request.method} ${path}` } }, 404);
    try {
      const response = await route[2]({ request, url, backend, scopes, now }, path.match(route[1])!);
      if (fault && eventFault) {
        if (--fault.times <= 0) faults.splice(faults.indexOf(fault), 1);
        return withBadEvent(response, eventFault);
      }
      return response;
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return json({ error: { message: 'aborted' } }, 499);
      // A path or parameter with a broken % escape is the caller's mistake, not the server's.
      if (error instanceof URIError) return json({ error: { kind: 'bad-request', message: `The URL has a malformed % escape: ${error.message}` } }, 400);
      return errorResponse(error instanceof AuditApiError || error instanceof Error ? error : new Error(String(error)));
    }
  };
  handler.backend = backend;
  handler.dialect = dialect;
  Object.defineProperty(handler, 'requests', { value: requests });
  handler.failNext = (fault) => faults.push({ ...fault, times: fault.times ?? 1 });
  handler.rotateToken = (next) => {
    token = next;
  };
  return handler;
}

/** A `fetch` that answers from a mock handler: the HTTP adapter end to end, without a network (stories, tests). */
export function mockFetch(handler: MockHandler, origin = 'http://mock.local'): typeof fetch {
  return async (input, init) => {
    const request = new Request(typeof input === 'string' && input.startsWith('/') ? `${origin}${input}` : input, init);
    if (request.signal.aborted) throw request.signal.reason;
    return handler(request);
  };
}
