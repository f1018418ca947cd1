import { useQuery } from '@tanstack/react-query';
import type { AuditQuery } from '../core/query.js';
import { useAuditLogsEnvironment } from './context.js';
import { auditLogsKeys } from './queryKeys.js';

/**
 * How many events matching `query` arrived after `since` (an ISO timestamp), asked every `intervalMs`.
 * Off when `intervalMs` is 0 or nothing is known yet.
 */
export function useNewEvents(query: AuditQuery, since: string | undefined, intervalMs: number): number {
  const { adapter, tenantId, queryClient, scope } = useAuditLogsEnvironment();
  const enabled = intervalMs > 0 && since !== undefined && adapter.capabilities.total;
  const result = useQuery(
    {
      queryKey: [...auditLogsKeys.events(scope, tenantId, query), 'newer-than', since],
      queryFn: async ({ signal }) => {
        // "after" includes its bound, so ask from one millisecond past the newest event shown.
        const from = new Date(Date.parse(since!) + 1).toISOString();
        const newer: AuditQuery = {
          ...query,
          filters: [...(query.filters ?? []), { field: 'timestamp', op: 'after', value: from }],
        };
        const page = await adapter.list(
          { tenantId, query: newer, page: { type: 'offset', offset: 0, limit: 1 } },
          { signal },
        );
        return page.total ?? page.events.length;
      },
      enabled,
      refetchInterval: enabled ? intervalMs : false,
      refetchIntervalInBackground: false,
      staleTime: 0,
    },
    queryClient,
  );
  return enabled ? (result.data ?? 0) : 0;
}
