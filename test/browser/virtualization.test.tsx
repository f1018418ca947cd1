import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createMockAdapter } from '../../src/mock/createMockAdapter';
import { createIndexedAdapter } from '../fixtures/indexedAdapter';
import { NOW } from '../fixtures/events';
import { readyRows, renderAuditLogs, testClient } from './setup';

const scroller = () => document.querySelector<HTMLElement>('.ral-table__scroller')!;
const table = () => screen.getByRole('table', { name: 'Audit logs' });

async function scrollTo(top: number) {
  scroller().scrollTop = top;
  scroller().dispatchEvent(new Event('scroll'));
}

describe('virtual scrolling in Chromium', () => {
  it('keeps only the rows on screen in the DOM, with 100,000 events', async () => {
    renderAuditLogs({ adapter: createMockAdapter({ count: 100_000, seed: 3, now: NOW }) });
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(10));
    expect(table().getAttribute('aria-rowcount')).toBe('100001');
    const rendered = document.querySelectorAll('[role=rowgroup] [role=row]').length;
    // 600 px box: about 15 rows visible plus overscan; nowhere near 100,000.
    expect(rendered).toBeLessThan(45);
    await scrollTo(36 * 50_000);
    await waitFor(() => expect(readyRows().some((r) => Number(r.getAttribute('aria-rowindex')) > 50_000)).toBe(true));
    expect(document.querySelectorAll('[role=rowgroup] [role=row]').length).toBeLessThan(45);
  });

  it('jumps to the middle of 1,000,000 rows without loading what lies before', async () => {
    const { adapter, requested } = createIndexedAdapter(1_000_000);
    renderAuditLogs({ adapter });
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(5));
    await scrollTo(scroller().scrollHeight / 2);
    await waitFor(() => {
      const indexes = readyRows().map((r) => Number(r.getAttribute('aria-rowindex')));
      expect(Math.min(...indexes)).toBeGreaterThan(400_000);
    });
    // Page 0 at first, then only pages around the middle.
    const far = requested.filter((offset) => offset > 0 && offset < 400_000);
    expect(far).toEqual([]);
    expect(requested.length).toBeLessThan(6);
  });

  it('reaches the last of 1,000,000 rows by scrolling, despite the maximum element height', async () => {
    const { adapter } = createIndexedAdapter(1_000_000);
    renderAuditLogs({ adapter });
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(5));
    expect(scroller().scrollHeight).toBeLessThan(33_000_000);
    await scrollTo(scroller().scrollHeight);
    await waitFor(() => {
      const last = readyRows().find((r) => r.getAttribute('aria-rowindex') === '1000001');
      expect(last?.textContent).toContain('action.999999');
    });
    // And, once the scroll has settled, the last row is in view, not just in the DOM.
    await waitFor(() => {
      const last = readyRows().find((r) => r.getAttribute('aria-rowindex') === '1000001')!;
      const box = scroller().getBoundingClientRect();
      expect(last.getBoundingClientRect().bottom).toBeLessThanOrEqual(box.bottom + 1);
      expect(last.getBoundingClientRect().top).toBeGreaterThanOrEqual(box.top);
    });
  });

  it('reaches the last of 1,000,000 rows with the End key, and the first again with Home', async () => {
    const { adapter } = createIndexedAdapter(1_000_000);
    renderAuditLogs({ adapter });
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(5));
    readyRows()[0]!.focus();
    await userEvent.keyboard('{End}');
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-rowindex')).toBe('1000001'));
    await waitFor(() => expect(document.activeElement?.textContent).toContain('action.999999'));
    await userEvent.keyboard('{Home}');
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-rowindex')).toBe('2'));
    expect(document.activeElement?.textContent).toContain('action.0');
  });

  it('asks only for the pages a fast flight stops on, not the ones it crosses, and shows where it stops', async () => {
    const { adapter, requested } = createIndexedAdapter(1_000_000);
    renderAuditLogs({ adapter });
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(5));
    const before = requested.length;
    // A scrollbar dragged down the log in 30 jumps of about 33,000 rows, faster than one set of pages per 100 ms.
    const height = scroller().scrollHeight - scroller().clientHeight;
    for (let step = 1; step <= 30; step++) {
      await scrollTo(Math.round((step / 30) * height));
      await new Promise(requestAnimationFrame);
    }
    await waitFor(() => {
      const last = readyRows().find((r) => r.getAttribute('aria-rowindex') === '1000001');
      expect(last?.textContent).toContain('action.999999');
    }, { timeout: 3000 });
    const asked = requested.slice(before);
    // One set of pages per 100 ms (the flight takes about half a second) and where it stopped; each of the 30 jumps
    // would have asked for a page or two.
    expect(asked.length).toBeLessThan(15);
    expect(asked).toContain(999_900);
  });

  it('releases pages far from the window (memory stays bounded)', async () => {
    const { adapter } = createIndexedAdapter(1_000_000);
    const queryClient = testClient();
    renderAuditLogs({ adapter, queryClient });
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(5));
    for (let step = 1; step <= 12; step++) {
      await scrollTo((scroller().scrollHeight / 13) * step);
      await waitFor(() => expect(readyRows().length).toBeGreaterThan(5));
    }
    const observed = queryClient
      .getQueryCache()
      .findAll({ predicate: (q) => q.getObserversCount() > 0 && q.queryKey.includes('offset') });
    expect(observed.length).toBeLessThanOrEqual(3);
  });

  it('loads cursor pages as the user nears the end', async () => {
    const adapter = createMockAdapter({ count: 450, seed: 2, now: NOW, paging: 'cursor' });
    renderAuditLogs({ adapter });
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(5));
    expect(table().getAttribute('aria-rowcount')).toBe('-1');
    expect(document.querySelector('.ral-status')!.textContent).toMatch(/At least \d+ events/);
    for (let i = 0; i < 10; i++) {
      await scrollTo(scroller().scrollHeight);
      await new Promise((r) => setTimeout(r, 30));
    }
    await waitFor(() => expect(table().getAttribute('aria-rowcount')).toBe('451'));
    await scrollTo(scroller().scrollHeight);
    await waitFor(() => expect(readyRows().some((r) => r.getAttribute('aria-rowindex') === '451')).toBe(true));
  });

  it('sorts on the server when a sortable header is clicked', async () => {
    const adapter = createMockAdapter({ count: 300, seed: 2, now: NOW });
    renderAuditLogs({ adapter });
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(5));
    const header = within(screen.getByRole('table', { name: 'Audit logs' })).getAllByRole('columnheader').find((h) => h.textContent === 'Action')!;
    expect(header.getAttribute('aria-sort')).toBe('none');
    await userEvent.click(within(header).getByRole('button'));
    await waitFor(() => expect(header.getAttribute('aria-sort')).toBe('ascending'));
    const expected = await adapter.list({
      tenantId: 'acme',
      query: { sort: { field: 'action', direction: 'asc' } },
      page: { type: 'offset', offset: 0, limit: 5 },
    });
    await waitFor(() => expect(readyRows()[0]?.textContent).toContain(expected.events[0]!.action));
    expect(readyRows()[0]!.textContent).toContain(expected.events[0]!.actor!.name!);
    await userEvent.click(within(header).getByRole('button'));
    await waitFor(() => expect(header.getAttribute('aria-sort')).toBe('descending'));
    const timeHeader = within(screen.getByRole('table', { name: 'Audit logs' })).getAllByRole('columnheader').find((h) => h.textContent === 'Time (UTC)')!;
    expect(timeHeader.getAttribute('aria-sort')).toBe('none');
  });
});
