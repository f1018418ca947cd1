/**
 * Saved views over links and change: Copy link opened in a new page, a deleted view's link, a stale update, a
 * vanished column, a view from a newer version, Manage views, and views kept in this browser or the host's store.
 */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { AuditLogsAdapter } from '../../src/api/adapter';
import type { ViewBookData } from '../../src/core/viewBook';
import { createMemoryAdapter } from '../../src/memory/createMemoryAdapter';
import { generateAuditEvents } from '../../src/mock/generator';
import type { ViewStore } from '../../src/hooks/viewStore';
import { NOW } from '../fixtures/events';
import { expectNoAxeViolations } from '../browser/setup';
import { open, saveView, search, searchbox, status, viewMenu } from './viewHelpers';

const events = generateAuditEvents({ tenantId: 'acme', count: 300, seed: 5, now: NOW });

beforeEach(() => localStorage.clear());
afterEach(() => window.history.replaceState(null, '', window.location.pathname));

/** Copy link, with the clipboard caught: the link it wrote. */
async function copyLink(): Promise<string> {
  const writeText = vi.fn(async (_text: string) => undefined);
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  await userEvent.click(within(await viewMenu()).getByRole('menuitem', { name: 'Copy link' }));
  await waitFor(() => expect(writeText).toHaveBeenCalledOnce());
  await waitFor(() => expect(status()).toContain('Link copied.'));
  return writeText.mock.calls[0]![0];
}

/** The link opened as a new page would: a fresh viewer (and cache) at that address. */
async function openLink(link: string, adapter: AuditLogsAdapter, userId?: string) {
  cleanup();
  const url = new URL(link);
  window.history.replaceState(null, '', `${url.pathname}${url.search}`);
  await open({ adapter, userId });
}

/** A backend without saved views (as Frontegg's or fullstackhero's API). */
const withoutViews = (adapter: AuditLogsAdapter): AuditLogsAdapter => ({
  ...adapter,
  capabilities: { ...adapter.capabilities, views: false },
  listViews: undefined,
  createView: undefined,
  updateView: undefined,
  deleteView: undefined,
});

describe('saved view links', () => {
  it('Copy link carries the view and its unsaved changes; a new page opens the same rows, named, and Modified', async () => {
    const adapter = createMemoryAdapter(events, { now: NOW });
    await open({ adapter, userId: 'ada' });
    await search('login');
    await saveView('Logins');
    await waitFor(() => expect(screen.getByText('View: Logins')).toBeTruthy());
    await search('login.failed');
    const link = await copyLink();
    const [view] = await adapter.listViews({ tenantId: 'acme', userId: 'ada' });
    expect(new URL(link).searchParams.get('view')).toBe(view!.id);
    expect(new URL(link).searchParams.get('q')).toBe('login.failed');

    await openLink(link, adapter, 'ada');
    expect(screen.getByText('View: Logins')).toBeTruthy();
    expect(searchbox()).toHaveValue('login.failed');
    expect(screen.getByText(/Modified/)).toBeTruthy();
  });

  it('a link wins over the default view', async () => {
    const adapter = createMemoryAdapter(events, { now: NOW });
    await adapter.createView({ tenantId: 'acme', view: { name: 'Default', scope: 'personal', state: { query: { search: 'invoice' } }, defaultForMe: true } });
    await openLink('http://localhost/?view=&q=login', adapter);
    expect(searchbox()).toHaveValue('login');
    expect(screen.queryByText('View: Default')).toBeNull();
  });

  it("a deleted view's link opens its saved query and says the view is gone", async () => {
    const adapter = createMemoryAdapter(events, { now: NOW });
    const view = await adapter.createView({ tenantId: 'acme', view: { name: 'Gone soon', scope: 'tenant', state: { query: { search: 'login' } } } });
    const link = `http://localhost/?view=${view.id}&q=login`;
    await adapter.deleteView({ tenantId: 'acme', id: view.id });
    await openLink(link, adapter);
    expect(searchbox()).toHaveValue('login');
    await waitFor(() => expect(status()).toContain('This view was deleted; showing its saved query from the link.'));
  });
});

describe('changes to saved views', () => {
  it('refuses a stale save, says someone else changed it, keeps the user’s changes, and saves them as a new view', async () => {
    const adapter = createMemoryAdapter(events, { now: NOW });
    const view = await adapter.createView({ tenantId: 'acme', view: { name: 'Logins', scope: 'tenant', state: { query: { search: 'login' } }, defaultForMe: true } });
    await open({ adapter, permissions: { manageViews: true } });
    expect(screen.getByText('View: Logins')).toBeTruthy();
    await adapter.updateView({ tenantId: 'acme', userId: 'grace', id: view.id, version: view.version, changes: { state: { query: { search: 'logout' } } } });
    await search('invoice');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByText(/Someone else changed “Logins” since you opened it\./);
    expect(searchbox()).toHaveValue('invoice');
    await userEvent.click(within(alert).getByRole('button', { name: 'Save as new view' }));
    const dialog = await screen.findByRole('dialog', { name: 'Save as new view' });
    await userEvent.fill(within(dialog).getByRole('textbox', { name: 'Name' }), 'My invoices');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save view' }));
    await waitFor(() => expect(screen.getByText('View: My invoices')).toBeTruthy());
    const all = await adapter.listViews({ tenantId: 'acme' });
    expect(all.map((v) => [v.name, v.state.query.search])).toEqual([
      ['Logins', 'logout'],
      ['My invoices', 'invoice'],
    ]);
  });

  it('opens a view whose column is gone without it, and names it', async () => {
    const adapter = createMemoryAdapter(events, { now: NOW });
    await adapter.createView({
      tenantId: 'acme',
      view: { name: 'Regions', scope: 'personal', state: { query: {}, columns: { version: 1, visibility: { region: true }, order: ['timestamp', 'region'] } } },
    });
    await open({ adapter });
    await userEvent.click(within(await viewMenu()).getByRole('menuitemradio', { name: 'Regions' }));
    await waitFor(() => expect(status()).toContain('Columns no longer there were left out: region.'));
    expect(screen.getByRole('table', { name: 'Audit logs' })).toBeTruthy();
  });

  it('renames, sets a default and deletes in Manage views, each announced; Delete asks first, on Cancel', async () => {
    const adapter = createMemoryAdapter(events, { now: NOW });
    await adapter.createView({ tenantId: 'acme', view: { name: 'Logins', scope: 'personal', state: { query: { search: 'login' } } } });
    await open({ adapter, theme: 'dark' });
    await userEvent.click(within(await viewMenu()).getByRole('menuitem', { name: 'Manage views' }));
    const dialog = await screen.findByRole('dialog', { name: 'Manage views' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Rename Logins' }));
    await userEvent.fill(within(dialog).getByRole('textbox', { name: 'Name' }), 'Sign-ins');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(within(dialog).getByRole('status')).toHaveTextContent('View renamed to “Sign-ins”.'));
    const row = within(dialog).getByRole('group', { name: 'Sign-ins' });
    await userEvent.click(within(row).getByRole('checkbox', { name: 'Open by default for me' }));
    await waitFor(() => expect(within(dialog).getByRole('status')).toHaveTextContent('“Sign-ins” now opens by default.'));
    await expectNoAxeViolations();

    await userEvent.click(within(row).getByRole('button', { name: 'Delete view Sign-ins' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Delete view?' });
    expect(confirm).toHaveTextContent('“Sign-ins” will be deleted');
    expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Cancel' }));
    await userEvent.click(within(confirm).getByRole('button', { name: 'Delete view' }));
    await waitFor(() => expect(within(dialog).getByRole('status')).toHaveTextContent('View “Sign-ins” deleted.'));
    expect((await adapter.listViews({ tenantId: 'acme' })).map((v) => v.name)).toEqual([]);
  });

  it('keeps views in this browser when the backend has none: personal only, labelled, and there after a reload', async () => {
    const adapter = withoutViews(createMemoryAdapter(events, { now: NOW }));
    await open({ adapter, userId: 'ada', permissions: { manageViews: true } });
    await search('login');
    await userEvent.click(within(await viewMenu()).getByRole('menuitem', { name: 'Save view' }));
    const dialog = await screen.findByRole('dialog', { name: 'Save view' });
    expect(dialog).toHaveTextContent('Saved in this browser only');
    expect(within(dialog).queryByRole('checkbox', { name: 'Share with the tenant' })).toBeNull();
    await userEvent.fill(within(dialog).getByRole('textbox', { name: 'Name' }), 'Logins');
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'Open by default for me' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save view' }));
    await waitFor(() => expect(screen.getByText('View: Logins')).toBeTruthy());
    cleanup();
    await open({ adapter, userId: 'ada' });
    expect(screen.getByText('View: Logins')).toBeTruthy();
    expect(within(await viewMenu()).queryByRole('group', { name: 'Tenant views' })).toBeNull();
  });

  it("keeps views in the host's store, and a view from a newer version opens what it can and loses nothing on save", async () => {
    let data: ViewBookData = {
      views: [{ id: 'v9', name: 'Future', scope: 'tenant', version: '4', schemaVersion: 2, state: { query: { search: 'login' }, groupBy: 'actor' } }],
      tenantDefault: 'v9',
    };
    const store: ViewStore = {
      load: async () => structuredClone(data),
      save: async (_tenant, _user, next) => {
        data = structuredClone(next);
      },
    };
    await open({ adapter: withoutViews(createMemoryAdapter(events, { now: NOW })), viewStore: store, permissions: { manageViews: true } });
    expect(screen.getByText('View: Future')).toBeTruthy();
    await waitFor(() => expect(status()).toContain('This view was saved by a newer version'));
    await search('logout');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(data.views[0]!.state).toMatchObject({ query: { search: 'logout' }, groupBy: 'actor' }));
  });
});
