/**
 * A `defineDialect` dialect says which parts of a query its server honours; the viewer offers nothing else and
 * never claims what the server did not do (the README's example once ignored the time range and the viewer said
 * "10,000 new events" and "Last 24 hours" over everything).
 */
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createHttpAdapter } from '../../src/api/http/createHttpAdapter';
import { defineDialect, type DialectQuerySupport } from '../../src/api/http/defineDialect';
import { createMemoryAdapter } from '../../src/memory/createMemoryAdapter';
import { generateAuditEvents } from '../../src/mock/generator';
import { NOW } from '../fixtures/events';
import { readyRows, renderAuditLogs } from '../browser/setup';

const backend = createMemoryAdapter(generateAuditEvents({ tenantId: 'acme', count: 400, seed: 6, now: NOW }), { now: NOW });

/** A server that ignores every parameter but paging (newest first), behind a dialect declaring `query`. */
function ignoringServer(query: DialectQuerySupport | undefined) {
  const fetchImpl = (async (input: RequestInfo | URL) => {
    const url = new URL(String(input));
    const page = await backend.list({ tenantId: 'acme', query: {}, page: { type: 'offset', offset: Number(url.searchParams.get('offset')), limit: Number(url.searchParams.get('limit')) } });
    return new Response(JSON.stringify({ rows: page.events, total: page.total }), { headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  const dialect = defineDialect({
    name: 'Ignoring',
    ...(query && { query }),
    list: ({ page }) => ({ path: '/logs', query: { offset: page.type === 'offset' ? page.offset : 0, limit: page.limit } }),
    readPage: (body) => {
      const { rows, total } = body as { rows: unknown[]; total: number };
      return { rows, total };
    },
    readEvent: (row) => row,
  });
  return createHttpAdapter({ baseUrl: 'https://logs.test', dialect, fetch: fetchImpl, now: () => NOW });
}

describe('a defineDialect dialect that honours only paging', () => {
  it('offers no search, severity or time range, says so, and never claims new events', async () => {
    renderAuditLogs({ adapter: ignoringServer(undefined), newEventsInterval: 200, tenantId: 'acme' });
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(5));
    expect(screen.queryByRole('searchbox', { name: 'Search' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Severity' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Time range' })).toBeNull();
    expect(screen.getByText('Not available from this server: search, severity filter, time range.')).toBeVisible();
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(screen.queryByRole('button', { name: /new event/ })).toBeNull();
  });

  it('opens a link asking for a time range without it, with a notice', async () => {
    renderAuditLogs({ adapter: ignoringServer(undefined), defaultQuery: { timeRange: { preset: '24h' }, severities: ['High'] }, newEventsInterval: 0, tenantId: 'acme' });
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(5));
    expect(document.querySelector('.ral-status')!.textContent).toMatch(/cannot be filtered by time/);
    expect(document.querySelector('.ral-status')!.textContent).toMatch(/cannot be filtered by severity/);
  });
});

describe('a dialect that declares the time range but whose server ignores it', () => {
  it('learns it from the new-events check and never says its whole log is new', async () => {
    renderAuditLogs({ adapter: ignoringServer({ timeRange: true }), newEventsInterval: 200, tenantId: 'acme' });
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(5));
    expect(screen.getByRole('button', { name: 'Time range' })).toBeVisible();
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect(screen.queryByRole('button', { name: /new event/ })).toBeNull();
  });
});
