/** What went wrong talking to a backend, in terms a UI can act on. */
export type AuditApiErrorKind =
  | 'network'
  | 'auth'
  | 'forbidden'
  | 'not-found'
  | 'rate-limited'
  | 'server'
  | 'invalid-response'
  | 'bad-request'
  /** The server holds a newer version than the one the request named (409, 412): someone else changed it. */
  | 'conflict'
  | 'unsupported';

export interface AuditApiErrorOptions {
  status?: number;
  /** Seconds to wait before retrying, from `Retry-After`. */
  retryAfter?: number;
  /** Each problem with a request or response, for developers. */
  issues?: readonly string[];
  cause?: unknown;
}

/** The one error type adapters throw. `kind` says what happened; `message` says what to do about it. */
export class AuditApiError extends Error {
  override readonly name = 'AuditApiError';
  readonly kind: AuditApiErrorKind;
  readonly status: number | undefined;
  readonly retryAfter: number | undefined;
  readonly issues: readonly string[];

  constructor(kind: AuditApiErrorKind, message: string, options: AuditApiErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.status = options.status;
    this.retryAfter = options.retryAfter;
    this.issues = options.issues ?? [];
  }

  /** Whether trying the same request again may succeed. */
  get retryable(): boolean {
    return this.kind === 'network' || this.kind === 'server' || this.kind === 'rate-limited';
  }
}

export function isAuditApiError(error: unknown): error is AuditApiError {
  return error instanceof AuditApiError;
}

/** The error `fetch` and adapters throw when a request is cancelled through its `AbortSignal`. */
export function abortError(signal?: AbortSignal): unknown {
  if (signal?.reason !== undefined) return signal.reason;
  return new DOMException('The operation was aborted.', 'AbortError');
}

/** An export that stopped: how many rows it had, and why. Nothing was saved. */
export class ExportError extends Error {
  override readonly name = 'ExportError';
  constructor(
    readonly rows: number,
    readonly reason: unknown,
    /** Set when the server stopped paging before the count it gave (the file would have been short). */
    readonly total?: number,
  ) {
    super(reason instanceof Error ? reason.message : String(reason));
  }
}
