import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createHttpAdapter, type HttpDialect } from '../../src/api/http/createHttpAdapter';
import { createMockHandler, mockFetch, type MockHandler } from '../../src/mock/index';
import { NOW } from '../fixtures/events';
import { readyRows, renderAuditLogs } from '../browser/setup';

/** The component over the real HTTP adapter, its requests answered by the mock server's handler. */
function overHttp(dialect: HttpDialect, setup?: (handler: MockHandler) => void) {
  const handler = createMockHandler({ dialect, count: 400, seed: 8, now: NOW });
  setup?.(handler);
  const adapter = createHttpAdapter({ baseUrl: 'http://mock.local', dialect, fetch: mockFetch(handler), now: () => NOW, retryDelayMs: 1 });
  renderAuditLogs({ adapter, newEventsInterval: 0 });
  return handler;
}

const headers = () => screen.getAllByRole('columnheader').map((h) => h.textContent);

describe.each<[HttpDialect, string[], string]>([
  ['native', ['Critical', 'Error', 'High', 'Medium', 'Info'], 'Error'],
  ['frontegg', ['Critical', 'Error', 'High', 'Medium', 'Info'], 'High'],
  ['fsh', ['Critical', 'Error', 'Warning', 'Information', 'Debug', 'Trace'], 'Warning'],
  ['logging', ['critical', 'error', 'warning', 'info', 'debug'], 'error'],
])('the %s dialect', (dialect, vocabulary, pick) => {
  it('has a Severity filter listing its words in rank order, and it filters the rows', async () => {
    overHttp(dialect);
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(5), { timeout: 5000 });
    await userEvent.click(screen.getByRole('button', { name: 'Severity' }));
    const group = screen.getByRole('group', { name: 'Severity' });
    const names = within(group).getAllByRole('checkbox').map((box) => box.closest('label')!.textContent);
    for (const word of vocabulary) expect(names, `${dialect} offers ${word}`).toContain(word);
    expect(names.filter((n) => vocabulary.includes(n!))).toEqual(vocabulary);
    await userEvent.click(within(group).getByRole('checkbox', { name: pick }));
    await userEvent.keyboard('{Escape}');
    await waitFor(() => {
      const rows = readyRows();
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row.textContent).toContain(pick);
    }, { timeout: 5000 });
  });
});

describe('default columns', () => {
  it('fullstackhero shows the fields it fills', async () => {
    overHttp('fsh');
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(5), { timeout: 5000 });
    expect(headers()).toEqual(['Time (UTC)', 'Severity', 'Event type', 'User', 'Source', 'Correlation ID', 'Trace ID', 'Tags']);
    expect(readyRows().some((r) => /Authentication|PiiMasked|Sampled|Authorization/.test(r.textContent ?? ''))).toBe(true);
  });
});

describe('messages', () => {
  it('says a web page came back (a sign-in page), with its sentences apart', async () => {
    overHttp('native', (handler) => handler.failNext({ body: 'html', path: '/events', times: 10 }));
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
    expect(alert.textContent).toMatch(/could not be read\. The server sent a web page instead of audit data — often a sign-in page: the session may have expired\./);
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeTruthy();
  });
});
