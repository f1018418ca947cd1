import type { AuditQuery } from '../core/query.js';

/** Cache keys: the library's name first, then the instance scope and tenant, so nothing mixes. */
export const auditLogsKeys = {
  all: (scope: string, tenantId: string) => ['react-audit-logs', scope, tenantId] as const,
  dataStructure: (scope: string, tenantId: string) => [...auditLogsKeys.all(scope, tenantId), 'data-structure'] as const,
  events: (scope: string, tenantId: string, query: AuditQuery) =>
    [...auditLogsKeys.all(scope, tenantId), 'events', query] as const,
  offsetPage: (scope: string, tenantId: string, query: AuditQuery, pageIndex: number, pageSize: number) =>
    [...auditLogsKeys.events(scope, tenantId, query), 'offset', pageSize, pageIndex] as const,
  cursorPages: (scope: string, tenantId: string, query: AuditQuery, pageSize: number) =>
    [...auditLogsKeys.events(scope, tenantId, query), 'cursor', pageSize] as const,
  related: (scope: string, tenantId: string, eventId: string) =>
    [...auditLogsKeys.all(scope, tenantId), 'related', eventId] as const,
};
