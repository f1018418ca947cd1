// The main entry: what a host needs to show, shape and feed the viewer. Each name is documented in README;
// the API report (api/react-audit-logs.api.md) pins it.

// Components and hooks
export { AuditLogs } from './components/root/AuditLogs.js';
export type {
  AuditLogsClassNames,
  AuditLogsPart,
  AuditLogsParts,
  AuditLogsProps,
  AuditLogsRootComponent,
  AuditLogsRootProps,
} from './components/root/AuditLogs.js';
export type { AuditLogsPermissions } from './hooks/context.js';
export { useAuditLogs } from './hooks/instance.js';
export type { AuditLogsState } from './hooks/instance.js';
export type { AuditLogsExport, ExportState, ExportTarget } from './hooks/useAuditLogsExport.js';
export type { ExportFormat, ExportProgress } from './api/exportRunner.js';
export { useAuditQueryUrl } from './hooks/useAuditQueryUrl.js';
export type { AuditQueryUrlOptions } from './hooks/useAuditQueryUrl.js';
export { SeverityBadge } from './components/shared/SeverityBadge.js';
export type { SeverityBadgeProps } from './components/shared/SeverityBadge.js';
export type { DataStructureStore } from './hooks/fieldStore.js';
export { DEFAULT_MESSAGES, createDefaultMessages } from './core/messages.js';
export type { AuditLogsMessages, FilterProblemMessages } from './core/messages.js';
export type { ColumnLayout, ResolvedColumns } from './core/columnLayout.js';
export type { ViewsMessages } from './core/viewMessages.js';

// Saved views
export type { ViewsChange } from './hooks/props.js';
export type { ViewStore } from './hooks/viewStore.js';

export type { StoredView, ViewBookData } from './core/viewBook.js';
export { VIEW_NAME_MAX, VIEW_SCHEMA_VERSION } from './core/views.js';
export type { SavedView, SavedViewChanges, SavedViewInput, ViewScope, ViewState } from './core/views.js';
export { viewLinkFromSearchParams, viewLinkToSearchParams } from './core/queryUrl.js';

// Adapters
export type {
  AdapterCapabilities,
  AuditLogsAdapter,
  EventRequest,
  ExportColumn,
  ExportRequest,
  ListEventsRequest,
  RequestOptions,
  RelatedEventsRequest,
  StatsRequest,
  ViewsRequest,
} from './api/adapter.js';
export { AuditApiError, ExportError, isAuditApiError } from './api/errors.js';
export type { AuditApiErrorKind, AuditApiErrorOptions } from './api/errors.js';
export { createHttpAdapter } from './api/http/createHttpAdapter.js';
export type { HttpAdapterOptions, HttpDialect } from './api/http/createHttpAdapter.js';
export { defineDialect } from './api/http/defineDialect.js';
export type { DialectDefinition, DialectPage, DialectQuerySupport, DialectRequest } from './api/http/defineDialect.js';
export type { Dialect as AuditLogsDialect } from './api/http/dialects/shared.js';
export type { GetToken, HttpClient, HttpClientOptions, HttpRequest, JsonRead, JsonReader } from './api/http/client.js';
export { createMemoryAdapter } from './memory/createMemoryAdapter.js';
export type { MemoryAdapter, MemoryAdapterOptions } from './memory/createMemoryAdapter.js';
export type { EventPath, EventPaths } from './memory/eventPaths.js';
export type { IngestSkippedEvent } from './memory/store.js';

// Event model
export { AuditEventError, normalizeAuditEvent, safeNormalizeAuditEvent } from './core/event.js';
export type { SeverityCache } from './core/eventCheck.js';
export type {
  AuditActor,
  AuditEvent,
  AuditEventDraft,
  AuditEventInput,
  EntityChange,
  JsonValue,
  NormalizeResult,
} from './core/event.js';
export { SEVERITY_LEVELS, normalizeSeverity } from './core/severity.js';
export type { NormalizedSeverity, SeverityLevel } from './core/severity.js';
export { TRUNCATED_MARK } from './core/depth.js';

// Data structure
export { BUILT_IN_FIELDS, DataStructureError, FIELD_TYPES, defaultDataStructure, getFieldValue, parseDataStructure } from './core/fields.js';
export type { DataStructure, FieldDefinition, FieldDefinitionInput, FieldType } from './core/fields.js';

// Queries
export {
  AuditQueryError,
  DEFAULT_SORT,
  FILTER_OPERATORS,
  TIME_PRESETS,
  parseAuditQuery,
  resolveTimeRange,
} from './core/query.js';
export type { AuditQuery, AuditSort, FieldFilter, FilterOperator, TimePreset, TimeRange } from './core/query.js';
export { queryFromSearchParams, queryToSearchParams } from './core/queryUrl.js';
export type { QueryUrlOptions } from './core/queryUrl.js';
export { MAX_PAGE_SIZE } from './core/page.js';
export type {
  AuditActivity,
  AuditHistogram,
  AuditStats,
  EventPage,
  HistogramBucket,
  PageRequest,
  SeverityCount,
  SkippedEvent,
} from './core/page.js';
