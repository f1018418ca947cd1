import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createMockAdapter } from '../../src/mock/createMockAdapter';
import { NOW } from '../fixtures/events';
import { clickRow, expectNoAxeViolations, readyRows, renderAuditLogs } from '../browser/setup';

const admin = { manageFields: true };
const headers = () =>
  within(screen.getByRole('table', { name: 'Audit logs' }))
    .getAllByRole('columnheader')
    .map((h) => h.getAttribute('aria-label'));

async function openDialog() {
  await waitFor(() => expect(readyRows().length).toBeGreaterThan(5));
  await userEvent.click(screen.getByRole('button', { name: 'Add field' }));
  // The dialog (and its form library) loads on first use.
  return await screen.findByRole('dialog', { name: 'Add field' });
}

async function fill(dialog: HTMLElement, values: { name?: string; displayName?: string; valueFrom?: string }) {
  const box = (name: string) => within(dialog).getByRole('textbox', { name });
  if (values.name !== undefined) await userEvent.fill(box('Name'), values.name);
  if (values.displayName !== undefined) await userEvent.fill(box('Display name'), values.displayName);
  if (values.valueFrom !== undefined) await userEvent.fill(box('Value from'), values.valueFrom);
}

describe('custom fields', () => {
  it('a field added through the dialog becomes a column with values, after a preview of what it finds', async () => {
    localStorage.clear();
    const adapter = createMockAdapter({ count: 60, now: NOW });
    renderAuditLogs({ adapter, permissions: admin, tenantId: 'cf-add' });
    const dialog = await openDialog();
    expect(within(dialog).getByRole('checkbox', { name: 'Show as column' })).toBeChecked();
    await fill(dialog, { name: 'region', displayName: 'Region' });
    await waitFor(() => expect(dialog.textContent).toMatch(/Found in \d+ of \d+ loaded events, such as: [a-z]+-[a-z]+-\d/));
    await expectNoAxeViolations();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save field' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Add field' })).toBeNull());
    await waitFor(() => expect(headers()).toContain('Region'));
    const cells = [...document.querySelectorAll('[role=row][data-state=ready] [data-column="region"]')].map((c) => c.textContent);
    expect(cells.filter((t) => /^[a-z]+-[a-z]+-\d$/.test(t ?? '')).length).toBeGreaterThan(3);
    const saved = await adapter.getDataStructure({ tenantId: 'cf-add' });
    expect(saved.fields.find((f) => f.name === 'region')).toMatchObject({ custom: true, visible: true, displayName: 'Region' });
  });

  it('reads a value from a payload path', async () => {
    localStorage.clear();
    renderAuditLogs({ adapter: createMockAdapter({ count: 60, now: NOW }), permissions: admin, tenantId: 'cf-path' });
    const dialog = await openDialog();
    await fill(dialog, { name: 'path', displayName: 'Request path', valueFrom: 'payload.request.path' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save field' }));
    await waitFor(() => expect(headers()).toContain('Request path'));
    const cells = [...document.querySelectorAll('[role=row][data-state=ready] [data-column="path"]')].map((c) => c.textContent);
    expect(cells.some((t) => t?.startsWith('/'))).toBe(true);
  });

  it('shows an invalid name next to its input, keeps what was typed and sends nothing; a duplicate is refused', async () => {
    localStorage.clear();
    const adapter = createMockAdapter({ count: 30, now: NOW, fields: [{ name: 'region', displayName: 'Region', type: 'string' }] });
    const save = vi.spyOn(adapter, 'saveDataStructure');
    renderAuditLogs({ adapter, permissions: admin, tenantId: 'cf-invalid' });
    const dialog = await openDialog();
    await fill(dialog, { name: '1st-field', displayName: 'First' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save field' }));
    const name = within(dialog).getByRole('textbox', { name: 'Name' });
    await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'));
    expect(document.getElementById(name.getAttribute('aria-describedby')!)!.textContent).toMatch(/Start with a letter/);
    expect(name).toHaveValue('1st-field');
    expect(within(dialog).getByRole('textbox', { name: 'Display name' })).toHaveValue('First');
    await fill(dialog, { name: 'REGION' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save field' }));
    await waitFor(() => expect(document.getElementById(name.getAttribute('aria-describedby')!)?.textContent).toMatch(/exists already/));
    await fill(dialog, { name: 'constructor' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save field' }));
    await waitFor(() => expect(document.getElementById(name.getAttribute('aria-describedby')!)?.textContent).toMatch(/reserved/));
    expect(save).not.toHaveBeenCalled();
  });

  it('keeps the dialog and everything typed when the save fails, and takes the column back', async () => {
    localStorage.clear();
    const adapter = createMockAdapter({ count: 30, now: NOW });
    adapter.failNext({ method: 'saveDataStructure', kind: 'server', message: 'The structure store is down.' });
    renderAuditLogs({ adapter, permissions: admin, tenantId: 'cf-fail' });
    const dialog = await openDialog();
    await fill(dialog, { name: 'region', displayName: 'Region' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save field' }));
    await waitFor(() => expect(within(dialog).getByRole('alert').textContent).toMatch(/not saved.*store is down/));
    expect(within(dialog).getByRole('textbox', { name: 'Name' })).toHaveValue('region');
    expect(within(dialog).getByRole('textbox', { name: 'Display name' })).toHaveValue('Region');
    expect(headers()).not.toContain('Region');
  });

  it('saves once on a double click', async () => {
    localStorage.clear();
    const adapter = createMockAdapter({ count: 30, now: NOW });
    const save = vi.spyOn(adapter, 'saveDataStructure');
    renderAuditLogs({ adapter, permissions: admin, tenantId: 'cf-double' });
    const dialog = await openDialog();
    await fill(dialog, { name: 'region', displayName: 'Region' });
    adapter.setLatency(300);
    await userEvent.dblClick(within(dialog).getByRole('button', { name: 'Save field' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Add field' })).toBeNull(), { timeout: 3000 });
    adapter.setLatency(0);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('keeps fields in this browser, with a note, where the adapter cannot save them', async () => {
    localStorage.clear();
    const mock = createMockAdapter({ count: 30, now: NOW });
    const adapter = { ...mock, capabilities: { ...mock.capabilities, editDataStructure: false } };
    renderAuditLogs({ adapter, permissions: admin, tenantId: 'cf-browser' });
    const dialog = await openDialog();
    expect(dialog.textContent).toContain('Saved in this browser only.');
    await fill(dialog, { name: 'region', displayName: 'Region' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save field' }));
    await waitFor(() => expect(headers()).toContain('Region'));
    cleanup();
    renderAuditLogs({ adapter, permissions: admin, tenantId: 'cf-browser' });
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(5));
    expect(headers()).toContain('Region');
  });

  it('offers no Add field without manageFields', async () => {
    renderAuditLogs({ adapter: createMockAdapter({ count: 30, now: NOW }), tenantId: 'cf-none' });
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(5));
    expect(screen.queryByRole('button', { name: 'Add field' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Columns' })).toBeTruthy();
  });

  it('turns a payload key into a column from the event details ("Add as column")', async () => {
    localStorage.clear();
    renderAuditLogs({ adapter: createMockAdapter({ count: 40, now: NOW }), permissions: admin, tenantId: 'cf-details' });
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(5));
    await clickRow(readyRows()[0]!);
    const details = await screen.findByRole('dialog', { name: 'Event details' });
    await userEvent.click(within(details).getByRole('button', { name: 'Add status as a column' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add field' });
    expect(within(dialog).getByRole('textbox', { name: 'Name' })).toHaveValue('status');
    expect(within(dialog).getByRole('textbox', { name: 'Display name' })).toHaveValue('Status');
    expect(within(dialog).getByRole('textbox', { name: 'Value from' })).toHaveValue('payload.status');
    await waitFor(() => expect(dialog.textContent).toMatch(/Found in \d+ of \d+ loaded events, such as: (success|failure)/));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save field' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Add field' })).toBeNull());
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(headers()).toContain('Status'));
    const cells = [...document.querySelectorAll('[role=row][data-state=ready] [data-column="status"]')].map((c) => c.textContent);
    expect(cells.every((t) => t === 'success' || t === 'failure')).toBe(true);
  });

  it('edits a custom field (its name stays) and removes one after a confirmation that keeps the values', async () => {
    localStorage.clear();
    const adapter = createMockAdapter({ count: 40, now: NOW, fields: [{ name: 'region', displayName: 'Region', type: 'string' }] });
    renderAuditLogs({ adapter, permissions: admin, tenantId: 'cf-edit' });
    await waitFor(() => expect(headers()).toContain('Region'));
    await userEvent.click(screen.getByRole('button', { name: 'Columns' }));
    const edit = await screen.findByRole('button', { name: 'Edit Region' });
    expect(within(screen.getByRole('group', { name: 'Columns' })).queryByRole('button', { name: 'Remove Time' })).toBeNull();
    await userEvent.click(edit);
    const dialog = await screen.findByRole('dialog', { name: 'Edit field' });
    expect(within(dialog).getByRole('textbox', { name: 'Name' })).toHaveAttribute('readonly');
    await fill(dialog, { displayName: 'Cloud region' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save field' }));
    await waitFor(() => expect(headers()).toContain('Cloud region'));
    await userEvent.click(screen.getByRole('button', { name: 'Columns' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Remove Cloud region' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Remove field?' });
    expect(confirm.textContent).toMatch(/values stay in the events/);
    expect(within(confirm).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await userEvent.click(within(confirm).getByRole('button', { name: 'Remove field' }));
    await waitFor(() => expect(headers()).not.toContain('Cloud region'));
    const [event] = (await adapter.list({ tenantId: 'cf-edit', query: {}, page: { type: 'offset', offset: 0, limit: 1 } })).events;
    expect(event!.fields?.region).toBeTruthy();
  });

  it('passes axe in the dark theme with the Columns menu and the Add field dialog open', async () => {
    localStorage.clear();
    renderAuditLogs({ adapter: createMockAdapter({ count: 30, now: NOW }), permissions: admin, tenantId: 'cf-dark', theme: 'dark' });
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(5));
    await userEvent.click(screen.getByRole('button', { name: 'Columns' }));
    await screen.findByRole('button', { name: 'Reset columns' });
    await expectNoAxeViolations();
    await userEvent.keyboard('{Escape}');
    const dialog = await openDialog();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save field' }));
    await waitFor(() => expect(within(dialog).getByRole('textbox', { name: 'Name' })).toHaveAttribute('aria-invalid', 'true'));
    await expectNoAxeViolations();
  });
});
