import { useMutation } from '@tanstack/react-query';
import { useQueryScope } from './context.js';
import { auditLogsMutations } from './queries.js';

/** Deletes events of this tenant through the adapter; the rows change once the server confirms. */
export function useDeleteEvent() {
  const { queryClient, ...scope } = useQueryScope();
  return useMutation(auditLogsMutations.deleteEvent(scope, queryClient), queryClient);
}
