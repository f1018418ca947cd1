/**
 * A source that answers the first page before it has counted every match (the memory adapter searching a large
 * log): the count says "100+ events, counting…" while the stats run, then the total, and the scrollbar covers
 * every row once it is known.
 */
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AuditLogsAdapter } from '../../src/api/adapter';
import { createMemoryAdapter } from '../../src/memory/createMemoryAdapter';
import { generateAuditEvents } from '../../src/mock/generator';
import { NOW } from '../fixtures/events';
import { readyRows, renderAuditLogs } from '../browser/setup';

const memory = createMemoryAdapter(generateAuditEvents({ tenantId: 'acme', count: 450, seed: 4, now: NOW }), { now: NOW });

/** Pages that say `counting` (no total) and stats that answer only when `finish()` is called. */
function countingSource() {
  let finish = () => {};
  const counted = new Promise<void>((resolve) => (finish = resolve));
  const adapter: AuditLogsAdapter = {
    ...memory,
    list: async (request) => {
      const { total: _total, ...page } = await memory.list(request);
      return { ...page, counting: true };
    },
    stats: async (request) => {
      await counted;
      return memory.stats(request);
    },
  };
  return { adapter, finish: () => finish() };
}

describe('a total that is still being counted', () => {
  it('says how many so far and that it is counting, then the total', async () => {
    const { adapter, finish } = countingSource();
    renderAuditLogs({ adapter, newEventsInterval: 0 });
    expect(await screen.findByText('100+ events, counting…')).toBeTruthy();
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(5));
    const table = screen.getByRole('table');
    // Unknown total: no row count for assistive technology yet.
    expect(table.getAttribute('aria-rowcount')).toBe('-1');
    finish();
    expect(await screen.findByText('450 events')).toBeTruthy();
    expect(screen.queryByText(/counting/)).toBeNull();
    // Header row plus every event.
    await waitFor(() => expect(table.getAttribute('aria-rowcount')).toBe('451'));
  });
});
