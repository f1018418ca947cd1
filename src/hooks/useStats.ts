import { useQuery } from '@tanstack/react-query';
import type { AuditQuery } from '../core/query.js';
import { useQueryScope } from './context.js';
import { auditLogsQueries } from './queries.js';

/** Counts by severity and the histogram for a query, where the adapter has `stats`. */
export function useStats(query: AuditQuery, maxBuckets = 60) {
  const { queryClient, ...scope } = useQueryScope();
  return useQuery(auditLogsQueries.stats(scope, query, maxBuckets), queryClient);
}

/** The server's headline counts (today, severe this week), where the adapter has `activity`. */
export function useActivity() {
  const { queryClient, ...scope } = useQueryScope();
  return useQuery(auditLogsQueries.activity(scope), queryClient);
}
