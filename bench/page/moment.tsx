import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { AuditLogs, createHttpAdapter, createMemoryAdapter, type AuditQuery } from '../../src/index';
import { createMockHandler, mockFetch } from '../../src/mock/index';
import { BENCH_NOW, hostEvents } from '../hostEvents';

/** What the moment protocol measures, read back by `bench/viewer.ts`. */
export interface MomentResult {
  mountMs: number;
  frames: number[];
  searchMs: number;
  /** Share of events the search matches. */
  share: number;
}

declare global {
  interface Window {
    /** Mount to the first rows over HTTP, the mock server answering each request after a latency. */
    httpFirstRowsMs?: number;
    momentResult?: MomentResult;
    momentError?: string;
  }
}

const fields = [
  { name: 'region', displayName: 'Region', type: 'string' as const, filterable: true, sortable: true },
  { name: 'plan', displayName: 'Plan', type: 'string' as const, filterable: true, sortable: true },
  { name: 'seats', displayName: 'Seats', type: 'number' as const, filterable: true, sortable: true },
];

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/** Resolves once `ready()` holds, checked on every DOM change and every frame, then after two more frames (painted). */
function painted(root: HTMLElement, ready: () => boolean): Promise<number> {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done || !ready()) return;
      done = true;
      observer.disconnect();
      void frame().then(frame).then(() => resolve(performance.now()));
    };
    const observer = new MutationObserver(finish);
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    const poll = () => {
      finish();
      if (!done) requestAnimationFrame(poll);
    };
    poll();
  });
}

/**
 * The moment a user acts, with no idle wait anywhere: mount (the adapter made from the host's events, then
 * `createRoot().render()`) until the first data row is painted; at once a scroll from top to bottom in 60 steps,
 * one a frame, plus two trailing frames; then the search set to one actor's email (a controlled `query`, so no
 * typing debounce), until the first matching row is painted.
 */
export async function runMoment(count: number): Promise<void> {
  const events = hostEvents(count);
  const email = (events[0]!.actor as { email: string }).email;
  const share = events.filter((e) => (e.actor as { email?: string } | undefined)?.email === email).length / events.length;
  const root = document.getElementById('root')!;
  let setQuery: (query: AuditQuery) => void = () => {};
  function Host() {
    const [adapter] = useState(() => createMemoryAdapter(events, { now: BENCH_NOW, fields }));
    const [query, set] = useState<AuditQuery>({});
    setQuery = set;
    return <AuditLogs adapter={adapter} tenantId="acme" query={query} onQueryChange={set} newEventsInterval={0} theme="light" />;
  }
  const ready = () => root.querySelector('[role=row][data-state=ready]') !== null;
  const started = performance.now();
  createRoot(root).render(<Host />);
  const mountMs = (await painted(root, ready)) - started;

  const scroller = root.querySelector<HTMLElement>('.ral-table__scroller')!;
  const frames: number[] = [];
  let last = await frame();
  for (let i = 1; i <= 62; i++) {
    if (i <= 60) scroller.scrollTop = Math.round((i / 60) * (scroller.scrollHeight - scroller.clientHeight));
    const now = await frame();
    frames.push(now - last);
    last = now;
  }

  const searchStarted = performance.now();
  setQuery({ search: email });
  const matching = () =>
    [...root.querySelectorAll('[role=row][data-state=ready]')].some((row) => row.textContent?.includes(email));
  const searchMs = (await painted(root, matching)) - searchStarted;
  window.momentResult = { mountMs, frames, searchMs, share };
}

/** Mount to the first row painted over `createHttpAdapter`, each request answered after `latencyMs`. */
export async function runHttpMoment(count: number, latencyMs = 50): Promise<void> {
  const handler = createMockHandler({ dialect: 'native', count, seed: 42, now: BENCH_NOW });
  // The log is generated before the clock starts; then every request waits 50 ms, as over a network.
  await handler.backend.list({ tenantId: 'acme', query: {}, page: { type: 'offset', offset: 0, limit: 1 } });
  handler.backend.setLatency(latencyMs);
  const adapter = createHttpAdapter({ baseUrl: 'http://mock.local', dialect: 'native', fetch: mockFetch(handler) });
  const root = document.getElementById('root')!;
  const started = performance.now();
  createRoot(root).render(<AuditLogs adapter={adapter} tenantId="acme" newEventsInterval={0} theme="light" />);
  window.httpFirstRowsMs = (await painted(root, () => root.querySelector('[role=row][data-state=ready]') !== null)) - started;
}
