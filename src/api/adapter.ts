import type { AuditEvent, AuditEventDraft } from '../core/event.js';
import type { DataStructure } from '../core/fields.js';
import type { AuditActivity, AuditStats, EventPage, PageRequest } from '../core/page.js';
import type { AuditQuery, FilterOperator } from '../core/query.js';
import type { SavedView, SavedViewChanges, SavedViewInput } from '../core/views.js';

/** What an adapter can do; the UI hides what it cannot. */
export interface AdapterCapabilities {
  /** How `list` pages: by offset (random access, the scrollbar covers every row), by cursor, or both. */
  paging: 'offset' | 'cursor' | 'both';
  /** `list` reports how many events match. */
  total: boolean;
  /** Free-text search. */
  search: boolean;
  /** `stats` exists. */
  stats: boolean;
  /** `saveDataStructure` exists (tenant admins may add custom fields). */
  editDataStructure: boolean;
  /** `exportCsv` exists (the server writes the CSV); otherwise the UI builds it from pages. */
  serverExport: boolean;
  /** `create` exists. */
  create: boolean;
  /** `delete` exists. */
  delete: boolean;
  /** The filter operators the server understands; the UI offers only these. @default every operator */
  filterOperators?: readonly FilterOperator[];
  /** The largest page `list` answers (fullstackhero 100, the cursor logging API 500). @default 1000 */
  maxPageSize?: number;
  /** How many severities one query may ask for (fullstackhero's API takes one). @default 'many' */
  severitySelection?: 'one' | 'many';
  /** `listViews`, `createView`, `updateView` and `deleteView` exist: saved views live with the backend. @default false */
  views?: boolean;
}

/** Options every adapter call takes. */
export interface RequestOptions {
  signal?: AbortSignal;
}

export interface ListEventsRequest {
  tenantId: string;
  query: AuditQuery;
  page: PageRequest;
}

export interface EventRequest {
  tenantId: string;
  id: string;
}

export interface StatsRequest {
  tenantId: string;
  query: AuditQuery;
  /** At most this many histogram buckets. @default 60 */
  maxBuckets?: number;
}

/** Events that belong with an event: the same correlation id or trace id. */
export interface RelatedEventsRequest {
  tenantId: string;
  correlationId?: string;
  traceId?: string;
}

export interface ExportColumn {
  name: string;
  displayName: string;
}

export interface ExportRequest {
  tenantId: string;
  query: AuditQuery;
  columns: ExportColumn[];
}

/** Who asks for saved views: the tenant, and the user whose personal views and default they are. */
export interface ViewsRequest {
  tenantId: string;
  /** The user (a server should take it from the token; the HTTP adapter also sends it as `X-User-Id`). */
  userId?: string;
}

/**
 * The one interface between the component and a backend. Data is parsed and validated in the adapter;
 * everything it returns is typed and normalized. Errors are `AuditApiError`s (or an abort error when
 * the call's signal is aborted).
 */
export interface AuditLogsAdapter {
  readonly capabilities: AdapterCapabilities;
  list(request: ListEventsRequest, options?: RequestOptions): Promise<EventPage>;
  get(request: EventRequest, options?: RequestOptions): Promise<AuditEvent>;
  getDataStructure(request: { tenantId: string }, options?: RequestOptions): Promise<DataStructure>;
  stats?(request: StatsRequest, options?: RequestOptions): Promise<AuditStats>;
  /** Headline counts the server keeps, for the activity summary. */
  activity?(request: { tenantId: string }, options?: RequestOptions): Promise<AuditActivity>;
  saveDataStructure?(
    request: { tenantId: string; dataStructure: DataStructure },
    options?: RequestOptions,
  ): Promise<DataStructure>;
  /** The CSV as a stream of UTF-8 bytes, written by the server. */
  exportCsv?(request: ExportRequest, options?: RequestOptions): Promise<ReadableStream<Uint8Array>>;
  create?(request: { tenantId: string; event: AuditEventDraft }, options?: RequestOptions): Promise<AuditEvent>;
  /**
   * Events sharing a correlation or trace id, where the server has an endpoint for it; otherwise the
   * component asks `list` with those filters.
   */
  related?(request: RelatedEventsRequest, options?: RequestOptions): Promise<AuditEvent[]>;
  delete?(request: EventRequest, options?: RequestOptions): Promise<void>;
  /** The saved views this user sees: their personal ones and the tenant's, with their defaults. */
  listViews?(request: ViewsRequest, options?: RequestOptions): Promise<SavedView[]>;
  createView?(request: ViewsRequest & { view: SavedViewInput }, options?: RequestOptions): Promise<SavedView>;
  /**
   * Changes a view, if it still has the `version` read (else an `AuditApiError` of kind `conflict`). Defaults
   * are the user's own and change without a version check.
   */
  updateView?(request: ViewsRequest & { id: string; version: string; changes: SavedViewChanges }, options?: RequestOptions): Promise<SavedView>;
  deleteView?(request: ViewsRequest & { id: string }, options?: RequestOptions): Promise<void>;
}
