import { useQuery } from '@tanstack/react-query';
import type { AuditEvent } from '../core/event.js';
import type { FieldFilter } from '../core/query.js';
import { useAuditLogsEnvironment } from './context.js';
import { auditLogsKeys } from './queryKeys.js';

const LIMIT = 50;

/** Events sharing the event's correlation id or trace id (not the event itself), newest first. */
export function useRelatedEvents(event: AuditEvent, enabled: boolean) {
  const { adapter, tenantId, queryClient, scope } = useAuditLogsEnvironment();
  return useQuery(
    {
      queryKey: auditLogsKeys.related(scope, tenantId, event.id),
      enabled,
      queryFn: async ({ signal }) => {
        const filters: FieldFilter[] = [];
        if (event.correlationId) filters.push({ field: 'correlationId', op: 'eq', value: event.correlationId });
        if (event.traceId) filters.push({ field: 'traceId', op: 'eq', value: event.traceId });
        const pages = await Promise.all(
          filters.map((filter) =>
            adapter.list(
              { tenantId, query: { filters: [filter] }, page: { type: 'offset', offset: 0, limit: LIMIT } },
              { signal },
            ),
          ),
        );
        const seen = new Set([event.id]);
        const related: AuditEvent[] = [];
        for (const e of pages.flatMap((p) => p.events)) {
          if (!seen.has(e.id)) related.push(e);
          seen.add(e.id);
        }
        return related.sort((a, b) => (a.timestamp < b.timestamp ? 1 : a.timestamp > b.timestamp ? -1 : 0));
      },
    },
    queryClient,
  );
}
