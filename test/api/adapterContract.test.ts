// @vitest-environment node
/**
 * The behavioural contract (`react-audit-logs/testing`) over every adapter the project ships: the four
 * HTTP dialects against the mock server on 127.0.0.1, a `defineDialect` dialect against a server of its
 * own, the memory adapter and the mock backend.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpAdapter, type HttpDialect } from '../../src/api/http/createHttpAdapter';
import { defineDialect } from '../../src/api/http/defineDialect';
import { resolveTimeRange } from '../../src/core/query';
import { createMemoryAdapter } from '../../src/memory/createMemoryAdapter';
import { createMockAdapter } from '../../src/mock/createMockAdapter';
import { generateAuditEvents } from '../../src/mock/generator';
import { startMockServer } from '../../src/mock/server/node';
import { describeAdapterContract } from '../../src/testing';
import { NOW } from '../fixtures/events';

const options = { tenantId: 'acme', otherTenantId: 'globex' };

for (const dialect of ['native', 'frontegg', 'fsh', 'logging'] as HttpDialect[]) {
  describeAdapterContract(
    `createHttpAdapter, ${dialect} dialect`,
    async () => {
      const server = await startMockServer({ dialect, count: 300, seed: 21, now: NOW });
      return { adapter: createHttpAdapter({ baseUrl: server.url, dialect, now: () => NOW, retryDelayMs: 1 }), cleanup: () => server.close() };
    },
    { ...options, destructive: dialect === 'native' || dialect === 'logging' },
  );
}

describeAdapterContract('createMemoryAdapter', () => ({
  adapter: createMemoryAdapter(
    [
      ...generateAuditEvents({ tenantId: 'acme', count: 200, seed: 2, now: NOW }),
      ...generateAuditEvents({ tenantId: 'globex', count: 50, seed: 2, now: NOW }),
    ],
    { now: NOW },
  ),
}), { ...options, destructive: true });

describeAdapterContract('createMockAdapter', () => ({ adapter: createMockAdapter({ count: 200, now: NOW }) }), { ...options, destructive: true });

/**
 * "Almost ours": a server with its own names (`/logs?page=&per_page=`, `{ entries, count }`, entries with
 * `uuid`, `at`, `level`, `what`, `who`), read through `defineDialect`: the README's worked example.
 */
describeAdapterContract(
  'defineDialect over a server of its own',
  async () => {
    const backend = createMockAdapter({ count: 120, now: NOW });
    const server = createServer((req, res) => {
      const url = new URL(req.url!, 'http://x');
      const tenantId = String(req.headers['x-org'] ?? '');
      const reply = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const entry = (e: { id: string; timestamp: string; severity: string; action: string; tenantId: string; actor?: { email?: string } }) => ({
        uuid: e.id, at: e.timestamp, level: e.severity, what: e.action, org: e.tenantId, who: e.actor?.email ?? null,
      });
      const one = url.pathname.match(/^\/logs\/(.+)$/);
      const query = {
        ...(url.searchParams.get('q') && { search: url.searchParams.get('q')! }),
        ...(url.searchParams.getAll('level').length && { severities: url.searchParams.getAll('level') }),
        ...((url.searchParams.get('since') || url.searchParams.get('until')) && {
          timeRange: { from: url.searchParams.get('since') ?? undefined, to: url.searchParams.get('until') ?? undefined },
        }),
      };
      const run = one
        ? backend.get({ tenantId, id: decodeURIComponent(one[1]!) }).then((e) => reply(200, entry(e)))
        : backend
            .list({ tenantId, query, page: { type: 'offset', offset: (Number(url.searchParams.get('page')) - 1) * Number(url.searchParams.get('per_page')), limit: Number(url.searchParams.get('per_page')) } })
            .then((page) => reply(200, { entries: page.events.map(entry), count: page.total }));
      run.catch((error: { status?: number; message?: string }) => reply(error.status ?? 500, { message: error.message }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const dialect = defineDialect({
      name: 'Acme logs',
      // This server's list takes a search, one severity and a from/to range (presets come resolved by the viewer).
      query: { search: true, severities: 'one', timeRange: true },
      list: ({ tenantId, query, page }, now) => {
        const { from, to } = resolveTimeRange(query.timeRange, now);
        return {
          path: '/logs',
          headers: { 'x-org': tenantId },
          query: {
            page: page.type === 'offset' ? page.offset / page.limit + 1 : 1,
            per_page: page.limit,
            q: query.search,
            since: from === undefined ? undefined : new Date(from).toISOString(),
            until: to === undefined ? undefined : new Date(to).toISOString(),
            level: query.severities?.[0],
          },
        };
      },
      readPage: (body) => {
        const { entries, count } = body as { entries: unknown[]; count: number };
        return { rows: entries, total: count };
      },
      readEvent: (row) => ({
        id: row.uuid, timestamp: row.at, severity: row.level, action: row.what, tenantId: row.org,
        actor: { email: row.who ?? undefined },
      }),
      get: ({ tenantId, id }) => ({ path: `/logs/${encodeURIComponent(id)}`, headers: { 'x-org': tenantId } }),
    });
    return {
      adapter: createHttpAdapter({ baseUrl, dialect, retryDelayMs: 1 }),
      cleanup: () => new Promise<void>((resolve) => server.close(() => resolve())),
    };
  },
  options,
);
