/**
 * A cursor server whose paging would repeat or never end: the viewer stops loading, says so where the count
 * is, and never shows an event twice.
 */
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AuditLogsAdapter } from '../../src/api/adapter';
import type { AuditEvent } from '../../src/core/event';
import { createMemoryAdapter } from '../../src/memory/createMemoryAdapter';
import { generateAuditEvents } from '../../src/mock/generator';
import { NOW } from '../fixtures/events';
import { readyRows, renderAuditLogs } from '../browser/setup';

const memory = createMemoryAdapter(generateAuditEvents({ tenantId: 'acme', count: 40, seed: 8, now: NOW }), { now: NOW });
let all: AuditEvent[] = [];

/** A cursor-only adapter whose pages come from `page(cursor)`; counts its list calls. */
function cursorServer(page: (cursor: string | null) => { events: AuditEvent[]; nextCursor?: string }) {
  const calls = { list: 0 };
  const adapter: AuditLogsAdapter = {
    ...memory,
    capabilities: { ...memory.capabilities, paging: 'cursor', total: false },
    list: async (request) => {
      calls.list++;
      if (!all.length) all = (await memory.list({ tenantId: 'acme', query: {}, page: { type: 'offset', offset: 0, limit: 100 } })).events;
      return page(request.page.type === 'cursor' ? request.page.cursor : null);
    },
  };
  return { adapter, calls };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 400));
const shownIds = () => readyRows().map((r) => r.getAttribute('data-event-id') ?? r.textContent);

describe('a cursor server that misbehaves', () => {
  it('stops at a cursor it sent before', async () => {
    const next: Record<string, string | undefined> = { '': 'a', a: 'b', b: 'a' };
    const { adapter, calls } = cursorServer((cursor) => {
      const i = ['', 'a', 'b'].indexOf(cursor ?? '');
      return { events: all.slice(i * 5, i * 5 + 5), nextCursor: next[cursor ?? ''] };
    });
    renderAuditLogs({ adapter, newEventsInterval: 0 });
    await screen.findByText('The server sent a page it had sent before, so loading stopped here.');
    // Rows in view and two past it are in the DOM (13 here), not all 15: the count of what loaded is checked below.
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(0));
    await settle();
    expect(calls.list).toBe(3);
    // Every event once: no row repeats one in view, and top and bottom of the list together show all 15.
    const top = shownIds();
    expect(new Set(top).size).toBe(top.length);
    const scroller = document.querySelector<HTMLElement>('.ral-table__scroller')!; // the scrolling box has no role
    scroller.scrollTop = scroller.scrollHeight;
    await settle();
    const bottom = shownIds();
    expect(new Set(bottom).size).toBe(bottom.length);
    expect(new Set([...top, ...bottom]).size).toBe(15);
    expect(calls.list).toBe(3);
  });

  it('stops when the same events come back under a new cursor', async () => {
    let n = 0;
    const { adapter, calls } = cursorServer(() => ({ events: all.slice(0, 5), nextCursor: `c${++n}` }));
    renderAuditLogs({ adapter, newEventsInterval: 0 });
    await screen.findByText('The server sent a page it had sent before, so loading stopped here.');
    await settle();
    expect(readyRows()).toHaveLength(5);
    expect(calls.list).toBe(2);
  });

  it('stops after empty pages that keep pointing on', async () => {
    let n = 0;
    const { adapter, calls } = cursorServer((cursor) => ({ events: cursor === null ? all.slice(0, 5) : [], nextCursor: `c${++n}` }));
    renderAuditLogs({ adapter, newEventsInterval: 0 });
    await screen.findByText('The server kept sending empty pages, so loading stopped here.', {}, { timeout: 5000 });
    await settle();
    expect(calls.list).toBe(6);
    expect(readyRows()).toHaveLength(5);
  });
});

/** An offset adapter whose pages come from `page(offset, limit)` and that gives no total. */
function offsetServer(page: (offset: number, limit: number) => AuditEvent[]) {
  const calls = { list: 0 };
  const adapter: AuditLogsAdapter = {
    ...memory,
    capabilities: { ...memory.capabilities, paging: 'offset', total: false },
    list: async (request) => {
      calls.list++;
      if (request.page.type !== 'offset') throw new Error('offset only');
      return { events: page(request.page.offset, request.page.limit), offset: request.page.offset };
    },
  };
  return { adapter, calls };
}

/** Scrolls the table to its end a few times over, as a user reading on would; returns the table. */
async function scrollToEnd(): Promise<HTMLElement> {
  const table = screen.getByRole('table', { name: 'Audit logs' });
  const scroller = table.querySelector<HTMLElement>('.ral-table__scroller')!;
  for (let i = 0; i < 10; i++) {
    scroller.scrollTop = scroller.scrollHeight;
    await new Promise((resolve) => setTimeout(resolve, 120));
  }
  return table;
}

describe('an offset server with no total', () => {
  const many = generateAuditEvents({ tenantId: 'acme', count: 260, seed: 12, now: NOW });
  const sorted = createMemoryAdapter(many, { now: NOW });
  let ordered: AuditEvent[] = [];

  it('shows its rows as far as they go, loading the next page at the end ("at least")', async () => {
    ordered = (await sorted.list({ tenantId: 'acme', query: {}, page: { type: 'offset', offset: 0, limit: 1000 } })).events;
    const { adapter } = offsetServer((offset, limit) => ordered.slice(offset, offset + limit));
    renderAuditLogs({ adapter, newEventsInterval: 0 });
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(5));
    const table = await scrollToEnd();
    await waitFor(() => expect(Number(table.getAttribute('aria-rowcount'))).toBe(261));
  });

  it('stops when the offset is ignored (the first events again) and says so', async () => {
    const { adapter, calls } = offsetServer((_offset, limit) => ordered.slice(0, limit));
    renderAuditLogs({ adapter, newEventsInterval: 0 });
    await waitFor(() => expect(readyRows().length).toBeGreaterThan(5));
    const table = await scrollToEnd();
    await screen.findByText('The server sent a page it had sent before, so loading stopped here.');
    const settledCalls = calls.list;
    await settle();
    expect(calls.list).toBe(settledCalls);
    expect(Number(table.getAttribute('aria-rowcount'))).toBeLessThanOrEqual(101);
  });
});
