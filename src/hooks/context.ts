import type { QueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import type { AuditLogsAdapter } from '../api/adapter.js';
import type { Formatter } from '../core/format.js';
import type { AuditLogsMessages } from '../core/messages.js';
import type { Abilities } from '../core/abilities.js';
import type { FieldHome, QueryScope } from './queries.js';
import type { ViewsHome } from './viewStore.js';

/** What the tenant's admin may do; the UI hides the rest. */
export interface AuditLogsPermissions {
  /** Add and edit custom fields. @default false */
  manageFields?: boolean;
  /** Download CSV. @default true */
  export?: boolean;
  /** Delete events (where the adapter can). @default false */
  delete?: boolean;
  /** Share views with the tenant, set the tenant's default, rename and delete tenant views. @default false */
  manageViews?: boolean;
}

/** Everything one `<AuditLogs />` instance shares with its parts. One per instance; never module-level. */
export interface AuditLogsEnvironment {
  adapter: AuditLogsAdapter;
  tenantId: string;
  queryClient: QueryClient;
  /** Distinguishes this instance's cache entries from another instance's on a shared client. */
  scope: string;
  /** Distinguishes the current adapter object from others this instance had: a new adapter, a new cache. */
  adapterKey: string;
  messages: AuditLogsMessages;
  formatter: Formatter;
  permissions: Required<AuditLogsPermissions>;
  /** What the UI may offer: the adapter's capabilities and the host's permissions together. */
  abilities: Abilities;
  /** Where the tenant's custom fields are saved. */
  fieldHome: FieldHome;
  /** Where saved views live. */
  viewsHome: ViewsHome;
  /** The user whose personal views and defaults these are. */
  userId: string | undefined;
}

export const AuditLogsContext = createContext<AuditLogsEnvironment | null>(null);

export function useAuditLogsEnvironment(): AuditLogsEnvironment {
  const env = useContext(AuditLogsContext);
  if (!env) throw new Error('react-audit-logs: this part must be rendered inside <AuditLogs />.');
  return env;
}

/** The query scope of the instance (see `auditLogsQueries`), with the client to run queries on. */
export function useQueryScope(): QueryScope & { queryClient: QueryClient } {
  const { adapter, adapterKey, scope, tenantId, queryClient } = useAuditLogsEnvironment();
  return { adapter, adapterKey, scope, tenantId, queryClient };
}
