/** Answers and request bodies for the handler: JSON errors in the protocol's shape, bodies read within a limit. */

/** A refusal with its HTTP status and the protocol's error kind. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly kind: string,
    message: string,
    readonly issues: readonly string[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

export function errorJson(error: HttpError): Response {
  return json({ error: { kind: error.kind, message: error.message, ...(error.issues.length && { issues: error.issues }) }, ...error.extra }, error.status);
}

export const NUL_MESSAGE = 'The request holds a NUL character (U+0000), which no query or name may contain.';

export const badRequest = (message: string, issues: readonly string[] = []) => new HttpError(400, 'bad-request', message, issues);

/** Text with U+0000 in it, raw or escaped in JSON (PostgreSQL text cannot hold it). */
export const hasNul = (text: string) => text.includes('\0') || /(^|[^\\])(\\\\)*\\u0000/i.test(text);

/**
 * The body as JSON, refused past `limit` bytes (whatever Content-Length claims), when it is not JSON, or when
 * it holds U+0000 (unless `nul`: events to record keep theirs).
 */
export async function readJson(request: Request, limit: number, nul = false): Promise<unknown> {
  const claimed = Number(request.headers.get('content-length') ?? '0');
  if (claimed > limit) throw new HttpError(413, 'bad-request', `The body is larger than ${limit} bytes.`);
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new HttpError(413, 'bad-request', `The body is larger than ${limit} bytes.`);
    }
    chunks.push(value);
  }
  const text = new TextDecoder().decode(Buffer.concat(chunks));
  if (!nul && hasNul(text)) throw badRequest(NUL_MESSAGE);
  try {
    return JSON.parse(text || 'null');
  } catch {
    throw badRequest('The request body is not JSON.');
  }
}

/** A whole number parameter within bounds, or a 400 naming it. */
export function intParam(params: URLSearchParams, name: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const raw = params.get(name);
  if (raw === null) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > max) throw badRequest(`"${name}" must be a whole number from 0 to ${max}, not "${raw}".`);
  return n;
}

/** An entity tag without its weak prefix and quotes. */
export const tagOf = (value: string | null) => value?.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
