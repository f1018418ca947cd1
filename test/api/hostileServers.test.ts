// @vitest-environment node
/**
 * `react-audit-logs/testing`'s hostile-server suite over our four dialects and a `defineDialect` one. Each
 * page and row writer follows the vendor's published shape, not our client's reading of it:
 * - native: docs/protocol.md (`{ events, total?, nextCursor? }`, rows are `AuditEvent`s);
 * - Frontegg: `@frontegg/rest-api`'s `IAudits` (`{ data, total }`) and `AuditRowData` (`_id`, `createdAt`, `json`);
 * - fullstackhero: its `PagedResponse` (`items`, `pageNumber`, `pageSize`, `totalCount`) and `AuditSummaryDto`
 *   (`occurredAtUtc`, `severity`, `tenantId`, `payload`);
 * - logging: the documented `{ results, next_cursor }` with `tenant_id` and `metadata`.
 */
import { createHttpAdapter } from '../../src/api/http/createHttpAdapter';
import { defineDialect } from '../../src/api/http/defineDialect';
import { describeHostileServer } from '../../src/testing';

const baseUrl = 'https://hostile.test';

describeHostileServer('native', {
  tenantId: 'acme',
  adapter: (fetch) => createHttpAdapter({ baseUrl, dialect: 'native', fetch, retryDelayMs: 1 }),
  page: ({ rows, total, nextCursor }) => ({ events: rows, ...(total !== undefined && { total }), ...(nextCursor !== undefined && { nextCursor }) }),
  row: (e) => ({ ...e }),
});

describeHostileServer('Frontegg', {
  tenantId: 'my-tenant-id',
  adapter: (fetch) => createHttpAdapter({ baseUrl, dialect: 'frontegg', fetch, retryDelayMs: 1 }),
  page: ({ rows, total }) => ({ data: rows, total: total ?? rows.length }),
  row: (e) => ({ _id: e.id, tenantId: e.tenantId, vendorId: 'v', createdAt: e.timestamp, severity: e.severity, action: e.action, json: e.payload, __v: 0 }),
});

describeHostileServer('fullstackhero', {
  tenantId: 'root',
  adapter: (fetch) => createHttpAdapter({ baseUrl, dialect: 'fsh', fetch, retryDelayMs: 1 }),
  page: ({ rows, total }) => ({ items: rows, pageNumber: 1, pageSize: 100, totalCount: total ?? rows.length, totalPages: 1, hasPrevious: false, hasNext: false }),
  row: (e) => ({ id: e.id, occurredAtUtc: e.timestamp, tenantId: e.tenantId, severity: 3, eventType: 3, action: e.action, payload: e.payload }),
});

describeHostileServer('logging', {
  tenantId: 'acme',
  adapter: (fetch) => createHttpAdapter({ baseUrl, dialect: 'logging', fetch, retryDelayMs: 1 }),
  page: ({ rows, nextCursor }) => ({ results: rows, next_cursor: nextCursor ?? null }),
  row: (e) => ({ id: e.id, tenant_id: e.tenantId, timestamp: e.timestamp, severity: e.severity.toLowerCase(), action: e.action, metadata: { payload: e.payload } }),
});

describeHostileServer('defineDialect (cursor)', {
  tenantId: 'acme',
  adapter: (fetch) =>
    createHttpAdapter({
      baseUrl,
      fetch,
      retryDelayMs: 1,
      dialect: defineDialect({
        name: 'Acme logs',
        capabilities: { paging: 'cursor', total: false },
        list: ({ tenantId, page }) => ({ path: '/logs', headers: { 'x-org': tenantId }, query: { after: page.type === 'cursor' ? page.cursor ?? undefined : undefined } }),
        readPage: (body) => {
          const { entries, next } = body as { entries: unknown[]; next?: string | null };
          if (!Array.isArray(entries)) throw new Error('no entries');
          return { rows: entries, nextCursor: next ?? null };
        },
        readEvent: (row) => ({ id: row.uuid, timestamp: row.at, severity: row.level, action: row.what, tenantId: row.org, payload: row.data }),
      }),
    }),
  page: ({ rows, nextCursor }) => ({ entries: rows, next: nextCursor ?? null }),
  row: (e) => ({ uuid: e.id, at: e.timestamp, level: e.severity, what: e.action, org: e.tenantId, data: e.payload }),
});
