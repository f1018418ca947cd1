import { useQuery } from '@tanstack/react-query';
import { overlayDataStructure, type DataStructure, type FieldDefinitionInput } from '../core/fields.js';
import { useAuditLogsEnvironment, useQueryScope } from './context.js';
import { withStoredFields } from './fieldStore.js';
import { auditLogsQueries, storedFieldsOptions } from './queries.js';

/** The tenant's data structure, as known: nothing stands in for it while it loads or after it failed. */
export type DataStructureState =
  | { status: 'pending'; dataStructure: undefined; error: null; retry: () => void }
  | { status: 'error'; dataStructure: undefined; error: unknown; retry: () => void }
  | { status: 'success'; dataStructure: DataStructure; error: null; retry: () => void };

/**
 * The tenant's data structure. "Unknown" is never treated as "the default structure": a save built on
 * a stand-in would wipe the tenant's custom fields.
 */
export function useDataStructure(vendorFields?: { fields: readonly FieldDefinitionInput[] }): DataStructureState {
  const { queryClient, ...scope } = useQueryScope();
  const { fieldHome } = useAuditLogsEnvironment();
  const result = useQuery(auditLogsQueries.dataStructure(scope), queryClient);
  // Custom fields kept outside the adapter (the host's store, this browser), merged in.
  const stored = useQuery(storedFieldsOptions(scope, fieldHome), queryClient);
  const retry = () => {
    if (result.isError) void result.refetch();
    if (stored.isError) void stored.refetch();
  };
  if (result.isError || stored.isError) {
    return { status: 'error', dataStructure: undefined, error: result.error ?? stored.error, retry };
  }
  if (result.data && (fieldHome.where === 'adapter' || stored.data)) {
    // Vendor layer (server + the host's static configuration), then the tenant's custom fields.
    const vendor = overlayDataStructure(result.data, vendorFields);
    const structure = fieldHome.where === 'adapter' ? vendor : withStoredFields(vendor, stored.data ?? []);
    return { status: 'success', dataStructure: structure, error: null, retry };
  }
  return { status: 'pending', dataStructure: undefined, error: null, retry };
}
