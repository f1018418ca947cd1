import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { AuditLogs } from '../../src/components/root/AuditLogs';
import { createMockAdapter } from '../../src/mock/createMockAdapter';
import { NOW } from '../fixtures/events';
import { clickRow, expectNoAxeViolations, readyRows, testClient } from './setup';

const header = (name: string) => screen.getByRole('columnheader', { name }).getBoundingClientRect();

describe('right-to-left hosts', () => {
  it('mirrors the layout: columns from the right, arrows follow the reading direction, details from the left', async () => {
    render(
      <div dir="rtl" style={{ height: 600, width: 1100 }}>
        <AuditLogs adapter={createMockAdapter({ count: 100, seed: 9, now: NOW })} tenantId="acme" theme="light" queryClient={testClient()} newEventsInterval={0} />
      </div>,
    );
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(3));
    const table = screen.getByRole('table', { name: 'Audit logs' }).getBoundingClientRect();
    // The first column sits at the right edge; the next one to its left.
    expect(Math.abs(header('Time (UTC)').right - table.right)).toBeLessThan(2);
    expect(header('Severity').right).toBeLessThanOrEqual(header('Time (UTC)').left + 1);
    // Cells follow their headers.
    const cell = readyRows()[0]!.querySelector('[data-column="timestamp"]')!.getBoundingClientRect();
    expect(Math.abs(cell.right - header('Time (UTC)').right)).toBeLessThan(2);
    // The search box starts the toolbar on the right.
    const search = screen.getByRole('searchbox', { name: 'Search' }).getBoundingClientRect();
    expect(search.right).toBeGreaterThan(table.right - 40);
    // Keyboard: ArrowLeft moves forward along the header in RTL.
    readyRows()[0]!.focus();
    await userEvent.keyboard('{ArrowUp}');
    expect(document.activeElement!.closest('[role=columnheader]')!.getAttribute('aria-label')).toBe('Time (UTC)');
    await userEvent.keyboard('{ArrowLeft}');
    expect(document.activeElement!.closest('[role=columnheader]')!.getAttribute('aria-label')).toBe('Severity');
    // Resizing by keyboard: ArrowLeft (toward the inline end) widens.
    const edge = screen.getByRole('separator', { name: 'Resize Severity' });
    const before = Number(edge.getAttribute('aria-valuenow'));
    edge.focus();
    await userEvent.keyboard('{ArrowLeft}');
    await waitFor(() => expect(Number(screen.getByRole('separator', { name: 'Resize Severity' }).getAttribute('aria-valuenow'))).toBe(before + 10));
    // The details slide in at the inline end, which is the left.
    await clickRow(readyRows()[0]!);
    const dialog = await screen.findByRole('dialog', { name: 'Event details' });
    await waitFor(() => expect(dialog.getBoundingClientRect().left).toBeLessThan(2));
    await expectNoAxeViolations();
  });
});
