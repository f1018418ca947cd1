import type { AuditLogsAdapter } from '../adapter.js';
import { AuditApiError, isAuditApiError } from '../errors.js';
import { HttpClient, type GetToken } from './client.js';
import { fronteggDialect } from './dialects/frontegg.js';
import { fshDialect } from './dialects/fsh.js';
import { loggingDialect } from './dialects/logging.js';
import { nativeDialect } from './dialects/native.js';
import type { Dialect } from './dialects/shared.js';

export type HttpDialect = 'native' | 'frontegg' | 'fsh' | 'logging';

const DIALECTS: Record<HttpDialect, Dialect> = {
  native: nativeDialect,
  frontegg: fronteggDialect,
  fsh: fshDialect,
  logging: loggingDialect,
};

export interface HttpAdapterOptions {
  /** Where the API lives, e.g. `https://api.example.com/v1` or `/api`. */
  baseUrl: string;
  /** The protocol the server speaks: one of ours by name, or your own from `defineDialect`. @default 'native' */
  dialect?: HttpDialect | Dialect;
  /** The tenant for requests that name none (the component always names its `tenantId`). */
  tenantId?: string;
  /**
   * A bearer token (sync or async) for the tenant it names; called again with `forceRefresh: true` once after
   * a 401. Kept per tenant; a failure is never kept.
   */
  getToken?: GetToken;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  /** A fetch to use instead of the global one. */
  fetch?: typeof fetch;
  /** Retries for 5xx, network errors, 429 and 503. @default 2 */
  retries?: number;
  /** First backoff delay in ms, doubling per retry. @default 300 */
  retryDelayMs?: number;
  /** The clock that time presets ("Last 7 days") and default windows resolve against. @default Date.now */
  now?: () => number;
}

/**
 * Anything a dialect throws that is not already an `AuditApiError` or a cancellation happened while
 * reading the answer (a stack overflow, a bug in a mapping): say so, rather than blame the network.
 */
function nameFailure(error: unknown, method: string): unknown {
  if (isAuditApiError(error) || (error instanceof DOMException && error.name === 'AbortError')) return error;
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new AuditApiError('invalid-response', `${method}: the server's answer could not be read (${what}).`, {
    cause: error,
  });
}

/** Tenants whose client (token, cached metadata) an adapter keeps at once. */
const MAX_TENANT_CLIENTS = 16;

/** An adapter for a real server, speaking one of four protocols through one request pipeline. */
export function createHttpAdapter(options: HttpAdapterOptions): AuditLogsAdapter {
  const dialect = typeof options.dialect === 'object' ? options.dialect : DIALECTS[options.dialect ?? 'native'];
  if (!dialect) {
    throw new TypeError(`Unknown dialect "${String(options.dialect)}": use native, frontegg, fsh, logging, or defineDialect({...}).`);
  }
  if (!options.baseUrl) throw new TypeError('createHttpAdapter needs a baseUrl.');
  type Methods = Record<string, (request: { tenantId: string }, ...rest: unknown[]) => Promise<unknown>>;
  // One client (its token, its cached metadata) per tenant: a token or an answer for one tenant never
  // serves another. The few most recent tenants are kept.
  const perTenant = new Map<string, Methods>();
  const methodsFor = (tenant: string): Methods => {
    let found = perTenant.get(tenant);
    if (found) {
      perTenant.delete(tenant);
    } else {
      found = dialect.create(new HttpClient({ ...options, tenantId: tenant || undefined })) as unknown as Methods;
      if (perTenant.size >= MAX_TENANT_CLIENTS) perTenant.delete(perTenant.keys().next().value!);
    }
    perTenant.set(tenant, found);
    return found;
  };
  const { tenantId } = options;
  const methods: Methods = {};
  for (const name of Object.keys(methodsFor(tenantId ?? ''))) {
    methods[name] = async (given, ...rest) => {
      const request = tenantId ? { ...given, tenantId: given.tenantId || tenantId } : given;
      try {
        return await methodsFor(request.tenantId ?? '')[name]!(request, ...rest);
      } catch (error) {
        const signal = (rest[0] as { signal?: AbortSignal } | undefined)?.signal;
        throw signal?.aborted ? error : nameFailure(error, name);
      }
    };
  }
  return { capabilities: { ...dialect.capabilities }, ...(methods as unknown as Omit<AuditLogsAdapter, 'capabilities'>) };
}
