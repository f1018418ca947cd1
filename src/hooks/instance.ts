import { createContext, useContext, type ErrorInfo } from 'react';
import type { ResolvedColumns } from '../core/columnLayout.js';
import type { FieldDefinition } from '../core/fields.js';
import type { AuditQuery } from '../core/query.js';
import type { ExportTarget } from './useAuditLogsExport.js';

/**
 * The state of one viewer that its parts share: the query, the open event, the fields and columns, and what
 * the preset parts (toolbar, table) are rendered with. One per `<AuditLogs.Root>`; never module-level.
 */
export interface AuditLogsInstance {
  /** The query in effect (parts a data structure cannot run are left out). */
  query: AuditQuery;
  setQuery: (query: AuditQuery) => void;
  /** The id of the event whose details are open, or null. */
  selectedEventId: string | null;
  setSelectedEventId: (id: string | null) => void;
  /** The tenant's fields (the built-in ones while its data structure loads). */
  fields: readonly FieldDefinition[];
  /** The user's columns. */
  columns: ResolvedColumns;
  exportTarget: ExportTarget | undefined;
  /** Where `AuditLogs.Details` shows the open event (null: the table opens it as a dialog). */
  setDetailsHost: (element: HTMLElement | null) => void;
  /** The root's theme, for a part placed outside the root's element. */
  theme: 'light' | 'dark' | 'system';
  onError: ((error: unknown, info: ErrorInfo) => void) | undefined;
  /** Props of the preset parts, built once by the root. */
  toolbar: unknown;
  table: unknown;
}

export const AuditLogsInstanceContext = createContext<AuditLogsInstance | null>(null);

/** The instance the parts of one root share; a clear error outside `<AuditLogs.Root>`. */
export function useAuditLogsInstance(): AuditLogsInstance {
  const instance = useContext(AuditLogsInstanceContext);
  if (!instance) throw new Error('react-audit-logs: this part must be rendered inside <AuditLogs.Root> (or <AuditLogs />).');
  return instance;
}

/** What a host's own parts read and change inside `<AuditLogs.Root>`: the query, the open event, the fields. */
export type AuditLogsState = Pick<AuditLogsInstance, 'query' | 'setQuery' | 'selectedEventId' | 'setSelectedEventId' | 'fields'>;

/** The viewer's state, for a host's own controls inside `<AuditLogs.Root>`. */
export function useAuditLogs(): AuditLogsState {
  const { query, setQuery, selectedEventId, setSelectedEventId, fields } = useAuditLogsInstance();
  return { query, setQuery, selectedEventId, setSelectedEventId, fields };
}
