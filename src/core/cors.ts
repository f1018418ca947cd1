/**
 * Cross-origin access to a server of the native protocol (the mock server, react-audit-logs/server), for a
 * front end served from another origin (a Vite app on localhost:5173 calling 127.0.0.1:8787). Closed unless
 * asked for. Fetch-standard `Request` and `Response` only.
 */

/** Which origins may call the server from a browser: a list, or `'*'` for any. */
export type CorsOption = '*' | readonly string[] | { origins: '*' | readonly string[] };

/** Request headers a browser may send: the bearer token, JSON bodies, every dialect's tenant header, views. */
const ALLOWED_HEADERS = ['authorization', 'content-type', 'accept', 'x-tenant-id', 'frontegg-tenant-id', 'tenant', 'x-user-id', 'if-match'];
const ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE, OPTIONS';
/** Response headers a page may read (a rate limit's wait, an export's file name, a view's version). */
const EXPOSED_HEADERS = 'retry-after, content-disposition, etag';

function originsOf(option: CorsOption): '*' | readonly string[] {
  return typeof option === 'string' || Array.isArray(option) ? (option as '*' | readonly string[]) : (option as { origins: '*' | readonly string[] }).origins;
}

/** The CORS answer for a request: headers to add, or a whole preflight response. `undefined`: not a CORS request. */
export function corsFor(request: Request, option: CorsOption | undefined): { preflight?: Response; headers?: Record<string, string> } {
  const origin = request.headers.get('origin');
  if (!option || !origin) return {};
  const origins = originsOf(option);
  const allowed = origins === '*' || origins.some((o) => o.replace(/\/+$/, '') === origin);
  const isPreflight = request.method === 'OPTIONS' && request.headers.has('access-control-request-method');
  if (!allowed) {
    return isPreflight ? { preflight: new Response(null, { status: 403, headers: { vary: 'Origin' } }) } : {};
  }
  const base = { 'access-control-allow-origin': origin, vary: 'Origin' };
  if (!isPreflight) return { headers: { ...base, 'access-control-expose-headers': EXPOSED_HEADERS } };
  const asked = (request.headers.get('access-control-request-headers') ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  const refused = asked.filter((h) => !ALLOWED_HEADERS.includes(h));
  if (refused.length) return { preflight: new Response(null, { status: 403, headers: { ...base } }) };
  return {
    preflight: new Response(null, {
      status: 204,
      headers: {
        ...base,
        'access-control-allow-methods': ALLOWED_METHODS,
        'access-control-allow-headers': ALLOWED_HEADERS.join(', '),
        'access-control-max-age': '600',
      },
    }),
  };
}

/** A response with CORS headers added. */
export function withCors(response: Response, headers: Record<string, string> | undefined): Response {
  if (!headers) return response;
  const merged = new Headers(response.headers);
  for (const [name, value] of Object.entries(headers)) merged.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers: merged });
}
