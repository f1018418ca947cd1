import { AuditApiError, type AuditApiErrorKind } from '../../api/errors.js';

const STATUS: Record<AuditApiErrorKind, number> = {
  network: 502,
  auth: 401,
  forbidden: 403,
  'not-found': 404,
  'rate-limited': 429,
  server: 500,
  'invalid-response': 502,
  'bad-request': 400,
  conflict: 409,
  unsupported: 400,
};

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** An error as the mock server answers it: the status for its kind and `{ error: { kind, message, issues } }`. */
export function errorResponse(error: unknown): Response {
  if (error instanceof AuditApiError) {
    const headers: Record<string, string> = {};
    if (error.retryAfter !== undefined) headers['retry-after'] = String(error.retryAfter);
    return json({ error: { kind: error.kind, message: error.message, issues: error.issues } }, error.status ?? STATUS[error.kind], headers);
  }
  return json({ error: { kind: 'server', message: error instanceof Error ? error.message : String(error) } }, 500);
}

export function badRequest(message: string, issues: string[] = []): never {
  throw new AuditApiError('bad-request', message, { status: 400, issues });
}

/** A required header or parameter naming the tenant. */
export function requireTenant(value: string | null, where: string): string {
  if (!value) badRequest(`The tenant is missing: send it as ${where}.`);
  return value;
}

export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    return badRequest('The request body is not JSON.');
  }
}

export function csvResponse(stream: ReadableStream<Uint8Array>): Response {
  return new Response(stream, {
    status: 200,
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="audit-logs.csv"' },
  });
}
