import { useMutation } from '@tanstack/react-query';
import { useAuditLogsEnvironment, useQueryScope } from './context.js';
import { auditLogsMutations } from './queries.js';

/** Saves the tenant's data structure where its custom fields live (adapter, host store, this browser). */
export function useSaveDataStructure() {
  const { queryClient, ...scope } = useQueryScope();
  const { fieldHome } = useAuditLogsEnvironment();
  return useMutation(auditLogsMutations.saveDataStructure(scope, queryClient, fieldHome), queryClient);
}
