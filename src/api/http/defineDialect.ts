import * as z from 'zod/mini';
import { defaultDataStructure, parseDataStructure, type DataStructure, type FieldDefinitionInput } from '../../core/fields.js';
import type { FilterOperator } from '../../core/query.js';
import type { AdapterCapabilities, AuditLogsAdapter, EventRequest, ListEventsRequest } from '../adapter.js';
import { AuditApiError } from '../errors.js';
import type { HttpRequest } from './client.js';
import { readOne, readRows, type Dialect } from './dialects/shared.js';

/** A request to send: a path under `baseUrl`, and optionally a method, query, headers and JSON body. */
export interface DialectRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  query?: URLSearchParams | Record<string, string | number | boolean | undefined>;
  headers?: Record<string, string>;
  body?: unknown;
}

/** What a page of your server's list answer holds. */
export interface DialectPage {
  rows: unknown[];
  /** All matching events, when the server says. */
  total?: number;
  /** The next page's cursor; `null` at the end (cursor paging). */
  nextCursor?: string | null;
}

/**
 * The parts of a query your `list` sends on to the server. The viewer offers only these (no time presets,
 * no severity filter, no field filter, no sort your server would ignore, and no new-events check without the
 * time range) and says what it does not offer.
 */
export interface DialectQuerySupport {
  /** `query.search` is sent. @default false */
  search?: boolean;
  /** `query.severities` is sent: one at a time, or any number. @default none */
  severities?: 'one' | 'many';
  /**
   * `query.timeRange` is sent (resolve it with `resolveTimeRange(query.timeRange, now)`), and so is a
   * `timestamp` filter with `after` (the new-events check asks "after the newest shown"). @default false
   */
  timeRange?: boolean;
  /** Field filters sent, by field name, with the operators each takes. @default none */
  filters?: Readonly<Record<string, readonly FilterOperator[]>>;
  /** Fields it sorts by, besides newest first. @default none */
  sort?: readonly string[];
}

/** Everything that makes your server's protocol yours; the client does the rest (auth, retries, errors, checks). */
export interface DialectDefinition {
  /** Names the protocol in error messages. */
  name: string;
  /** What the server can do. @default offset paging with totals, nothing else */
  capabilities?: Partial<AdapterCapabilities>;
  /** Which parts of a query your `list` sends on. @default none: paging only */
  query?: DialectQuerySupport;
  /** The request for one page of a query (`request.page` is offset or cursor, per `capabilities.paging`). */
  list(request: ListEventsRequest, now: number): DialectRequest;
  /** Reads the list's answer (parsed JSON). Throw (any error) when it is not a page: it becomes an invalid-response error. */
  readPage(body: unknown, request: ListEventsRequest): DialectPage;
  /** One row of the server's as an event input (`AuditEventInput` shape); the result is validated. */
  readEvent(row: Record<string, unknown>): unknown;
  /** The request for one event. @default found with `list`, filtered by `id` */
  get?(request: EventRequest): DialectRequest;
  /** The event row in `get`'s answer. @default the answer itself */
  readOne?(body: unknown): unknown;
  /** The request that deletes an event (`capabilities.delete` follows). */
  delete?(request: EventRequest): DialectRequest;
  /** The fields: built-in ones by default; add your custom ones. */
  fields?: readonly FieldDefinitionInput[];
}

function toHttp(spec: DialectRequest, signal: AbortSignal | undefined): HttpRequest {
  let query: URLSearchParams | undefined;
  if (spec.query instanceof URLSearchParams) query = spec.query;
  else if (spec.query) {
    query = new URLSearchParams();
    for (const [key, value] of Object.entries(spec.query)) if (value !== undefined) query.set(key, String(value));
  }
  return { method: spec.method ?? 'GET', path: spec.path, query, headers: spec.headers, body: spec.body, signal };
}

/**
 * A dialect for a server that is "almost" one of ours: how to ask for a page and an event, and how to
 * read them. Pass it as `createHttpAdapter({ dialect: defineDialect({...}) })`.
 */
export function defineDialect(definition: DialectDefinition): Dialect {
  const support = definition.query ?? {};
  const filters = new Map(Object.entries(support.filters ?? {}));
  const sorts = new Set(support.sort ?? []);
  // The fields say what can be filtered and sorted: the viewer reads them (and drops what a link asks beyond them).
  const dataStructure: DataStructure = defaultDataStructure(definition.fields ?? []);
  for (const field of dataStructure.fields) {
    field.filterable =
      field.name === 'timestamp' ? Boolean(support.timeRange) : field.name === 'severity' ? Boolean(support.severities) : filters.has(field.name);
    field.sortable = field.name === 'timestamp' ? sorts.has('timestamp') || sorts.size > 0 : sorts.has(field.name);
  }
  const operators = new Set<FilterOperator>([...filters.values()].flat());
  // The new-events check asks for events after the newest shown.
  if (support.timeRange) operators.add('after');
  const capabilities: AdapterCapabilities = {
    paging: 'offset',
    total: true,
    search: Boolean(support.search),
    ...(support.severities && { severitySelection: support.severities }),
    filterOperators: [...operators],
    stats: false,
    editDataStructure: false,
    serverExport: false,
    create: false,
    delete: Boolean(definition.delete),
    ...definition.capabilities,
  };
  const read = <T>(what: string, run: () => T): T => {
    try {
      return run();
    } catch (error) {
      if (error instanceof AuditApiError) throw error;
      throw new AuditApiError('invalid-response', `${definition.name}: ${what} could not be read: ${String(error)}`, { cause: error });
    }
  };
  return {
    capabilities,
    create: (client) => {
      const list: AuditLogsAdapter['list'] = async (request, options) => {
        const body = await client.json(toHttp(definition.list(request, client.now()), options?.signal), z.unknown());
        const page = read('the list', () => definition.readPage(body, request));
        const { events, skipped } = readRows(page.rows, definition.readEvent, request.tenantId);
        return {
          events,
          ...(page.total !== undefined && { total: page.total }),
          ...(request.page.type === 'offset' ? { offset: request.page.offset } : { nextCursor: page.nextCursor ?? null }),
          ...(skipped.length && { skipped }),
        };
      };
      return {
        list,
        async get(request, options) {
          if (definition.get) {
            const body = await client.json(toHttp(definition.get(request), options?.signal), z.unknown());
            const row = read('the event', () => (definition.readOne ? definition.readOne(body) : body));
            return readOne(row, definition.readEvent, request.tenantId, definition.name);
          }
          const query = { filters: [{ field: 'id', op: 'eq' as const, value: request.id }] };
          const page = capabilities.paging === 'cursor' ? ({ type: 'cursor', cursor: null, limit: 1 } as const) : ({ type: 'offset', offset: 0, limit: 1 } as const);
          const listed = await list({ tenantId: request.tenantId, query, page }, options);
          const found = listed.events.find((e) => e.id === request.id);
          if (!found) throw new AuditApiError('not-found', `No audit event with id "${request.id}".`, { status: 404 });
          return found;
        },
        async getDataStructure() {
          return parseDataStructure(structuredClone(dataStructure));
        },
        ...(definition.delete && {
          async delete(request, options) {
            await client.send(toHttp(definition.delete!(request), options?.signal));
          },
        }),
      };
    },
  };
}
