import type {
  AdapterCapabilities,
  AuditLogsAdapter,
  EventRequest,
  ExportRequest,
  ListEventsRequest,
  RequestOptions,
  StatsRequest,
} from '../api/adapter.js';
import { AuditApiError } from '../api/errors.js';
import { AuditEventError, safeNormalizeAuditEvent, type AuditEventDraft, type AuditEventInput } from '../core/event.js';
import {
  DataStructureError,
  defaultDataStructure,
  parseDataStructure,
  type DataStructure,
  type FieldDefinitionInput,
} from '../core/fields.js';
import type { EventPage } from '../core/page.js';
import { AuditQueryError, parseAuditQuery, type AuditQuery } from '../core/query.js';
import { AuditQueryEngine } from './engine.js';
import { csvStream } from './exportStream.js';
import { compileEventPaths, type EventPaths } from './eventPaths.js';
import { ingestEvents } from './ingest.js';
import { afterPaint, nextTask, prepareWhenIdle, sliceBudget } from './idle.js';
import { EventStore, type IngestSkippedEvent } from './store.js';
import { memoryViewBooks, viewMethods, type ViewBookStore } from './viewMethods.js';

/** The adapter methods, by name (for hooks that run before each call). */
export type AdapterMethod =
  | 'list'
  | 'get'
  | 'stats'
  | 'getDataStructure'
  | 'saveDataStructure'
  | 'exportCsv'
  | 'create'
  | 'delete'
  | 'listViews'
  | 'createView'
  | 'updateView'
  | 'deleteView';

export interface MemoryAdapterOptions {
  /** The tenant of events that name none. */
  tenantId?: string;
  /** Custom fields every tenant's data structure starts with. */
  fields?: readonly FieldDefinitionInput[];
  /** The clock time presets resolve against. @default Date.now */
  now?: number | (() => number);
  /** Which paging to offer; `'cursor'` also hides totals, like a cursor-only backend. @default 'both' */
  paging?: 'offset' | 'cursor' | 'both';
  /**
   * Answer a page as soon as its rows are found, and count the rest afterwards (the page says `counting`,
   * `stats` gives the total, in slices that leave the page responsive). A search through a million events then
   * shows its first rows as fast as through a thousand. `false` gives every page its exact total (what a
   * server speaking the native protocol needs). @default true
   */
  countLater?: boolean;
  /**
   * For events shaped otherwise than `AuditEventInput`: where each part is in the host's objects
   * (`{ 'actor.email': 'user', 'fields.region': 'region', tenantId: null }`). The adapter reads the host's array
   * as it is, so a host need not copy every event into our shape first. See `EventPaths`.
   */
  paths?: EventPaths;
}

/** An adapter over events held in the browser, plus what happened to the ones it could not read. */
export interface MemoryAdapter extends Required<Omit<AuditLogsAdapter, 'related' | 'activity'>> {
  /**
   * Events left out (malformed, or a repeated id), each with its position in the array and the reason.
   * Reading it finishes checking every event first (which otherwise happens while the page is idle).
   */
  readonly skipped: readonly IngestSkippedEvent[];
}

/** How the adapter gets a tenant's events, and what runs before each call (the mock's latency and faults). */
export interface StoreAdapterOptions extends MemoryAdapterOptions {
  load(tenantId: string): EventStore;
  enter?(method: AdapterMethod, signal?: AbortSignal): Promise<void>;
  /** Ids for created events that have none. */
  newId(): string;
  /** Events skipped at intake. */
  skipped?: readonly IngestSkippedEvent[];
  /** Every store there is (for `skipped`). @default the stores loaded so far */
  stores?: () => Iterable<EventStore>;
  /**
   * Tenants kept loaded at once; past it the least recently used is dropped (and loaded anew if asked for
   * again). For stores made on demand, such as generated logs for any tenant id. @default no limit
   */
  maxTenants?: number;
  /** Where each tenant's saved views are kept. @default memory */
  views?: ViewBookStore;
}

interface TenantState {
  engine: AuditQueryEngine;
  dataStructure: DataStructure;
  /** Intake problems of this tenant's events, reported with its first page. */
  intakeSkipped: IngestSkippedEvent[];
}

/** Custom fields that read their value from a path. */
function valuePaths(structure: DataStructure): Map<string, string> {
  return new Map(structure.fields.flatMap((f) => (f.valueFrom ? [[f.name, f.valueFrom] as [string, string]] : [])));
}

function badRequest(error: unknown): never {
  if (error instanceof AuditQueryError || error instanceof DataStructureError || error instanceof AuditEventError) {
    throw new AuditApiError('bad-request', error.message, { status: 400, issues: error.issues, cause: error });
  }
  throw error;
}

function requireTenant(tenantId: string): void {
  if (typeof tenantId !== 'string' || tenantId.trim() === '') {
    throw new AuditApiError('bad-request', 'A tenantId is required for every request.', { status: 400 });
  }
}

/**
 * A real adapter over events the host already holds in the browser: filter, search, sort, offset and
 * cursor paging, stats and histogram, a per-tenant data structure, CSV export, create and delete.
 * Intake is fast (a million events in about a second) and light (events are kept as given, not copied);
 * malformed events are skipped and listed in `skipped`, never thrown.
 */
export function createMemoryAdapter(events: readonly AuditEventInput[], options?: MemoryAdapterOptions): MemoryAdapter;
/** Events of the host's own shape, read through `options.paths` (never copied). */
export function createMemoryAdapter(events: readonly object[], options: MemoryAdapterOptions & { paths: EventPaths }): MemoryAdapter;
export function createMemoryAdapter(events: readonly object[], options: MemoryAdapterOptions = {}): MemoryAdapter {
  const reader = options.paths ? compileEventPaths(options.paths) : undefined;
  const { stores, skipped } = ingestEvents(events, options.tenantId, reader);
  let next = 0;
  return createStoreAdapter({
    ...options,
    skipped,
    stores: () => stores.values(),
    load: (tenantId) => stores.get(tenantId) ?? new EventStore(tenantId, reader),
    newId: () => `evt_${Date.now().toString(36)}_${(next++).toString(36)}`,
  });
}

/** The adapter over per-tenant stores that both the memory adapter and the mock backend are. */
export function createStoreAdapter(options: StoreAdapterOptions): MemoryAdapter {
  const paging = options.paging ?? 'both';
  const countLater = options.countLater ?? true;
  const clock = typeof options.now === 'function' ? options.now : undefined;
  const fixedNow = typeof options.now === 'number' ? options.now : undefined;
  // Presets resolve against whole seconds, so pages fetched in one burst share cached matches.
  const now = (): number => fixedNow ?? clock?.() ?? Math.floor(Date.now() / 1000) * 1000;
  const enter = options.enter ?? (async (_method: AdapterMethod, signal?: AbortSignal) => signal?.throwIfAborted());
  const initialFields = options.fields ?? [];
  defaultDataStructure(initialFields); // reject bad initial fields at once, not on first call
  const intakeSkipped = options.skipped ?? [];

  const tenants = new Map<string, TenantState>();
  const tenant = (tenantId: string): TenantState => {
    requireTenant(tenantId);
    let state = tenants.get(tenantId);
    if (state && options.maxTenants !== undefined) {
      // Most recently used last.
      tenants.delete(tenantId);
      tenants.set(tenantId, state);
    }
    if (!state) {
      if (options.maxTenants !== undefined && tenants.size >= options.maxTenants) tenants.delete(tenants.keys().next().value!);
      const engine = new AuditQueryEngine(options.load(tenantId));
      const dataStructure = defaultDataStructure(initialFields);
      engine.setValuePaths(valuePaths(dataStructure));
      state = {
        engine,
        dataStructure,
        intakeSkipped: intakeSkipped.filter(
          (s) => s.tenantId === tenantId || (s.tenantId === undefined && tenantId === options.tenantId),
        ),
      };
      tenants.set(tenantId, state);
      if (engine.size >= 20_000) prepareWhenIdle((more) => engine.prepareSearch(more));
    }
    return state;
  };

  const checkedQuery = (state: TenantState, query: AuditQuery): AuditQuery => {
    try {
      return parseAuditQuery(query, state.dataStructure.fields);
    } catch (error) {
      return badRequest(error);
    }
  };

  const notFound = (id: string): AuditApiError =>
    new AuditApiError('not-found', `No audit event with id "${id}" in this tenant.`, { status: 404 });

  const capabilities: AdapterCapabilities = {
    paging,
    total: paging !== 'cursor',
    search: true,
    stats: true,
    editDataStructure: true,
    serverExport: true,
    create: true,
    delete: true,
    views: true,
  };

  const allStores = options.stores ?? (() => [...tenants.values()].map((t) => t.engine.store));

  let nextView = 0;
  const views = viewMethods(
    options.views ?? memoryViewBooks(),
    enter,
    { newId: () => `view_${Date.now().toString(36)}_${(nextView++).toString(36)}`, now },
    requireTenant,
  );

  return {
    capabilities,
    ...views,
    get skipped() {
      const later: IngestSkippedEvent[] = [];
      for (const store of allStores()) {
        store.verify();
        later.push(...store.skipped);
      }
      return [...intakeSkipped, ...later].sort((a, b) => a.index - b.index);
    },

    async list(request: ListEventsRequest, opts?: RequestOptions) {
      await enter('list', opts?.signal);
      const state = tenant(request.tenantId);
      const query = checkedQuery(state, request.query);
      const type = request.page?.type;
      if (type !== 'offset' && type !== 'cursor') {
        throw new AuditApiError('bad-request', 'page.type must be "offset" or "cursor".', { status: 400 });
      }
      if (paging !== 'both' && type !== paging) {
        throw new AuditApiError('unsupported', `This backend pages by ${paging} only.`, { status: 400 });
      }
      let page: EventPage;
      try {
        page = state.engine.list(query, request.page, { now: now(), countLater });
      } catch (error) {
        return badRequest(error);
      }
      if (!capabilities.total) delete page.total;
      const first = request.page.type === 'offset' ? request.page.offset === 0 : !request.page.cursor;
      const skipped = [...state.intakeSkipped, ...state.engine.skipped];
      if (first && skipped.length) page.skipped = skipped.map(({ id, issues }) => ({ ...(id && { id }), issues }));
      return page;
    },

    async get(request: EventRequest, opts?: RequestOptions) {
      await enter('get', opts?.signal);
      const event = tenant(request.tenantId).engine.get(request.id);
      if (!event) throw notFound(request.id);
      return event;
    },

    async stats(request: StatsRequest, opts?: RequestOptions) {
      await enter('stats', opts?.signal);
      const state = tenant(request.tenantId);
      const query = checkedQuery(state, request.query);
      // The rows asked for with these stats are painted first; then the count runs in slices of a few
      // milliseconds, between frames.
      if (countLater) await afterPaint();
      opts?.signal?.throwIfAborted();
      const at = now();
      const slice = async () => {
        await nextTask();
        opts?.signal?.throwIfAborted();
      };
      // The counts by severity and the histogram too, a slice at a time; counted again if the log changed
      // meanwhile (at the third time, at once: a log that changes faster than it is counted still gets stats).
      for (let attempt = 1; ; attempt++) {
        while (!state.engine.count(query, { now: at }, sliceBudget())) await slice();
        const version = state.engine.store.version;
        const counting = state.engine.statsCount(query, { now: at, maxBuckets: request.maxBuckets });
        const budget = countLater && attempt < 3 ? sliceBudget : () => () => true;
        while (!counting.step(budget()) && state.engine.store.version === version) await slice();
        if (state.engine.store.version === version) return counting.result();
      }
    },

    async getDataStructure(request: { tenantId: string }, opts?: RequestOptions) {
      await enter('getDataStructure', opts?.signal);
      return structuredClone(tenant(request.tenantId).dataStructure);
    },

    async saveDataStructure(request: { tenantId: string; dataStructure: DataStructure }, opts?: RequestOptions) {
      await enter('saveDataStructure', opts?.signal);
      const state = tenant(request.tenantId);
      try {
        state.dataStructure = parseDataStructure(structuredClone(request.dataStructure));
        state.engine.setValuePaths(valuePaths(state.dataStructure));
      } catch (error) {
        return badRequest(error);
      }
      return structuredClone(state.dataStructure);
    },

    async exportCsv(request: ExportRequest, opts?: RequestOptions) {
      await enter('exportCsv', opts?.signal);
      const state = tenant(request.tenantId);
      const query = checkedQuery(state, request.query);
      const known = new Set(state.dataStructure.fields.map((f) => f.name));
      const unknown = request.columns.filter((c) => !known.has(c.name)).map((c) => c.name);
      if (!request.columns.length || unknown.length) {
        throw new AuditApiError(
          'bad-request',
          unknown.length ? `Unknown export columns: ${unknown.join(', ')}` : 'Choose at least one column to export.',
          { status: 400 },
        );
      }
      return csvStream(state.engine, query, request.columns, now(), opts?.signal);
    },

    async create(request: { tenantId: string; event: AuditEventDraft }, opts?: RequestOptions) {
      await enter('create', opts?.signal);
      const state = tenant(request.tenantId);
      const input = { ...request.event, timestamp: request.event.timestamp ?? now() };
      if (input.tenantId !== undefined && input.tenantId !== request.tenantId) {
        throw new AuditApiError('forbidden', 'An event cannot be created in another tenant.', { status: 403 });
      }
      const result = safeNormalizeAuditEvent(input, { tenantId: request.tenantId, id: options.newId() });
      if (!result.ok) {
        return badRequest(new AuditEventError(`Invalid audit event: ${result.issues.join('; ')}`, result.issues));
      }
      const event = result.event;
      if (state.engine.indexOf(event.id) !== undefined) {
        throw new AuditApiError('bad-request', `An event with id "${event.id}" exists already.`, { status: 409 });
      }
      const facts = { id: event.id, tenantId: event.tenantId, time: Date.parse(event.timestamp), severity: { label: event.severity, rank: event.severityRank } };
      state.engine.store.push(event as unknown as Record<string, unknown>, facts, -1, true);
      state.engine.appended();
      return event;
    },

    async delete(request: EventRequest, opts?: RequestOptions) {
      await enter('delete', opts?.signal);
      if (!tenant(request.tenantId).engine.remove(request.id)) throw notFound(request.id);
    },
  };
}
