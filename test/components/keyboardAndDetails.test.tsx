import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { normalizeAuditEvent } from '../../src/core/event';
import { createMockAdapter } from '../../src/mock/createMockAdapter';
import { NOW } from '../fixtures/events';
import { clickRow, expectNoAxeViolations, readyRows, renderAuditLogs } from '../browser/setup';

const dialog = () => (screen.queryByRole('dialog') as HTMLDialogElement | null);
const rowOf = (el: Element | null) => el?.closest('[role=row]')?.getAttribute('aria-rowindex');

describe('keyboard', () => {
  it('by keyboard only: search box → table (one Tab stop) → header and back → an opened event → the search box', async () => {
    const onEventOpen = vi.fn();
    renderAuditLogs({ adapter: createMockAdapter({ count: 200, seed: 4, now: NOW }), onEventOpen });
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(5));
    const table = screen.getByRole('table', { name: 'Audit logs' });
    const search = screen.getByRole('searchbox', { name: 'Search' });
    search.focus();
    // Tab through the toolbar until the table: the first stop in it is the first row, not a header.
    for (let i = 0; i < 20 && !table.contains(document.activeElement); i++) await userEvent.tab();
    expect(rowOf(document.activeElement)).toBe('2');
    // The table is one Tab stop: the next Tab leaves it.
    await userEvent.tab();
    expect(table.contains(document.activeElement)).toBe(false);
    await userEvent.tab({ shift: true });
    expect(rowOf(document.activeElement)).toBe('2');
    // Up from the first row: the header. Arrows move along it; Home/End to its ends; Enter sorts.
    await userEvent.keyboard('{ArrowUp}');
    expect(document.activeElement!.closest('[role=columnheader]')?.getAttribute('aria-label')).toBe('Time (UTC)');
    await userEvent.keyboard('{ArrowRight}');
    expect(document.activeElement!.closest('[role=columnheader]')?.getAttribute('aria-label')).toBe('Severity');
    await userEvent.keyboard('{End}{Home}');
    const time = () => document.querySelector('[role=columnheader][aria-label="Time (UTC)"]')!;
    expect(document.activeElement!.closest('[role=columnheader]')).toBe(time());
    expect(time().getAttribute('aria-sort')).toBe('descending');
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(time().getAttribute('aria-sort')).toBe('ascending'));
    await userEvent.keyboard(' ');
    await waitFor(() => expect(time().getAttribute('aria-sort')).toBe('descending'));
    // Shift+→ on a header widens its column (the separators are not Tab stops).
    const width = () => Number(document.querySelector('[role=separator][aria-label="Resize Time (UTC)"]')!.getAttribute('aria-valuenow'));
    const before = width();
    await userEvent.keyboard('{Shift>}{ArrowRight}{/Shift}');
    await waitFor(() => expect(width()).toBe(before + 10));
    expect(document.activeElement!.closest('[role=columnheader]')).toBe(time());
    // The header keeps the Tab stop while focus is away, and only one element in the table is tabbable.
    expect(table.querySelectorAll('[tabindex="0"]').length).toBe(1);
    // Down from the header: into the rows, where arrows move and Enter opens.
    await userEvent.keyboard('{ArrowDown}');
    await waitFor(() => expect(rowOf(document.activeElement)).toBe('2'));
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{ArrowUp}');
    expect(rowOf(document.activeElement)).toBe('3');
    expect(table.querySelectorAll('[tabindex="0"]').length).toBe(1);
    const expectedAction = document.activeElement!.textContent!;
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(dialog()).not.toBeNull());
    expect(dialog()!.getAttribute('aria-labelledby')).toBeTruthy();
    expect(document.getElementById(dialog()!.getAttribute('aria-labelledby')!)!.textContent).toBe('Event details');
    expect(onEventOpen).toHaveBeenCalledTimes(1);
    expect(expectedAction).toContain(onEventOpen.mock.calls[0]![0].action);
    // Focus moved into the dialog.
    expect(dialog()!.contains(document.activeElement)).toBe(true);
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(dialog()).toBeNull());
    await waitFor(() => expect(rowOf(document.activeElement)).toBe('3'));
    // And back to the search box by Shift+Tab.
    for (let i = 0; i < 20 && document.activeElement !== search; i++) await userEvent.tab({ shift: true });
    expect(document.activeElement).toBe(search);
  });

  it('shades the active row only while the table has focus', async () => {
    renderAuditLogs({ adapter: createMockAdapter({ count: 50, seed: 4, now: NOW }) });
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(5));
    const shade = (row: Element) => getComputedStyle(row).backgroundColor;
    // The pointer away from the rows (a hovered row is shaded too).
    await userEvent.hover(screen.getByRole('searchbox', { name: 'Search' }));
    const first = readyRows()[0]!;
    const plain = shade(readyRows()[1]!);
    expect(shade(first)).toBe(plain);
    first.focus();
    await waitFor(() => expect(shade(first)).not.toBe(plain));
    (document.activeElement as HTMLElement).blur();
    await waitFor(() => expect(shade(first)).toBe(plain));
  });

  it('jumps a screen with PageDown and to the ends with Home and End', async () => {
    renderAuditLogs({ adapter: createMockAdapter({ count: 500, seed: 4, now: NOW }) });
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(5));
    readyRows()[0]!.focus();
    await userEvent.keyboard('{PageDown}');
    expect(Number(rowOf(document.activeElement))).toBeGreaterThan(10);
    await userEvent.keyboard('{End}');
    await waitFor(() => expect(rowOf(document.activeElement)).toBe('501'));
    await userEvent.keyboard('{Home}');
    await waitFor(() => expect(rowOf(document.activeElement)).toBe('2'));
  });

  it('opens a row on click; Close returns focus to it; previous and next move without closing', async () => {
    const adapter = createMockAdapter({ count: 100, seed: 4, now: NOW });
    renderAuditLogs({ adapter });
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(5));
    const { events } = await adapter.list({ tenantId: 'acme', query: {}, page: { type: 'offset', offset: 0, limit: 5 } });
    await clickRow(readyRows()[1]!);
    await waitFor(() => expect(dialog()).not.toBeNull());
    const title = () => dialog()!.querySelector('.ral-details__summary strong')!.textContent;
    expect(title()).toBe(events[1]!.action);
    const prev = within(dialog()!).getByRole('button', { name: 'Previous event' });
    const next = within(dialog()!).getByRole('button', { name: 'Next event' });
    await userEvent.click(next);
    await waitFor(() => expect(dialog()!.querySelector(`time[datetime="${events[2]!.timestamp}"]`)).not.toBeNull());
    await userEvent.click(prev);
    await userEvent.click(prev);
    await waitFor(() => expect(dialog()!.querySelector(`time[datetime="${events[0]!.timestamp}"]`)).not.toBeNull());
    expect(prev).toBeDisabled();
    const close = within(dialog()!).getByRole('button', { name: 'Close' });
    await userEvent.click(close);
    await waitFor(() => expect(dialog()).toBeNull());
    // The row now shown in the dialog (the first) has focus.
    await waitFor(() => expect(rowOf(document.activeElement)).toBe('2'));
  });
});

describe('event details', () => {
  const hostile = normalizeAuditEvent({
    id: 'evt-x',
    tenantId: 'acme',
    timestamp: new Date(NOW - 1000).toISOString(),
    severity: 'High',
    action: '<img src=x onerror="window.__pwned=1">',
    resource: 'javascript:alert(1)',
    actor: { id: 'u1', name: 'Mallory', email: 'mallory@acme.example' },
    correlationId: 'cor-1',
    traceId: 'trace-1',
    changes: [
      { field: 'role', before: 'Member', after: 'Owner' },
      { field: 'team', before: 'Ops', after: 'Ops' },
    ],
    payload: { deep: { a: { b: { c: { d: { e: { f: { g: { h: { i: 'too deep' } } } } } } } } }, list: Array.from({ length: 120 }, (_, i) => i) },
    fields: { ticket: 'SUP-1', region: 'eu' },
  });
  const sibling = normalizeAuditEvent({
    id: 'evt-y',
    tenantId: 'acme',
    timestamp: new Date(NOW - 5000).toISOString(),
    severity: 'Info',
    action: 'user.login',
    correlationId: 'cor-1',
  });
  const loner = normalizeAuditEvent({ id: 'evt-z', tenantId: 'acme', timestamp: new Date(NOW - 9000).toISOString(), action: 'other', correlationId: 'cor-2' });

  async function openFirst() {
    const adapter = createMockAdapter({
      events: [hostile, sibling, loner],
      now: NOW,
      fields: [{ name: 'ticket', displayName: 'Ticket', type: 'string' }],
    });
    renderAuditLogs({ adapter });
    await waitFor(() => expect(readyRows().length).toBe(3));
    await clickRow(readyRows()[0]!);
    await waitFor(() => expect(dialog()).not.toBeNull());
    return dialog()!;
  }

  it('shows every field as text, never as HTML or a link', async () => {
    const d = await openFirst();
    expect(d.textContent).toContain('<img src=x onerror="window.__pwned=1">');
    expect(d.querySelector('img')).toBeNull();
    expect(document.querySelector('a')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
    const labels = [...d.querySelectorAll('dt')].map((dt) => dt.textContent);
    // Built-in by display name, the tenant's custom field by its display name, an unknown key as people read it.
    expect(labels).toEqual(expect.arrayContaining(['User', 'Email', 'Correlation ID', 'Ticket', 'Region']));
    expect(readyRows()[0]!.textContent).toContain('<img src=x');
  });

  it('shows changes as a before/after table with changed values marked', async () => {
    const d = await openFirst();
    const rows = [...d.querySelectorAll('.ral-changes tbody tr')];
    expect(rows.map((r) => r.textContent)).toEqual(['roleMemberOwner', 'teamOpsOps']);
    expect(rows[0]!.hasAttribute('data-changed')).toBe(true);
    expect(rows[1]!.hasAttribute('data-changed')).toBe(false);
  });

  it('shows the payload as a collapsible, depth-capped tree with big lists in chunks', async () => {
    const d = await openFirst();
    const toggle = (name: string) =>
      [...d.querySelectorAll<HTMLButtonElement>('button.ral-json__toggle')].find(
        (b) => b.querySelector('.ral-json__key')?.textContent === name,
      ) ?? null;
    expect(toggle('deep')!.getAttribute('aria-expanded')).toBe('true');
    expect(toggle('a')!.getAttribute('aria-expanded')).toBe('false');
    for (const key of ['a', 'b', 'c', 'd', 'e', 'f']) await userEvent.click(toggle(key)!);
    // Past the depth cap the rest is a one-line preview, not more buttons.
    expect(toggle('g')).toBeNull();
    expect(d.textContent).toContain('g: {"h":{"i":"too deep"}}');
    expect(d.textContent).toContain('Show 70 more');
    await userEvent.click(within(d).getByRole('button', { name: 'Show 70 more' }));
    expect(d.textContent).not.toContain('more');
    await userEvent.click(toggle('deep')!);
    expect(toggle('deep')!.getAttribute('aria-expanded')).toBe('false');
    expect(toggle('a')).toBeNull();
  });

  it('shows related events in one click and opens one', async () => {
    const d = await openFirst();
    await userEvent.click(within(d).getByRole('button', { name: 'Show related events' }));
    await waitFor(() => expect(d.querySelectorAll('.ral-related__item').length).toBe(1));
    expect(d.querySelector('.ral-related__item')!.textContent).toContain('user.login');
    await userEvent.click(d.querySelector('.ral-related__item')!);
    await waitFor(() => expect(d.querySelector('.ral-details__summary strong')!.textContent).toBe('user.login'));
  });

  it('copies ids', async () => {
    const d = await openFirst();
    const writes: string[] = [];
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (text: string) => void writes.push(text) },
    });
    await userEvent.click(within(d).getByRole('button', { name: 'Copy Correlation ID' }));
    expect(writes).toEqual(['cor-1']);
    await waitFor(() => expect(d.textContent).toContain('Copied'));
  });

  it.each(['light', 'dark'] as const)('passes axe with the dialog open, %s theme', async (theme) => {
    const adapter = createMockAdapter({ events: [hostile, sibling, loner], now: NOW });
    renderAuditLogs({ adapter, theme });
    await waitFor(() => expect(readyRows().length).toBe(3));
    await clickRow(readyRows()[0]!);
    await waitFor(() => expect(dialog()).not.toBeNull());
    await expectNoAxeViolations();
  });
});
