import { describe, expect, it } from 'vitest';
import type { AuditLogsAdapter } from '../api/adapter.js';
import { isAuditApiError } from '../api/errors.js';
import { ExportError, runExport, type ExportSink } from '../api/exportRunner.js';
import type { PageRequest } from '../core/page.js';

/** An event as the suite hands it to your `row` writer. */
export interface HostileEvent {
  id: string;
  tenantId: string;
  /** ISO 8601 UTC. */
  timestamp: string;
  severity: string;
  action: string;
  payload?: unknown;
}

export interface HostileServerOptions {
  /**
   * Your adapter over the `fetch` the suite gives it: every request it sends is answered by the suite (no
   * network), e.g. `(fetch) => createHttpAdapter({ baseUrl: 'https://api.test', dialect, fetch, retryDelayMs: 1 })`.
   */
  adapter: (fetch: typeof globalThis.fetch) => AuditLogsAdapter;
  /** The tenant the suite asks for. */
  tenantId: string;
  /** Writes a list answer in your server's shape. */
  page(page: { rows: unknown[]; total?: number; nextCursor?: string | null }): unknown;
  /** Writes one event as your server's row. */
  row(event: HostileEvent): Record<string, unknown>;
}

type Responder = (call: number, request: Request) => Response | Promise<Response>;

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const DEEP_LEVELS = 100_000;

/**
 * Servers that misbehave, for your adapter (a `defineDialect` one, say): the same hostile answers this
 * project's own dialects are checked against. Each case either reads rows of the asked tenant or fails with a
 * typed `AuditApiError`; an export over paging that would repeat or never end stops and saves nothing.
 *
 * ```ts
 * import { describeHostileServer } from 'react-audit-logs/testing';
 * describeHostileServer('Acme logs', {
 *   tenantId: 'acme',
 *   adapter: (fetch) => createHttpAdapter({ baseUrl: 'https://api.test', dialect: acmeLogs, fetch, retryDelayMs: 1 }),
 *   page: ({ rows, total }) => ({ entries: rows, count: total ?? rows.length }),
 *   row: (e) => ({ uuid: e.id, at: e.timestamp, level: e.severity, what: e.action, org: e.tenantId }),
 * });
 * ```
 */
export function describeHostileServer(name: string, options: HostileServerOptions): void {
  const { tenantId } = options;
  let serial = 0;
  const event = (more: Partial<HostileEvent> = {}): HostileEvent => {
    serial++;
    return {
      id: `hostile-${serial}`,
      tenantId,
      timestamp: new Date(Date.UTC(2026, 0, 1) - serial * 60_000).toISOString(),
      severity: 'Info',
      action: `hostile.action.${serial}`,
      ...more,
    };
  };
  const rowOf = (e: HostileEvent) => options.row(e);
  /** The adapter, answered by `respond`; the suite counts the calls. */
  const over = (respond: Responder) => {
    const calls = { count: 0 };
    const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input instanceof URL ? input.href : input, init);
      if (request.signal.aborted) throw request.signal.reason;
      return respond(calls.count++, request);
    }) as typeof globalThis.fetch;
    return { adapter: options.adapter(fetchImpl), calls };
  };
  const firstPage = (adapter: AuditLogsAdapter): PageRequest =>
    adapter.capabilities.paging === 'cursor' ? { type: 'cursor', cursor: null, limit: 10 } : { type: 'offset', offset: 0, limit: 10 };
  const list = (adapter: AuditLogsAdapter) => adapter.list({ tenantId, query: {}, page: firstPage(adapter) });
  /** Rows of the asked tenant, or a typed error: nothing else. */
  const readsOrRefuses = async (adapter: AuditLogsAdapter) => {
    try {
      const page = await list(adapter);
      for (const e of page.events) expect(e.tenantId).toBe(tenantId);
      return page;
    } catch (error) {
      expect(isAuditApiError(error), `a typed AuditApiError, not ${String(error)}`).toBe(true);
      return undefined;
    }
  };
  /** Exports through `list` pages into a sink that records whether a file was made. */
  const exportOver = async (adapter: AuditLogsAdapter) => {
    const sink: ExportSink & { closed: boolean; aborted: boolean } = {
      closed: false,
      aborted: false,
      write: () => undefined,
      close: () => void (sink.closed = true),
      abort: () => void (sink.aborted = true),
    };
    const clientSide = { ...adapter, exportCsv: undefined, capabilities: { ...adapter.capabilities, serverExport: false } };
    const outcome = await runExport({
      adapter: clientSide,
      tenantId,
      query: {},
      columns: [{ name: 'action', displayName: 'Action' }],
      format: 'csv',
      signal: new AbortController().signal,
      onProgress: () => undefined,
      sink,
    }).then(
      () => undefined,
      (error: unknown) => error,
    );
    return { outcome, sink };
  };

  describe(`hostile server: ${name}`, () => {
    it('an HTML sign-in page where JSON belongs is an invalid-response error', async () => {
      const { adapter } = over(() => new Response('<!doctype html><html><body><form>Sign in</form></body></html>', { headers: { 'content-type': 'text/html' } }));
      const error = await list(adapter).then(() => undefined, (e: unknown) => e);
      expect(isAuditApiError(error) && error.kind).toBe('invalid-response');
    });

    it('JSON that does not parse, and JSON of any other shape, is read or refused with a typed error', async () => {
      for (const body of ['{"events": [', 'null', '[]', '{}', '"text"', '42', '{"data": null}', '{"events": {}}', '{"rows": [null]}']) {
        const { adapter } = over(() => json(body));
        await readsOrRefuses(adapter);
      }
    });

    it('every error status is a typed error (and a long Retry-After is not waited for)', async () => {
      for (const status of [400, 401, 403, 404, 409, 422, 429, 500, 502, 503]) {
        const { adapter } = over(() => json({ message: `status ${status}` }, status, { 'retry-after': '3600' }));
        const error = await list(adapter).then(() => undefined, (e: unknown) => e);
        expect(isAuditApiError(error), `HTTP ${status}`).toBe(true);
      }
    });

    it('leaves out a row of another tenant, and keeps the rest', async () => {
      const mine = event();
      const theirs = event({ tenantId: `${tenantId}-other` });
      const { adapter } = over(() => json(options.page({ rows: [rowOf(theirs), rowOf(mine)], total: 2, nextCursor: null })));
      const page = await list(adapter);
      expect(page.events.map((e) => e.id)).toEqual([mine.id]);
    });

    it('reads the good rows of a page whose other rows are not rows, or have nulls and lists where values belong', async () => {
      const good = event();
      const sample = rowOf(event());
      const broken: unknown[] = [null, 42, 'row', [], {}];
      for (const key of Object.keys(sample)) {
        for (const value of [null, [null], {}, [], 1e308, '']) broken.push({ ...sample, [key]: value });
      }
      // The good row first: a dialect may keep only the page size it asked for.
      const { adapter } = over(() => json(options.page({ rows: [rowOf(good), ...broken], total: broken.length + 1, nextCursor: null })));
      const page = await list(adapter);
      expect(page.events.map((e) => e.id)).toContain(good.id);
      for (const e of page.events) expect(e.tenantId).toBe(tenantId);
    });

    it('reads a page with a value nested 100,000 levels deep', async () => {
      const deep = event({ payload: '__deep__' });
      const plain = event();
      const text = JSON.stringify(options.page({ rows: [rowOf(deep), rowOf(plain)], total: 2, nextCursor: null })).replace(
        '"__deep__"',
        `${'{"a":'.repeat(DEEP_LEVELS)}1${'}'.repeat(DEEP_LEVELS)}`,
      );
      const { adapter } = over(() => json(text));
      const page = await readsOrRefuses(adapter);
      if (page) expect(page.events.map((e) => e.id)).toContain(plain.id);
    });

    it('an export over paging that repeats or never ends stops, and saves nothing', async () => {
      const rows = Array.from({ length: 10 }, () => rowOf(event()));
      const probe = over(() => json(options.page({ rows: [], nextCursor: null })));
      // An export pages by cursor wherever the adapter can.
      const cursor = probe.adapter.capabilities.paging !== 'offset';
      const scenarios: Responder[] = cursor
        ? [
            // A cursor it sent before.
            (n) => json(options.page({ rows: n === 0 ? rows : [rowOf(event())], nextCursor: n % 2 ? 'b' : 'a' })),
            // The same page under new cursors.
            (n) => json(options.page({ rows, nextCursor: `c${n}` })),
            // Empty pages that keep pointing on.
            (n) => json(options.page({ rows: [], nextCursor: `e${n}` })),
          ]
        : [
            // The offset ignored: the first events again, under a total it never reaches.
            () => json(options.page({ rows, total: 1_000 })),
          ];
      for (const respond of scenarios) {
        const { adapter, calls } = over(respond);
        const { outcome, sink } = await exportOver(adapter);
        expect(outcome).toBeInstanceOf(ExportError);
        expect(sink.closed).toBe(false);
        expect(calls.count).toBeLessThan(100);
      }
    });
  });
}
