/**
 * Servers whose paging would repeat or never end: the export stops with a clear message, saves nothing, and
 * never writes an event twice.
 */
import { describe, expect, it } from 'vitest';
import type { AuditLogsAdapter } from '../../src/api/adapter';
import type { AuditEvent } from '../../src/core/event';
import { blobSink, ExportError, runExport } from '../../src/api/exportRunner';
import { createMemoryAdapter } from '../../src/memory/createMemoryAdapter';
import { generateAuditEvents } from '../../src/mock/generator';
import { NOW } from '../fixtures/events';

const events = generateAuditEvents({ tenantId: 'acme', count: 30, seed: 4, now: NOW });
const memory = createMemoryAdapter(events, { now: NOW });
const columns = [{ name: 'action', displayName: 'Action' }];
const normalized = async (): Promise<AuditEvent[]> => (await memory.list({ tenantId: 'acme', query: {}, page: { type: 'offset', offset: 0, limit: 100 } })).events;

/** A sink that records whether it was closed or aborted. */
function recordingSink() {
  const inner = blobSink();
  const sink = {
    closed: false,
    aborted: false,
    write: inner.write,
    close: (type: string) => ((sink.closed = true), inner.close(type)),
    abort: () => ((sink.aborted = true), inner.abort()),
  };
  return sink;
}

function adapterWith(paging: 'cursor' | 'offset', list: AuditLogsAdapter['list']): AuditLogsAdapter {
  return { ...memory, capabilities: { ...memory.capabilities, paging, total: false, serverExport: false, maxPageSize: 10 }, exportCsv: undefined, list };
}

async function stops(adapter: AuditLogsAdapter, message: RegExp) {
  const sink = recordingSink();
  const run = runExport({ adapter, tenantId: 'acme', query: {}, columns, format: 'csv', signal: new AbortController().signal, onProgress: () => {}, sink });
  const error = await run.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ExportError);
  expect((error as ExportError).message).toMatch(message);
  expect((error as ExportError).message).toMatch(/saved nothing/);
  expect([sink.aborted, sink.closed]).toEqual([true, false]);
  return error as ExportError;
}

describe('export over a server that misbehaves', () => {
  it('stops when a cursor server sends a cursor it sent before', async () => {
    const all = await normalized();
    let n = 0;
    const error = await stops(
      adapterWith('cursor', async () => {
        n++;
        return { events: all.slice((n - 1) * 10, n * 10), nextCursor: n === 1 ? 'a' : n === 2 ? 'b' : 'a' };
      }),
      /cursor it had sent before/,
    );
    expect(error.rows).toBe(30);
  });

  it('stops when a cursor server sends the same page under a new cursor', async () => {
    const all = await normalized();
    let n = 0;
    await stops(adapterWith('cursor', async () => ({ events: all.slice(0, 10), nextCursor: `c${++n}` })), /already sent/);
  });

  it('stops after empty pages that keep a next cursor', async () => {
    let n = 0;
    await stops(adapterWith('cursor', async () => ({ events: [], nextCursor: `c${++n}` })), /empty pages in a row/);
    expect(n).toBe(20);
  });

  it('stops when an offset server ignores the offset and gives no total (the first events again)', async () => {
    const all = await normalized();
    let n = 0;
    const error = await stops(
      adapterWith('offset', async () => {
        n++;
        return { events: all.slice(0, 10) };
      }),
      /already sent/,
    );
    expect(n).toBe(2);
    expect(error.rows).toBe(10);
  });

  it('writes each event once when pages overlap, and still finishes', async () => {
    const all = await normalized();
    let n = 0;
    const sink = recordingSink();
    const result = await runExport({
      adapter: adapterWith('cursor', async () => {
        n++;
        // Each page repeats the last two events of the page before.
        const start = Math.max(0, (n - 1) * 10 - 2);
        return { events: all.slice(start, n * 10), ...(n < 3 && { nextCursor: `c${n}` }) };
      }),
      tenantId: 'acme',
      query: {},
      columns,
      format: 'csv',
      signal: new AbortController().signal,
      onProgress: () => {},
      sink,
    });
    expect(result.rows).toBe(30);
    expect(sink.closed).toBe(true);
  });
});
