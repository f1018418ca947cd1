import { SCHEMA_MESSAGES } from '../../core/schemaIssues.js';
import type * as z from 'zod/mini';
import { formatIssues } from '../../core/event.js';
import { AuditApiError, abortError, type AuditApiErrorKind } from '../errors.js';
import { sleep } from '../sleep.js';

/**
 * A bearer token for a tenant, or nothing; asked again with `forceRefresh` after a 401. Tokens are kept per
 * tenant; a failed lookup is never kept (the next request asks again).
 */
export type GetToken = (options: { forceRefresh: boolean; tenantId?: string }) => string | null | undefined | Promise<string | null | undefined>;

export interface HttpClientOptions {
  baseUrl: string;
  /** The tenant this client asks tokens for (one client per tenant). */
  tenantId?: string;
  getToken?: GetToken;
  headers?: Record<string, string>;
  fetch?: typeof fetch;
  /** Retries for 5xx, network errors, 429 and 503. @default 2 */
  retries?: number;
  /** First backoff delay; doubles each retry. @default 300 */
  retryDelayMs?: number;
  /** Longest `Retry-After` waited for before giving up with a rate-limited error. @default 30000 */
  maxRetryAfterMs?: number;
  /** The clock time presets and default windows resolve against (epoch ms). @default Date.now */
  now?: () => number;
}

export interface HttpRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: URLSearchParams;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Safe to send twice (a POST that only reads, such as an export). @default every method but POST */
  idempotent?: boolean;
}


/** `Retry-After` as ms: seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

const KIND_BY_STATUS: Record<number, AuditApiErrorKind> = {
  400: 'bad-request',
  401: 'auth',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  412: 'conflict',
  422: 'bad-request',
  429: 'rate-limited',
};

/** The message a server put in an error body: `{ error: { message } }`, `{ message }`, `{ title }` (problem+json). */
async function serverMessage(response: Response): Promise<{ message?: string; issues?: string[] }> {
  try {
    const body = (await response.clone().json()) as Record<string, unknown>;
    const error = (body.error && typeof body.error === 'object' ? body.error : body) as Record<string, unknown>;
    const message = [error.message, error.detail, error.title].find((m) => typeof m === 'string') as string | undefined;
    const issues = Array.isArray(error.issues) ? error.issues.map(String) : undefined;
    return { message, issues };
  } catch {
    return {};
  }
}

/**
 * The request pipeline every dialect shares: bearer token (one shared refresh after a 401, then one retry),
 * retries with backoff for 5xx and network errors, `Retry-After` for 429 and 503, cancellation, and typed
 * `AuditApiError`s with messages a developer can act on.
 */
export class HttpClient {
  private refreshing: Promise<string | null | undefined> | null = null;
  private token: Promise<string | null | undefined> | null = null;
  private readonly fetchImpl: typeof fetch;

  constructor(readonly options: HttpClientOptions) {
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  /** Epoch ms now, by the configured clock. */
  now(): number {
    return this.options.now?.() ?? Date.now();
  }

  private describe(request: HttpRequest): string {
    return `${request.method ?? 'GET'} ${request.path}`;
  }

  private url(request: HttpRequest): string {
    // A `.` or `..` segment (an id such as "..", written plainly or as %2e) would make the URL another
    // resource: `DELETE /events/..` is `DELETE /`. No path of the protocols has one, so none is sent.
    for (const segment of request.path.split('/')) {
      if (/^(?:\.|%2e){1,2}$/i.test(segment)) {
        throw new AuditApiError('bad-request', `${this.describe(request)} was not sent: "${segment}" cannot be a path segment (an id of "." or ".." names another resource).`);
      }
    }
    const base = this.options.baseUrl.replace(/\/+$/, '');
    const qs = request.query?.toString();
    return `${base}${request.path}${qs ? `?${qs}` : ''}`;
  }

  /** Headers of a request: later ones replace earlier ones whatever their letter case (never "A, B"). */
  private headers(request: HttpRequest, token: string | null | undefined): Headers {
    const headers = new Headers({ accept: 'application/json' });
    for (const layer of [this.options.headers, request.headers]) {
      for (const [name, value] of Object.entries(layer ?? {})) {
        try {
          headers.set(name, value);
        } catch (error) {
          throw new AuditApiError('bad-request', `${this.describe(request)} was not sent: the header "${name}" cannot be sent (${String(error)}).`, { cause: error });
        }
      }
    }
    if (token) headers.set('authorization', `Bearer ${token}`);
    if (request.body !== undefined) headers.set('content-type', 'application/json');
    return headers;
  }

  /** The token in use, as a promise: its identity says which token a request was sent with. */
  private tokenPromise(): Promise<string | null | undefined> | undefined {
    const { getToken } = this.options;
    if (!getToken) return undefined;
    if (!this.token) {
      const token = Promise.resolve().then(() => getToken({ forceRefresh: false, tenantId: this.options.tenantId }));
      // A failed lookup is not remembered: the next request asks again.
      token.catch(() => {
        if (this.token === token) this.token = null;
      });
      this.token = token;
    }
    return this.token;
  }

  /**
   * The token to retry with after a 401 on `used`. Only the first request to see a 401 on the current token
   * refreshes; every other one (in flight then, or answered later) waits for that refresh and reuses it.
   */
  private refreshedToken(used: Promise<string | null | undefined> | undefined): Promise<string | null | undefined> {
    if (this.token && this.token !== used) return this.token;
    if (!this.refreshing) {
      const refreshing = Promise.resolve()
        .then(() => this.options.getToken!({ forceRefresh: true, tenantId: this.options.tenantId }))
        .finally(() => {
          this.refreshing = null;
        });
      // A refresh that fails is not the token from now on: the next request asks getToken again.
      refreshing.catch(() => {
        if (this.token === refreshing) this.token = null;
      });
      this.refreshing = refreshing;
    }
    this.token = this.refreshing;
    return this.refreshing;
  }

  private async awaitToken(
    token: Promise<string | null | undefined> | undefined,
    request: HttpRequest,
  ): Promise<string | null | undefined> {
    try {
      return await token;
    } catch (error) {
      throw new AuditApiError('auth', `${this.describe(request)} was not sent: getToken failed (${String(error)}).`, {
        cause: error,
      });
    }
  }

  /** Sends a request and returns the response once it is a 2xx; throws `AuditApiError` otherwise. */
  async send(request: HttpRequest): Promise<Response> {
    const retries = this.options.retries ?? 2;
    const baseDelay = this.options.retryDelayMs ?? 300;
    const maxRetryAfter = this.options.maxRetryAfterMs ?? 30_000;
    const method = request.method ?? 'GET';
    // A create that may have reached the server is never sent twice (it would be two events).
    const retriesAfterFailure = (request.idempotent ?? method !== 'POST') ? retries : 0;
    let refreshed = false;
    let attempt = 0;
    const url = this.url(request);
    let tokenUsed = this.tokenPromise();
    let usedToken = await this.awaitToken(tokenUsed, request);
    for (;;) {
      const headers = this.headers(request, usedToken);
      let response: Response;
      try {
        response = await this.fetchImpl(url, {
          method,
          headers,
          body: request.body === undefined ? undefined : JSON.stringify(request.body),
          signal: request.signal,
        });
      } catch (error) {
        if (request.signal?.aborted) throw abortError(request.signal);
        if (attempt < retriesAfterFailure) {
          await sleep(baseDelay * 2 ** attempt++, request.signal);
          continue;
        }
        throw new AuditApiError('network', `${this.describe(request)} could not reach ${this.options.baseUrl}: ${String(error)}`, {
          cause: error,
        });
      }
      if (response.ok) return response;
      // A delete sent again (its first answer lost, or a 5xx after it took effect) that finds nothing: done.
      if (method === 'DELETE' && attempt > 0 && (response.status === 404 || response.status === 410)) {
        return new Response(null, { status: 204 });
      }
      if (response.status === 401 && !refreshed && this.options.getToken) {
        refreshed = true;
        tokenUsed = this.refreshedToken(tokenUsed);
        usedToken = await this.awaitToken(tokenUsed, request);
        continue;
      }
      const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
      // 429 says the request was not handled, so even a create may go again; a 5xx may have been handled.
      const transient = response.status === 429 || (response.status >= 500 && attempt < retriesAfterFailure);
      if (transient && attempt < retries && (retryAfter === undefined || retryAfter <= maxRetryAfter)) {
        await sleep(retryAfter ?? baseDelay * 2 ** attempt, request.signal);
        attempt++;
        continue;
      }
      throw await this.errorFor(request, response, retryAfter);
    }
  }

  private async errorFor(request: HttpRequest, response: Response, retryAfter: number | undefined): Promise<AuditApiError> {
    const kind: AuditApiErrorKind = KIND_BY_STATUS[response.status] ?? (response.status >= 500 ? 'server' : 'bad-request');
    const { message, issues } = await serverMessage(response);
    const hint =
      kind === 'auth'
        ? ' The token was refreshed once and the server still refused it.'
        : kind === 'rate-limited' && retryAfter !== undefined
          ? ` Try again in ${Math.ceil(retryAfter / 1000)} s.`
          : '';
    return new AuditApiError(
      kind,
      `${this.describe(request)} failed with HTTP ${response.status}${message ? `: ${message}` : ''}.${hint}`,
      { status: response.status, retryAfter: retryAfter === undefined ? undefined : retryAfter / 1000, issues },
    );
  }

  /** Sends a request and returns its JSON body, checked against `schema` (a zod schema, or a `JsonReader`). */
  async json<T>(request: HttpRequest, schema: z.ZodMiniType<T> | JsonReader<T>): Promise<T> {
    const response = await this.send(request);
    const type = response.headers.get('content-type') ?? '';
    if (!/\bjson\b/i.test(type)) {
      const text = await response.text();
      const start = text.slice(0, 80).replace(/\s+/g, ' ');
      const page = /\bhtml\b/i.test(type) || /^\s*<(!doctype|html)/i.test(text);
      throw new AuditApiError(
        'invalid-response',
        page
          ? `The server sent a web page instead of audit data — often a sign-in page: the session may have expired. (${this.describe(request)} answered ${type || 'HTML'}: "${start}…"; if it keeps happening, check that baseUrl ${this.options.baseUrl} is the API.)`
          : `${this.describe(request)} answered ${type || 'without a content type'} instead of JSON ("${start}…"). Is baseUrl (${this.options.baseUrl}) the API?`,
        { status: response.status },
      );
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch (error) {
      throw new AuditApiError('invalid-response', `${this.describe(request)} answered with JSON that does not parse.`, {
        status: response.status,
        cause: error,
      });
    }
    let parsed: JsonRead<T>;
    try {
      parsed = typeof schema === 'function' ? schema(body) : fromZod(schema.safeParse(body, SCHEMA_MESSAGES));
    } catch (error) {
      throw new AuditApiError('invalid-response', `${this.describe(request)} answered with JSON that could not be read (${String(error)}).`, {
        status: response.status,
        cause: error,
      });
    }
    if (!parsed.ok) {
      const { issues } = parsed;
      throw new AuditApiError(
        'invalid-response',
        `${this.describe(request)} answered with an unexpected shape: ${issues.slice(0, 3).join('; ')}`,
        { status: response.status, issues },
      );
    }
    return parsed.value;
  }
}

/** What a `JsonReader` makes of a body: its value, or the lines that say what is wrong (`path: message`). */
export type JsonRead<T> = { ok: true; value: T } | { ok: false; issues: string[] };
/** Reads a JSON body without a schema library (the native dialect's readers are these). */
export type JsonReader<T> = (body: unknown) => JsonRead<T>;

function fromZod<T>(parsed: z.core.util.SafeParseResult<T>): JsonRead<T> {
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, issues: formatIssues(parsed.error) };
}
