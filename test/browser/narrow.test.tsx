import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createMockAdapter } from '../../src/mock/createMockAdapter';
import { NOW } from '../fixtures/events';
import { expectNoAxeViolations, readyRows, renderAuditLogs } from './setup';

const headers = () => within(screen.getByRole('table', { name: 'Audit logs' })).getAllByRole('columnheader').map((h) => h.getAttribute('aria-label'));

describe('narrow containers', () => {
  it('shows each event as a two-line card below 600 px: time and severity, then actor and action; rows stay rows, virtualized', async () => {
    renderAuditLogs({ adapter: createMockAdapter({ count: 10_000, seed: 2, now: NOW }), newEventsInterval: 0 }, 700, 390);
    await waitFor(() => expect(document.querySelector('.ral-table--cards')).not.toBeNull());
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(3));
    expect(headers()).toEqual(['Time (UTC)', 'Severity', 'User', 'Action']);
    // The histogram's time axis has fewer ticks in the narrow chart (labels never crowd). It shows with the stats.
    await screen.findByRole('figure');
    const ticks = document.querySelectorAll('.ral-histogram__tick').length;
    expect(ticks).toBeGreaterThanOrEqual(2);
    expect(ticks).toBeLessThanOrEqual(4);
    const row = readyRows()[0]!;
    const box = (column: string) => row.querySelector(`[data-column="${column}"]`)!.getBoundingClientRect();
    // Line one: time, then severity on the same line; line two: actor and action, below.
    expect(Math.abs(box('timestamp').top - box('severity').top)).toBeLessThan(4);
    expect(box('actor.name').top).toBeGreaterThan(box('timestamp').bottom - 2);
    expect(Math.abs(box('actor.name').top - box('action').top)).toBeLessThan(4);
    // Nothing is cut off sideways: the card fits the container.
    const scroller = document.querySelector<HTMLElement>('.ral-table__scroller')!;
    expect(scroller.scrollWidth).toBeLessThanOrEqual(scroller.clientWidth + 1);
    expect(row.getBoundingClientRect().right).toBeLessThanOrEqual(scroller.getBoundingClientRect().right + 1);
    // Still a table of rows with their index, still virtualized (a screenful of 10,000 in the DOM).
    expect(screen.getByRole('table', { name: 'Audit logs' }).getAttribute('aria-rowcount')).toBe('10001');
    expect(document.querySelectorAll('[role=row][aria-rowindex]').length).toBeLessThan(30);
    scroller.scrollTop = scroller.scrollHeight / 2;
    await waitFor(() => expect(Number(readyRows()[0]?.getAttribute('aria-rowindex'))).toBeGreaterThan(4000));
    // And the keyboard still opens a card.
    readyRows()[0]!.focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeNull());
    await userEvent.keyboard('{Escape}');
    await expectNoAxeViolations();
  });

  it('at 768 px shows the columns that fit, with a shadow where more columns are cut off', async () => {
    renderAuditLogs({ adapter: createMockAdapter({ count: 200, seed: 2, now: NOW }), newEventsInterval: 0 }, 600, 768);
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(3));
    const table = screen.getByRole('table', { name: 'Audit logs' });
    expect(table.classList.contains('ral-table--cards')).toBe(false);
    expect(headers()).toContain('IP address');
    await waitFor(() => expect(table.hasAttribute('data-more-end')).toBe(true));
    expect(table.hasAttribute('data-more-start')).toBe(false);
    const cue = getComputedStyle(table, '::after');
    expect(cue.backgroundImage).toContain('gradient');
    const scroller = document.querySelector<HTMLElement>('.ral-table__scroller')!;
    scroller.scrollLeft = scroller.scrollWidth;
    await waitFor(() => expect(table.hasAttribute('data-more-end')).toBe(false));
    expect(table.hasAttribute('data-more-start')).toBe(true);
  });
});
