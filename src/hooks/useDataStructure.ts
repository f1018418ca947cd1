import { useQuery } from '@tanstack/react-query';
import { defaultDataStructure, type DataStructure } from '../core/fields.js';
import { useAuditLogsEnvironment } from './context.js';
import { auditLogsKeys } from './queryKeys.js';

const FALLBACK: DataStructure = defaultDataStructure();

/** The tenant's data structure; the built-in fields stand in while it loads or if it fails. */
export function useDataStructure(): { dataStructure: DataStructure; isLoading: boolean; error: unknown } {
  const { adapter, tenantId, queryClient, scope } = useAuditLogsEnvironment();
  const result = useQuery(
    {
      queryKey: auditLogsKeys.dataStructure(scope, tenantId),
      queryFn: ({ signal }) => adapter.getDataStructure({ tenantId }, { signal }),
      staleTime: 5 * 60_000,
    },
    queryClient,
  );
  return { dataStructure: result.data ?? FALLBACK, isLoading: result.isPending, error: result.error };
}
