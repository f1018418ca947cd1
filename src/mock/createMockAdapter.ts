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
import { AuditQueryEngine } from '../core/engine.js';
import {
  AuditEventError,
  normalizeAuditEvent,
  type AuditEvent,
  type AuditEventDraft,
  type AuditEventInput,
} from '../core/event.js';
import {
  DataStructureError,
  defaultDataStructure,
  parseDataStructure,
  type DataStructure,
  type FieldDefinitionInput,
} from '../core/fields.js';
import { AuditQueryError, parseAuditQuery, type AuditQuery } from '../core/query.js';
import { eventsByTenant } from './eventsByTenant.js';
import { csvStream } from './exportStream.js';
import { FaultInjector, type FailNextOptions } from './faults.js';
import { generateAuditEvents } from './generator.js';
import { createRandom, hashString } from './random.js';
import type { SeverityVocabulary } from './vocabulary.js';

export interface MockAdapterOptions {
  /** Serve these events instead of generated ones; each needs a `tenantId`. */
  events?: readonly AuditEventInput[];
  /** Generated events per tenant (any tenant id gets its own log, made on first use). @default 1000 */
  count?: number;
  /** Same seed, same data. @default 1 */
  seed?: number;
  /** Simulated latency per call, fixed or a [min, max] range in ms. @default 0 */
  latencyMs?: number | readonly [number, number];
  /** Share of calls (0–1) that fail with a server error. @default 0 */
  failureRate?: number;
  /** Custom fields every tenant's data structure starts with. */
  fields?: readonly FieldDefinitionInput[];
  /** The clock: what "now" is for generated timestamps and time presets. @default Date.now */
  now?: number | (() => number);
  /** Which paging to offer; `'cursor'` also hides totals, like a cursor-only backend. @default 'both' */
  paging?: 'offset' | 'cursor' | 'both';
  /** Severity labels of generated events. @default Frontegg's or fullstackhero's, by tenant */
  vocabulary?: SeverityVocabulary;
}

/** The mock backend: an `AuditLogsAdapter` plus switches for faults. */
export interface MockAdapter extends Required<AuditLogsAdapter> {
  /** Makes the next call (of a method, or any) fail with an `AuditApiError` of the given kind. */
  failNext(options?: FailNextOptions): void;
  setLatency(ms: number | readonly [number, number]): void;
  setFailureRate(rate: number): void;
  /** Clears queued failures. */
  resetFaults(): void;
}

interface TenantState {
  engine: AuditQueryEngine;
  dataStructure: DataStructure;
}

/**
 * Builds a large log's search text in short slices when the page is idle (between tasks where there is no
 * idle callback), so the first search is not the slow one and rendering never waits for it.
 */
function prepareInSlices(engine: AuditQueryEngine): void {
  if (engine.size < 20_000) return;
  const idle = (globalThis as { requestIdleCallback?: (cb: () => void) => void }).requestIdleCallback;
  const later = (cb: () => void) => (idle ? idle(cb) : setTimeout(cb, 0));
  const slice = () => {
    if (!engine.prepareSearch(10_000)) later(slice);
  };
  later(slice);
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
 * An in-memory backend for demos, stories and tests: seeded realistic events per tenant, the full
 * query engine, a per-tenant data structure, CSV export, create and delete, and fault injection.
 */
export function createMockAdapter(options: MockAdapterOptions = {}): MockAdapter {
  const seed = options.seed ?? 1;
  const count = options.count ?? 1000;
  const paging = options.paging ?? 'both';
  const clock = typeof options.now === 'function' ? options.now : undefined;
  const fixedNow = typeof options.now === 'number' ? options.now : undefined;
  const startedAt = Date.now();
  // Presets resolve against whole seconds, so pages fetched in one burst share cached matches.
  const now = (): number => fixedNow ?? clock?.() ?? Math.floor(Date.now() / 1000) * 1000;
  const faults = new FaultInjector(
    createRandom(seed ^ 0x5eed),
    options.latencyMs ?? 0,
    options.failureRate ?? 0,
  );
  const initialFields = options.fields ?? [];
  defaultDataStructure(initialFields); // reject bad initial fields at once, not on first call

  const given = options.events ? eventsByTenant(options.events) : undefined;

  const tenants = new Map<string, TenantState>();
  const tenant = (tenantId: string): TenantState => {
    requireTenant(tenantId);
    let state = tenants.get(tenantId);
    if (!state) {
      const events = given
        ? (given.get(tenantId) ?? [])
        : generateAuditEvents({
            tenantId,
            count,
            seed,
            now: fixedNow ?? clock?.() ?? startedAt,
            vocabulary: options.vocabulary,
          });
      state = { engine: new AuditQueryEngine(events), dataStructure: defaultDataStructure(initialFields) };
      tenants.set(tenantId, state);
      prepareInSlices(state.engine);
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
  };

  const idRandom = createRandom(hashString('ids') ^ seed);

  return {
    capabilities,

    async list(request: ListEventsRequest, opts?: RequestOptions) {
      await faults.enter('list', opts?.signal);
      const state = tenant(request.tenantId);
      const query = checkedQuery(state, request.query);
      const type = request.page?.type;
      if (type !== 'offset' && type !== 'cursor') {
        throw new AuditApiError('bad-request', 'page.type must be "offset" or "cursor".', { status: 400 });
      }
      if (paging !== 'both' && type !== paging) {
        throw new AuditApiError('unsupported', `This backend pages by ${paging} only.`, { status: 400 });
      }
      try {
        const page = state.engine.list(query, request.page, { now: now() });
        if (!capabilities.total) delete page.total;
        return page;
      } catch (error) {
        return badRequest(error);
      }
    },

    async get(request: EventRequest, opts?: RequestOptions) {
      await faults.enter('get', opts?.signal);
      const event = tenant(request.tenantId).engine.get(request.id);
      if (!event) throw notFound(request.id);
      return event;
    },

    async stats(request: StatsRequest, opts?: RequestOptions) {
      await faults.enter('stats', opts?.signal);
      const state = tenant(request.tenantId);
      const query = checkedQuery(state, request.query);
      return state.engine.stats(query, { now: now(), maxBuckets: request.maxBuckets });
    },

    async getDataStructure(request: { tenantId: string }, opts?: RequestOptions) {
      await faults.enter('getDataStructure', opts?.signal);
      return structuredClone(tenant(request.tenantId).dataStructure);
    },

    async saveDataStructure(request: { tenantId: string; dataStructure: DataStructure }, opts?: RequestOptions) {
      await faults.enter('saveDataStructure', opts?.signal);
      const state = tenant(request.tenantId);
      try {
        state.dataStructure = parseDataStructure(structuredClone(request.dataStructure));
      } catch (error) {
        return badRequest(error);
      }
      return structuredClone(state.dataStructure);
    },

    async exportCsv(request: ExportRequest, opts?: RequestOptions) {
      await faults.enter('exportCsv', opts?.signal);
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
      await faults.enter('create', opts?.signal);
      const state = tenant(request.tenantId);
      const input = { ...request.event, timestamp: request.event.timestamp ?? now() };
      if (input.tenantId !== undefined && input.tenantId !== request.tenantId) {
        throw new AuditApiError('forbidden', 'An event cannot be created in another tenant.', { status: 403 });
      }
      let event: AuditEvent;
      try {
        event = normalizeAuditEvent(input, { tenantId: request.tenantId, id: `evt_${idRandom.hex(16)}` });
      } catch (error) {
        return badRequest(error);
      }
      if (state.engine.get(event.id)) {
        throw new AuditApiError('bad-request', `An event with id "${event.id}" exists already.`, { status: 409 });
      }
      state.engine.add(event);
      return event;
    },

    async delete(request: EventRequest, opts?: RequestOptions) {
      await faults.enter('delete', opts?.signal);
      if (!tenant(request.tenantId).engine.remove(request.id)) throw notFound(request.id);
    },

    failNext: (o) => faults.failNext(o),
    setLatency: (ms) => {
      faults.latencyMs = ms;
    },
    setFailureRate: (rate) => {
      faults.failureRate = rate;
    },
    resetFaults: () => faults.reset(),
  };
}

