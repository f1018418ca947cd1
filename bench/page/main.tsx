import { createRoot } from 'react-dom/client';
import { AuditLogs, createHttpAdapter, createMemoryAdapter, type AuditLogsAdapter, type HttpDialect } from '../../src/index';
import { runExport } from '../../src/export';
import { createMockAdapter, createMockHandler, mockFetch } from '../../src/mock/index';
import { BENCH_NOW, hostEvents } from '../hostEvents';
import '../../src/styles/audit-logs.css';
import { runHttpMoment, runMoment } from './moment';

/** What the bench script reads back. */
export interface BenchResult {
  backendReadyMs: number;
  firstRowsMs: number;
}

declare global {
  interface Window {
    /** Host events are made: the script reads the heap now, then calls `benchStart`. */
    benchEventsReady?: boolean;
    benchStart?: () => void;
    /** Exports every event (10 columns), returning the time, rows, file size and frames while it ran. */
    benchExport?: (serverSide: boolean) => Promise<{ ms: number; rows: number; bytes: number; frames: number[] }>;
    /** A client-side export over the mock server of a dialect (requests answered in the page). */
    benchDialectExport?: (dialect: HttpDialect, count: number) => Promise<{ ms: number; rows: number; requests: number }>;
  }
}

declare global {
  interface Window {
    benchResult?: BenchResult;
    benchScroll?: (steps: number) => Promise<number[]>;
    benchSearch?: (text: string) => Promise<number>;
  }
}

const params = new URLSearchParams(location.search);
const count = Number(params.get('count') ?? 10_000);
const host = params.get('source') === 'host';
if (params.get('mode') === 'moment') {
  await (host ? runMoment(count) : runHttpMoment(count, Number(params.get('latency') ?? 50)));
  // The moment protocol is the whole page: the rest of this module (the other benches) never runs.
  await new Promise(() => {});
}
/** Custom-field columns for host events (`hostEvents` gives each event these three). */
const customFields = [
  { name: 'region', displayName: 'Region', type: 'string' as const, filterable: true, sortable: true },
  { name: 'plan', displayName: 'Plan', type: 'string' as const, filterable: true, sortable: true },
  { name: 'seats', displayName: 'Seats', type: 'number' as const, filterable: true, sortable: true },
];

let adapter: AuditLogsAdapter;
let backendReadyMs: number;
if (host) {
  // Events as a host holds them; the heap is read (by the script) before the adapter exists.
  const events = hostEvents(count);
  window.benchEventsReady = true;
  await new Promise<void>((resolve) => (window.benchStart = resolve));
  const t0 = performance.now();
  adapter = createMemoryAdapter(events, { now: BENCH_NOW, fields: customFields });
  backendReadyMs = performance.now() - t0;
} else {
  adapter = createMockAdapter({ seed: 42, count, now: BENCH_NOW });
  // The mock generates a tenant's events on first use; do it before mounting so the component's own time is
  // measured apart from the mock backend's.
  const t0 = performance.now();
  await adapter.list({ tenantId: 'acme', query: {}, page: { type: 'offset', offset: 0, limit: 1 } });
  backendReadyMs = performance.now() - t0;
}

const root = document.getElementById('root')!;
const mountedAt = performance.now();
const observer = new MutationObserver(() => {
  if (!root.querySelector('[role=row][data-state=ready]')) return;
  observer.disconnect();
  // Two frames: the rows are committed, styled and painted.
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      window.benchResult = { backendReadyMs, firstRowsMs: performance.now() - mountedAt };
    }),
  );
});
observer.observe(root, { childList: true, subtree: true });
createRoot(root).render(<AuditLogs adapter={adapter} tenantId="acme" theme="light" />);

/** Scrolls top to bottom in `steps` frames, one step a frame, and returns each frame's duration. */
window.benchScroll = async (steps) => {
  const scroller = root.querySelector<HTMLElement>('.ral-table__scroller')!;
  const max = scroller.scrollHeight - scroller.clientHeight;
  const frames: number[] = [];
  let last = await new Promise<number>((r) => requestAnimationFrame(r));
  for (let step = 1; step <= steps; step++) {
    scroller.scrollTop = (max * step) / steps;
    const now = await new Promise<number>((r) => requestAnimationFrame(r));
    frames.push(now - last);
    last = now;
  }
  return frames;
};

const nextFrame = () => new Promise<number>((r) => requestAnimationFrame(r));

/**
 * Types `text` into the searchbox (one input event, as a paste) and returns the ms until the table shows
 * the filtered rows painted: the count changed and the first row matches. Includes the search debounce.
 */
window.benchSearch = async (text) => {
  const box = root.querySelector<HTMLInputElement>('input[type=search]')!;
  const status = root.querySelector('.ral-status')!;
  const before = status.textContent;
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  const started = performance.now();
  setValue.call(box, text);
  box.dispatchEvent(new Event('input', { bubbles: true }));
  for (;;) {
    await nextFrame();
    const row = root.querySelector('[role=row][data-state=ready]');
    if (status.textContent !== before && row?.textContent?.toLowerCase().includes(text.toLowerCase())) break;
  }
  await nextFrame();
  return performance.now() - started;
};

const EXPORT_COLUMNS = ['timestamp', 'severity', 'actor.name', 'actor.email', 'action', 'resource', 'ip', 'region', 'plan', 'seats'].map(
  (name) => ({ name, displayName: name }),
);

window.benchExport = async (serverSide) => {
  const subject: AuditLogsAdapter = serverSide
    ? adapter
    : { ...adapter, exportCsv: undefined, capabilities: { ...adapter.capabilities, serverExport: false } };
  const frames: number[] = [];
  let running = true;
  let last = performance.now();
  const tick = (now: number) => {
    frames.push(now - last);
    last = now;
    if (running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const started = performance.now();
  const result = await runExport({
    adapter: subject,
    tenantId: 'acme',
    query: {},
    columns: EXPORT_COLUMNS,
    format: 'csv',
    signal: new AbortController().signal,
    onProgress: () => {},
  });
  const ms = performance.now() - started;
  running = false;
  return { ms, rows: result.rows, bytes: result.blob?.size ?? 0, frames };
};

window.benchDialectExport = async (dialect, count) => {
  const handler = createMockHandler({ dialect, count, seed: 42, now: BENCH_NOW });
  await handler.backend.list({ tenantId: 'acme', query: {}, page: { type: 'offset', offset: 0, limit: 1 } });
  const http = createHttpAdapter({ baseUrl: 'http://mock.local', dialect, fetch: mockFetch(handler), now: () => BENCH_NOW });
  const subject = { ...http, exportCsv: undefined, capabilities: { ...http.capabilities, serverExport: false } };
  const before = handler.requests.length;
  const started = performance.now();
  const result = await runExport({
    adapter: subject,
    tenantId: 'acme',
    query: {},
    columns: EXPORT_COLUMNS.slice(0, 7),
    format: 'csv',
    signal: new AbortController().signal,
    onProgress: () => {},
  });
  return { ms: performance.now() - started, rows: result.rows, requests: handler.requests.length - before };
};
