import { useQuery } from '@tanstack/react-query';
import type { AuditQuery } from '../core/query.js';
import { useQueryScope } from './context.js';
import { auditLogsKeys, auditLogsQueries } from './queries.js';

/**
 * How many events matching `query` arrived after `since` (an ISO timestamp), asked every `intervalMs`,
 * and a way to load them. Off when `intervalMs` is 0, nothing is known yet, or the log cannot be filtered by
 * time (`byTime`).
 */
export function useNewEvents(query: AuditQuery, since: string | undefined, intervalMs: number, byTime = true) {
  const { queryClient, ...scope } = useQueryScope();
  // The check asks for events after a time: only where the log can be filtered by time.
  const enabled = intervalMs > 0 && since !== undefined && byTime && scope.adapter.capabilities.total;
  const result = useQuery(
    {
      ...auditLogsQueries.newEvents(scope, query, since ?? ''),
      enabled,
      refetchInterval: enabled ? intervalMs : false,
      refetchIntervalInBackground: false,
    },
    queryClient,
  );
  return {
    count: enabled ? (result.data ?? 0) : 0,
    /** Refetches the query's rows (the new events come in at the top). */
    load: () => void queryClient.invalidateQueries({ queryKey: auditLogsKeys.events(scope, query) }),
  };
}
