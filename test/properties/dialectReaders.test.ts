// @vitest-environment node
/**
 * Every dialect's reader over arbitrary answers (status, content type, any JSON, and pages of arbitrary rows
 * in each dialect's envelope): it returns rows of the asked tenant or a typed `AuditApiError`, never another
 * error and never a hang.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAuditApiError } from '../../src/api/errors';
import { createHttpAdapter, type HttpDialect } from '../../src/api/http/createHttpAdapter';

const TENANT = 'acme';
const ENVELOPES: Record<HttpDialect, (rows: unknown[]) => unknown> = {
  native: (rows) => ({ events: rows, total: rows.length }),
  frontegg: (rows) => ({ data: rows, total: rows.length }),
  fsh: (rows) => ({ items: rows, pageNumber: 1, pageSize: 100, totalCount: rows.length }),
  logging: (rows) => ({ results: rows, next_cursor: null }),
};

/** Rows that look a little like events, so the readers get past the envelope and into the fields. */
const rowish = fc.record(
  {
    id: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
    _id: fc.string(),
    tenantId: fc.constantFrom(TENANT, 'globex', ''),
    tenant_id: fc.constantFrom(TENANT, 'globex'),
    timestamp: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.string(), fc.integer()),
    createdAt: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.string()),
    occurredAtUtc: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    severity: fc.oneof(fc.constantFrom('Info', 'High', 'error', 'Critical'), fc.integer({ min: -2, max: 9 }), fc.string()),
    action: fc.oneof(fc.string(), fc.constant(null)),
    changes: fc.oneof(fc.constant([null]), fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 })),
    tags: fc.oneof(fc.integer(), fc.string(), fc.array(fc.string(), { maxLength: 3 })),
    metadata: fc.jsonValue({ maxDepth: 3 }),
    json: fc.jsonValue({ maxDepth: 3 }),
    fields: fc.dictionary(fc.constantFrom('valueOf', '__proto__', 'toString', 'constructor', 'plan'), fc.jsonValue({ maxDepth: 2 })),
  },
  { requiredKeys: [] },
);

const answer = (dialect: HttpDialect) =>
  fc.record({
    status: fc.constantFrom(200, 200, 200, 201, 204, 301, 400, 401, 403, 404, 409, 429, 500, 502, 503),
    type: fc.constantFrom('application/json', 'application/json; charset=utf-8', 'application/problem+json', 'text/html', 'text/plain', ''),
    body: fc.oneof(
      fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
      fc.array(fc.oneof(rowish, fc.jsonValue({ maxDepth: 2 })), { maxLength: 8 }).map((rows) => JSON.stringify(ENVELOPES[dialect](rows))),
      fc.string().map((s) => `{"events": [${s}`),
      fc.constant('<!doctype html><html><body>Sign in</body></html>'),
    ),
  });

describe.each(['native', 'frontegg', 'fsh', 'logging'] as HttpDialect[])('the %s reader over arbitrary answers', (dialect) => {
  it('returns rows of the asked tenant or a typed AuditApiError, nothing else', async () => {
    await fc.assert(
      fc.asyncProperty(answer(dialect), async ({ status, type, body }) => {
        const fetchImpl = (async () =>
          new Response(status === 204 ? null : body, { status, headers: type ? { 'content-type': type } : {} })) as typeof fetch;
        const adapter = createHttpAdapter({ baseUrl: 'https://api.test', dialect, fetch: fetchImpl, retries: 0, getToken: () => 't' });
        const page = dialect === 'logging' ? ({ type: 'cursor', cursor: null, limit: 10 } as const) : ({ type: 'offset', offset: 0, limit: 10 } as const);
        try {
          const result = await adapter.list({ tenantId: TENANT, query: {}, page });
          for (const event of result.events) expect(event.tenantId).toBe(TENANT);
        } catch (error) {
          expect(isAuditApiError(error), `not a typed error: ${String(error)}`).toBe(true);
        }
      }),
      { numRuns: 250, seed: 16 },
    );
  });
});
