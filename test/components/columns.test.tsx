import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { ColumnLayout } from '../../src/core/columnLayout';
import { createMockAdapter } from '../../src/mock/createMockAdapter';
import { NOW } from '../fixtures/events';
import { expectNoAxeViolations, readyRows, renderAuditLogs } from '../browser/setup';

const headers = () =>
  within(screen.getByRole('table', { name: 'Audit logs' }))
    .getAllByRole('columnheader')
    .map((h) => h.getAttribute('aria-label'));
const adapter = () => createMockAdapter({ count: 60, now: NOW, fields: [{ name: 'region', displayName: 'Region', type: 'string' }] });

async function openColumns() {
  await waitFor(() => expect(readyRows().length).toBeGreaterThan(5));
  await userEvent.click(screen.getByRole('button', { name: 'Columns' }));
  const menu = screen.getByRole('group', { name: 'Columns' });
  // The panel loads on first use.
  await within(menu).findByRole('button', { name: 'Reset columns' });
  return menu;
}

describe('the Columns menu', () => {
  it('toggles a column by its checkbox, built-in and custom alike', async () => {
    localStorage.clear();
    renderAuditLogs({ adapter: adapter(), tenantId: 'cols-toggle' });
    const menu = await openColumns();
    expect(within(menu).getByRole('checkbox', { name: 'Region' })).toBeChecked();
    expect(within(menu).getByRole('checkbox', { name: 'User agent' })).not.toBeChecked();
    await userEvent.click(within(menu).getByRole('checkbox', { name: 'IP address' }));
    await userEvent.click(within(menu).getByRole('checkbox', { name: 'User agent' }));
    expect(headers()).not.toContain('IP address');
    expect(headers()).toContain('User agent');
    await expectNoAxeViolations();
  });

  it('moves a column by keyboard, announces it, and pins one', async () => {
    localStorage.clear();
    renderAuditLogs({ adapter: adapter(), tenantId: 'cols-move' });
    const menu = await openColumns();
    within(menu).getByRole('button', { name: 'Move Action left' }).focus();
    await userEvent.keyboard('{Enter}');
    expect(headers().indexOf('Action')).toBeLessThan(headers().indexOf('Email'));
    expect(within(menu).getByRole('status').textContent).toMatch(/Action moved to position 4 of 8/);
    await userEvent.click(within(menu).getByRole('button', { name: 'Pin Action to the left' }));
    expect(headers()[0]).toBe('Action');
    expect(within(menu).getByRole('button', { name: 'Unpin Action' })).toBeTruthy();
    await userEvent.keyboard('{Escape}');
    // Scrolled sideways, the pinned column stays at the edge; the others move.
    const scroller = document.querySelector<HTMLElement>('.ral-table__scroller')!;
    const cell = (name: string) => readyRows()[0]!.querySelector(`[data-column="${name}"]`)!.getBoundingClientRect().left;
    const [pinnedBefore, otherBefore] = [cell('action'), cell('severity')];
    scroller.scrollLeft = 300;
    await waitFor(() => expect(cell('severity')).toBeLessThan(otherBefore - 200));
    expect(Math.abs(cell('action') - pinnedBefore)).toBeLessThan(1);
    await expectNoAxeViolations();
  });

  it('resizes by keyboard on the focusable separator, and by dragging its edge', async () => {
    localStorage.clear();
    renderAuditLogs({ adapter: adapter(), tenantId: 'cols-resize' });
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(5));
    const edge = screen.getByRole('separator', { name: 'Resize Action' });
    const before = Number(edge.getAttribute('aria-valuenow'));
    edge.focus();
    await userEvent.keyboard('{ArrowRight}{ArrowRight}');
    await waitFor(() => expect(Number(screen.getByRole('separator', { name: 'Resize Action' }).getAttribute('aria-valuenow'))).toBe(before + 20));
    const header = screen.getByRole('columnheader', { name: 'Action' });
    const widthBefore = header.getBoundingClientRect().width;
    const box = edge.getBoundingClientRect();
    edge.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, clientX: box.x + 2, clientY: box.y + 2 }));
    document.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX: box.x + 62, clientY: box.y + 2 }));
    document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, clientX: box.x + 62, clientY: box.y + 2 }));
    await waitFor(() => expect(screen.getByRole('columnheader', { name: 'Action' }).getBoundingClientRect().width).toBeGreaterThan(widthBefore + 40));
  });

  it('keeps the layout across a reload, and Reset columns stays reset', async () => {
    localStorage.clear();
    const first = renderAuditLogs({ adapter: adapter(), tenantId: 'cols-reload' });
    let menu = await openColumns();
    await userEvent.click(within(menu).getByRole('checkbox', { name: 'Resource' }));
    await userEvent.click(within(menu).getByRole('button', { name: 'Move Severity right' }));
    const changed = headers();
    first.unmount();
    cleanup();
    renderAuditLogs({ adapter: adapter(), tenantId: 'cols-reload' });
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(5));
    expect(headers()).toEqual(changed);
    menu = await openColumns();
    await userEvent.click(within(menu).getByRole('button', { name: 'Reset columns' }));
    const reset = headers();
    expect(reset).toContain('Resource');
    cleanup();
    renderAuditLogs({ adapter: adapter(), tenantId: 'cols-reload' });
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(5));
    expect(headers()).toEqual(reset);
  });

  it('takes the layout controlled, and tells the host of each change', async () => {
    const onChange = vi.fn();
    const layout: ColumnLayout = { version: 1, visibility: { ip: false }, seen: [] };
    renderAuditLogs({ adapter: adapter(), tenantId: 'cols-controlled', columnLayout: layout, onColumnLayoutChange: onChange });
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(5));
    // Seen nothing: every field counts as new and takes its default.
    expect(headers()).toContain('IP address');
    const menu = await openColumns();
    await userEvent.click(within(menu).getByRole('checkbox', { name: 'Email' }));
    expect(onChange).toHaveBeenCalledWith(expect.objectContaining({ visibility: { 'actor.email': false } }));
  });

  it('reorders by dragging an entry with a pointer', async () => {
    localStorage.clear();
    renderAuditLogs({ adapter: adapter(), tenantId: 'cols-drag' });
    const menu = await openColumns();
    const item = (name: string) => within(menu).getByRole('checkbox', { name }).closest('li')!;
    await userEvent.dragAndDrop(item('IP address'), item('Time'));
    await waitFor(() => expect(headers()[0]).toBe('IP address'));
    expect(within(menu).getByRole('status').textContent).toMatch(/IP address moved to position 1/);
  });

  it('sizes columns to their content: IPv6 addresses and emails are not cut off', async () => {
    localStorage.clear();
    renderAuditLogs({ adapter: createMockAdapter({ count: 200, now: NOW }), tenantId: 'cols-fit' });
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(5));
    const cut = (name: string) =>
      [...document.querySelectorAll<HTMLElement>(`[role=row][data-state=ready] [data-column="${name}"] > *`)].filter(
        (el) => el.scrollWidth > el.clientWidth + 1,
      ).length;
    expect(readyRows().some((r) => r.querySelector('[data-column="ip"]')?.textContent?.includes(':'))).toBe(true);
    expect(cut('ip')).toBe(0);
    expect(cut('actor.email')).toBe(0);
  });
});
