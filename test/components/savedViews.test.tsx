/**
 * Saved views, driven by role and name: save (personal and shared), defaults, Modified / Save / Revert, the
 * columns and the histogram inside a view, and read-only users who see tenant views but cannot change them.
 */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createMemoryAdapter } from '../../src/memory/createMemoryAdapter';
import { generateAuditEvents } from '../../src/mock/generator';
import { NOW } from '../fixtures/events';
import { expectNoAxeViolations, readyRows, renderAuditLogs } from '../browser/setup';
import { open, saveView, search, searchbox, status, viewMenu, views } from './viewHelpers';

const events = generateAuditEvents({ tenantId: 'acme', count: 300, seed: 5, now: NOW });
const admin = { manageViews: true };

beforeEach(() => localStorage.clear());
afterEach(() => window.history.replaceState(null, '', window.location.pathname));

describe('saved views', () => {
  it('saves the search as a personal view, names it, says Modified after a change, and Revert puts it back', async () => {
    const adapter = createMemoryAdapter(events, { now: NOW });
    await open({ adapter });
    await search('login');
    await saveView('Logins');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Save view' })).toBeNull());
    await waitFor(() => expect(status()).toContain('View “Logins” saved.'));
    expect(screen.getByText('View: Logins')).toBeTruthy();
    const menu = await viewMenu();
    expect(within(within(menu).getByRole('group', { name: 'My views' })).getByRole('menuitemradio', { name: 'Logins' })).toHaveAttribute('aria-checked', 'true');
    expect(document.activeElement).toBe(within(menu).getByRole('menuitemradio', { name: 'Logins' }));
    await userEvent.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(within(menu).getByRole('menuitem', { name: 'Save view' }));
    await expectNoAxeViolations();
    await userEvent.keyboard('{Escape}');
    expect(document.activeElement).toBe(views());

    await search('invoice');
    expect(screen.getByText(/Modified/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Revert' }));
    await waitFor(() => expect(searchbox()).toHaveValue('login'));
    expect(screen.queryByText(/Modified/)).toBeNull();
    const [saved] = await adapter.listViews({ tenantId: 'acme' });
    expect(saved).toMatchObject({ name: 'Logins', scope: 'personal', state: { query: { search: 'login' } } });
  });

  it('explains a missing, too long or taken name beside the input and keeps what was typed', async () => {
    const adapter = createMemoryAdapter(events, { now: NOW });
    await adapter.createView({ tenantId: 'acme', view: { name: 'Logins', scope: 'personal', state: { query: {} } } });
    await open({ adapter });
    const dialog = await saveView('');
    const name = within(dialog).getByRole('textbox', { name: 'Name' });
    await waitFor(() => expect(name).toHaveAccessibleDescription('Enter a name.'));
    await userEvent.fill(name, 'x'.repeat(129));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save view' }));
    await waitFor(() => expect(name).toHaveAccessibleDescription('Use at most 128 characters.'));
    await userEvent.fill(name, 'LOGINS');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save view' }));
    await waitFor(() => expect(name).toHaveAccessibleDescription('A view with this name exists already.'));
    expect(name).toHaveValue('LOGINS');
    expect(await adapter.listViews({ tenantId: 'acme' })).toHaveLength(1);
    await expectNoAxeViolations();
  });

  it('keeps the columns and the histogram in the view and applies them in one step: one request, no flash', async () => {
    const memory = createMemoryAdapter(events, { now: NOW });
    const asked: string[] = [];
    const adapter = { ...memory, list: (...args: Parameters<typeof memory.list>) => (asked.push(JSON.stringify(args[0].query)), memory.list(...args)) };
    await open({ adapter, defaultQuery: { search: 'login' } });
    // The toggle comes with the stats, counted after the first rows are painted.
    await userEvent.click(await screen.findByRole('button', { name: 'Histogram', pressed: true }));
    await userEvent.click(screen.getByRole('button', { name: 'Columns' }));
    await userEvent.click(await screen.findByRole('checkbox', { name: 'IP address' }));
    await userEvent.keyboard('{Escape}');
    const headers = () => within(screen.getByRole('table', { name: 'Audit logs' })).getAllByRole('columnheader').map((h) => h.getAttribute('aria-label'));
    expect(headers()).not.toContain('IP address');
    await saveView('Compact');
    await waitFor(() => expect(screen.getByText('View: Compact')).toBeTruthy());

    await userEvent.click(within(await viewMenu()).getByRole('menuitemradio', { name: 'All events' }));
    await waitFor(() => expect(headers()).toContain('IP address'));
    expect(screen.queryByText('View: Compact')).toBeNull();
    asked.length = 0;
    const menu = await viewMenu();
    // Every state the table shows from the click on: rows of the view's query only, with its columns.
    const shown: string[] = [];
    const observer = new MutationObserver(() => {
      const rows = readyRows();
      if (rows.length) shown.push(`${headers().includes('IP address')}:${rows.every((r) => r.textContent?.toLowerCase().includes('login'))}`);
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    await userEvent.click(within(menu).getByRole('menuitemradio', { name: 'Compact' }));
    await waitFor(() => expect(headers()).not.toContain('IP address'));
    await waitFor(() => expect(readyRows().every((r) => r.textContent?.toLowerCase().includes('login'))).toBe(true));
    observer.disconnect();
    expect(searchbox()).toHaveValue('login');
    expect(asked.every((q) => q === JSON.stringify({ search: 'login' }))).toBe(true);
    expect(shown.filter((s) => s === 'false:false' || s === 'true:true')).toEqual([]);
    expect(screen.getByRole('button', { name: 'Histogram' })).toHaveAttribute('aria-pressed', 'false');
    expect(screen.queryByText(/Modified/)).toBeNull();
  });

  it('keeps a relative time range relative', async () => {
    const adapter = createMemoryAdapter(events, { now: NOW });
    await open({ adapter, defaultQuery: { timeRange: { preset: '7d' } } });
    await saveView('This week');
    await waitFor(async () => expect((await adapter.listViews({ tenantId: 'acme' }))[0]?.state.query).toEqual({ timeRange: { preset: '7d' } }));
  });

  it('shares a view with the tenant as its default: another user opens it by itself, their own default wins', async () => {
    const adapter = createMemoryAdapter(events, { now: NOW });
    await open({ adapter, userId: 'ada', permissions: admin });
    await search('login');
    await saveView('Team logins', { share: true, defaultForEveryone: true });
    await waitFor(() => expect(screen.getByText('View: Team logins')).toBeTruthy());
    cleanup();

    await open({ adapter, userId: 'grace' });
    expect(screen.getByText('View: Team logins')).toBeTruthy();
    expect(searchbox()).toHaveValue('login');
    const menu = await viewMenu();
    expect(within(within(menu).getByRole('group', { name: 'Tenant views' })).getByRole('menuitemradio', { name: 'Team logins' })).toBeTruthy();
    await userEvent.keyboard('{Escape}');
    // Grace may not share: no such choice, and her view is hers.
    await search('invoice');
    await userEvent.click(within(await viewMenu()).getByRole('menuitem', { name: 'Save as new view' }));
    const dialog = await screen.findByRole('dialog', { name: 'Save as new view' });
    expect(within(dialog).queryByRole('checkbox', { name: 'Share with the tenant' })).toBeNull();
    await userEvent.fill(within(dialog).getByRole('textbox', { name: 'Name' }), 'My invoices');
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'Open by default for me' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save view' }));
    await waitFor(() => expect(screen.getByText('View: My invoices')).toBeTruthy());
    cleanup();

    await open({ adapter, userId: 'grace' });
    expect(screen.getByText('View: My invoices')).toBeTruthy();
    expect(searchbox()).toHaveValue('invoice');
    cleanup();
    // Ada has no default of her own: the tenant's opens, and Grace's personal view is not hers to see.
    await open({ adapter, userId: 'ada', permissions: admin });
    expect(screen.getByText('View: Team logins')).toBeTruthy();
    const adaMenu = await viewMenu();
    expect(within(adaMenu).queryByRole('menuitemradio', { name: 'My invoices' })).toBeNull();
  });

  it('lets a read-only user see tenant views and set their own default, but not rename, share or delete them', async () => {
    const adapter = createMemoryAdapter(events, { now: NOW });
    await adapter.createView({ tenantId: 'acme', userId: 'ada', view: { name: 'Shared', scope: 'tenant', state: { query: { search: 'login' } } } });
    await open({ adapter, userId: 'grace' });
    await userEvent.click(within(await viewMenu()).getByRole('menuitem', { name: 'Manage views' }));
    const dialog = await screen.findByRole('dialog', { name: 'Manage views' });
    const row = within(dialog).getByRole('group', { name: 'Shared' });
    expect(within(row).queryByRole('button', { name: 'Rename Shared' })).toBeNull();
    expect(within(row).queryByRole('button', { name: 'Delete view Shared' })).toBeNull();
    expect(within(row).getByRole('checkbox', { name: 'Open by default for everyone' })).toBeDisabled();
    await userEvent.click(within(row).getByRole('checkbox', { name: 'Open by default for me' }));
    await waitFor(() => expect(within(dialog).getByRole('status')).toHaveTextContent('“Shared” now opens by default.'));
    await expectNoAxeViolations();
    expect((await adapter.listViews({ tenantId: 'acme', userId: 'grace' }))[0]).toMatchObject({ defaultForMe: true });
    expect((await adapter.listViews({ tenantId: 'acme', userId: 'ada' }))[0]?.defaultForMe).toBeUndefined();
  });

  it('follows a controlled viewId, and tells onViewsChange who changed which view', async () => {
    const adapter = createMemoryAdapter(events, { now: NOW });
    const a = await adapter.createView({ tenantId: 'acme', view: { name: 'Logins', scope: 'tenant', state: { query: { search: 'login' } } } });
    const b = await adapter.createView({ tenantId: 'acme', view: { name: 'Invoices', scope: 'tenant', state: { query: { search: 'invoice' } } } });
    const opened: (string | null)[] = [];
    const changes: string[] = [];
    const onViewsChange = (change: { type: string; view: { name: string }; userId?: string }) => changes.push(`${change.userId} ${change.type} ${change.view.name}`);
    const { rerenderWith } = renderAuditLogs({ adapter, userId: 'ada', viewId: a.id, onViewIdChange: (id) => opened.push(id), onViewsChange, newEventsInterval: 0 });
    await waitFor(() => expect(screen.getByText('View: Logins')).toBeTruthy());
    expect(searchbox()).toHaveValue('login');
    rerenderWith({ viewId: b.id });
    await waitFor(() => expect(screen.getByText('View: Invoices')).toBeTruthy());
    await waitFor(() => expect(searchbox()).toHaveValue('invoice'));
    await userEvent.click(within(await viewMenu()).getByRole('menuitemradio', { name: 'Logins' }));
    expect(opened).toEqual([a.id]);
    await saveView('Mine');
    await waitFor(() => expect(changes).toEqual(['ada created Mine']));
  });
});
