/**
 * The whole path a host with no audit-log API takes: `<AuditLogs />` in Chromium, `createHttpAdapter` with the
 * native dialect, and react-audit-logs/server on each store, on 127.0.0.1 (another origin than this page, so
 * the handler's `cors` option is on). Rows, search, a filter, the histogram, a custom field saved, export,
 * delete with `audit:write`, and a 403 without it, each seen as a user sees it.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { commands, userEvent } from 'vitest/browser';
import { createHttpAdapter } from '../../src/api/http/createHttpAdapter';
import { clickRow, readyRows, renderAuditLogs } from './setup';

// Each test starts a database and seeds it (PGlite's WebAssembly start takes seconds on a busy 2-core machine).
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const STORES = ['pglite', 'chdb', 'postgres'] as const;
const READ = 'audit:read,audit:fields,audit:views';
const ALL = `${READ},audit:write`;

let url: string | undefined;
afterEach(async () => {
  if (url) await commands.stopAuditServer(url);
  url = undefined;
});

const table = () => screen.getByRole('table', { name: 'Audit logs' });
const rowCount = () => Number(table().getAttribute('aria-rowcount')) - 1;

async function open(store: (typeof STORES)[number], scopes: string) {
  const started = await commands.startAuditServer(store, location.origin);
  url = started.url;
  // The token says the tenant and the scopes; the server's authorize reads it (the browser's tenant header is ignored).
  const adapter = createHttpAdapter({ baseUrl: started.url, dialect: 'native', getToken: ({ tenantId }) => `${tenantId}|${scopes}` });
  renderAuditLogs({ adapter, permissions: { delete: true, manageFields: true, export: true }, newEventsInterval: 0 }, 700, 1200);
  await waitFor(() => expect(readyRows().length).toBeGreaterThan(5), { timeout: 15_000 });
  return started;
}

/** Opens the first row and deletes it, confirming, as a user does. */
async function deleteFirstRow() {
  await clickRow(readyRows()[0]!);
  const details = await screen.findByRole('dialog', { name: 'Event details' });
  await userEvent.click(within(details).getByRole('button', { name: 'Delete event' }));
  await userEvent.click(within(await screen.findByRole('alertdialog', { name: 'Delete event?' })).getByRole('button', { name: 'Delete event' }));
}

describe.each(STORES)('<AuditLogs /> on react-audit-logs/server with %s', (store) => {
  it('shows the tenant’s rows, searches, filters, draws the histogram, saves a field and exports', async (ctx) => {
    const available = await commands.auditServerAvailable(store);
    if (!available) ctx.skip(`no ${store} on this machine`); // only PostgreSQL can be missing; .ci/run installs it
    const { total, sample } = await open(store, ALL);
    await waitFor(() => expect(rowCount()).toBe(total), { timeout: 10_000 });
    for (const row of readyRows()) expect(row.textContent).not.toContain('globex');
    // The histogram, from the server's stats: its table for screen readers counts every event.
    await waitFor(() => {
      const histogram = screen.getByRole('table', { name: 'Events over time' });
      const counts = [...histogram.querySelectorAll('tbody td:nth-child(2)')].map((td) => Number(td.textContent!.replace(/,/g, '')));
      expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
    }, { timeout: 10_000 });

    // Search: the server's full-text match narrows the table.
    const search = screen.getByRole('searchbox', { name: 'Search' });
    await userEvent.click(search);
    await userEvent.keyboard(sample.email);
    await waitFor(() => expect(rowCount()).toBe(sample.emailCount), { timeout: 10_000 });
    await userEvent.clear(search);
    await waitFor(() => expect(rowCount()).toBe(total), { timeout: 10_000 });

    // A severity filter.
    await userEvent.click(screen.getByRole('button', { name: 'Severity' }));
    await userEvent.click(within(screen.getByRole('group', { name: 'Severity' })).getByRole('checkbox', { name: /Critical/ }));
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(rowCount()).toBe(sample.criticalCount), { timeout: 10_000 });
    for (const row of readyRows()) expect(row.textContent).toContain('Critical');
    await userEvent.click(screen.getByRole('button', { name: 'Clear all' }));
    await waitFor(() => expect(rowCount()).toBe(total), { timeout: 10_000 });

    // A custom field, saved to the server's data structure, becomes a column.
    await userEvent.click(screen.getByRole('button', { name: 'Add field' }));
    const dialog = await screen.findByRole('dialog', { name: /field/i });
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'region');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Display name' }), 'Region');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save field' }));
    await waitFor(() => expect(within(table()).getByRole('columnheader', { name: /Region/ })).toBeVisible(), { timeout: 10_000 });
    // The column shows as soon as the save is sent (optimistically): the server has it once the save is answered.
    await waitFor(async () => expect(await commands.auditServerFields(url!, 'acme')).toContain('region'), { timeout: 10_000 });

    // Export: the server streams the CSV, the browser downloads it whole.
    const file = commands.waitForDownload(20_000);
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    const { text, head } = await file;
    expect(head).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.trim().split('\r\n')).toHaveLength(total + 1);
  });

  it('deletes an event with audit:write', async (ctx) => {
    if (!(await commands.auditServerAvailable(store))) ctx.skip(`no ${store} on this machine`);
    const { total } = await open(store, ALL);
    await deleteFirstRow();
    await waitFor(() => expect(rowCount()).toBe(total - 1), { timeout: 10_000 });
    expect(await commands.auditServerCount(url!, 'acme')).toBe(total - 1);
  });

  it('says the server refused a delete without audit:write, and the event stays', async (ctx) => {
    if (!(await commands.auditServerAvailable(store))) ctx.skip(`no ${store} on this machine`);
    const { total } = await open(store, READ);
    await deleteFirstRow();
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(/not allowed|permission|forbidden|scope/i), { timeout: 10_000 });
    expect(await commands.auditServerCount(url!, 'acme')).toBe(total);
  });
});
