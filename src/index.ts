// Components
export { AuditLogs } from './components/AuditLogs.js';
export type { AuditLogsClassNames, AuditLogsProps, AuditLogsRootProps } from './components/AuditLogs.js';
export type { AuditLogsPermissions } from './hooks/context.js';
export { useAuditQueryUrl } from './hooks/useAuditQueryUrl.js';
export { useAuditLogsExport } from './hooks/useAuditLogsExport.js';
export type { AuditLogsExport, ExportState, ExportTarget } from './hooks/useAuditLogsExport.js';
export { useAuditLogs } from './hooks/instance.js';
export type { AuditLogsState } from './hooks/instance.js';
export { ExportError, blobSink, runExport, writableSink } from './api/exportRunner.js';
export type { ExportFormat, ExportProgress, ExportRequestOptions, ExportResult, ExportSink } from './api/exportRunner.js';
export type { AuditQueryUrlOptions } from './hooks/useAuditQueryUrl.js';
export { SeverityBadge } from './components/SeverityBadge.js';
export type { SeverityBadgeProps } from './components/SeverityBadge.js';

// Adapters
export type {
  AdapterCapabilities,
  AuditLogsAdapter,
  EventRequest,
  ExportColumn,
  ExportRequest,
  ListEventsRequest,
  RequestOptions,
  StatsRequest,
} from './api/adapter.js';
export { AuditApiError, isAuditApiError } from './api/errors.js';
export { createHttpAdapter } from './api/http/createHttpAdapter.js';
export type { HttpAdapterOptions, HttpDialect } from './api/http/createHttpAdapter.js';
export { defineDialect } from './api/http/defineDialect.js';
export type { DialectDefinition, DialectPage, DialectQuerySupport, DialectRequest } from './api/http/defineDialect.js';
export type { Dialect as AuditLogsDialect } from './api/http/dialects/shared.js';
export type { GetToken } from './api/http/client.js';
export type { AuditApiErrorKind, AuditApiErrorOptions } from './api/errors.js';

// Event model
export {
  AuditActorSchema,
  AuditEventError,
  AuditEventInputSchema,
  AuditEventSchema,
  EntityChangeSchema,
  normalizeAuditEvent,
  safeNormalizeAuditEvent,
} from './core/event.js';
export type {
  AuditActor,
  AuditEvent,
  AuditEventDraft,
  AuditEventInput,
  EntityChange,
  JsonValue,
  NormalizeResult,
} from './core/event.js';
export {
  SEVERITY_LEVELS,
  SEVERITY_RANK,
  normalizeSeverity,
  severityLevelOfRank,
} from './core/severity.js';
export type { NormalizedSeverity, SeverityLevel } from './core/severity.js';

// Data structure
export {
  BUILT_IN_FIELDS,
  DataStructureError,
  FIELD_NAME_PATTERN,
  FIELD_TYPES,
  FieldDefinitionSchema,
  defaultDataStructure,
  getFieldValue,
  isBuiltInField,
  overlayDataStructure,
  parseDataStructure,
} from './core/fields.js';
export type { DataStructure, FieldDefinition, FieldDefinitionInput, FieldType } from './core/fields.js';

// Queries
export {
  AuditQueryError,
  AuditQuerySchema,
  DEFAULT_SORT,
  FILTER_OPERATORS,
  OPERATORS_BY_TYPE,
  TIME_PRESETS,
  parseAuditQuery,
  resolveTimeRange,
} from './core/query.js';
export type { AuditQuery, AuditSort, FieldFilter, FilterOperator, TimePreset, TimeRange } from './core/query.js';
export { queryFromSearchParams, queryToSearchParams } from './core/queryUrl.js';
export type { QueryUrlOptions } from './core/queryUrl.js';
export { MAX_PAGE_SIZE } from './core/page.js';
export type {
  AuditHistogram,
  AuditStats,
  EventPage,
  HistogramBucket,
  PageRequest,
  SeverityCount,
  SkippedEvent,
} from './core/page.js';
export { createMemoryAdapter } from './memory/createMemoryAdapter.js';
export type { MemoryAdapter, MemoryAdapterOptions } from './memory/createMemoryAdapter.js';
export type { IngestSkippedEvent } from './memory/store.js';
export { MAX_DEPTH, TRUNCATED_MARK } from './core/depth.js';
export { DEFAULT_PERMISSIONS, resolveAbilities } from './core/abilities.js';
export { columnLayoutStorageKey, parseColumnLayout, resolveColumns, toColumnLayout } from './core/columnLayout.js';
export type { ColumnLayout, ResolvedColumns } from './core/columnLayout.js';
export { CUSTOM_FIELD_TYPES, RESERVED_FIELD_NAMES, fieldFormSchema, toFieldDefinition } from './core/fieldForm.js';
export type { CustomFieldType, FieldFormValues } from './core/fieldForm.js';
export type { DataStructureStore } from './hooks/fieldStore.js';
export type { Abilities } from './core/abilities.js';
export { CSV_BOM, EXCEL_MAX_ROWS, MAX_CELL_CHARS, csvCell, csvLine, eventCsvLine, exportFileName, jsonLine } from './core/csv.js';
export type { CsvColumn } from './core/csv.js';
export { DEFAULT_MESSAGES, createDefaultMessages } from './core/messages.js';
export type { AuditLogsMessages } from './core/messages.js';
export { sanitizeQuery, describeFilter, describeTimeRange } from './core/queryEdit.js';
