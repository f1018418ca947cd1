/**
 * A host's own layout from the parts: its `<header>` holds the search and the export button, the table sits in
 * a section of its page; everything works from there, by keyboard too, and passes axe.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { commands, userEvent } from 'vitest/browser';
import { AuditLogs } from '../../src/components/root/AuditLogs';
import { OnlyErrors } from '../../stories/hostControls';
import { createMemoryAdapter } from '../../src/memory/createMemoryAdapter';
import { generateAuditEvents } from '../../src/mock/generator';
import { NOW } from '../fixtures/events';
import { expectNoAxeViolations, readyRows, testClient } from '../browser/setup';

const events = generateAuditEvents({ tenantId: 'acme', count: 200, seed: 11, now: NOW });

function HostPage() {
  return (
    <AuditLogs.Root adapter={createMemoryAdapter(events, { now: NOW })} tenantId="acme" theme="light" queryClient={testClient()} newEventsInterval={0}>
      <header aria-label="Admin header" style={{ display: 'flex', gap: 8 }}>
        <h1>Acme admin</h1>
        <AuditLogs.Search />
        <OnlyErrors />
        <AuditLogs.ExportButton />
      </header>
      <section aria-label="Activity" style={{ height: 480, display: 'flex', flexDirection: 'column' }}>
        <AuditLogs.Table />
      </section>
    </AuditLogs.Root>
  );
}

/** Renders the host's page and waits for its rows; returns the host's header. */
async function openHostPage(): Promise<HTMLElement> {
  render(
    <div style={{ width: 1100 }}>
      <HostPage />
    </div>,
  );
  await waitFor(() => expect(readyRows().length).toBeGreaterThan(5));
  return screen.getByRole('banner', { name: 'Admin header' });
}

describe('parts in a host layout', () => {
  it('searches from the header, narrows the table, exports the rows, by keyboard, axe clean', async () => {
    const header = await openHostPage();
    expect(screen.queryByRole('button', { name: 'Severity' })).toBeNull();
    const search = within(header).getByRole('searchbox', { name: 'Search' });
    const email = events.find((e) => e.actor?.email)!.actor!.email!;
    await userEvent.click(search);
    await userEvent.keyboard(email);
    const table = screen.getByRole('table', { name: 'Audit logs' });
    await waitFor(() => expect(Number(table.getAttribute('aria-rowcount'))).toBeLessThan(201));
    const matching = events.filter((e) => JSON.stringify(e).toLowerCase().includes(email.toLowerCase())).length;
    await waitFor(() => expect(Number(table.getAttribute('aria-rowcount'))).toBe(matching + 1));
    // A control of the host's own, through useAuditLogs().
    await userEvent.click(within(header).getByRole('button', { name: 'Only errors' }));
    await waitFor(() => expect(within(header).getByRole('button', { name: 'Only errors' })).toHaveAttribute('aria-pressed', 'true'));
    await userEvent.click(within(header).getByRole('button', { name: 'Only errors' }));
    await expectNoAxeViolations();
    // Export from the header by keyboard: Tab to the button, Enter.
    const exportCsv = within(header).getByRole('button', { name: 'Export CSV' });
    exportCsv.focus();
    const file = commands.waitForDownload();
    await userEvent.keyboard('{Enter}');
    const { text } = await file;
    expect(text.trim().split('\r\n')).toHaveLength(matching + 1);
  });

  it('keeps a filter picked while the search waits for typing to pause', async () => {
    const header = await openHostPage();
    const onlyErrors = within(header).getByRole('button', { name: 'Only errors' });
    const table = screen.getByRole('table', { name: 'Audit logs' });
    const word = 'failed';
    const matches = (e: (typeof events)[number]) => JSON.stringify(e).toLowerCase().includes(word);
    const both = events.filter((e) => matches(e) && e.severity === 'Error').length;
    expect(both).toBeLessThan(events.filter(matches).length);
    await userEvent.click(within(header).getByRole('searchbox', { name: 'Search' }));
    await userEvent.keyboard(word);
    // Picked at once, before the search's pause is over: the search sent after it must not drop it.
    onlyErrors.click();
    await waitFor(() => expect(Number(table.getAttribute('aria-rowcount'))).toBe(both + 1));
    expect(onlyErrors).toHaveAttribute('aria-pressed', 'true');
  });

  it('two roots on one page stay apart', async () => {
    render(
      <div style={{ width: 1100 }}>
        <AuditLogs.Root adapter={createMemoryAdapter(events, { now: NOW })} tenantId="acme" label="First log" queryClient={testClient()} newEventsInterval={0}>
          <AuditLogs.Search />
          <div style={{ height: 300, display: 'flex', flexDirection: 'column' }}><AuditLogs.Table /></div>
        </AuditLogs.Root>
        <AuditLogs.Root adapter={createMemoryAdapter(events, { now: NOW })} tenantId="acme" label="Second log" queryClient={testClient()} newEventsInterval={0}>
          <AuditLogs.Search />
          <div style={{ height: 300, display: 'flex', flexDirection: 'column' }}><AuditLogs.Table /></div>
        </AuditLogs.Root>
      </div>,
    );
    const first = screen.getByRole('region', { name: 'First log' });
    const second = screen.getByRole('region', { name: 'Second log' });
    await waitFor(() => expect(readyRows(second).length).toBeGreaterThan(5));
    await userEvent.type(within(first).getByRole('searchbox', { name: 'Search' }), 'zzzz-nothing');
    await waitFor(() => expect(within(first).getByText('No events match')).toBeVisible());
    expect(within(second).getByRole('table', { name: 'Audit logs' })).toHaveAttribute('aria-rowcount', '201');
    await expectNoAxeViolations();
  });

  it('a part outside a root says so', () => {
    expect(() => render(<AuditLogs.Search />)).toThrow(/inside <AuditLogs/);
  });
});

describe('AuditLogs.Details in the host’s own panel', () => {
  it('fills the aside in place (no modal) when a row opens by Enter; Close empties it; axe clean', async () => {
    render(
      <div style={{ width: 1200, display: 'flex' }}>
        <AuditLogs.Root adapter={createMemoryAdapter(events, { now: NOW })} tenantId="acme" theme="light" queryClient={testClient()} newEventsInterval={0}>
          <section aria-label="Activity" style={{ height: 480, width: 760, display: 'flex', flexDirection: 'column' }}>
            <AuditLogs.Table />
          </section>
          <aside aria-label="Selected event" style={{ width: 400 }}>
            <AuditLogs.Details />
          </aside>
        </AuditLogs.Root>
      </div>,
    );
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(5));
    const aside = screen.getByRole('complementary', { name: 'Selected event' });
    expect(within(aside).queryByRole('region', { name: 'Event details' })).toBeNull();
    const action = readyRows()[2]!.querySelector('[data-column="action"]')!.textContent!;
    readyRows()[2]!.focus();
    await userEvent.keyboard('{Enter}');
    const details = await within(aside).findByRole('region', { name: 'Event details' });
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(details).toHaveTextContent(action));
    // Focus stays in the table: arrows go on browsing, and the aside follows the open event.
    expect(document.activeElement).toBe(readyRows()[2]);
    await expectNoAxeViolations();
    await userEvent.click(within(details).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(within(aside).queryByRole('region', { name: 'Event details' })).toBeNull());
  });
});
