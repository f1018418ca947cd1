import { waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { AuditEventInput } from '../../src/core/event';
import { createMockAdapter } from '../../src/mock/createMockAdapter';
import { NOW } from '../fixtures/events';
import { clickRow, expectNoAxeViolations, readyRows, renderAuditLogs } from '../browser/setup';

const events: AuditEventInput[] = Array.from({ length: 12 }, (_, i) => ({
  id: `d${i}`,
  tenantId: 'acme',
  timestamp: NOW - i * 60_000,
  severity: 'High',
  action: `billing.plan_changed.${i}`,
  actor: { name: `Person ${i}` },
}));

const byRole = (role: string) => document.querySelector<HTMLElement>(`[role=${role}]`);
const details = () => document.querySelector<HTMLDialogElement>('dialog.ral-details[open]');
const confirm = () => document.querySelector<HTMLDialogElement>('dialog[role=alertdialog][open]');
const button = (root: ParentNode, name: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === name);
const status = () => document.querySelector('.ral-status')!.textContent ?? '';

async function openRow(index: number) {
  await waitFor(() => expect(readyRows().length).toBeGreaterThan(5));
  await clickRow(readyRows()[index]!);
  await waitFor(() => expect(details()).not.toBeNull());
}

describe('deleting an event', () => {
  it('sends one DELETE for two clicks in one tick, before the first shows as pending', async () => {
    const adapter = createMockAdapter({ events, now: NOW });
    const remove = vi.spyOn(adapter, 'delete');
    renderAuditLogs({ adapter, permissions: { delete: true }, newEventsInterval: 0 });
    await openRow(1);
    adapter.setLatency(200);
    await userEvent.click(button(details()!, 'Delete event')!);
    const yes = button(confirm()!, 'Delete event')!;
    yes.click();
    yes.click();
    await waitFor(() => expect(details()).toBeNull(), { timeout: 3000 });
    adapter.setLatency(0);
    expect(remove).toHaveBeenCalledTimes(1);
  });

  it('asks first, naming the event, starting on Cancel; Escape cancels and deletes nothing', async () => {
    const adapter = createMockAdapter({ events, now: NOW });
    const remove = vi.spyOn(adapter, 'delete');
    renderAuditLogs({ adapter, permissions: { delete: true } });
    await openRow(2);
    await userEvent.click(button(details()!, 'Delete event')!);
    const dialog = confirm()!;
    expect(dialog.getAttribute('aria-labelledby') && document.getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent).toBe('Delete event?');
    expect(dialog.textContent).toContain('billing.plan_changed.2');
    expect(dialog.textContent).toContain('Person 2');
    expect(dialog.textContent).toMatch(/tamper-resistant/);
    expect(dialog.textContent).toMatch(/permanent/);
    expect(document.activeElement).toBe(button(dialog, 'Cancel'));
    await expectNoAxeViolations();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(confirm()).toBeNull());
    expect(details()).not.toBeNull();
    expect(remove).not.toHaveBeenCalled();
    expect(document.activeElement?.textContent).toBe('Delete event');
  });

  it('removes the row only after the server confirms, lowers the count and focuses the next row', async () => {
    const adapter = createMockAdapter({ events, now: NOW });
    renderAuditLogs({ adapter, permissions: { delete: true }, newEventsInterval: 0 });
    await openRow(2);
    await waitFor(() => expect(status()).toContain('12 events'));
    adapter.setLatency(300);
    await userEvent.click(button(details()!, 'Delete event')!);
    await userEvent.click(button(confirm()!, 'Delete event')!);
    // Waiting for the server: the row is still there.
    expect(readyRows().some((r) => r.textContent?.includes('billing.plan_changed.2'))).toBe(true);
    await waitFor(() => expect(details()).toBeNull(), { timeout: 3000 });
    adapter.setLatency(0);
    await waitFor(() => expect(status()).toContain('11 events'));
    expect(readyRows().some((r) => r.textContent?.includes('billing.plan_changed.2'))).toBe(false);
    await waitFor(() => expect(document.activeElement?.textContent).toContain('billing.plan_changed.3'));
    await expect(adapter.get({ tenantId: 'acme', id: 'd2' })).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('says why when the server refuses, and removes nothing', async () => {
    const adapter = createMockAdapter({ events, now: NOW });
    adapter.failNext({ method: 'delete', kind: 'forbidden', message: 'Deleting needs the audit:write scope.' });
    renderAuditLogs({ adapter, permissions: { delete: true } });
    await openRow(1);
    await userEvent.click(button(details()!, 'Delete event')!);
    await userEvent.click(button(confirm()!, 'Delete event')!);
    await waitFor(() => expect(within(confirm()!).queryByRole('alert')).not.toBeNull());
    expect(within(confirm()!).queryByRole('alert')!.textContent).toMatch(/missing the delete permission.*audit:write/);
    expect(await adapter.get({ tenantId: 'acme', id: 'd1' })).toMatchObject({ id: 'd1' });
    expect(status()).toContain('12 events');
  });
});

describe('permissions', () => {
  it('a read-only viewer offers no delete', async () => {
    renderAuditLogs({ adapter: createMockAdapter({ events, now: NOW }), permissions: { export: false, manageFields: false, delete: false } });
    await openRow(0);
    expect(button(details()!, 'Delete event')).toBeUndefined();
    expect(byRole('alertdialog')).toBeNull();
  });

  it('offers delete only where the adapter can delete, even when the host allows it', async () => {
    const adapter = createMockAdapter({ events, now: NOW });
    const readOnly = { ...adapter, capabilities: { ...adapter.capabilities, delete: false } };
    renderAuditLogs({ adapter: readOnly, permissions: { delete: true } });
    await openRow(0);
    expect(button(details()!, 'Delete event')).toBeUndefined();
  });
});
