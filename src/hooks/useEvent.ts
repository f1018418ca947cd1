import { useQuery } from '@tanstack/react-query';
import type { AuditEvent } from '../core/event.js';
import { useQueryScope } from './context.js';
import { auditLogsQueries } from './queries.js';

/**
 * The event with this id: the loaded row's copy when there is one (`loaded`), else asked of the adapter
 * (a selection from a link, or a row scrolled far out of view).
 */
export function useEvent(id: string | null, loaded: AuditEvent | undefined) {
  const { queryClient, ...scope } = useQueryScope();
  const result = useQuery({ ...auditLogsQueries.event(scope, id ?? ''), enabled: id !== null && !loaded }, queryClient);
  return { event: loaded ?? result.data, error: loaded ? null : result.error, isLoading: !loaded && result.isPending };
}
