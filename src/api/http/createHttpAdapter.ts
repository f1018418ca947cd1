import type { AuditLogsAdapter } from '../adapter.js';
import { AuditApiError, isAuditApiError } from '../errors.js';
import { HttpClient, type GetToken } from './client.js';
import { LAZY_DIALECTS } from './dialects/catalog.js';
import { nativeDialect } from './dialects/native.js';
import type { Dialect } from './dialects/shared.js';

export type HttpDialect = 'native' | 'frontegg' | 'fsh' | 'logging';

/** Where a named dialect's code comes from: at once (native, or a dialect object), or on the first request. */
type DialectSource =
  | { dialect: Dialect }
  | { capabilities: Dialect['capabilities']; methods: readonly string[]; load: () => Promise<Dialect> };

function dialectSource(given: HttpAdapterOptions['dialect']): DialectSource | undefined {
  if (typeof given === 'object') return { dialect: given };
  const name = given ?? 'native';
  if (name === 'native') return { dialect: nativeDialect };
  return Object.hasOwn(LAZY_DIALECTS, name) ? LAZY_DIALECTS[name as keyof typeof LAZY_DIALECTS] : undefined;
}

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
  const source = dialectSource(options.dialect);
  if (!source) {
    throw new TypeError(`Unknown dialect "${String(options.dialect)}": use native, frontegg, fsh, logging, or defineDialect({...}).`);
  }
  if (!options.baseUrl) throw new TypeError('createHttpAdapter needs a baseUrl.');
  type Methods = Record<string, (request: { tenantId: string }, ...rest: unknown[]) => Promise<unknown>>;
  // The dialect's code: here already, or loaded once on the first request (a failed load is tried again).
  let dialect = 'dialect' in source ? source.dialect : undefined;
  let loading: Promise<Dialect> | undefined;
  const ready = async (): Promise<Dialect> => {
    if (dialect) return dialect;
    if ('dialect' in source) return source.dialect;
    loading ??= source.load().then(
      (loaded) => (dialect = loaded),
      (error: unknown) => {
        loading = undefined;
        throw new AuditApiError('network', `The reader for the "${String(options.dialect)}" protocol could not be loaded.`, { cause: error });
      },
    );
    return loading;
  };
  // One client (its token, its cached metadata) per tenant: a token or an answer for one tenant never
  // serves another. The few most recent tenants are kept.
  const perTenant = new Map<string, Methods>();
  const methodsFor = (tenant: string, from: Dialect): Methods => {
    let found = perTenant.get(tenant);
    if (found) {
      perTenant.delete(tenant);
    } else {
      found = from.create(new HttpClient({ ...options, tenantId: tenant || undefined })) as unknown as Methods;
      if (perTenant.size >= MAX_TENANT_CLIENTS) perTenant.delete(perTenant.keys().next().value!);
    }
    perTenant.set(tenant, found);
    return found;
  };
  const { tenantId } = options;
  const names = 'dialect' in source ? Object.keys(methodsFor(tenantId ?? '', source.dialect)) : source.methods;
  const methods: Methods = {};
  for (const name of names) {
    methods[name] = async (given, ...rest) => {
      const request = tenantId ? { ...given, tenantId: given.tenantId || tenantId } : given;
      try {
        return await methodsFor(request.tenantId ?? '', await ready())[name]!(request, ...rest);
      } catch (error) {
        const signal = (rest[0] as { signal?: AbortSignal } | undefined)?.signal;
        throw signal?.aborted ? error : nameFailure(error, name);
      }
    };
  }
  const capabilities = 'dialect' in source ? source.dialect.capabilities : source.capabilities;
  return { capabilities: { ...capabilities }, ...(methods as unknown as Omit<AuditLogsAdapter, 'capabilities'>) };
}
