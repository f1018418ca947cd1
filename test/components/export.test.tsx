import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { commands, userEvent } from 'vitest/browser';
import type { AuditLogsAdapter } from '../../src/api/adapter';
import { AuditApiError } from '../../src/api/errors';
import { createHttpAdapter } from '../../src/api/http/createHttpAdapter';
import type { AuditEventInput } from '../../src/core/event';
import { createMemoryAdapter } from '../../src/memory/createMemoryAdapter';
import { createMockHandler, mockFetch } from '../../src/mock/index';
import { NOW } from '../fixtures/events';
import { parseCsv } from '../fixtures/csvParse';
import { readyRows, renderAuditLogs } from '../browser/setup';

const events = (count: number, more: (i: number) => Partial<AuditEventInput> = () => ({})): AuditEventInput[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `x${i}`,
    tenantId: 'acme',
    timestamp: NOW - i * 1000,
    severity: i % 3 ? 'Info' : 'High',
    action: i % 2 ? 'user.login' : 'invoice.exported',
    actor: { name: `Person ${i}`, email: `p${i}@acme.example` },
    ...more(i),
  }));

/** The memory adapter without its server-side CSV: the client pages through `list`. */
function clientSide(adapter: AuditLogsAdapter): AuditLogsAdapter {
  return { ...adapter, exportCsv: undefined, capabilities: { ...adapter.capabilities, serverExport: false } };
}

const exportButton = () => screen.getByRole('button', { name: 'Export CSV' });
const visibleHeaders = () =>
  within(screen.getByRole('table', { name: 'Audit logs' }))
    .getAllByRole('columnheader')
    .map((h) => h.getAttribute('aria-label'));

describe('export', () => {
  it('downloads every matching event (not only the loaded rows) under the visible headers, with one BOM', async () => {
    const adapter = clientSide(createMemoryAdapter(events(2_600), { now: NOW }));
    renderAuditLogs({ adapter, tenantId: 'acme', defaultQuery: { search: 'invoice' }, newEventsInterval: 0 });
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(5));
    const file = commands.waitForDownload();
    await userEvent.click(exportButton());
    const { name, text, head } = await file;
    expect(name).toMatch(/^audit-logs-acme-\d{8}-\d{4}\.csv$/);
    expect(head).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.indexOf('\uFEFF', 1)).toBe(-1);
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual(visibleHeaders());
    expect(rows).toHaveLength(1 + 1_300);
    expect(rows.slice(1).every((r) => r.includes('invoice.exported'))).toBe(true);
    await waitFor(() => expect(screen.getByText(/Exported 1,300 rows/)).toBeTruthy());
  });

  it('guards hostile values: a text cell that would start a formula gets a leading apostrophe', async () => {
    const hostile = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\tTAB', '\rCR', 'plain, "quoted"\r\nline', '  =1+1', 'x;=1+1', '-2'];
    const adapter = clientSide(createMemoryAdapter(events(hostile.length, (i) => ({ action: hostile[i]! })), { now: NOW }));
    renderAuditLogs({ adapter, newEventsInterval: 0 });
    await waitFor(() => expect(readyRows().length).toBe(hostile.length));
    const file = commands.waitForDownload();
    await userEvent.click(exportButton());
    const rows = parseCsv((await file).text.slice(1));
    const action = rows[0]!.indexOf('Action');
    expect(rows.slice(1).map((r) => r[action])).toEqual([
      `'=HYPERLINK("http://x","y")`, `'+1+1`, `'-2+3`, `'@SUM(A1)`, `'\tTAB`, `'\rCR`, 'plain, "quoted"\r\nline', `'  =1+1`, 'x;=1+1', '-2',
    ]);
  });

  it('cancel stops and downloads nothing', async () => {
    const base = createMemoryAdapter(events(3_000), { now: NOW });
    // Once the export starts, requests wait until they are cancelled: the export cannot finish before the
    // click on Cancel, however slow the machine.
    let hold = false;
    const held: AbortSignal[] = [];
    const adapter = clientSide({
      ...base,
      list: async (request, options) => {
        if (hold && options?.signal) {
          const signal = options.signal;
          held.push(signal);
          await new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
        }
        return base.list(request, options);
      },
    });
    renderAuditLogs({ adapter, newEventsInterval: 0 });
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(5), { timeout: 3000 });
    hold = true;
    await userEvent.click(exportButton());
    expect(await screen.findByRole('progressbar', { name: 'Export progress' })).toBeTruthy();
    const started = commands.downloadStartsWithin(2_000);
    await userEvent.click(screen.getByRole('button', { name: 'Cancel export' }));
    expect(screen.queryByRole('progressbar', { name: 'Export progress' })).toBeNull();
    expect(await started).toBe(false);
    // The request in flight was cancelled.
    expect(held.length).toBeGreaterThan(0);
    expect(held.every((signal) => signal.aborted)).toBe(true);
  });

  it('a cancelled export whose adapter ignores the signal saves nothing, and its late answer leaves a newer export alone', async () => {
    const base = createMemoryAdapter(events(600), { now: NOW });
    let hold = false;
    const waiting: { release: (fail: boolean) => void }[] = [];
    const adapter = clientSide({
      ...base,
      // Ignores the signal: answers only when the test says, then as if nothing was cancelled.
      list: async (request) => {
        if (hold) await new Promise<void>((resolve, reject) => waiting.push({ release: (fail) => (fail ? reject(new Error('late failure')) : resolve()) }));
        return base.list(request);
      },
    });
    renderAuditLogs({ adapter, newEventsInterval: 0 });
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(5), { timeout: 3000 });
    hold = true;
    await userEvent.click(exportButton());
    await waitFor(() => expect(waiting.length).toBe(1));
    await userEvent.click(screen.getByRole('button', { name: 'Cancel export' }));
    // A second export starts and waits too.
    await userEvent.click(exportButton());
    await waitFor(() => expect(waiting.length).toBe(2));
    const started = commands.downloadStartsWithin(1_500);
    // The first export's request fails late: the second keeps running, its Cancel still works.
    waiting[0]!.release(true);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(screen.getByRole('progressbar', { name: 'Export progress' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel export' }));
    // The second export's request answers as if it had not been cancelled: still no file.
    hold = false;
    waiting[1]!.release(false);
    expect(await started).toBe(false);
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeEnabled();
  });

  it('a failure half way says how many rows it had and that nothing was saved, and leaves no file', async () => {
    const base = createMemoryAdapter(events(2_500), { now: NOW });
    let calls = 0;
    const adapter = clientSide({
      ...base,
      list: async (request, options) => {
        // The table's page, the export's count and first page succeed; the next page fails.
        if (request.page.limit === 1000 && ++calls === 2) throw new AuditApiError('server', 'The server failed (HTTP 500).');
        return base.list(request, options);
      },
    });
    renderAuditLogs({ adapter, newEventsInterval: 0 });
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(5));
    const started = commands.downloadStartsWithin(2_000);
    await userEvent.click(exportButton());
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/stopped after 1,000 rows and nothing was saved\. The server failed/);
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeTruthy();
    expect(await started).toBe(false);
  });

  it('pages fullstackhero at most 100 rows at a time, naming the tenant on every request', async () => {
    const handler = createMockHandler({ dialect: 'fsh', count: 350, seed: 3, now: NOW });
    // The real clock: the export pins its window to the moment it starts.
    const adapter = createHttpAdapter({ baseUrl: 'http://mock.local', dialect: 'fsh', fetch: mockFetch(handler) });
    renderAuditLogs({ adapter, newEventsInterval: 0 });
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(5));
    const before = handler.requests.length;
    const file = commands.waitForDownload();
    await userEvent.click(exportButton());
    const rows = parseCsv((await file).text.slice(1));
    const requests = handler.requests.slice(before).filter((r) => r.path === '/api/v1/audits');
    expect(requests.length).toBeGreaterThan(3);
    for (const r of requests) {
      const params = new URLSearchParams(r.search);
      expect(Number(params.get('pageSize'))).toBeLessThanOrEqual(100);
      expect(params.get('tenantId')).toBe('acme');
    }
    const total = (await adapter.list({ tenantId: 'acme', query: {}, page: { type: 'offset', offset: 0, limit: 1 } })).total;
    expect(rows).toHaveLength(1 + total!);
  });

  it('Frontegg: its server export gets the visible columns in its body', async () => {
    const handler = createMockHandler({ dialect: 'frontegg', count: 120, seed: 3, now: NOW });
    const bodies: string[] = [];
    const fetchRecording: typeof fetch = async (input, init) => {
      if (String(input).includes('/export/csv')) bodies.push(String(init?.body));
      return mockFetch(handler)(input, init);
    };
    const adapter = createHttpAdapter({ baseUrl: 'http://mock.local', dialect: 'frontegg', fetch: fetchRecording, now: () => NOW });
    renderAuditLogs({ adapter, newEventsInterval: 0 });
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(5));
    const file = commands.waitForDownload();
    await userEvent.click(exportButton());
    const rows = parseCsv((await file).text.slice(1));
    const sent = JSON.parse(bodies[0]!) as { properties: { name: string; displayName: string }[] };
    expect(sent.properties.map((p) => p.displayName)).toEqual(visibleHeaders());
    expect(rows[0]).toEqual(visibleHeaders());
    expect(rows.length).toBe(121);
  });

  it('exports JSON Lines: one event per line, every field', async () => {
    const adapter = createMemoryAdapter(events(1_500, (i) => ({ fields: { plan: i % 2 ? 'team' : 'free' } })), { now: NOW });
    renderAuditLogs({ adapter, newEventsInterval: 0 });
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(5));
    const file = commands.waitForDownload();
    await userEvent.click(screen.getByRole('button', { name: 'Export JSON Lines' }));
    const { name, text } = await file;
    expect(name).toMatch(/\.jsonl$/);
    const lines = text.trimEnd().split('\n').map((line) => JSON.parse(line) as { id: string; fields: { plan: string } });
    expect(lines).toHaveLength(1_500);
    expect(new Set(lines.map((l) => l.id)).size).toBe(1_500);
    expect(lines[0]).toMatchObject({ id: 'x0', fields: { plan: 'free' }, tenantId: 'acme' });
  });

  it('offers no export without permissions.export', async () => {
    renderAuditLogs({ adapter: createMemoryAdapter(events(10), { now: NOW }), permissions: { export: false } });
    await waitFor(() => expect(readyRows().length).toBe(10));
    expect(screen.queryByRole('button', { name: 'Export CSV' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Export JSON Lines' })).toBeNull();
  });
});
