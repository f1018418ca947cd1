import { keepPreviousData, mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import type { AuditLogsAdapter } from '../api/adapter.js';
import type { DataStructure } from '../core/fields.js';
import { storedCustomFields, type DataStructureStore } from './fieldStore.js';
import type { AuditEvent } from '../core/event.js';
import type { EventPage } from '../core/page.js';
import type { AuditQuery, FieldFilter } from '../core/query.js';

/** Who asks: the instance, the adapter (by identity) and the tenant. Every key starts with these. */
export interface QueryScope {
  adapter: AuditLogsAdapter;
  /** Distinguishes this adapter object from any other this instance was given. */
  adapterKey: string;
  /** Distinguishes this instance's entries from another instance's on a shared client. */
  scope: string;
  tenantId: string;
}

/** Events per request. */
export const PAGE_SIZE = 100;
/** How long a page nobody looks at stays cached. */
const PAGE_GC_MS = 20_000;
const EVENTS_STALE_MS = 30_000;
const RELATED_LIMIT = 50;

/**
 * Retries are the adapter's business: the HTTP client retries what is worth retrying and honours
 * Retry-After, so a query never retries on top (that stacked to nine requests and six seconds before an
 * error showed). A host's QueryClient defaults do not apply either.
 */
const NO_RETRY = { retry: false } as const;

/** Cache keys: the library's name, then instance, adapter and tenant, so nothing mixes. */
export const auditLogsKeys = {
  all: (s: QueryScope) => ['react-audit-logs', s.scope, s.adapterKey, s.tenantId] as const,
  dataStructure: (s: QueryScope) => [...auditLogsKeys.all(s), 'data-structure'] as const,
  events: (s: QueryScope, query: AuditQuery) => [...auditLogsKeys.all(s), 'events', query] as const,
  event: (s: QueryScope, id: string) => [...auditLogsKeys.all(s), 'event', id] as const,
};

/**
 * Every query the component runs, as TanStack Query option factories: keys, stale times and retry
 * decided here, once. Hooks pass these to `useQuery` and friends; nothing else builds a key.
 */
export const auditLogsQueries = {
  dataStructure: (s: QueryScope) =>
    queryOptions({
      queryKey: auditLogsKeys.dataStructure(s),
      queryFn: ({ signal }) => s.adapter.getDataStructure({ tenantId: s.tenantId }, { signal }),
      staleTime: 5 * 60_000,
      ...NO_RETRY,
    }),

  offsetPage: (s: QueryScope, query: AuditQuery, pageIndex: number) =>
    queryOptions({
      queryKey: [...auditLogsKeys.events(s, query), 'offset', PAGE_SIZE, pageIndex] as const,
      queryFn: ({ signal }) =>
        s.adapter.list(
          { tenantId: s.tenantId, query, page: { type: 'offset', offset: pageIndex * PAGE_SIZE, limit: PAGE_SIZE } },
          { signal },
        ),
      staleTime: EVENTS_STALE_MS,
      gcTime: PAGE_GC_MS,
      ...NO_RETRY,
    }),

  /** One cursor page: the key holds the cursor, so each page is its own entry (released when unused). */
  cursorPage: (s: QueryScope, query: AuditQuery, cursor: string | null) =>
    queryOptions({
      queryKey: [...auditLogsKeys.events(s, query), 'cursor', PAGE_SIZE, cursor] as const,
      queryFn: ({ signal }): Promise<EventPage> =>
        s.adapter.list({ tenantId: s.tenantId, query, page: { type: 'cursor', cursor, limit: PAGE_SIZE } }, { signal }),
      staleTime: EVENTS_STALE_MS,
      gcTime: PAGE_GC_MS,
      ...NO_RETRY,
    }),

  stats: (s: QueryScope, query: AuditQuery, maxBuckets: number) =>
    queryOptions({
      queryKey: [...auditLogsKeys.events(s, query), 'stats', maxBuckets] as const,
      queryFn: ({ signal }) => s.adapter.stats!({ tenantId: s.tenantId, query, maxBuckets }, { signal }),
      enabled: Boolean(s.adapter.stats) && s.adapter.capabilities.stats,
      staleTime: EVENTS_STALE_MS,
      // Same tenant, new filters: the old picture stays until the new one arrives (keys hold the tenant).
      placeholderData: keepPreviousData,
      ...NO_RETRY,
    }),

  /** The server's headline counts, where it keeps them. */
  activity: (s: QueryScope) =>
    queryOptions({
      queryKey: [...auditLogsKeys.all(s), 'activity'] as const,
      queryFn: ({ signal }) => s.adapter.activity!({ tenantId: s.tenantId }, { signal }),
      enabled: Boolean(s.adapter.activity),
      staleTime: EVENTS_STALE_MS,
      ...NO_RETRY,
    }),

  /** How many events matching `query` are newer than `since` (an ISO timestamp). */
  newEvents: (s: QueryScope, query: AuditQuery, since: string) =>
    queryOptions({
      queryKey: [...auditLogsKeys.events(s, query), 'newer-than', since] as const,
      queryFn: async ({ signal }) => {
        // "after" includes its bound, so ask from one millisecond past the newest event shown.
        const from = new Date(Date.parse(since) + 1).toISOString();
        const newer: AuditQuery = { ...query, filters: [...(query.filters ?? []), { field: 'timestamp', op: 'after', value: from }] };
        const page = await s.adapter.list(
          { tenantId: s.tenantId, query: newer, page: { type: 'offset', offset: 0, limit: 1 } },
          { signal },
        );
        // A server that ignored the filter (it sent events no newer than the newest shown) has told us
        // nothing: never claim its whole log as new.
        if (page.events.some((e) => e.timestamp <= since)) return 0;
        // A source still counting gives the number with the stats of the same query.
        if (page.total === undefined && page.counting && s.adapter.stats) {
          return (await s.adapter.stats({ tenantId: s.tenantId, query: newer, maxBuckets: 1 }, { signal })).total;
        }
        return page.total ?? page.events.length;
      },
      staleTime: 0,
      ...NO_RETRY,
    }),

  /** One event by id, for a selection the loaded rows do not hold. */
  event: (s: QueryScope, id: string) =>
    queryOptions({
      queryKey: auditLogsKeys.event(s, id),
      queryFn: ({ signal }) => s.adapter.get({ tenantId: s.tenantId, id }, { signal }),
      staleTime: EVENTS_STALE_MS,
      ...NO_RETRY,
    }),

  /** Events sharing the event's correlation id or trace id (not the event itself), newest first. */
  related: (s: QueryScope, event: AuditEvent) =>
    queryOptions({
      queryKey: [...auditLogsKeys.all(s), 'related', event.id] as const,
      queryFn: async ({ signal }) => {
        const { correlationId, traceId } = event;
        let found: AuditEvent[];
        if (s.adapter.related) {
          found = await s.adapter.related({ tenantId: s.tenantId, correlationId, traceId }, { signal });
        } else {
          const filters: FieldFilter[] = [];
          if (correlationId) filters.push({ field: 'correlationId', op: 'eq', value: correlationId });
          if (traceId) filters.push({ field: 'traceId', op: 'eq', value: traceId });
          const page = { type: 'offset', offset: 0, limit: RELATED_LIMIT } as const;
          const pages = await Promise.all(
            filters.map((filter) => s.adapter.list({ tenantId: s.tenantId, query: { filters: [filter] }, page }, { signal })),
          );
          found = pages.flatMap((p) => p.events);
        }
        const seen = new Set([event.id]);
        const related: AuditEvent[] = [];
        for (const e of found) {
          if (!seen.has(e.id)) related.push(e);
          seen.add(e.id);
        }
        return related.sort((a, b) => (a.timestamp < b.timestamp ? 1 : a.timestamp > b.timestamp ? -1 : 0));
      },
      ...NO_RETRY,
    }),
};

/** Where the tenant's custom fields are saved: by the adapter, in the host's store, or in this browser. */
export interface FieldHome {
  where: 'adapter' | 'host' | 'browser';
  store: DataStructureStore;
}

const storedFieldsKey = (s: QueryScope, home: FieldHome) => [...auditLogsKeys.all(s), 'stored-fields', home.where] as const;

/** The custom fields a store keeps for the tenant (not asked when the adapter keeps them). */
export const storedFieldsOptions = (s: QueryScope, home: FieldHome) =>
  queryOptions({
    queryKey: storedFieldsKey(s, home),
    queryFn: async () => storedCustomFields(await home.store.load(s.tenantId)),
    enabled: home.where !== 'adapter',
    staleTime: Infinity,
    ...NO_RETRY,
  });

/** Every change the component makes, as mutation option factories (the same keys and policy as queries). */
export const auditLogsMutations = {
  /**
   * Saves the tenant's data structure where its custom fields live. The change shows at once and is rolled
   * back if the save fails; the saved answer replaces it.
   */
  saveDataStructure: (s: QueryScope, queryClient: QueryClient, home: FieldHome) => {
    const key = home.where === 'adapter' ? auditLogsKeys.dataStructure(s) : storedFieldsKey(s, home);
    const cached = (structure: DataStructure) =>
      home.where === 'adapter' ? structure : structure.fields.filter((f) => f.custom);
    return mutationOptions({
      mutationKey: [...auditLogsKeys.all(s), 'save-data-structure'] as const,
      mutationFn: async (structure: DataStructure) => {
        if (home.where === 'adapter') return s.adapter.saveDataStructure!({ tenantId: s.tenantId, dataStructure: structure });
        await home.store.save(s.tenantId, { fields: structure.fields.filter((f) => f.custom) });
        return structure;
      },
      onMutate: async (structure) => {
        await queryClient.cancelQueries({ queryKey: key });
        const previous = queryClient.getQueryData(key);
        queryClient.setQueryData(key, cached(structure));
        return { previous };
      },
      onError: (_error, _structure, context) => queryClient.setQueryData(key, context?.previous),
      onSuccess: (saved) => queryClient.setQueryData(key, cached(saved)),
      retry: false,
    });
  },

  /**
   * Deletes an event (the tenant goes with the request). Nothing changes in the cache until the server
   * confirms; then the rows, counts and that event are fetched again, and only then does it resolve.
   */
  deleteEvent: (s: QueryScope, queryClient: QueryClient) =>
    mutationOptions({
      mutationKey: [...auditLogsKeys.all(s), 'delete'] as const,
      mutationFn: (id: string) => s.adapter.delete!({ tenantId: s.tenantId, id }),
      onSuccess: async (_result, id) => {
        queryClient.removeQueries({ queryKey: auditLogsKeys.event(s, id) });
        await queryClient.invalidateQueries({ queryKey: [...auditLogsKeys.all(s), 'events'] });
      },
      retry: false,
    }),
};
