import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { AuditLogs } from '../../src/components/root/AuditLogs';
import type { AuditEventInput } from '../../src/core/event';
import { createMemoryAdapter } from '../../src/memory/createMemoryAdapter';
import { createMockAdapter } from '../../src/mock/createMockAdapter';
import { NOW } from '../fixtures/events';
import { clickRow, readyRows, renderAuditLogs, testClient } from '../browser/setup';

const dialog = () => (screen.queryByRole('dialog') as HTMLDialogElement | null);
const button = (root: ParentNode, name: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent === name)!;
const detailsId = () => dialog()?.textContent?.match(/evt_[0-9a-f]+|m\d+/)?.[0];

const events = (prefix: string, count: number): AuditEventInput[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `${prefix}${i}`,
    tenantId: 'acme',
    timestamp: NOW - i * 60_000,
    severity: 'Info',
    action: `${prefix}.action.${i}`,
  }));

describe('the open event is chosen by id', () => {
  it('stays on its event when rows move under it, and Next follows the new order', async () => {
    const adapter = createMemoryAdapter(events('m', 30), { now: NOW });
    const queryClient = testClient();
    const onSelected = vi.fn();
    renderAuditLogs({ adapter, queryClient, onSelectedEventIdChange: onSelected, newEventsInterval: 0 });
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(5));
    await clickRow(readyRows()[2]!);
    await waitFor(() => expect(dialog()).not.toBeNull());
    expect(onSelected).toHaveBeenLastCalledWith('m2');
    expect(dialog()!.textContent).toContain('m.action.2');
    // Two newer events arrive and the rows refetch: row 2 is now another event; the dialog is not.
    await adapter.create({ tenantId: 'acme', event: { id: 'new1', action: 'new.one', timestamp: NOW + 1000 } });
    await adapter.create({ tenantId: 'acme', event: { id: 'new2', action: 'new.two', timestamp: NOW + 2000 } });
    await queryClient.invalidateQueries();
    await waitFor(() => expect(readyRows()[0]!.textContent).toContain('new.two'));
    expect(dialog()!.textContent).toContain('m.action.2');
    await userEvent.click(button(dialog()!, 'Next event'));
    await waitFor(() => expect(dialog()!.textContent).toContain('m.action.3'));
    expect(onSelected).toHaveBeenLastCalledWith('m3');
    await userEvent.keyboard('{Escape}');
    expect(onSelected).toHaveBeenLastCalledWith(null);
    // Focus returns to the row of the event that was open, where it is now.
    await waitFor(() => expect(document.activeElement?.textContent).toContain('m.action.3'));
  });

  it('opens a controlled selection the loaded rows do not hold, by asking the adapter', async () => {
    const adapter = createMemoryAdapter(events('m', 500), { now: NOW });
    const get = vi.spyOn(adapter, 'get');
    renderAuditLogs({ adapter, selectedEventId: 'm480', onSelectedEventIdChange: () => {} });
    await waitFor(() => expect(dialog()?.textContent).toContain('m.action.480'));
    expect(get).toHaveBeenCalledWith({ tenantId: 'acme', id: 'm480' }, expect.anything());
  });
});

describe('adapters and the cache', () => {
  it('never shows the previous adapter’s rows for the same tenant', async () => {
    const queryClient = testClient();
    const first = createMemoryAdapter(events('old', 50), { now: NOW });
    const second = createMockAdapter({ events: events('new', 50), now: NOW, latencyMs: 150 });
    const { rerender } = render(
      <div style={{ height: 600 }}>
        <AuditLogs adapter={first} tenantId="acme" queryClient={queryClient} />
      </div>,
    );
    await waitFor(() => expect(readyRows()[0]?.textContent).toContain('old.action.0'));
    const seen: string[] = [];
    const observer = new MutationObserver(() => seen.push(...readyRows().map((r) => r.textContent ?? '')));
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    rerender(
      <div style={{ height: 600 }}>
        <AuditLogs adapter={second} tenantId="acme" queryClient={queryClient} />
      </div>,
    );
    seen.push(...readyRows().map((r) => r.textContent ?? ''));
    await waitFor(() => expect(readyRows()[0]?.textContent).toContain('new.action.0'), { timeout: 3000 });
    observer.disconnect();
    expect(seen.filter((text) => text.includes('old.action'))).toEqual([]);
  });

  it('shows a failed data structure as an error with Retry, not as the default fields', async () => {
    const adapter = createMockAdapter({ count: 20, now: NOW });
    adapter.failNext({ method: 'getDataStructure', kind: 'server' });
    renderAuditLogs({ adapter });
    const alert = await waitFor(() => {
      const found = screen.queryByRole('alert');
      expect(found).not.toBeNull();
      return found!;
    });
    expect(alert.textContent).toContain('The fields of this audit log could not be loaded.');
    expect(screen.queryByRole('table', { name: 'Audit logs' })).toBeNull();
    await userEvent.click(button(alert, 'Retry'));
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(5));
  });
});

describe('hostile data in the table', () => {
  it('renders a page holding an event nested 100,000 levels deep, and its details', async () => {
    let deep: Record<string, unknown> = { leaf: true };
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    const input = events('m', 10);
    input[1] = { ...input[1]!, payload: deep as never };
    renderAuditLogs({ adapter: createMemoryAdapter(input, { now: NOW }) });
    await waitFor(() => expect(readyRows().length).toBe(10));
    await clickRow(readyRows()[1]!);
    await waitFor(() => expect(dialog()?.textContent).toContain('m.action.1'));
    expect(detailsId()).toBe('m1');
  });
});
