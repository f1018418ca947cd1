import { waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createMockAdapter } from '../../src/mock/createMockAdapter';
import { NOW } from '../fixtures/events';
import { readyRows, renderAuditLogs } from './setup';

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
});
