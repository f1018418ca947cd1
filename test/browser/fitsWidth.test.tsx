/**
 * The viewer fits any width: the page never scrolls sideways because of it, the chart's labels stay inside the
 * chart, and a card keeps its time and user in view whatever the action's length.
 */
import { render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { commands, page, userEvent } from 'vitest/browser';
import type { AuditLogsAdapter } from '../../src/api/adapter';
import { AuditLogs } from '../../src/components/root/AuditLogs';
import { createMemoryAdapter } from '../../src/memory/createMemoryAdapter';
import { createMockAdapter } from '../../src/mock/createMockAdapter';
import { NOW } from '../fixtures/events';
import { expectNoAxeViolations, readyRows, testClient } from './setup';

afterEach(async () => {
  await page.viewport(1280, 900);
});

/** The viewer as a page would hold it: the body's full width, no fixed box. */
function renderFullWidth(adapter: AuditLogsAdapter = createMockAdapter({ count: 2_000, seed: 3, now: NOW })) {
  return render(
    <div style={{ height: 700 }}>
      <AuditLogs adapter={adapter} tenantId="acme" theme="light" queryClient={testClient()} newEventsInterval={0} />
    </div>,
  );
}

describe('the page never scrolls sideways because of the viewer', () => {
  for (const width of [390, 1280]) {
    it(`at ${width} px the document is as wide as the viewport`, async () => {
      await page.viewport(width, 844);
      renderFullWidth();
      await waitFor(() => expect(readyRows().length).toBeGreaterThan(3));
      await waitFor(() => expect(document.querySelectorAll('.ral-histogram__tick').length).toBeGreaterThan(1));
      expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(window.innerWidth);
    });
  }

  it('keeps every tick label of the histogram inside the chart', async () => {
    await page.viewport(1280, 900);
    renderFullWidth();
    await waitFor(() => expect(document.querySelectorAll('.ral-histogram__tick').length).toBeGreaterThan(3));
    const chart = document.querySelector('.ral-histogram')!.getBoundingClientRect();
    for (const tick of document.querySelectorAll('.ral-histogram__tick')) {
      const box = tick.getBoundingClientRect();
      expect(box.left, tick.textContent ?? '').toBeGreaterThanOrEqual(chart.left - 0.5);
      expect(box.right, tick.textContent ?? '').toBeLessThanOrEqual(chart.right + 0.5);
    }
  });
});

describe('cards (below 600 px)', () => {
  it('keep the time and the user in view beside a very long action', async () => {
    await page.viewport(390, 844);
    const adapter = createMemoryAdapter(
      [0, 1, 2].map((i) => ({
        id: `c${i}`,
        tenantId: 'acme',
        timestamp: NOW - i * 60_000,
        severity: 'High',
        action: i === 2 ? 'user.login' : `billing.subscription.${'very_long_action_name_'.repeat(6)}${i}`,
        actor: { name: 'Ada Lovelace', email: 'ada@acme.example' },
      })),
      { now: NOW },
    );
    renderFullWidth(adapter);
    await waitFor(() => expect(document.querySelector('.ral-table--cards')).not.toBeNull());
    await waitFor(() => expect(readyRows().length).toBe(3));
    // A long action (first rows) and a short one (the last): either way time and user show whole.
    for (const row of readyRows()) {
      const cell = (column: string) => row.querySelector<HTMLElement>(`[data-column="${column}"]`)!;
      for (const column of ['timestamp', 'actor.name']) {
        expect(cell(column).getBoundingClientRect().width, column).toBeGreaterThan(60);
        // Its text shows whole (not cut to an ellipsis).
        const text = cell(column).querySelector<HTMLElement>('.ral-cell__text, time') ?? cell(column);
        expect(text.scrollWidth, `${column}: ${cell(column).textContent}`).toBeLessThanOrEqual(text.clientWidth + 1);
      }
      expect(row.getBoundingClientRect().right).toBeLessThanOrEqual(window.innerWidth);
    }
  });
});

describe('the details dialog', () => {
  it('wraps a long action inside its edge', async () => {
    const adapter = createMemoryAdapter(
      [{ id: 'd1', tenantId: 'acme', timestamp: NOW, severity: 'Info', action: `billing.${'x'.repeat(300)}` }],
      { now: NOW },
    );
    render(
      <div style={{ height: 600, width: 1100 }}>
        <AuditLogs adapter={adapter} tenantId="acme" theme="light" queryClient={testClient()} newEventsInterval={0} defaultSelectedEventId="d1" />
      </div>,
    );
    const dialog = await waitFor(() => {
      const open = (screen.queryByRole('dialog') as HTMLDialogElement | null);
      expect(open).not.toBeNull();
      return open!;
    });
    const action = await waitFor(() => {
      const found = [...dialog.querySelectorAll('strong')].find((s) => s.textContent?.startsWith('billing.'));
      expect(found).toBeDefined();
      return found!;
    });
    expect(action.getBoundingClientRect().right).toBeLessThanOrEqual(dialog.getBoundingClientRect().right);
    expect(dialog.scrollWidth).toBeLessThanOrEqual(dialog.clientWidth + 1);
  });
});

describe('default column widths', () => {
  it('share the spare width: with a few columns the table fills its box and no text column is cut that the room could show', async () => {
    await page.viewport(1600, 900);
    const adapter = createMockAdapter({ count: 300, seed: 3, now: NOW });
    render(
      <div style={{ height: 600, width: 1500 }}>
        <AuditLogs adapter={adapter} tenantId="acme" theme="light" queryClient={testClient()} newEventsInterval={0} />
      </div>,
    );
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(5));
    const scroller = document.querySelector<HTMLElement>('.ral-table__scroller')!;
    const row = readyRows()[0]!;
    await waitFor(() => expect(scroller.clientWidth - row.getBoundingClientRect().width).toBeLessThan(40));
    // Every email shown whole.
    for (const r of readyRows()) {
      const email = r.querySelector<HTMLElement>('[data-column="actor.email"] .ral-cell__text');
      if (email) expect(email.scrollWidth, email.textContent ?? '').toBeLessThanOrEqual(email.clientWidth + 1);
    }
  });
});

describe('the toolbar at 390 px', () => {
  it('folds the export formats behind one button, takes three rows at most, and still exports', async () => {
    await page.viewport(390, 844);
    render(
      <div style={{ height: 700 }}>
        <AuditLogs adapter={createMockAdapter({ count: 40, seed: 3, now: NOW })} tenantId="acme" theme="light" queryClient={testClient()} newEventsInterval={0} permissions={{ manageFields: true }} />
      </div>,
    );
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(3));
    const toolbar = document.querySelector<HTMLElement>('.ral-toolbar')!;
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Export CSV' })).toBeNull());
    const search = screen.getByRole('searchbox', { name: 'Search' }).getBoundingClientRect();
    // Three rows of 26–28 px controls, 8 px apart, and the padding.
    expect(toolbar.getBoundingClientRect().height).toBeLessThanOrEqual(search.height * 3 + 8 * 2 + 14 + 4);
    await userEvent.click(screen.getByRole('button', { name: 'Export' }));
    const csv = screen.getByRole('button', { name: 'Export CSV' });
    expect(csv.getBoundingClientRect().left).toBeGreaterThanOrEqual(0);
    expect(csv.getBoundingClientRect().right).toBeLessThanOrEqual(window.innerWidth);
    await expectNoAxeViolations();
    const file = commands.waitForDownload();
    await userEvent.click(csv);
    expect((await file).name).toMatch(/\.csv$/);
  });
});
