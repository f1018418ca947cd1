import { useQuery } from '@tanstack/react-query';
import type { AuditEvent } from '../core/event.js';
import { useQueryScope } from './context.js';
import { auditLogsQueries } from './queries.js';

/** Events sharing the event's correlation id or trace id (not the event itself), newest first. */
export function useRelatedEvents(event: AuditEvent, enabled: boolean) {
  const { queryClient, ...scope } = useQueryScope();
  return useQuery({ ...auditLogsQueries.related(scope, event), enabled }, queryClient);
}
