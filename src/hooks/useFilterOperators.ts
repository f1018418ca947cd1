import type { FieldType } from '../core/fields.js';
import { OPERATORS_BY_TYPE, type FilterOperator } from '../core/query.js';
import { useAuditLogsEnvironment } from './context.js';

/** The operators a field of a type can use with this adapter: those fitting the type that the server understands. */
export function useFilterOperators(): (type: FieldType) => readonly FilterOperator[] {
  const { adapter } = useAuditLogsEnvironment();
  const allowed = adapter.capabilities.filterOperators;
  return (type) => (allowed ? OPERATORS_BY_TYPE[type].filter((op) => allowed.includes(op)) : OPERATORS_BY_TYPE[type]);
}
