import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import type { EventPage } from '../core/page.js';
import type { AuditQuery } from '../core/query.js';
import { useQueryScope } from './context.js';
import { auditLogsQueries, PAGE_SIZE } from './queries.js';
import { combinePages, common, pageRange, type EventWindow, type VisibleRange } from './eventWindowPages.js';

/** What offset paging knows of a query's rows: the server's total, or (without one) what the pages showed. */
interface OffsetKnowledge {
  identity: string;
  /** Rows known to exist. */
  total: number;
  /** `total` is all of them (the server said, or a short page ended the log); else more may follow. */
  exact: boolean;
  stopped?: 'repeated';
}

/**
 * What the loaded pages say when the server gives no total: a short page ends the log; a full one means more
 * may follow; a page that only repeats the one before (a server that ignores the offset) ends it too.
 */
function learnWithoutTotal(pages: number[], results: UseQueryResult<EventPage>[], known: OffsetKnowledge | undefined, identity: string): OffsetKnowledge | undefined {
  let learned = known;
  for (let i = 0; i < pages.length; i++) {
    const p = pages[i]!;
    const data = results[i]!.data;
    if (!data || learned?.exact) continue;
    const rows = data.events.length + (data.skipped?.length ?? 0);
    const before = i > 0 && pages[i - 1] === p - 1 ? results[i - 1]!.data?.events : undefined;
    const repeats = Boolean(before?.length && data.events.length && data.events.every((e) => before!.some((b) => b.id === e.id)));
    if (repeats) learned = { identity, total: p * PAGE_SIZE, exact: true, stopped: 'repeated' };
    else if (rows < PAGE_SIZE) learned = { identity, total: p * PAGE_SIZE + rows, exact: true };
    else if (!learned || learned.total < (p + 1) * PAGE_SIZE) learned = { identity, total: (p + 1) * PAGE_SIZE, exact: false };
  }
  return learned;
}

export function useOffsetPages(query: AuditQuery, range: VisibleRange, enabled: boolean, counted?: number): EventWindow {
  const scope = useQueryScope();
  const identity = JSON.stringify(query);
  // What is known of this query's rows: keeps the scrollbar steady while other pages load.
  const [stored, setKnown] = useState<OffsetKnowledge | undefined>();
  const known = stored?.identity === identity ? stored : undefined;
  // Without an exact total, one more row stands for "maybe more": scrolling to it asks for the next page.
  const rowCount = known ? known.total + (known.exact ? 0 : 1) : 0;
  const lastPage = Math.max(0, Math.ceil(rowCount / PAGE_SIZE) - 1);
  const first = Math.min(Math.floor(range.start / PAGE_SIZE), lastPage);
  const pages = enabled ? pageRange(first, Math.min(Math.floor(Math.max(range.start, range.end) / PAGE_SIZE), lastPage)) : [];
  const { results, events } = useQueries(
    { queries: pages.map((p) => auditLogsQueries.offsetPage(scope, query, p)), combine: combinePages },
    scope.queryClient,
  );
  // A page answered before its source counted every match: the total comes with the stats.
  const counting = results.some((r) => r.data?.counting) && counted === undefined;
  const latestTotal =
    results.find((r) => r.data?.total !== undefined)?.data?.total ?? (results.some((r) => r.data?.counting) ? counted : undefined);
  const next: OffsetKnowledge | undefined =
    latestTotal !== undefined ? { identity, total: latestTotal, exact: true } : learnWithoutTotal(pages, results, known, identity);
  if (next && (next.total !== known?.total || next.exact !== known?.exact || next.stopped !== known?.stopped)) setKnown(next);

  const byPage = new Map<number, UseQueryResult<EventPage>>();
  pages.forEach((p, i) => byPage.set(p, results[i]!));
  const current = next ?? known;
  const shared = common(results, events);
  return {
    mode: 'offset',
    rowCount: current ? current.total + (current.exact ? 0 : 1) : 0,
    total: current?.total,
    exact: Boolean(current?.exact && !current.stopped),
    counting: counting && !current?.exact,
    initialLoading: current === undefined && !shared.error,
    ...(current?.stopped && { pagingStopped: current.stopped }),
    row(index) {
      if (current && index >= current.total) return shared.error ? { status: 'error' } : { status: 'loading' };
      const page = byPage.get(Math.floor(index / PAGE_SIZE));
      if (!page) return { status: 'loading' };
      if (page.data) {
        const event = page.data.events[index % PAGE_SIZE];
        return event ? { status: 'ready', event } : { status: 'missing' };
      }
      return page.isError ? { status: 'error' } : { status: 'loading' };
    },
    indexOf(id) {
      for (const [p, page] of byPage) {
        const i = page.data?.events.findIndex((e) => e.id === id) ?? -1;
        if (i >= 0 && (!current || p * PAGE_SIZE + i < current.total)) return p * PAGE_SIZE + i;
      }
      return undefined;
    },
    ...shared,
  };
}
