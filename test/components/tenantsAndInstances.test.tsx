import { waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createMockAdapter } from '../../src/mock/createMockAdapter';
import { NOW } from '../fixtures/events';
import { clickRow, expectNoAxeViolations, readyRows, renderAuditLogs, testClient } from '../browser/setup';
import { render } from '@testing-library/react';
import { AuditLogs } from '../../src/components/root/AuditLogs';

describe('tenants', () => {
  it('never shows the previous tenant\'s rows, not even for a frame while loading', async () => {
    const adapter = createMockAdapter({ count: 100, now: NOW, latencyMs: 150 });
    const { rerenderWith } = renderAuditLogs({ adapter, tenantId: 'acme' });
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(5), { timeout: 3000 });
    expect(readyRows()[0]!.textContent).toContain('@acme.example');
    // Record every row text the DOM ever holds from the switch on.
    const seen: string[] = [];
    const observer = new MutationObserver(() => {
      for (const row of readyRows()) seen.push(row.textContent ?? '');
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    rerenderWith({ tenantId: 'globex' });
    for (const row of readyRows()) seen.push(row.textContent ?? '');
    await waitFor(() => expect(readyRows().map((r) => r.textContent).join()).toContain('@globex.example'), {
      timeout: 3000,
    });
    observer.disconnect();
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((text) => text.includes('@acme.example'))).toEqual([]);
  });
});

describe('several instances', () => {
  it('work independently on one page, even on one shared QueryClient', async () => {
    const queryClient = testClient();
    const adapter = createMockAdapter({ count: 200, now: NOW });
    render(
      <div>
        <div style={{ height: 400 }} data-testid="one">
          <AuditLogs adapter={adapter} tenantId="acme" queryClient={queryClient} theme="light" label="Acme log" />
        </div>
        <div style={{ height: 400 }} data-testid="two">
          <AuditLogs adapter={adapter} tenantId="globex" queryClient={queryClient} theme="dark" label="Globex log" />
        </div>
      </div>,
    );
    const one = document.querySelector('[data-testid=one]')!;
    const two = document.querySelector('[data-testid=two]')!;
    await waitFor(() => expect(readyRows(one).length).toBeGreaterThan(3));
    await waitFor(() => expect(readyRows(two).length).toBeGreaterThan(3));
    const text = (el: Element) => readyRows(el).map((r) => r.textContent).join('\n');
    expect(text(one)).toContain('@acme.example');
    expect(text(one)).not.toContain('@globex.example');
    expect(text(two)).toContain('@globex.example');
    expect(text(two)).not.toContain('@acme.example');
    expect(document.querySelectorAll('section[aria-label="Acme log"], section[aria-label="Globex log"]').length).toBe(2);
    await expectNoAxeViolations();
    // Sorting one leaves the other alone.
    const header = within(one as HTMLElement).getAllByRole('columnheader').find((h) => h.textContent === 'Action')!;
    await userEvent.click(within(header).getByRole('button'));
    await waitFor(() => expect(header.getAttribute('aria-sort')).toBe('ascending'));
    // Again: the other way. Severity, first chosen, sorts highest first, and Action lets go.
    await userEvent.click(within(header).getByRole('button'));
    await waitFor(() => expect(header.getAttribute('aria-sort')).toBe('descending'));
    const severity = within(one as HTMLElement).getAllByRole('columnheader').find((h) => h.textContent === 'Severity')!;
    await userEvent.click(within(severity).getByRole('button'));
    await waitFor(() => expect(severity.getAttribute('aria-sort')).toBe('descending'));
    expect(header.getAttribute('aria-sort')).toBe('none');
    await userEvent.click(within(header).getByRole('button'));
    await waitFor(() => expect(header.getAttribute('aria-sort')).toBe('ascending'));
    const otherHeader = within(two as HTMLElement).getAllByRole('columnheader').find((h) => h.textContent === 'Action')!;
    expect(otherHeader.getAttribute('aria-sort')).toBe('none');
    // Opening details in one opens one dialog, inside that instance.
    await clickRow(readyRows(two)[0]!);
    await waitFor(() => expect(within(two as HTMLElement).queryByRole('dialog')).not.toBeNull());
    expect(one.querySelector('dialog')).toBeNull();
    // No duplicate ids anywhere on the page.
    const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('accessibility', () => {
  it.each(['light', 'dark'] as const)('the table passes axe in the %s theme', async (theme) => {
    renderAuditLogs({ adapter: createMockAdapter({ count: 300, now: NOW, vocabulary: 'fsh' }), theme });
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(5));
    await expectNoAxeViolations();
  });

  it('renders severities as labelled badges whose colour follows the rank', async () => {
    renderAuditLogs({ adapter: createMockAdapter({ count: 400, now: NOW, vocabulary: 'frontegg' }) });
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(5));
    const badges = [...document.querySelectorAll('[role=row] .ral-severity')];
    expect(badges.length).toBeGreaterThan(5);
    for (const badge of badges) {
      expect(['Info', 'Medium', 'High', 'Error', 'Critical']).toContain(badge.textContent);
      expect(badge.querySelector('svg[aria-hidden=true]')).not.toBeNull();
    }
    const levelOf = (label: string) => badges.find((b) => b.textContent === label)?.getAttribute('data-level');
    expect(levelOf('Info')).toBe('info');
  });
});
