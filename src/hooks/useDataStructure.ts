import { useQuery } from '@tanstack/react-query';
import type { DataStructure } from '../core/fields.js';
import { useQueryScope } from './context.js';
import { auditLogsQueries } from './queries.js';

/** The tenant's data structure, as known: nothing stands in for it while it loads or after it failed. */
export type DataStructureState =
  | { status: 'pending'; dataStructure: undefined; error: null; retry: () => void }
  | { status: 'error'; dataStructure: undefined; error: unknown; retry: () => void }
  | { status: 'success'; dataStructure: DataStructure; error: null; retry: () => void };

/**
 * The tenant's data structure. "Unknown" is never treated as "the default structure": a save built on
 * a stand-in would wipe the tenant's custom fields.
 */
export function useDataStructure(): DataStructureState {
  const { queryClient, ...scope } = useQueryScope();
  const result = useQuery(auditLogsQueries.dataStructure(scope), queryClient);
  const retry = () => void result.refetch();
  if (result.data) return { status: 'success', dataStructure: result.data, error: null, retry };
  if (result.isError) return { status: 'error', dataStructure: undefined, error: result.error, retry };
  return { status: 'pending', dataStructure: undefined, error: null, retry };
}
