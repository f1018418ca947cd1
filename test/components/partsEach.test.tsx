/**
 * Every part on its own, in a host's layout: filters, time range, histogram, columns, status and new events
 * placed apart from the table; one state behind them (an export started by the host's own control shows on the
 * export button), and the root and parts saying their state as data-* attributes.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { useAuditLogs } from '../../src/hooks/instance';
import { AuditLogs } from '../../src/components/root/AuditLogs';
import { createMemoryAdapter } from '../../src/memory/createMemoryAdapter';
import { generateAuditEvents } from '../../src/mock/generator';
import { NOW } from '../fixtures/events';
import { clickRow, expectNoAxeViolations, readyRows, testClient } from '../browser/setup';

const events = generateAuditEvents({ tenantId: 'acme', count: 300, seed: 5, now: NOW });

/** The host's own export control and count, through useAuditLogs(). */
function HostExport() {
  const { export: exporter, total } = useAuditLogs();
  return (
    <p>
      <span>{total === undefined ? '' : `${total} in view`}</span>{' '}
      <button type="button" onClick={() => exporter.start('jsonl')} disabled={exporter.state.status === 'running'}>
        Download all as JSON
      </button>
    </p>
  );
}

function HostPage() {
  return (
    <AuditLogs.Root
      adapter={createMemoryAdapter(events, { now: NOW })}
      tenantId="acme"
      theme="light"
      queryClient={testClient()}
      newEventsInterval={0}
      exportTarget="download"
      permissions={{ export: true }}
    >
      <nav aria-label="Filters" style={{ display: 'flex', gap: 8 }}>
        <AuditLogs.SeverityFilter />
        <AuditLogs.TimeRange />
        <AuditLogs.AddFilter />
        <AuditLogs.ColumnsMenu />
        <AuditLogs.ExportButton compact />
      </nav>
      <AuditLogs.FilterChips />
      <aside aria-label="Trend">
        <AuditLogs.Histogram />
      </aside>
      <HostExport />
      <AuditLogs.NewEvents />
      <main style={{ height: 420, display: 'flex', flexDirection: 'column' }}>
        <AuditLogs.Status />
        <AuditLogs.Table />
      </main>
    </AuditLogs.Root>
  );
}

async function renderHostPage() {
  render(
    <div style={{ width: 1100 }}>
      <HostPage />
    </div>,
  );
  await waitFor(() => expect(readyRows().length).toBeGreaterThan(5));
}

describe('each part on its own', () => {
  it('filters from the host nav, shows the count and the histogram apart, chips follow, axe clean', async () => {
    await renderHostPage();
    const region = screen.getByRole('region', { name: 'Audit logs' });
    expect(within(screen.getByRole('main')).getByRole('status')).toHaveTextContent('300 events');
    expect(await within(screen.getByRole('complementary', { name: 'Trend' })).findByRole('figure')).toBeVisible();
    expect(region).not.toHaveAttribute('data-filtered');

    const nav = screen.getByRole('navigation', { name: 'Filters' });
    await userEvent.click(within(nav).getByRole('button', { name: 'Severity' }));
    await userEvent.click(await within(nav).findByRole('checkbox', { name: /Critical/ }));
    const critical = events.filter((e) => e.severity === 'Critical').length;
    await waitFor(() => expect(screen.getByRole('table', { name: 'Audit logs' })).toHaveAttribute('aria-rowcount', String(critical + 1)));
    await waitFor(() => expect(region).toHaveAttribute('data-filtered', 'true'));
    expect(screen.getByText(`${critical} in view`)).toBeVisible();
    // The chips stand where the host put them, and clear what the nav set.
    await userEvent.keyboard('{Escape}');
    await userEvent.click(screen.getByRole('button', { name: 'Clear all' }));
    await waitFor(() => expect(screen.getByRole('table', { name: 'Audit logs' })).toHaveAttribute('aria-rowcount', '301'));
    await expectNoAxeViolations();
  });

  it('shares one export: started by the host, its progress and result show on the export button', async () => {
    await renderHostPage();
    const exportPart = document.querySelector<HTMLElement>('.ral-export')!;
    expect(exportPart).toHaveAttribute('data-state', 'idle');
    await userEvent.click(screen.getByRole('button', { name: 'Download all as JSON' }));
    await waitFor(() => expect(document.querySelector('.ral-export')).toHaveAttribute('data-state', 'done'));
    expect(screen.getByText(/Exported 300 rows to audit-logs-acme-/)).toBeVisible();
  });

  it('opens an event: the root says so, and says when it closes', async () => {
    await renderHostPage();
    const region = screen.getByRole('region', { name: 'Audit logs' });
    await clickRow(readyRows()[0]!);
    await screen.findByRole('dialog', { name: 'Event details' });
    await waitFor(() => expect(region).toHaveAttribute('data-event-open', 'true'));
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(region).not.toHaveAttribute('data-event-open'));
  });
});
