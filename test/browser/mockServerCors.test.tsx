/**
 * A front end on one origin (this test page) calling the mock server on another (127.0.0.1, another port),
 * as a Vite app calls `react-audit-logs-mock-server`: refused without `cors`, rows with it.
 */
import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { isAuditApiError } from '../../src/api/errors';
import { createHttpAdapter } from '../../src/api/http/createHttpAdapter';
import { readyRows, renderAuditLogs } from './setup';

let url: string | undefined;
afterEach(async () => {
  if (url) await commands.stopMockServer(url);
  url = undefined;
});

describe('the mock server from a page on another origin', () => {
  it('is refused by the browser when the server allows no origin', async () => {
    url = await commands.startCorsMockServer(null);
    expect(new URL(url).origin).not.toBe(location.origin);
    const adapter = createHttpAdapter({ baseUrl: url, getToken: () => 'token', retries: 0 });
    const error = await adapter.list({ tenantId: 'acme', query: {}, page: { type: 'offset', offset: 0, limit: 5 } }).then(() => undefined, (e: unknown) => e);
    expect(isAuditApiError(error) && error.kind).toBe('network');
  });

  it('shows rows when the server allows this page’s origin (a bearer token and the tenant header pass the preflight)', async () => {
    url = await commands.startCorsMockServer([location.origin]);
    const adapter = createHttpAdapter({ baseUrl: url, getToken: () => 'token' });
    renderAuditLogs({ adapter, newEventsInterval: 0 });
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(5), { timeout: 5000 });
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
