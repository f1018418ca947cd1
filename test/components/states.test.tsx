import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { AuditLogsAdapter } from '../../src/api/adapter';
import { createMockAdapter } from '../../src/mock/createMockAdapter';
import { FIXTURE_EVENTS, NOW } from '../fixtures/events';
import { createIndexedAdapter } from '../fixtures/indexedAdapter';
import { readyRows, renderAuditLogs } from '../browser/setup';

const alert = () => screen.queryByRole('alert');
const table = () => screen.queryByRole('table', { name: 'Audit logs' });

describe('states', () => {
  it('shows skeleton rows and a loading status while the first page loads', async () => {
    renderAuditLogs({ adapter: createMockAdapter({ count: 50, now: NOW, latencyMs: 400 }) });
    expect(table()!.getAttribute('aria-busy')).toBe('true');
    expect(document.querySelectorAll('[role=row][data-state=loading]').length).toBeGreaterThan(3);
    expect(document.querySelector('[role=status]')!.textContent).toContain('Loading events');
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(5), { timeout: 3000 });
    expect(table()!.hasAttribute('aria-busy')).toBe(false);
    expect(document.querySelector('[role=status]')!.textContent).toContain('50 events');
  });

  it('says "No events match" and offers to clear the filters that hide everything', async () => {
    const onQueryChange = vi.fn();
    renderAuditLogs({
      adapter: createMockAdapter({ count: 50, now: NOW }),
      defaultQuery: { search: 'nothing matches this', sort: { field: 'action', direction: 'asc' } },
      onQueryChange,
    });
    await waitFor(() => expect(document.body.textContent).toContain('No events match'));
    expect(table()).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(onQueryChange).toHaveBeenCalledWith({ sort: { field: 'action', direction: 'asc' } });
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(5));
  });

  it('has no "Clear filters" for a log that is simply empty', async () => {
    renderAuditLogs({ adapter: createMockAdapter({ events: [], now: NOW }) });
    await waitFor(() => expect(document.body.textContent).toContain('No events match'));
    expect(screen.queryByRole('button', { name: 'Clear filters' })).toBeNull();
  });

  it('shows an alert with Retry when loading fails, and recovers', async () => {
    const adapter = createMockAdapter({ count: 50, now: NOW });
    const list = vi.spyOn(adapter, 'list');
    // Retrying is the adapter's business (the HTTP client's): the component asks once and tells the user.
    adapter.failNext({ method: 'list', kind: 'server' });
    renderAuditLogs({ adapter });
    await waitFor(() => expect(alert()).not.toBeNull(), { timeout: 1000 });
    expect(list).toHaveBeenCalledTimes(1);
    expect(alert()!.textContent).toContain('The audit log server had a problem.');
    await userEvent.click(within(alert()!).getByRole('button'));
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(5));
    expect(alert()).toBeNull();
  });

  it('names the kind of failure (a permission error reads differently from a server error)', async () => {
    const adapter = createMockAdapter({ count: 50, now: NOW });
    adapter.failNext({ method: 'list', kind: 'forbidden' });
    renderAuditLogs({ adapter });
    await waitFor(() => expect(alert()?.textContent).toContain('You do not have permission'));
  });

  it('keeps the rows already shown when a later page fails', async () => {
    const { adapter } = createIndexedAdapter(10_000);
    let fail = false;
    const flaky: AuditLogsAdapter = {
      ...adapter,
      list: async (request, options) => {
        if (fail && request.page.type === 'offset' && request.page.offset > 0) {
          const { AuditApiError } = await import('../../src/api/errors');
          throw new AuditApiError('server', 'boom');
        }
        return adapter.list(request, options);
      },
    };
    renderAuditLogs({ adapter: flaky });
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(5));
    fail = true;
    const scroller = document.querySelector<HTMLElement>('.ral-table__scroller')!;
    scroller.scrollTop = 36 * 90; // rows 90..105: page 0 and page 1
    await waitFor(() => expect(alert()).not.toBeNull(), { timeout: 6000 });
    expect(readyRows().length).toBeGreaterThan(3); // page 0's rows stay
    expect(document.querySelectorAll('[role=row][data-state=error]').length).toBeGreaterThan(0);
    fail = false;
    await userEvent.click(within(alert()!).getByRole('button'));
    await waitFor(() => expect(document.querySelectorAll('[role=row][data-state=error]').length).toBe(0));
    expect(alert()).toBeNull();
  });

  it('shows the rest of a page when the source sent some malformed events', async () => {
    const base = createMockAdapter({ events: FIXTURE_EVENTS, now: NOW });
    const partial: AuditLogsAdapter = {
      ...base,
      capabilities: base.capabilities,
      list: async (request, options) => {
        const page = await base.list(request, options);
        return { ...page, events: page.events.slice(1), skipped: [{ id: 'bad-1', issues: ['timestamp: not a date'] }] };
      },
    };
    renderAuditLogs({ adapter: partial });
    await waitFor(() => expect(readyRows().length).toBe(6));
    expect(document.querySelector('[role=status]')!.textContent).toContain('One event could not be read');
    expect(document.querySelectorAll('[role=row][data-state=missing]').length).toBe(1);
  });
});
