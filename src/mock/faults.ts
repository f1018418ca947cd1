import { AuditApiError, abortError, type AuditApiErrorKind } from '../api/errors.js';
import type { AdapterMethod } from '../memory/createMemoryAdapter.js';
import type { Random } from './random.js';
import { sleep } from '../api/sleep.js';

/** An adapter method, for faults aimed at one. */
export type MockMethod = AdapterMethod;

export interface FailNextOptions {
  /** Only calls of this method fail. @default any method */
  method?: MockMethod;
  /** @default 'server' */
  kind?: AuditApiErrorKind;
  message?: string;
  /** How many calls fail. @default 1 */
  times?: number;
}

const DEFAULT_MESSAGES: Partial<Record<AuditApiErrorKind, string>> = {
  network: 'The audit log server could not be reached (simulated network failure).',
  server: 'The audit log server failed (simulated 500).',
  'rate-limited': 'Too many requests (simulated 429); try again shortly.',
  auth: 'The session expired (simulated 401).',
  forbidden: 'You do not have permission to read audit logs (simulated 403).',
};

const STATUS: Partial<Record<AuditApiErrorKind, number>> = {
  server: 500,
  'rate-limited': 429,
  auth: 401,
  forbidden: 403,
  'not-found': 404,
};

function makeError(kind: AuditApiErrorKind, message?: string): AuditApiError {
  return new AuditApiError(kind, message ?? DEFAULT_MESSAGES[kind] ?? `Simulated ${kind} error.`, {
    status: STATUS[kind],
    retryAfter: kind === 'rate-limited' ? 1 : undefined,
  });
}

/** Latency and failures on demand, for showing and testing a UI's loading and error paths. */
export class FaultInjector {
  private queue: (Required<Pick<FailNextOptions, 'kind' | 'times'>> & FailNextOptions)[] = [];

  constructor(
    private random: Random,
    public latencyMs: number | readonly [number, number],
    public failureRate: number,
  ) {}

  failNext(options: FailNextOptions = {}): void {
    this.queue.push({ ...options, kind: options.kind ?? 'server', times: options.times ?? 1 });
  }

  reset(): void {
    this.queue = [];
  }

  /** Waits the simulated latency, then fails if a queued or random fault applies. */
  async enter(method: MockMethod, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw abortError(signal);
    const [min, max] = typeof this.latencyMs === 'number' ? [this.latencyMs, this.latencyMs] : this.latencyMs;
    const ms = min === max ? min : min + this.random.next() * (max - min);
    if (ms > 0) await sleep(ms, signal);
    const queued = this.queue.find((f) => !f.method || f.method === method);
    if (queued) {
      queued.times -= 1;
      if (queued.times <= 0) this.queue.splice(this.queue.indexOf(queued), 1);
      throw makeError(queued.kind, queued.message);
    }
    if (this.failureRate > 0 && this.random.next() < this.failureRate) throw makeError('server');
  }
}

