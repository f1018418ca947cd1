import type { ReactElement } from 'react';
import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { AuditLogs } from '../../src/components/root/AuditLogs';
import { HistogramPending } from '../../src/components/histogram/DeferredHistogram';
import { Histogram } from '../../src/components/histogram/Histogram';
import { createMockAdapter } from '../../src/mock/createMockAdapter';
import { NOW } from '../fixtures/events';
import { readyRows, renderAuditLogs, testClient } from './setup';

describe('histogram in Chromium', () => {
  it('zooms the time range to a drag across the bars, and the rows follow', async () => {
    const adapter = createMockAdapter({ count: 3000, seed: 5, now: NOW });
    const onQueryChange = vi.fn();
    renderAuditLogs({ adapter, onQueryChange, defaultQuery: { timeRange: { preset: '7d' } }, newEventsInterval: 0 });
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(5));
    const svg = () => document.querySelector<SVGSVGElement>('.ral-histogram__chart')!;
    await waitFor(() => expect(svg().querySelectorAll('.ral-histogram__bucket').length).toBeGreaterThan(20));
    const before = document.querySelector('.ral-status')!.textContent;
    // Tooltips give each bar's range and count; the screen-reader table has the same numbers.
    const title = svg().querySelector('title')!.textContent!;
    expect(title).toMatch(/^[A-Z][a-z]{2} \d{2}, 2026, .+ – .+: [\d,]+ events?$/);
    expect(document.querySelector('.ral-histogram table caption')!.textContent).toBe('Events over time');

    // A real mouse drag from the bar at 30% to the bar at 60% of the week.
    const hits = [...svg().querySelectorAll<SVGRectElement>('.ral-histogram__hit')];
    const at = (share: number) => hits[Math.floor(hits.length * share)]!;
    await userEvent.dragAndDrop(at(0.3), at(0.6));

    await waitFor(() => expect(onQueryChange).toHaveBeenCalled());
    const range = onQueryChange.mock.calls.at(-1)![0].timeRange;
    const from = Date.parse(range.from);
    const to = Date.parse(range.to);
    const week = 7 * 86_400_000;
    expect(from).toBeGreaterThan(NOW - week * 0.75);
    expect(to).toBeLessThan(NOW - week * 0.35);
    await waitFor(() => expect(document.querySelector('.ral-status')!.textContent).not.toBe(before));
    await waitFor(() => {
      for (const row of readyRows()) {
        const t = Date.parse(row.querySelector('time')!.getAttribute('datetime')!);
        expect(t).toBeGreaterThanOrEqual(from);
        expect(t).toBeLessThan(to);
      }
    });
    expect(document.querySelector('.ral-range__text')!.textContent).toContain(' – ');
  });

  it('zooms within the query as it is now: a sort picked after the bars were drawn stays', async () => {
    const onQueryChange = vi.fn();
    renderAuditLogs({ adapter: createMockAdapter({ count: 3000, seed: 5, now: NOW }), onQueryChange, defaultQuery: { timeRange: { preset: '7d' } }, newEventsInterval: 0 });
    await waitFor(() => expect(document.querySelectorAll('.ral-histogram__bucket').length).toBeGreaterThan(20));
    // Sorting leaves the counts as they are, so the chart is not drawn again; its zoom must still see the sort.
    await userEvent.click(screen.getByRole('button', { name: 'Sort by Action' }));
    await waitFor(() => expect(onQueryChange).toHaveBeenCalledWith(expect.objectContaining({ sort: { field: 'action', direction: 'asc' } })));
    const hits = [...document.querySelectorAll<SVGRectElement>('.ral-histogram__hit')];
    await userEvent.dragAndDrop(hits[Math.floor(hits.length * 0.3)]!, hits[Math.floor(hits.length * 0.6)]!);
    await waitFor(() => expect(onQueryChange.mock.calls.at(-1)![0].timeRange?.from).toBeDefined());
    expect(onQueryChange.mock.calls.at(-1)![0].sort).toEqual({ field: 'action', direction: 'asc' });
  });

  it('has a time axis with ticks that fit the range, a count scale, and bars stacked by severity', async () => {
    renderAuditLogs({ adapter: createMockAdapter({ count: 3000, seed: 5, now: NOW }), defaultQuery: { timeRange: { preset: '7d' } }, newEventsInterval: 0 });
    await waitFor(() => expect(document.querySelectorAll('.ral-histogram__bucket').length).toBeGreaterThan(20));
    const ticks = () => [...document.querySelectorAll('.ral-histogram__tick')].map((t) => t.textContent);
    // A week across 1,100 px: a tick a day, each a date ("Oct 27"), no more than fit (about 90 px each).
    expect(ticks().length).toBeGreaterThanOrEqual(6);
    expect(ticks().length).toBeLessThanOrEqual(11);
    expect(ticks().every((t) => /^[A-Z][a-z]{2} \d{1,2}$/.test(t!))).toBe(true);
    // The scale: a round top count, above the tallest bar, and 0.
    const scale = [...document.querySelectorAll('.ral-histogram__y span')].map((s) => s.textContent);
    expect(scale.at(-1)).toBe('0');
    // Compact ("2K"): 1, 2 or 5 times a power of ten.
    const top = Number(scale[0]!.replace(/K$/, '000').replace(/M$/, '000000'));
    expect(String(top)).toMatch(/^[125]0*$/);
    const counts = [...document.querySelectorAll('.ral-histogram table tbody td:nth-child(2)')].map((td) => Number(td.textContent!.replace(/,/g, '')));
    expect(top).toBeGreaterThanOrEqual(Math.max(...counts));
    // Stacked: bars of several levels, the severe ones in another colour than info.
    const levels = new Set([...document.querySelectorAll('.ral-histogram__bar')].map((b) => b.getAttribute('data-level')));
    expect(levels.has('info')).toBe(true);
    expect(levels.has('error') || levels.has('critical') || levels.has('high')).toBe(true);
    const fill = (level: string) => getComputedStyle(document.querySelector(`.ral-histogram__bar[data-level=${level}]`)!).fill;
    const severe = ['critical', 'error', 'high'].find((l) => levels.has(l))!;
    expect(fill(severe)).not.toBe(fill('info'));
    // Zoomed into a few hours, the ticks are times of day.
    const zoomed = renderAuditLogs({
      adapter: createMockAdapter({ count: 3000, seed: 5, now: NOW }),
      defaultQuery: { timeRange: { from: new Date(NOW - 6 * 3_600_000).toISOString(), to: new Date(NOW).toISOString() } },
      newEventsInterval: 0,
      label: 'Zoomed',
    });
    await waitFor(() => expect(zoomed.container.querySelectorAll('.ral-histogram__tick').length).toBeGreaterThan(2));
    const zoomedTicks = [...zoomed.container.querySelectorAll('.ral-histogram__tick')].map((t) => t.textContent);
    expect(zoomedTicks.slice(1).every((t) => /^\d{2}:\d{2}( [AP]M)?$/.test(t!))).toBe(true);
  });

  it('offers the drag hint only when there is something to drag across, and a wider range only when one is set', async () => {
    const empty = createMockAdapter({ count: 50, seed: 5, now: NOW });
    const view = renderAuditLogs({ adapter: empty, defaultQuery: { search: 'no such thing at all' }, newEventsInterval: 0 });
    await waitFor(() => expect(view.container.querySelector('.ral-empty')).not.toBeNull());
    expect(view.container.textContent).not.toContain('Drag across the chart');
    // No events, no chart (an empty 0–1 scale said nothing).
    expect(view.container.querySelector('figure.ral-histogram, .ral-histogram')).toBeNull();
    // All time: a wider range cannot help, so it is not suggested.
    expect(view.container.querySelector('.ral-empty__hint')!.textContent).toBe('Try other filters, or clear them.');
    view.unmount();
    const ranged = renderAuditLogs({ adapter: empty, defaultQuery: { search: 'no such thing at all', timeRange: { preset: '24h' } }, newEventsInterval: 0 });
    await waitFor(() => expect(ranged.container.querySelector('.ral-empty')).not.toBeNull());
    expect(ranged.container.querySelector('.ral-empty__hint')!.textContent).toContain('wider time range');
    ranged.unmount();
    const full = renderAuditLogs({ adapter: createMockAdapter({ count: 500, seed: 5, now: NOW }), newEventsInterval: 0 });
    await waitFor(() => expect(full.container.querySelectorAll('.ral-histogram__bucket').length).toBeGreaterThan(1));
    expect(full.container.textContent).toContain('Drag across the chart');
  });

  it('keeps the exact box of the chart while its code loads, so the rows below never move when the bars arrive', async () => {
    const adapter = createMockAdapter({ count: 500, seed: 5, now: NOW });
    const { histogram } = await adapter.stats!({ tenantId: 'acme', query: { timeRange: { preset: '7d' } } });
    const heightOf = async (element: ReactElement, width: number) => {
      const { container, unmount } = render(
        <div style={{ width }}>
          <AuditLogs.Root adapter={adapter} tenantId="acme" queryClient={testClient()}>
            {element}
          </AuditLogs.Root>
        </div>,
      );
      await waitFor(() => expect(container.querySelector('.ral-histogram__caption')).not.toBeNull());
      const height = container.querySelector('.ral-histogram')!.getBoundingClientRect().height;
      unmount();
      return height;
    };
    // Wide, and narrow enough for the caption's hint to wrap.
    for (const width of [1100, 240]) {
      const pending = await heightOf(<HistogramPending histogram={histogram} onZoom={() => {}} />, width);
      expect(pending).toBeGreaterThan(80);
      expect(await heightOf(<Histogram histogram={histogram} onZoom={() => {}} />, width)).toBe(pending);
    }
  });
});
