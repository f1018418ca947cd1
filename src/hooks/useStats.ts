import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditQuery } from '../core/query.js';
import { useAuditLogsEnvironment } from './context.js';
import { auditLogsKeys } from './queryKeys.js';

/** Counts by severity and the histogram for a query, where the adapter has `stats`. */
export function useStats(query: AuditQuery, maxBuckets = 60) {
  const { adapter, tenantId, queryClient, scope } = useAuditLogsEnvironment();
  const stats = adapter.stats?.bind(adapter);
  return useQuery(
    {
      queryKey: [...auditLogsKeys.events(scope, tenantId, query), 'stats', maxBuckets],
      queryFn: ({ signal }) => stats!({ tenantId, query, maxBuckets }, { signal }),
      enabled: Boolean(stats) && adapter.capabilities.stats,
      staleTime: 30_000,
      // Same tenant, new filters: the old picture stays until the new one arrives (keys hold the tenant).
      placeholderData: keepPreviousData,
    },
    queryClient,
  );
}
