// react-audit-logs/server: the native protocol on a real database, for hosts with no audit-log API. Node ≥ 20.19,
// no React. See README "A backend: react-audit-logs/server".
export { createAuditLogsHandler } from './handler.js';
export type { AuditLogsAuth, AuditLogsHandlerOptions } from './handler.js';
export { pgliteStore, postgresStore } from './stores.js';
export type { PgliteStoreOptions, PgPoolLike, PostgresStoreOptions } from './stores.js';
export type { AuditLogStore, RecordInput, RecordSkipped, StoreOptions } from './store.js';
export type { SqlClient } from './sql.js';
export { clickhouseStore } from './clickhouseStore.js';
export type { ClickHouseClientLike, ClickHouseStoreOptions } from './clickhouseStore.js';
export { nodeListener } from './node.js';
