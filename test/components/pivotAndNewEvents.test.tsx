import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { AuditQuery } from '../../src/core/query';
import { createMockAdapter } from '../../src/mock/createMockAdapter';
import { FIXTURE_EVENTS, NOW } from '../fixtures/events';
import { clickRow, expectNoAxeViolations, readyRows, renderAuditLogs } from '../browser/setup';

const dialog = () => screen.queryByRole('dialog');
const status = () => document.querySelector('.ral-status')!.textContent ?? '';

describe('pivot from the details', () => {
  it.each([
    ['Filter by this value: User', { field: 'actor.name', op: 'eq', value: 'Grace Hopper' }, 2],
    ['Exclude this value: User', { field: 'actor.name', op: 'neq', value: 'Grace Hopper' }, 5],
    ['Filter by this value: Correlation ID', { field: 'correlationId', op: 'eq', value: 'c1' }, 2],
    ['Filter by this value: Region', { field: 'region', op: 'eq', value: 'us-east-1' }, 1],
  ])('%s closes the dialog onto the filtered log', async (name, filter, count) => {
    const adapter = createMockAdapter({
      events: FIXTURE_EVENTS,
      now: NOW,
      fields: [{ name: 'region', displayName: 'Region', type: 'string', filterable: true }],
    });
    const onQueryChange = vi.fn();
    renderAuditLogs({ adapter, onQueryChange, newEventsInterval: 0 });
    await waitFor(() => expect(readyRows().length).toBe(7));
    // e02: Grace Hopper, correlation c1, region us-east-1.
    await clickRow(readyRows().find((r) => r.textContent!.includes('api_key.created'))!);
    await waitFor(() => expect(dialog()).not.toBeNull());
    await userEvent.click(within(dialog()!).getByRole('button', { name: name }));
    await waitFor(() => expect(dialog()).toBeNull());
    expect(onQueryChange).toHaveBeenLastCalledWith({ filters: [filter] });
    await waitFor(() => expect(status()).toContain(`${count} event`));
    await waitFor(() => expect(readyRows().length).toBe(count));
  });

  it('offers no pivot on fields the data structure cannot filter', async () => {
    renderAuditLogs({ adapter: createMockAdapter({ events: FIXTURE_EVENTS, now: NOW }), newEventsInterval: 0 });
    await waitFor(() => expect(readyRows().length).toBe(7));
    await clickRow(readyRows().find((r) => r.textContent!.includes('api_key.created'))!);
    await waitFor(() => expect(dialog()).not.toBeNull());
    // region is a custom key with no field definition: shown, not filterable.
    expect(within(dialog()!).queryByRole('button', { name: 'Filter by this value: region' })).toBeNull();
    expect(within(dialog()!).queryByRole('button', { name: 'Filter by this value: IP address' })).not.toBeNull();
  });
});

describe('new events', () => {
  it('announces events that arrive while the first page is in view, and loads them without moving the rows', async () => {
    const adapter = createMockAdapter({ count: 300, seed: 8, now: NOW });
    renderAuditLogs({ adapter, newEventsInterval: 150 });
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(5));
    const scroller = document.querySelector<HTMLElement>('.ral-table__scroller')!;
    const topRowText = readyRows()[0]!.textContent;
    await adapter.create({ tenantId: 'acme', event: { action: 'brand.new', severity: 'High', timestamp: NOW + 1000 } });
    await adapter.create({ tenantId: 'acme', event: { action: 'brand.newer', severity: 'High', timestamp: NOW + 2000 } });
    const banner = () => [...document.querySelectorAll('button')].find((b) => b.textContent === '2 new events');
    await waitFor(() => expect(banner()).toBeDefined(), { timeout: 3000 });
    await userEvent.click(banner()!);
    await waitFor(() => expect(status()).toContain('302 events'));
    // What the user was reading stays in view: scrolled down by the two new rows.
    await waitFor(() => expect(scroller.scrollTop).toBe(72));
    const firstVisible = readyRows().find((r) => r.getBoundingClientRect().top >= scroller.getBoundingClientRect().top - 1);
    expect(firstVisible!.textContent).toBe(topRowText);
    await waitFor(() => expect(banner()).toBeUndefined());
    expect(readyRows().some((r) => r.textContent!.includes('brand.newer'))).toBe(true);
  });
});

describe('links', () => {
  it('opens a link with unusable filters as the unfiltered log with a notice, never a crash', async () => {
    const onQueryChange = vi.fn();
    const hostile: AuditQuery = {
      filters: [
        { field: 'nope', op: 'eq', value: '<script>' },
        { field: 'timestamp', op: 'contains', value: 'x' },
      ],
      sort: { field: 'payload', direction: 'asc' },
    };
    renderAuditLogs({
      adapter: createMockAdapter({ events: FIXTURE_EVENTS, now: NOW }),
      query: hostile,
      onQueryChange,
      queryIssues: ['time range "forever" is not one of 1h, 24h, 7d, 30d, 90d'],
      newEventsInterval: 0,
    });
    await waitFor(() => expect(readyRows().length).toBe(7));
    expect(status()).toContain('Some filters could not be used and were left out');
    expect(status()).toContain('forever');
    expect(status()).toContain('unknown field "nope"');
    expect(document.querySelector('.ral-root script')).toBeNull();
  });
});

describe('accessibility of the toolbar', () => {
  it('passes axe with a popover open and chips shown', async () => {
    renderAuditLogs({
      adapter: createMockAdapter({ events: FIXTURE_EVENTS, now: NOW }),
      defaultQuery: { search: 'a', timeRange: { preset: '30d' } },
      newEventsInterval: 0,
    });
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(0));
    await userEvent.click(screen.getByRole('button', { name: 'Add filter' }));
    await expectNoAxeViolations();
  });
});
